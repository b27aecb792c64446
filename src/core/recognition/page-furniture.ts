import type { TypedSheet } from './cell-typing';
import { cellsInSpan } from './row-labelling';
import { CONTINUATION_MARK_PATTERN, PAGE_NUMBER_PATTERN } from './vocabulary';

const MAX_PAGE = 9999;

/**
 * A PDF converted to Excel keeps what the printed page carried between two pages of a table: a line holding only the
 * page number ("- 3 -", "第 3 页", "3/12", or a bare 3), or a continuation mark (续表, (续), 续上页, the title with
 * (续)). Such a row is page furniture, not data: it is read as
 * `page_furniture` and skipped by every check, so the table is neither cut there nor given an invented line.
 * A page-number text or a continuation mark (the vocabulary's patterns) is furniture wherever it stands alone; a bare number only at a page
 * break — right above a repeated header, or as the last row of the data (the foot of a sheet-per-page conversion).
 */
export function pageFurnitureRows(
  sheet: TypedSheet,
  data: readonly [number, number] | null,
  left: number,
  right: number,
  repeated: ReadonlySet<number>,
): Set<number> {
  const out = new Set<number>();
  if (!data) return out;
  for (let r = data[0]; r <= data[1]; r++) {
    const cells = cellsInSpan(sheet, r, left, right);
    if (cells.length !== 1 || repeated.has(r)) continue;
    const c = cells[0]!;
    if (c.kind === 'text' && (PAGE_NUMBER_PATTERN.test(c.norm) || CONTINUATION_MARK_PATTERN.test(c.norm))) {
      out.add(r);
      continue;
    }
    const n = c.kind === 'number' ? c.num : c.kind === 'numeric_text' ? Number(c.norm) : null;
    if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_PAGE) continue;
    if (atPageBreak(sheet, r, data, left, right, repeated)) out.add(r);
  }
  return out;
}

/** The next non-empty row is a repeated header, or there is none left in the data. */
function atPageBreak(
  sheet: TypedSheet,
  row: number,
  data: readonly [number, number],
  left: number,
  right: number,
  repeated: ReadonlySet<number>,
): boolean {
  for (let r = row + 1; r <= data[1]; r++) {
    if (cellsInSpan(sheet, r, left, right).length === 0) continue;
    return repeated.has(r);
  }
  return true;
}
