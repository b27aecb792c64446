import type ExcelJS from 'exceljs';
import { numberFormat, unitsToNumber, type Units } from '../model/amount';
import type { Disclosure } from '../model/disclosure';
import type { CellAt, PlacedTable, RowRole } from '../families';

/**
 * A small grid writer for the tables of the 决算 and 单位 families: a table is a title block, header rows with merges,
 * body rows whose cells may each carry their meaning (`rowKey|columnKey`, for two-sided tables and side-by-side blocks)
 * and notes; the writer places it at a row of a sheet and returns the cell index (PlacedTable).
 */

export type Value = string | number | null;

/** A body cell: a value, and optionally its meaning (otherwise the row's key and the table's column key). */
export interface GridCell {
  readonly v: Value;
  readonly key?: string;
}

export interface GridRow {
  readonly key: string;
  readonly role: RowRole;
  readonly cells: readonly (GridCell | Value)[];
  /** 0-based column spans to merge in this row ([first, last]). */
  readonly merges?: readonly (readonly [number, number])[];
  /** Further logical rows this sheet row carries (the right side of a two-sided table). */
  readonly also?: readonly { key: string; role: RowRole }[];
  /** Not a data row (the 栏次 row): its cells are not indexed. */
  readonly noIndex?: boolean;
}

export interface GridTable {
  readonly key: string;
  readonly type: string;
  /** The usual name (as disclosure.missing_table names it). */
  readonly name: string;
  readonly title: string;
  /** The table's number printed above its right edge ("公开01表"), if any. */
  readonly number?: string;
  /** Left and right of the line under the title (编制部门：… / 金额单位：万元). */
  readonly meta: readonly [string, string];
  readonly header: readonly Value[][];
  /** Header merges, 0-based within the header: [top, left, bottom, right]. */
  readonly headerMerges: readonly (readonly [number, number, number, number])[];
  /** Column key of each column (null: not indexed) for cells without their own key. */
  readonly columns: readonly (string | null)[];
  readonly body: readonly GridRow[];
  readonly notes?: readonly string[];
  readonly empty?: boolean;
}

/** An amount cell: blank for zero (as the published tables print absent amounts). */
export const money = (d: Disclosure, u: Units): number | null => (u === 0 ? null : unitsToNumber(u, d.decimals));

/**
 * Writes `t` on `ws` from `top` (1-based row) at column `left` and returns the index and the first free row below.
 */
export function writeGrid(
  ws: ExcelJS.Worksheet,
  t: GridTable,
  d: Disclosure,
  top: number,
  left = 1,
): { placed: PlacedTable; next: number } {
  const width = Math.max(t.columns.length, ...t.header.map((h) => h.length));
  const fmt = numberFormat(d.decimals);
  const put = (row: number, col: number, v: Value) => {
    if (v === null) return;
    const c = ws.getCell(row, left + col);
    c.value = v;
    if (typeof v === 'number') c.numFmt = fmt;
  };
  let r = top;
  if (t.number) put(r++, width - 1, t.number);
  put(r, 0, t.title);
  ws.mergeCells(r, left, r, left + width - 1);
  r++;
  put(r, 0, t.meta[0]);
  put(r, width - 1, t.meta[1]);
  r++;
  const headerTop = r;
  t.header.forEach((h, i) => h.forEach((v, j) => put(headerTop + i, j, v)));
  for (const [a, b, c, e] of t.headerMerges) ws.mergeCells(headerTop + a, left + b, headerTop + c, left + e);
  r = headerTop + t.header.length;
  const cells = new Map<string, CellAt>();
  const rows: { key: string; role: RowRole }[] = [];
  for (const row of t.body) {
    if (!row.noIndex) rows.push({ key: row.key, role: row.role }, ...(row.also ?? []));
    row.cells.forEach((cell, j) => {
      const c: GridCell = cell !== null && typeof cell === 'object' ? cell : { v: cell };
      put(r, j, c.v);
      if (row.noIndex) return;
      const column = t.columns[j];
      const key = c.key ?? (column ? `${row.key}|${column}` : null);
      if (key) cells.set(key, { sheet: ws.name, row: r, col: left + j });
    });
    for (const [a, b] of row.merges ?? []) if (b > a) ws.mergeCells(r, left + a, r, left + b);
    r++;
  }
  for (const note of t.notes ?? []) put(r++, 0, note);
  return {
    placed: { key: t.key, type: t.type, name: t.name, sheet: ws.name, cells, rows, empty: t.empty },
    next: r,
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 26 → 二十六 (line numbering of the two-sided tables). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
