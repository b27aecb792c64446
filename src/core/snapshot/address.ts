import type { CellRange } from './types';

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** "B3" or "A1:C4" (with or without $) → a 0-based range. */
export function parseRange(address: string): CellRange {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  const [, c1 = 'A', r1 = '1', c2, r2] = m;
  const a = { row: Number(r1) - 1, col: columnIndex(c1) };
  const b = c2 && r2 ? { row: Number(r2) - 1, col: columnIndex(c2) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A finding's cell: "D11" on the finding's own sheet, or "支出总表!D11" (also "'a b'!D11") on another sheet. */
export function cellRef(cell: string, sheet: string): { sheet: string; cell: string } {
  const i = cell.lastIndexOf('!');
  if (i < 0) return { sheet, cell };
  return {
    sheet: cell
      .slice(0, i)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'"),
    cell: cell.slice(i + 1),
  };
}
