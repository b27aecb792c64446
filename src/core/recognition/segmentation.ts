import type { CellRange } from '../snapshot/types';
import type { TypedSheet } from './cell-typing';

/**
 * Stage 3 — split a sheet into rectangular regions separated by blank rows or blank columns (a recursive XY cut).
 * A region is a candidate table, or a title, metadata or notes block that assembly attaches to its neighbour.
 */
export type Region = CellRange;

/** Occupancy of one row: which columns hold a value, counting merged areas over their whole width. */
function occupiedColumns(sheet: TypedSheet, row: number, left: number, right: number, out: Uint8Array): boolean {
  let any = false;
  for (const c of sheet.rows[row] ?? []) {
    if (c.right < left || c.col > right) continue;
    any = true;
    for (let x = Math.max(c.col, left); x <= Math.min(c.right, right); x++) out[x - left] = 1;
  }
  return any;
}

/** Rows in [top, bottom] holding anything in [left, right] (a vertical merge covers the rows it spans). */
function occupiedRows(sheet: TypedSheet, r: Region): Uint8Array {
  const occ = new Uint8Array(r.bottom - r.top + 1);
  for (let row = r.top; row <= r.bottom; row++) {
    for (const c of sheet.rows[row] ?? []) {
      if (c.right < r.left || c.col > r.right) continue;
      for (let y = row; y <= Math.min(c.bottom, r.bottom); y++) occ[y - r.top] = 1;
      break;
    }
  }
  return occ;
}

function splitRows(sheet: TypedSheet, r: Region): Region[] {
  const occ = occupiedRows(sheet, r);
  const out: Region[] = [];
  let start = -1;
  for (let i = 0; i <= occ.length; i++) {
    if (i < occ.length && occ[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ top: r.top + start, bottom: r.top + i - 1, left: r.left, right: r.right });
      start = -1;
    }
  }
  return out;
}

function splitColumns(sheet: TypedSheet, r: Region): Region[] {
  const occ = new Uint8Array(r.right - r.left + 1);
  for (let row = r.top; row <= r.bottom; row++) occupiedColumns(sheet, row, r.left, r.right, occ);
  const out: Region[] = [];
  let start = -1;
  for (let i = 0; i <= occ.length; i++) {
    if (i < occ.length && occ[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ top: r.top, bottom: r.bottom, left: r.left + start, right: r.left + i - 1 });
      start = -1;
    }
  }
  return out;
}

/** Regions of the sheet in reading order (top to bottom, then left to right). */
export function segmentSheet(sheet: TypedSheet): Region[] {
  if (sheet.rowCount === 0 || sheet.columnCount === 0) return [];
  const whole: Region = { top: 0, left: 0, bottom: sheet.rowCount - 1, right: sheet.columnCount - 1 };
  const leaves: Region[] = [];
  const visit = (r: Region, depth: number): void => {
    const byRows = splitRows(sheet, r);
    for (const band of byRows) {
      const byCols = splitColumns(sheet, band);
      if (byCols.length === 1 && byRows.length === 1) {
        leaves.push(byCols[0] as Region);
        continue;
      }
      // Each part is strictly smaller than r here, so the recursion ends; the depth cap guards odd sheets.
      for (const part of byCols) {
        if (depth > 8) leaves.push(part);
        else visit(part, depth + 1);
      }
    }
  };
  visit(whole, 0);
  return leaves.sort((a, b) => a.top - b.top || a.left - b.left);
}
