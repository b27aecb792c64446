import type { TypedCell, TypedSheet } from './cell-typing';
import type { RowFeatures } from './row-labelling';
import { parseCodeText } from '../text/codes';

/** Stage 4 — the header band of a table: its first and last row, and the header path of every column. */
export interface HeaderBand {
  readonly top: number;
  readonly bottom: number;
  /** Rows of the band that are 栏次/行次 or placeholder rows (part of the header, not labels). */
  readonly auxiliaryRows: readonly number[];
}

const MAX_LABEL_ROWS = 4;

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

/** Extends a header band from its first row over continuation rows, then 栏次 and placeholder rows. */
export function findHeaderBand(features: ReadonlyMap<number, RowFeatures>, top: number, limit: number): HeaderBand {
  const first = features.get(top) as RowFeatures;
  const band: RowFeatures[] = [first];
  const auxiliary: number[] = [];
  let bottom = top;
  for (let r = top + 1; r <= limit; r++) {
    const f = features.get(r);
    if (!f) break;
    if (f.isLineNumbers || f.isPlaceholderOnly) {
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
  const paths: string[][] = [];
  for (let col = left; col <= right; col++) {
    const path: string[] = [];
    for (const [i, row] of labelRows.entries()) {
      // 栏次 rows are skipped above; a 行次 or 栏次 label in a label row names its column (role line_no).
      const cell = anchorAt(sheet, row, col) ?? unmergedParentAt(sheet, row, col, left, labelRows.slice(i + 1));
      if (!cell || cell.kind !== 'text') continue;
      if (path[path.length - 1] !== cell.norm) path.push(cell.norm);
    }
    paths.push(path);
  }
  return paths;
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
