import { parseRange } from '../../core/snapshot/address';
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot/types';
import type { ExcelContext, ExcelRange, ExcelRangeAreas, ExcelRunner, ExcelWorksheet } from './excel-api';
import { isPayloadError, toOfficeError } from './office-errors';

/**
 * Reads every visible sheet into a snapshot with few round trips: sheet list (1 sync), used ranges of all sheets
 * (1 sync), then values, number formats and merged areas in chunks of at most `maxCellsPerRead` cells, several chunks
 * (and sheets) per sync up to `maxCellsPerSync`. A sync that fails for its size — Excel on the web caps a request at
 * 5 MB, and getMergedAreas fails above 512 areas — is retried with its chunks halved.
 */
export interface ReadOptions {
  readonly name: string;
  readonly maxCellsPerRead?: number;
  readonly maxCellsPerSync?: number;
  readonly onProgress?: (done: number, total: number, sheet: string) => void;
  readonly signal?: AbortSignal;
}

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

function toValue(v: unknown): CellValue {
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
      const value = toValue(values[j]);
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

export async function readWorkbookSnapshot(run: ExcelRunner, options: ReadOptions): Promise<WorkbookSnapshot> {
  const maxRead = options.maxCellsPerRead ?? 50_000;
  const maxSync = options.maxCellsPerSync ?? 100_000;
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load(['items/name', 'items/visibility']);
      await context.sync();
      const visible = worksheets.items.filter((w) => w.visibility === 'Visible');
      // valuesOnly: styled-but-empty columns out to IV do not count.
      const used = visible.map((w) => {
        const r = w.getUsedRangeOrNullObject(true);
        r.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        return r;
      });
      await context.sync();
      const sheets: SheetState[] = visible.map((ws) => ({
        ws,
        name: ws.name,
        rows: [],
        columnCount: 0,
        merges: new Map(),
      }));
      const chunks: Chunk[] = [];
      used.forEach((u, sheet) => {
        if (u.isNullObject) return;
        const per = Math.max(1, Math.floor(maxRead / Math.max(1, u.columnCount)));
        for (let r = 0; r < u.rowCount; r += per) {
          chunks.push({
            sheet,
            row: u.rowIndex + r,
            col: u.columnIndex,
            rows: Math.min(per, u.rowCount - r),
            cols: u.columnCount,
          });
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
        return { name: s.name, rows, columnCount: s.columnCount, merges: [...s.merges.values()] };
      });
      return { name: options.name, sheets: out };
    });
  } catch (e) {
    if (e instanceof ScanCancelled) throw e;
    throw toOfficeError(e);
  }
}
