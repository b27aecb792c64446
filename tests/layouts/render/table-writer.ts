import type ExcelJS from 'exceljs';
import { numberFormat, unitsToGroupedText, unitsToText, type Units } from '../model/amount';
import type { CellAt, LayoutVariant, PlacedTable, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import type { BodyLine, HeadPath, TableSpec } from './table-spec';

/**
 * Writes one TableSpec onto a worksheet in a chosen style and records where every body line landed, so a property can
 * find "the first leaf amount" or "the code cell of line 7" whatever the layout (page breaks, sheets split, columns
 * split). Families compose this writer; they never place cells themselves.
 */

export type Cell = string | number | null;

export interface WriteStyle {
  /** One code column, or the code split over 类|款|项 (economic: 类|款) columns under one head. */
  readonly codeColumns: 'single' | 'split';
  /** Head over the split code columns, or of the single code column. */
  readonly codeHead: string;
  /** Split codes: 类 stored as a number ('class-number'), every part as text ('text'), or 款/项 as numbers that lost their leading zero. */
  readonly codeCells: 'text' | 'class-number' | 'lost-zero';
  /** Amounts as numbers with a number format, as plain text, or as text with thousands separators. */
  readonly numbers: 'number' | 'text' | 'grouped-text';
  /** How an absent amount prints: nothing, or a zero. */
  readonly zeros: 'blank' | 'zero';
  /** Where the 合计 row goes. */
  readonly totalRow: 'first' | 'last';
  /** The 合计 label in the name column, or in the first column merged across the code and name columns. */
  readonly totalLabel?: 'name' | 'merged';
  /** Band heads above the label and the amount columns (['项目', '支出预算']), or none. */
  readonly band?: readonly [string, string];
  /** Thin borders on every cell of the table (converters draw the PDF's rules). */
  readonly borders?: boolean;
  /** Styled (bordered) empty cells to the right of the table, as platform exports leave them. */
  readonly styledEmptyColumns?: number;
  /** Merged cells (titles, header parents, a merged 合计 label) kept, or lost as PDF converters often lose them. */
  readonly merges?: 'kept' | 'lost';
  /** Amounts written as text with their unit after them ("1,234.56万元"), whatever `numbers` says. */
  readonly amountUnit?: string;
  /** Codes written with their level words: 类208 / 款20805 / 项2080505, or 类208 | 款05 | 项05 split. */
  readonly levelWords?: boolean;
  /** A sub-head written under every amount column, below the header (预算数 | 预算数 | 预算数). */
  readonly subHead?: string;
}

const LEVEL_WORDS = ['类', '款', '项'];

export interface Frame {
  /** Rows above the header (title, meta line …): each a list of cells from the table's first column; `merge` spans the width. */
  readonly above: readonly { cells: readonly Cell[]; merge?: boolean; atEnd?: string }[];
  /** Rows below the body (notes). */
  readonly below?: readonly string[];
}

/** Page breaks of a PDF conversion: every `rowsPerPage` body rows the page ends. */
export interface Paging {
  readonly rowsPerPage: number;
  /** The header is printed again on the next page. */
  readonly repeatHeader: boolean;
  /** A page number line between pages, as converters keep the footer: "- 3 -" in the first column, a bare number in the middle column, or none. */
  readonly pageNumbers: 'dashed' | 'bare' | 'none';
  /** Page number of the table's first page. */
  readonly firstPage?: number;
  /** The next page goes to a new sheet (one sheet per page) rather than below on the same sheet. */
  readonly nextSheet?: () => ExcelJS.Worksheet;
}

export interface Place {
  readonly sheet: string;
  readonly row: number;
}

export interface WrittenTable {
  /** The table with its cell index by meaning (row key | column key), as the registry's slips and properties use it. */
  readonly placed: PlacedTable;
  /** The sheet and the first free row after the table (for stacking). */
  readonly end: Place;
  readonly width: number;
}

/** Header rows and merges from head paths: a short path spans down to the last header row; equal prefixes merge across. */
export function headerGrid(paths: readonly HeadPath[]): {
  rows: Cell[][];
  merges: [number, number, number, number][];
} {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: Cell[][] = Array.from({ length: depth }, () => Array<Cell>(paths.length).fill(null));
  const merges: [number, number, number, number][] = [];
  for (let level = 0; level < depth; level++) {
    let j = 0;
    while (j < paths.length) {
      const p = paths[j]!;
      if (level >= p.length) {
        j++;
        continue;
      }
      if (level === p.length - 1) {
        rows[level]![j] = p[level]!;
        if (level < depth - 1) merges.push([level, j, depth - 1, j]);
        j++;
        continue;
      }
      const prefix = p.slice(0, level + 1).join('\u0001');
      let k = j;
      while (
        k + 1 < paths.length &&
        paths[k + 1]!.length > level + 1 &&
        paths[k + 1]!.slice(0, level + 1).join('\u0001') === prefix
      )
        k++;
      rows[level]![j] = p[level]!;
      if (k > j) merges.push([level, j, level, k]);
      j = k + 1;
    }
  }
  return { rows, merges };
}

function codeParts(spec: TableSpec, style: WriteStyle): number {
  if (spec.codes === 'none') return 0;
  if (style.codeColumns === 'single') return 1;
  return spec.codes === 'function' ? 3 : 2;
}

/** The head paths of the whole table in this style. */
export function headsOf(spec: TableSpec, style: WriteStyle): HeadPath[] {
  const parts = codeParts(spec, style);
  const labels: HeadPath[] = [];
  if (parts === 1) labels.push([style.codeHead]);
  if (parts > 1) for (const p of ['类', '款', '项'].slice(0, parts)) labels.push([style.codeHead, p]);
  labels.push(...spec.labelHeads.slice(spec.codes === 'none' ? 0 : 1));
  const amounts = spec.amountHeads;
  if (!style.band) return [...labels, ...amounts];
  return [...labels.map((p) => [style.band![0], ...p]), ...amounts.map((p) => [style.band![1], ...p])];
}

function codeCells(line: BodyLine, spec: TableSpec, style: WriteStyle): Cell[] {
  const parts = codeParts(spec, style);
  if (parts === 0) return [];
  const code = line.code;
  if (parts === 1) return [code !== null && style.levelWords ? `${LEVEL_WORDS[(code.length - 3) / 2]}${code}` : code];
  const out: Cell[] = Array<Cell>(parts).fill(null);
  if (code === null) return out;
  const pieces = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, parts);
  pieces.forEach((piece, i) => {
    if (piece === '') return;
    if (style.levelWords) out[i] = `${LEVEL_WORDS[i]}${piece}`;
    else if (i === 0) out[i] = style.codeCells === 'text' ? piece : Number(piece);
    else out[i] = style.codeCells === 'lost-zero' ? Number(piece) : piece;
  });
  return out;
}

export function amountCell(u: Units | null, decimals: number, style: WriteStyle): Cell {
  const v = u ?? (style.zeros === 'zero' ? 0 : null);
  if (v === null) return null;
  if (style.amountUnit !== undefined) return `${unitsToGroupedText(v, decimals)}${style.amountUnit}`;
  if (style.numbers === 'number') return Number(unitsToText(v, decimals));
  return style.numbers === 'grouped-text' ? unitsToGroupedText(v, decimals) : unitsToText(v, decimals);
}

export interface TableTarget {
  ws: ExcelJS.Worksheet;
  /** 1-based top-left. */
  readonly row: number;
  readonly column: number;
}

export function writeTable(
  target: TableTarget,
  spec: TableSpec,
  decimals: number,
  style: WriteStyle,
  frame: Frame,
  paging?: Paging,
): WrittenTable {
  let ws = target.ws;
  const c0 = target.column;
  const heads = headsOf(spec, style);
  const width = heads.length;
  const header = headerGrid(heads);
  const fmt = numberFormat(decimals);
  const parts = codeParts(spec, style);
  const firstAmount = width - spec.amountHeads.length;
  const put = (row: number, values: readonly Cell[]) =>
    values.forEach((v, j) => {
      if (v === null) return;
      const c = ws.getCell(row, c0 + j);
      c.value = v;
      if (typeof v === 'number' && j >= firstAmount) c.numFmt = fmt;
    });
  const styled = style.styledEmptyColumns ?? 0;
  const styleRow = (row: number, inTable = true) => {
    if (style.borders && inTable)
      for (let j = 0; j < width; j++) {
        const thin = { style: 'thin' as const };
        ws.getCell(row, c0 + j).border = { top: thin, left: thin, bottom: thin, right: thin };
      }
    for (let j = 0; j < styled; j++) {
      const c = ws.getCell(row, c0 + width + j);
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' } };
      c.font = { name: '宋体', size: 12 };
    }
  };
  const keepMerges = style.merges !== 'lost';
  let r = target.row;
  for (const line of frame.above) {
    const cells = [...line.cells];
    if (line.atEnd !== undefined) {
      while (cells.length < width) cells.push(null);
      cells[width - 1] = line.atEnd;
    }
    put(r, cells);
    if (line.merge && keepMerges) ws.mergeCells(r, c0, r, c0 + width - 1);
    styleRow(r, false);
    r++;
  }
  const writeHeader = () => {
    header.rows.forEach((h, i) => {
      put(r + i, h);
      styleRow(r + i);
    });
    if (keepMerges) for (const [t, l, b, rr] of header.merges) ws.mergeCells(r + t, c0 + l, r + b, c0 + rr);
    r += header.rows.length;
    if (style.subHead !== undefined) {
      put(
        r,
        Array.from({ length: width }, (_, j) => (j >= firstAmount ? (style.subHead as string) : null)),
      );
      styleRow(r);
      r++;
    }
  };
  writeHeader();
  const ordered = spec.body.map((line, index) => ({ line, index }));
  if (style.totalRow === 'last') ordered.push(ordered.shift()!);
  const cells = new Map<string, CellAt>();
  const firstSheet = ws.name;
  let onPage = 0;
  let page = paging?.firstPage ?? 1;
  for (const { line } of ordered) {
    if (paging && onPage >= paging.rowsPerPage) {
      if (paging.pageNumbers !== 'none') {
        const cells = Array<Cell>(width).fill(null);
        if (paging.pageNumbers === 'dashed') cells[0] = `- ${page} -`;
        else cells[Math.floor(width / 2)] = page;
        put(r, cells);
        r++;
      }
      page++;
      onPage = 0;
      if (paging.nextSheet) {
        ws = paging.nextSheet();
        r = 1;
      }
      if (paging.repeatHeader) writeHeader();
    }
    const amounts = line.amounts.map((u) => amountCell(u, decimals, style));
    if (line.level === 0 && parts > 0 && style.totalLabel === 'merged') {
      put(r, [line.label, ...Array<Cell>(parts).fill(null), ...amounts]);
      if (keepMerges) ws.mergeCells(r, c0, r, c0 + parts);
    } else put(r, [...codeCells(line, spec, style), line.label, ...amounts]);
    styleRow(r);
    const at = (col: number): CellAt => ({ sheet: ws.name, row: r, col });
    spec.amountKeys.forEach((k, i) => cells.set(`${line.key}|${k}`, at(c0 + firstAmount + i)));
    cells.set(`${line.key}|name`, at(c0 + parts));
    // The code cell: the whole code, or (split columns) the part of the line's own level (类, 款 or 项).
    if (line.code !== null && parts > 0)
      cells.set(`${line.key}|code`, at(c0 + (parts === 1 ? 0 : Math.min(parts, line.level) - 1)));
    r++;
    onPage++;
  }
  for (const note of frame.below ?? []) {
    put(r, [note]);
    r++;
  }
  const placed: PlacedTable = {
    key: spec.key,
    type: spec.type,
    name: spec.name,
    sheet: firstSheet,
    cells,
    ...(ws.name === firstSheet ? { block: { top: target.row, bottom: r - 1, left: c0, right: c0 + width - 1 } } : {}),
    rows: spec.body.map((l) => ({ key: l.key, role: l.role })),
  };
  return { placed, end: { sheet: ws.name, row: r }, width };
}

/**
 * Variants of a family drawn from fixed layout seeds: each variant is one concrete choice of the family's options, with
 * the features it names, so a failing seed points at a layout anyone can draw again.
 */
export function drawVariants<O>(
  family: string,
  count: number,
  draw: (rng: Rng, index: number) => O,
  features: (o: O) => string[],
  render: (d: Disclosure, o: O) => Rendered,
): LayoutVariant[] {
  return Array.from({ length: count }, (_, i) => {
    const o = draw(new Rng(1 + i).fork(family), i);
    return { id: `v${i}`, features: features(o), render: (d) => render(d, o) };
  });
}
