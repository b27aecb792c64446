import type { TypedCell, TypedSheet } from './cell-typing';
import type { RowFeatures } from './row-labelling';
import columnRoles from '../../data/column-roles.json';
import { parseCodeText } from '../text/codes';
import { roleFromHeader } from './column-roles';

/** Stage 4 — the header band of a table: its first and last row, and the header path of every column. */
export interface HeaderBand {
  readonly top: number;
  readonly bottom: number;
  /**
   * Rows of the band that are 栏次/行次 or placeholder rows, or one sub-head written under every column (预算数 | 预算数 |
   * 预算数): part of the header, not labels (a sub-head every column shares tells no column from another).
   */
  readonly auxiliaryRows: readonly number[];
}

const MAX_LABEL_ROWS = 4;
const SUB_HEAD = new RegExp(columnRoles.subHead);

function hasCodeLikeCell(f: RowFeatures): boolean {
  return f.cells.some((c) => (c.kind === 'number' || c.kind === 'text') && parseCodeText(c.text) !== null);
}

/** A row that can open a header band: several short labels, no amounts, at least one header word. */
export function canStartHeader(f: RowFeatures): boolean {
  if (f.cells.length < 2 || f.numbers > 0 || f.hasLongText || f.isMeta || f.isNote) return false;
  if (f.isPlaceholderOnly || f.isLineNumbers || hasCodeLikeCell(f)) return false;
  return f.cells.some((c) => !!c.facts?.headerTerm);
}

function continuesHeader(band: readonly RowFeatures[], f: RowFeatures): boolean {
  if (f.cells.length === 0 || f.numbers > 0 || f.hasLongText || f.isNote || hasCodeLikeCell(f)) return false;
  const prev = band[band.length - 1] as RowFeatures;
  // A merged header cell reaching down into this row (序号 merged over two header rows).
  const coveredFromAbove = band.some((h) => h.cells.some((c) => c.bottom >= f.row));
  // Cells under a parent label spanning several columns (资金来源 over 一般公共预算 | 上年结转).
  const underParent = prev.cells.some(
    (p) => p.right > p.col && f.cells.some((c) => c.col >= p.col && c.col <= p.right),
  );
  // Parents written out in every column instead of merged ("本年收入 | 本年收入 | 本年收入").
  const repeatedParents = prev.cells.some((p, i) => {
    const next = prev.cells[i + 1];
    return !!next && next.col === p.right + 1 && next.norm === p.norm && p.kind === 'text';
  });
  // A parent whose merge was lost (PDF conversions): a label followed by empty cells, this row's labels under those
  // cells and under no other header cell.
  const coveredByBand = (col: number) => band.some((h) => h.cells.some((c) => c.col <= col && col <= c.right));
  const underUnmergedParent =
    f.cells.some((c) => !!c.facts?.headerTerm) &&
    prev.cells.some((p, i) => {
      if (p.kind !== 'text' || p.right > p.col) return false;
      const next = prev.cells[i + 1]?.col ?? Infinity;
      return f.cells.some((c) => c.col > p.col && c.col < next && !coveredByBand(c.col));
    });
  return coveredFromAbove || underParent || repeatedParents || underUnmergedParent;
}

/**
 * One sub-head under the band's columns (预算数 | 预算数 | 预算数, 金额 under each 预算数 of a two-sided table): a header
 * word, not a total, the only text of its row, under two columns or more that the band labels; under one column, or in
 * the table's first column (where a section heading of the data would stand), only a sub-head of the vocabulary's.
 * Adjacent repeats may have been restored as one merged cell.
 */
function repeatsOneSubHead(band: readonly RowFeatures[], f: RowFeatures): boolean {
  const first = f.cells[0];
  if (!first || f.numbers > 0 || f.hasLongText || f.isNote) return false;
  if (f.cells.some((c) => c.kind !== 'text' || c.norm !== first.norm || !c.facts?.headerTerm || c.facts.total))
    return false;
  const left = Math.min(...band.flatMap((h) => h.cells.map((c) => c.col)));
  if (first.col <= left && !SUB_HEAD.test(first.norm)) return false;
  const labelled = (col: number) => band.some((h) => h.cells.some((c) => c.col <= col && col <= c.right));
  let columns = 0;
  for (const c of f.cells)
    for (let col = c.col; col <= c.right; col++) {
      if (!labelled(col)) return false;
      columns++;
    }
  return columns >= 2 || SUB_HEAD.test(first.norm);
}

/** Extends a header band from its first row over continuation rows, then 栏次, placeholder and sub-head rows. */
export function findHeaderBand(features: ReadonlyMap<number, RowFeatures>, top: number, limit: number): HeaderBand {
  const first = features.get(top) as RowFeatures;
  const band: RowFeatures[] = [first];
  const auxiliary: number[] = [];
  let bottom = top;
  for (let r = top + 1; r <= limit; r++) {
    const f = features.get(r);
    if (!f) break;
    if (f.isLineNumbers || f.isPlaceholderOnly || repeatsOneSubHead(band, f)) {
      auxiliary.push(r);
      bottom = r;
      continue;
    }
    if (auxiliary.length > 0 || band.length >= MAX_LABEL_ROWS || !continuesHeader(band, f)) break;
    band.push(f);
    bottom = r;
  }
  return { top, bottom, auxiliaryRows: auxiliary };
}

/** The cell whose value covers (row, col): the cell itself or its merged area's anchor. */
export function anchorAt(sheet: TypedSheet, row: number, col: number): TypedCell | undefined {
  const m = sheet.grid.mergeAt(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  return sheet.rows[r]?.find((x) => x.col === c);
}

/** Header path of every column in [left, right]: labels top to bottom, repeated parents written once. */
export function headerPaths(sheet: TypedSheet, band: HeaderBand, left: number, right: number): string[][] {
  const aux = new Set(band.auxiliaryRows);
  const labelRows: number[] = [];
  for (let row = band.top; row <= band.bottom; row++) if (!aux.has(row)) labelRows.push(row);
  const labels: TypedCell[][] = [];
  for (let col = left; col <= right; col++) {
    const path: TypedCell[] = [];
    for (const [i, row] of labelRows.entries()) {
      // 栏次 rows are skipped above; a 行次 or 栏次 label in a label row names its column (role line_no).
      const cell = anchorAt(sheet, row, col) ?? unmergedParentAt(sheet, row, col, left, labelRows.slice(i + 1));
      if (!cell || cell.kind !== 'text') continue;
      if (path[path.length - 1]?.norm !== cell.norm) path.push(cell);
    }
    labels.push(path);
  }
  const shared = sharedSubHeads(labels, left);
  return labels.map((path, i) => (shared[i] ? path.slice(0, -1) : path).map((c) => c.norm));
}

/**
 * Columns whose last label is a sub-head they share under their own names (合计 | 基本支出 | 项目支出 over 金额 | 金额 |
 * 金额, beside a 类 | 款 | 项 row): the name is the label above, the sub-head says nothing of the column. Only a sub-head
 * that names no column role, under labels each heading its one column (a band head such as 收入 over 项目 | 预算数
 * keeps its children).
 */
function sharedSubHeads(labels: readonly (readonly TypedCell[])[], left: number): boolean[] {
  const candidate = labels.map((path, i) => {
    const leaf = path[path.length - 1];
    const name = path[path.length - 2];
    const col = left + i;
    if (!leaf || !name || leaf.facts?.total || roleFromHeader([leaf.norm]) !== null) return null;
    return name.col === col && name.right === col && name.row < leaf.row ? `${leaf.row}:${leaf.norm}` : null;
  });
  const counts = new Map<string, number>();
  for (const k of candidate) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return candidate.map((k) => k !== null && (counts.get(k) ?? 0) >= 2);
}

/**
 * Whether each column in [left, right] has a header cell of its own (a label that starts in it), rather than only a
 * parent label spanning over it from the left: an empty spacer column inside a merged head is not an amount column.
 */
export function ownHeaderColumns(sheet: TypedSheet, band: HeaderBand, left: number, right: number): boolean[] {
  const own: boolean[] = [];
  for (let col = left; col <= right; col++) {
    let found = false;
    for (let row = band.top; row <= band.bottom && !found; row++) found = anchorAt(sheet, row, col)?.col === col;
    own.push(found);
  }
  return own;
}

/**
 * The label of an empty header cell whose parent lost its merge: the nearest label to its left in the same row, when
 * no cell lies between and a lower label row names this column (a parent only spans columns that have children).
 */
function unmergedParentAt(
  sheet: TypedSheet,
  row: number,
  col: number,
  left: number,
  lowerRows: readonly number[],
): TypedCell | undefined {
  if (!lowerRows.some((r) => anchorAt(sheet, r, col)?.kind === 'text')) return undefined;
  for (let c = col - 1; c >= left; c--) {
    const cell = anchorAt(sheet, row, c);
    if (!cell) continue;
    return cell.kind === 'text' && cell.right === cell.col && cell.bottom === cell.row ? cell : undefined;
  }
  return undefined;
}
