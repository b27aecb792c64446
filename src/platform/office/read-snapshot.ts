import {
  parseRange,
  type Cell,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../core';
import type { ExcelContext, ExcelRange, ExcelRangeAreas, ExcelRunner, ExcelWorksheet } from './excel-api';
import { ExcelOperationError, isPayloadError, toOfficeError } from './office-errors';

/**
 * Reads every sheet the CLI reads — visible and hidden, a hidden one marked `hidden`; very hidden sheets are internal
 * — into a snapshot with few round trips: sheet list (1 sync), used ranges of values (not of formats) of all sheets
 * (1 sync), then values, number formats and merged areas in chunks of at most `maxCellsPerRead` cells, several chunks
 * (and sheets) per sync up to `maxCellsPerSync`. A sync that fails for its size — Excel on the web caps a request at
 * 5 MB, and getMergedAreas fails above 512 areas — is retried with its chunks halved.
 *
 * A used range far larger than its values (one stray value at XFD1048576 stretches it to 17 billion cells) is not
 * read cell by cell: one more sync asks Excel which areas hold constants and formulas, and only blocks around those
 * are read, so the number of reads follows the cells that hold values, not the used range. A sheet holding more
 * values than the CLI's budget (2,000,000 cells) is refused with the same message.
 */
export interface ReadOptions {
  readonly name: string;
  readonly maxCellsPerRead?: number;
  readonly maxCellsPerSync?: number;
  readonly onProgress?: (done: number, total: number, sheet: string) => void;
  readonly signal?: AbortSignal;
  /** A used range of more cells than this is read through its value areas (getSpecialCells), not whole. */
  readonly denseCells?: number;
  /** Cells holding values a sheet may have (the CLI's DEFAULT_LIMITS.sheetCells). */
  readonly maxCellsPerSheet?: number;
}

export const SHEET_CELL_BUDGET = 2_000_000;
const DENSE_CELLS = 500_000;

interface Chunk {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

const ERROR_TEXT =
  /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export class ScanCancelled extends Error {
  constructor() {
    super('扫描已取消');
    this.name = 'ScanCancelled';
  }
}

/** A value as Office.js returns it → a snapshot value ("" is empty; "#REF!" and its kin are error values). */
export function cellValueOf(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  return ERROR_TEXT.test(s) ? { error: s } : s;
}

function split(chunk: Chunk): Chunk[] {
  if (chunk.rows <= 1) return [chunk];
  const half = Math.ceil(chunk.rows / 2);
  return [
    { ...chunk, rows: half },
    { ...chunk, row: chunk.row + half, rows: chunk.rows - half },
  ];
}

interface SheetState {
  readonly ws: ExcelWorksheet;
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: (Cell | undefined)[][];
  columnCount: number;
  readonly merges: Map<string, CellRange>;
}

async function readChunks(
  context: ExcelContext,
  sheets: SheetState[],
  chunks: Chunk[],
  withMerges: boolean,
): Promise<void> {
  const reads = chunks.map((c) => {
    const range = (sheets[c.sheet] as SheetState).ws.getRangeByIndexes(c.row, c.col, c.rows, c.cols);
    range.load(['values', 'numberFormat']);
    let merged: ExcelRangeAreas | null = null;
    if (withMerges) {
      merged = range.getMergedAreasOrNullObject();
      merged.load(['areas/items/address']);
    }
    return { c, range, merged };
  });
  await context.sync();
  for (const { c, range, merged } of reads) store(sheets[c.sheet] as SheetState, c, range, merged);
}

function store(state: SheetState, c: Chunk, range: ExcelRange, merged: ExcelRangeAreas | null): void {
  for (let i = 0; i < c.rows; i++) {
    const values = range.values[i] ?? [];
    const formats = range.numberFormat[i] ?? [];
    const row = (state.rows[c.row + i] ??= []);
    for (let j = 0; j < c.cols; j++) {
      const value = cellValueOf(values[j]);
      if (value === null) continue;
      const format = typeof formats[j] === 'string' && formats[j] !== 'General' ? (formats[j] as string) : undefined;
      row[c.col + j] = format ? { value, format } : { value };
      state.columnCount = Math.max(state.columnCount, c.col + j + 1);
    }
  }
  if (merged && !merged.isNullObject) {
    for (const area of merged.areas.items) {
      const address = area.address.includes('!') ? (area.address.split('!').pop() as string) : area.address;
      state.merges.set(address, parseRange(address));
    }
  }
}

/** Merged [from, to] intervals covering `spans` (overlapping or touching ones joined), sorted. */
function mergeIntervals(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Index of the interval holding `x` (binary search; `x` is always inside one). */
function intervalOf(intervals: readonly [number, number][], x: number): number {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((intervals[mid] as [number, number])[0] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const cellsIn = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/**
 * Rectangles to read that cover the areas holding values: the areas grouped by the band of rows and the band of
 * columns they fall in (bands are the rows, and the columns, that hold values, joined where they touch), each group
 * read as its bounding box — a table is one block, a stray value far away another of one cell. When the boxes would
 * read much more than the areas themselves (values along a whole row and a whole column), the areas are read as they
 * are.
 */
export function valueBlocks(areas: readonly CellRange[]): CellRange[] {
  if (!areas.length) return [];
  const rows = mergeIntervals(areas.map((a) => [a.top, a.bottom]));
  const cols = mergeIntervals(areas.map((a) => [a.left, a.right]));
  const groups = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const a of areas) {
    const key = `${intervalOf(rows, a.top)}:${intervalOf(cols, a.left)}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { ...a });
    else {
      g.top = Math.min(g.top, a.top);
      g.left = Math.min(g.left, a.left);
      g.bottom = Math.max(g.bottom, a.bottom);
      g.right = Math.max(g.right, a.right);
    }
  }
  const blocks = [...groups.values()];
  const exact = areas.reduce((n, a) => n + cellsIn(a), 0);
  const boxed = blocks.reduce((n, b) => n + cellsIn(b), 0);
  return boxed > 2 * exact + 100_000 ? [...areas] : blocks;
}

/** "'My Sheet'!$A$1:$C$4" → the range. */
function rangeOfAddress(address: string): CellRange {
  return parseRange(address.slice(address.lastIndexOf('!') + 1));
}

export async function readWorkbookSnapshot(run: ExcelRunner, options: ReadOptions): Promise<WorkbookSnapshot> {
  const maxRead = options.maxCellsPerRead ?? 50_000;
  const maxSync = options.maxCellsPerSync ?? 100_000;
  const dense = options.denseCells ?? DENSE_CELLS;
  const budget = options.maxCellsPerSheet ?? SHEET_CELL_BUDGET;
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load(['items/name', 'items/visibility']);
      await context.sync();
      // The sheets the CLI reads: visible and hidden ones (very hidden sheets are an add-in's or a macro's own).
      const read = worksheets.items.filter((w) => w.visibility !== 'VeryHidden');
      // valuesOnly: styled-but-empty columns out to IV do not count.
      const used = read.map((w) => {
        const r = w.getUsedRangeOrNullObject(true);
        r.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        return r;
      });
      await context.sync();
      const sheets: SheetState[] = read.map((ws) => ({
        ws,
        name: ws.name,
        hidden: ws.visibility === 'Hidden',
        rows: [],
        columnCount: 0,
        merges: new Map(),
      }));
      // Each sheet's blocks to read: its used range, or, when that is far larger than a table, its value areas.
      const blocks: CellRange[][] = used.map((u) =>
        u.isNullObject
          ? []
          : [
              {
                top: u.rowIndex,
                left: u.columnIndex,
                bottom: u.rowIndex + u.rowCount - 1,
                right: u.columnIndex + u.columnCount - 1,
              },
            ],
      );
      const sparse = used.flatMap((u, sheet) =>
        !u.isNullObject && u.rowCount * u.columnCount > dense
          ? [
              {
                sheet,
                areas: (['Constants', 'Formulas'] as const).map((kind) => {
                  const areas = u.getSpecialCellsOrNullObject(kind);
                  areas.load(['areas/items/address']);
                  return areas;
                }),
              },
            ]
          : [],
      );
      if (sparse.length) {
        await context.sync();
        for (const { sheet, areas } of sparse) {
          const found = areas.flatMap((a) =>
            a.isNullObject ? [] : a.areas.items.map((r) => rangeOfAddress(r.address)),
          );
          const values = found.reduce((n, a) => n + cellsIn(a), 0);
          if (values > budget)
            throw new ExcelOperationError(
              'TooManyCells',
              `工作表“${(sheets[sheet] as SheetState).name}”有 ${values.toLocaleString('en-US')} 个非空单元格，超过审核上限（每张工作表 ${budget.toLocaleString('en-US')} 个）`,
            );
          blocks[sheet] = valueBlocks(found);
        }
      }
      const chunks: Chunk[] = [];
      blocks.forEach((list, sheet) => {
        for (const b of list) {
          const cols = b.right - b.left + 1;
          const rowCount = b.bottom - b.top + 1;
          const per = Math.max(1, Math.floor(maxRead / cols));
          for (let r = 0; r < rowCount; r += per)
            chunks.push({ sheet, row: b.top + r, col: b.left, rows: Math.min(per, rowCount - r), cols });
        }
      });
      const total = chunks.reduce((n, c) => n + c.rows * c.cols, 0);
      let done = 0;
      let queue = chunks;
      let limit = maxSync;
      while (queue.length) {
        if (options.signal?.aborted) throw new ScanCancelled();
        const batch: Chunk[] = [];
        let cells = 0;
        while (
          queue.length &&
          (batch.length === 0 || cells + (queue[0] as Chunk).rows * (queue[0] as Chunk).cols <= limit)
        ) {
          const c = queue.shift() as Chunk;
          batch.push(c);
          cells += c.rows * c.cols;
        }
        try {
          await readChunks(context, sheets, batch, true);
        } catch (e) {
          const smaller = batch.flatMap(split);
          if (smaller.length > batch.length || batch.length > 1) {
            // Too big for one request (payload, or too many merged areas): the same cells in halves, fewer per sync.
            limit = Math.max(1, Math.floor(cells / 2));
            queue = [...smaller, ...queue];
            continue;
          }
          if (!isPayloadError(e)) {
            // A single row still failing on its merged areas: read its values without them.
            await readChunks(context, sheets, batch, false);
          } else throw e;
        }
        done += cells;
        options.onProgress?.(done, total, (sheets[(batch[0] as Chunk).sheet] as SheetState).name);
      }
      const out: SheetSnapshot[] = sheets.map((s) => {
        const rows = s.rows;
        let last = rows.length - 1;
        while (last >= 0 && !(rows[last] ?? []).some(Boolean)) last--;
        rows.length = last + 1;
        const sheet = { name: s.name, rows, columnCount: s.columnCount, merges: [...s.merges.values()] };
        return s.hidden ? { ...sheet, hidden: true as const } : sheet;
      });
      return { name: options.name, sheets: out };
    });
  } catch (e) {
    if (e instanceof ScanCancelled) throw e;
    throw toOfficeError(e);
  }
}
