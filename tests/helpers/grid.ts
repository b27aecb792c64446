import { parseRange } from '../../src/core/snapshot/address';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';

/** A formula cell the file holds no result for (see Cell.uncalculated). */
export const UNCALCULATED = { uncalculated: true } as const;

export type GridValue = CellValue | undefined | { value: CellValue; format: string } | typeof UNCALCULATED;

/**
 * A sheet from a literal grid: rows of values (undefined or null = empty), merged areas in A1 notation, and an optional
 * origin so the same table can be placed anywhere ("C3").
 */
export function sheet(
  rows: readonly (readonly GridValue[])[],
  opts: { name?: string; merges?: readonly string[]; origin?: string } = {},
): SheetSnapshot {
  const origin = opts.origin ? parseRange(opts.origin) : { top: 0, left: 0 };
  const out: (Cell | undefined)[][] = [];
  let columnCount = 0;
  rows.forEach((row, r) => {
    const cells: (Cell | undefined)[] = [];
    row.forEach((v, c) => {
      if (v === undefined || v === null || v === '') return;
      const cell: Cell =
        typeof v === 'object' && 'uncalculated' in v
          ? { value: null, uncalculated: true }
          : typeof v === 'object' && 'format' in v
            ? { value: v.value, format: v.format }
            : { value: v };
      cells[origin.left + c] = cell;
      columnCount = Math.max(columnCount, origin.left + c + 1);
    });
    out[origin.top + r] = cells;
  });
  const shift = (a: string) => {
    const m = parseRange(a);
    return {
      top: m.top + origin.top,
      bottom: m.bottom + origin.top,
      left: m.left + origin.left,
      right: m.right + origin.left,
    };
  };
  return { name: opts.name ?? 'Sheet1', rows: out, columnCount, merges: (opts.merges ?? []).map(shift) };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: 'test.xlsx', sheets };
}

/** Places several grids on one sheet: each entry's rows start at its origin. */
export function combine(name: string, ...parts: SheetSnapshot[]): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  let columnCount = 0;
  for (const p of parts) {
    p.rows.forEach((row, r) => {
      if (!row) return;
      const target = (rows[r] ??= []);
      row.forEach((cell, c) => {
        if (cell) target[c] = cell;
      });
    });
    columnCount = Math.max(columnCount, p.columnCount);
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows, columnCount, merges: parts.flatMap((p) => p.merges) };
}
