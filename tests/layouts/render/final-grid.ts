import type ExcelJS from 'exceljs';
import { numberFormat, unitsToNumber, type Units } from '../model/amount';
import { functionLines } from '../model/catalog';
import { classes, type Disclosure, type FunctionLine, type LineAmounts } from '../model/disclosure';
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

/** An amount cell: blank for zero, or 0 where the layout prints zeros. */
export const money = (
  c: { readonly d: Disclosure; readonly l: { readonly zeros?: boolean } },
  u: Units,
): number | null => (u === 0 ? (c.l.zeros ? 0 : null) : unitsToNumber(u, c.d.decimals));

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

/** What the shared table builders need: the model, the layout choices they honour, and the report's subject. */
export interface Ctx {
  readonly d: Disclosure;
  readonly l: TableStyle;
  /** 本部门 / 本单位. */
  readonly subject: string;
}

export interface TableStyle {
  readonly codes: 'single' | 'split-full' | 'split-sparse';
  readonly lineNumbers: boolean;
  readonly qualifiers: boolean;
  readonly classList: 'all' | 'present';
  readonly totalRow: 'first' | 'last';
  /** Absent amounts print as 0 rather than blank. */
  readonly zeros?: boolean;
}

/** A table's name, printed title, number and meta line. */
export interface TableFrame {
  readonly name: string;
  readonly title: string;
  readonly number?: string;
  readonly meta: readonly [string, string];
}

export type Path = readonly string[];

/** Header rows and merges from column head paths: a short path spans down; equal adjacent heads merge across. */
export function headerOf(paths: readonly Path[]): { rows: Value[][]; merges: [number, number, number, number][] } {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: Value[][] = Array.from({ length: depth }, () => Array<Value>(paths.length).fill(null));
  const merges: [number, number, number, number][] = [];
  paths.forEach((p, j) => p.forEach((label, i) => (rows[i]![j] = label)));
  for (let j = 0; j < paths.length; j++) {
    const p = paths[j]!;
    if (p.length < depth) merges.push([p.length - 1, j, depth - 1, j]);
  }
  for (let i = 0; i < depth; i++) {
    let j = 0;
    while (j < paths.length) {
      const p = paths[j]!;
      let k = j;
      const same = (q: Path) => q.length > i && q[i] === p[i] && q.slice(0, i).join('/') === p.slice(0, i).join('/');
      while (k + 1 < paths.length && p.length > i && same(paths[k + 1]!)) k++;
      if (k > j) {
        const spansDown = paths.slice(j, k + 1).every((q) => q.length === i + 1);
        merges.push([i, j, spansDown ? depth - 1 : i, k]);
        for (let x = j + 1; x <= k; x++) rows[i]![x] = null;
      }
      j = k + 1;
    }
  }
  // A short path spanning down under a horizontal merge is covered by it; drop duplicates that overlap.
  const seen = new Set<string>();
  const unique = merges.filter((m) => {
    const covered = merges.some(
      (o) => o !== m && o[1] <= m[1] && o[3] >= m[3] && o[0] <= m[0] && o[2] >= m[2] && o[3] > o[1],
    );
    const key = m.join(',');
    if (covered || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { rows, merges: unique };
}

/** Label column heads of a function-code table, and how many label columns it has. */
export function labelPaths(c: Ctx, economic = false): Path[] {
  const top = c.l.qualifiers ? (economic ? '项目（按经济分类）' : '项目（按功能分类）') : '项目';
  const code = c.l.qualifiers ? (economic ? '经济分类科目编码' : '功能分类科目编码') : '科目编码';
  if (c.l.codes === 'single')
    return [
      [top, code],
      [top, '科目名称'],
    ];
  return [
    [top, code, '类'],
    [top, code, '款'],
    [top, code, '项'],
    [top, '科目名称'],
  ];
}

/** The label cells of a function line: its code (whole or split) and its name; the code cell carries the 'code' key. */
export function labelCells(c: Ctx, line: FunctionLine): GridCell[] {
  const key = `f:${line.code}`;
  const name: GridCell = { v: line.name, key: `${key}|name` };
  if (c.l.codes === 'single') return [{ v: line.code, key: `${key}|code` }, name];
  const parts = [line.code.slice(0, 3), line.code.slice(3, 5), line.code.slice(5, 7)];
  const own = line.level - 1;
  const cells: GridCell[] = parts.map((p, i) => {
    const shown = i < line.level && (c.l.codes === 'split-full' || i === own);
    // The line's own part is its 'code' cell; the other parts are indexed as code.<i>.
    // Blank parts are indexed too: the review names a split code by its 类 column.
    if (i === own) return { v: p, key: `${key}|code` };
    return { v: shown ? p : null, key: `${key}|code.${i}` };
  });
  return [...cells, name];
}

export const labelWidth = (c: Ctx) => (c.l.codes === 'single' ? 2 : 4);

/** The 栏次 row under a header: 栏次 over the label columns, then 1, 2, … over the amounts. */
export function lineNumberRow(c: Ctx, amounts: number, labels = labelWidth(c)): GridRow[] {
  if (!c.l.lineNumbers) return [];
  const cells: Value[] = [
    '栏次',
    ...Array<Value>(labels - 1).fill(null),
    ...Array.from({ length: amounts }, (_, i) => i + 1),
  ];
  return [{ key: 'lineno', role: 'line', cells, merges: [[0, labels - 1]], noIndex: true }];
}

/** A table of function lines (公开02/03/05/08/09): label columns, then amounts per line, 合计 first or last. */
export function codeTable(
  c: Ctx,
  frame: TableFrame,
  type: string,
  amountPaths: readonly Path[],
  amountKeys: readonly string[],
  lines: readonly FunctionLine[],
  values: (a: LineAmounts) => Units[],
  empty: { statement: string } | null,
  notes: readonly string[],
): GridTable {
  const paths = [...labelPaths(c), ...amountPaths];
  const { rows, merges } = headerOf(paths);
  const lw = labelWidth(c);
  const columns = [...Array<string | null>(lw).fill(null), ...amountKeys];
  const sum = lines
    .filter((l) => l.level === 1)
    .map((l) => values(l.amounts))
    .reduce(
      (a, v) => a.map((x, i) => x + (v[i] ?? 0)),
      amountKeys.map(() => 0),
    );
  const totalRow: GridRow = {
    key: 'total',
    role: 'total',
    cells: ['合计', ...Array<Value>(lw - 1).fill(null), ...sum.map((u) => money(c, u))],
    merges: [[0, lw - 1]],
  };
  const lineRows: GridRow[] = lines.map((l) => ({
    key: `f:${l.code}`,
    role: ({ 1: 'class', 2: 'section', 3: 'item' } as const)[l.level],
    cells: [...labelCells(c, l), ...values(l.amounts).map((u) => money(c, u))],
  }));
  const body = empty
    ? [...lineNumberRow(c, amountKeys.length), totalRow]
    : c.l.totalRow === 'first'
      ? [...lineNumberRow(c, amountKeys.length), totalRow, ...lineRows]
      : [...lineNumberRow(c, amountKeys.length), ...lineRows, totalRow];
  return {
    key: type,
    type,
    ...frame,
    header: rows,
    headerMerges: merges,
    columns,
    body,
    notes: empty ? [...notes, empty.statement] : notes,
    empty: !!empty,
  };
}

export const CLASS_NAMES = (d: Disclosure) => functionLines(d.year).filter((l) => l.code.length === 3);

/** The expenditure side of 公开01/04: 类 lines with their Chinese numbering. */
export function classSide(c: Ctx, has: (l: FunctionLine) => boolean) {
  const present = new Map(classes(c.d).map((l) => [l.code, l]));
  const list =
    c.l.classList === 'all'
      ? CLASS_NAMES(c.d).map((x) => ({ code: x.code, name: x.name, line: present.get(x.code) }))
      : classes(c.d)
          .filter(has)
          .map((x) => ({ code: x.code, name: x.name, line: x as FunctionLine | undefined }));
  return list.map((x, i) => ({ ...x, label: `${chineseNumber(i + 1)}、${x.name}` }));
}

export interface Side {
  readonly key: string;
  readonly label: string;
  readonly amounts: readonly (number | null)[];
}

/**
 * A two-sided table (收入 | 支出): each sheet row holds a left line and a right line, each with its 行次 when the
 * layout numbers lines; the summary lines (本年收入合计 …) are aligned at the bottom.
 */
export function twoSided(
  c: Ctx,
  frame: TableFrame,
  type: string,
  rightHeads: readonly string[],
  rightKeys: readonly string[],
  left: readonly Side[],
  right: readonly Side[],
  leftSummary: readonly Side[],
  rightSummary: readonly Side[],
  notes: readonly string[],
): GridTable {
  const ln = c.l.lineNumbers;
  const leftCols = ln ? 3 : 2;
  const rightCols = (ln ? 2 : 1) + rightHeads.length;
  const header: Value[][] = [
    ['收入', ...Array<Value>(leftCols - 1).fill(null), '支出', ...Array<Value>(rightCols - 1).fill(null)],
    [
      '项目',
      ...(ln ? ['行次'] : []),
      rightHeads.length > 1 ? '金额' : rightHeads[0]!,
      '项目',
      ...(ln ? ['行次'] : []),
      ...rightHeads,
    ],
  ];
  const headerMerges: [number, number, number, number][] = [
    [0, 0, 0, leftCols - 1],
    [0, leftCols, 0, leftCols + rightCols - 1],
  ];
  const rows: GridRow[] = [];
  if (ln) {
    rows.push({
      key: 'lineno',
      role: 'line',
      cells: ['栏次', null, 1, '栏次', null, ...rightHeads.map((_, i) => i + 2)],
      noIndex: true,
    });
  }
  const height = Math.max(left.length, right.length);
  // 行次: the left side is numbered first (its lines, then its summary lines), the right side continues.
  let leftNo = 0;
  let rightNo = left.length + leftSummary.length;
  const sideCells = (s: Side | undefined, keys: readonly string[], next: () => number): GridCell[] => {
    if (!s) return [{ v: null }, ...(ln ? [{ v: null }] : []), ...keys.map(() => ({ v: null }))];
    return [
      { v: s.label, key: `${s.key}|name` },
      ...(ln ? [{ v: next() }] : []),
      ...s.amounts.map((v, i) => ({ v, key: `${s.key}|${keys[i]!}` })),
    ];
  };
  const push = (a: Side | undefined, b: Side | undefined, padIndex: number) => {
    const cells = [...sideCells(a, ['amount'], () => ++leftNo), ...sideCells(b, rightKeys, () => ++rightNo)];
    rows.push({
      key: a?.key ?? `l:pad${padIndex}`,
      role: 'line',
      cells,
      also: b ? [{ key: b.key, role: 'line' as RowRole }] : [],
    });
  };
  for (let i = 0; i < height; i++) push(left[i], right[i], i);
  const summaryHeight = Math.max(leftSummary.length, rightSummary.length);
  for (let i = 0; i < summaryHeight; i++) push(leftSummary[i], rightSummary[i], height + i);
  return { key: type, type, ...frame, header, headerMerges, columns: [], body: rows, notes };
}
