import type ExcelJS from 'exceljs';
import { numberFormat, unitsToGroupedText, unitsToText, type Units } from '../model/amount';
import type { Disclosure } from '../model/disclosure';
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
}

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
  readonly spec: TableSpec;
  /** Where each body line of spec.body landed (sheet, 1-based row). */
  readonly lines: readonly Place[];
  /** 1-based columns of the amount columns, in spec.amountHeads order. */
  readonly amountColumns: readonly number[];
  /** 1-based columns holding the code (one, or the 类/款/项 parts). */
  readonly codeColumns: readonly number[];
  readonly nameColumn: number;
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
  if (parts === 1) return [code];
  const out: Cell[] = Array<Cell>(parts).fill(null);
  if (code === null) return out;
  const pieces = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, parts);
  pieces.forEach((piece, i) => {
    if (piece === '') return;
    if (i === 0) out[i] = style.codeCells === 'text' ? piece : Number(piece);
    else out[i] = style.codeCells === 'lost-zero' ? Number(piece) : piece;
  });
  return out;
}

export function amountCell(u: Units | null, decimals: number, style: WriteStyle): Cell {
  const v = u ?? (style.zeros === 'zero' ? 0 : null);
  if (v === null) return null;
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
  let r = target.row;
  for (const line of frame.above) {
    const cells = [...line.cells];
    if (line.atEnd !== undefined) {
      while (cells.length < width) cells.push(null);
      cells[width - 1] = line.atEnd;
    }
    put(r, cells);
    if (line.merge) ws.mergeCells(r, c0, r, c0 + width - 1);
    styleRow(r, false);
    r++;
  }
  const writeHeader = () => {
    header.rows.forEach((h, i) => {
      put(r + i, h);
      styleRow(r + i);
    });
    for (const [t, l, b, rr] of header.merges) ws.mergeCells(r + t, c0 + l, r + b, c0 + rr);
    r += header.rows.length;
  };
  writeHeader();
  const ordered = spec.body.map((line, index) => ({ line, index }));
  if (style.totalRow === 'last') ordered.push(ordered.shift()!);
  const lines: Place[] = Array<Place>(spec.body.length);
  let onPage = 0;
  let page = paging?.firstPage ?? 1;
  for (const { line, index } of ordered) {
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
      ws.mergeCells(r, c0, r, c0 + parts);
    } else put(r, [...codeCells(line, spec, style), line.label, ...amounts]);
    styleRow(r);
    lines[index] = { sheet: ws.name, row: r };
    r++;
    onPage++;
  }
  for (const note of frame.below ?? []) {
    put(r, [note]);
    r++;
  }
  return {
    spec,
    lines,
    amountColumns: spec.amountHeads.map((_, i) => c0 + width - spec.amountHeads.length + i),
    codeColumns: Array.from({ length: parts }, (_, i) => c0 + i),
    nameColumn: c0 + parts,
    end: { sheet: ws.name, row: r },
    width,
  };
}

/** A workbook drawn by one layout family, with the features its seed chose (printed when a property fails). */
export interface RenderedLayout {
  readonly wb: ExcelJS.Workbook;
  readonly tables: readonly WrittenTable[];
  readonly features: readonly string[];
}

/** A layout family of h9b: what it varies, the model options it needs, and its renderer (layout drawn from the seed). */
export interface LayoutFamily {
  readonly name: string;
  readonly varies: readonly string[];
  readonly kind: 'budget' | 'final';
  readonly modelOptions?: { unit?: '元' | '万元'; decimals?: 0 | 2 | 4 };
  /** The report types the family's tables must be given (a multiset). */
  readonly types: readonly string[];
  render(d: Disclosure, seed: number): RenderedLayout;
}
