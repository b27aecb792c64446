import type { TypedCell, TypedSheet } from './cell-typing';
import type { HeaderBand } from './header-band';
import { cellsInSpan, labelRow, withoutTrailingUnit } from './row-labelling';

/**
 * A table continued on the next page often repeats its header there: rows inside the data whose cells say what the
 * table's own header band says, in the same columns (a merged header cell may be merged differently on the new page, so
 * a cell matches a header cell of the same text that overlaps it horizontally; the first page's header may carry the
 * unit of the amounts, 项目（金额单位：元）, which the repeated one leaves out). Such rows are not data: they are read
 * as `repeated_header` and skipped by every check.
 */
export function repeatedHeaderRows(
  sheet: TypedSheet,
  header: HeaderBand,
  data: readonly [number, number] | null,
  left: number,
  right: number,
): Set<number> {
  const out = new Set<number>();
  if (!data) return out;
  const byText = new Map<string, TypedCell[]>();
  for (let r = header.top; r <= header.bottom; r++) {
    for (const c of cellsInSpan(sheet, r, left, right)) {
      if (c.kind !== 'text') continue;
      const key = withoutTrailingUnit(c.norm);
      const list = byText.get(key);
      if (list) list.push(c);
      else byText.set(key, [c]);
    }
  }
  const hasLineNumbers = header.auxiliaryRows.some((r) => labelRow(sheet, r, left, right).isLineNumbers);
  const matches = (c: TypedCell) =>
    (byText.get(withoutTrailingUnit(c.norm)) ?? []).some((h) => Math.min(h.right, c.right) >= Math.max(h.col, c.col));
  for (let r = data[0]; r <= data[1]; r++) {
    const cells = cellsInSpan(sheet, r, left, right);
    if (cells.length === 0) continue;
    const previousRepeated = out.has(r - 1) || out.has(r - 2);
    // A 栏次 row repeated right under a repeated header (1 | 2 | 3 …).
    if (previousRepeated && hasLineNumbers && labelRow(sheet, r, left, right).isLineNumbers) {
      out.add(r);
      continue;
    }
    if (cells.some((c) => c.kind !== 'text')) continue;
    const matched = cells.filter(matches).length;
    // Two header texts in their columns and nothing else of substance; one is enough right under a repeated row.
    if (matched === cells.length && (matched >= 2 || (previousRepeated && matched >= 1))) out.add(r);
    else if (matched >= 3 && matched >= cells.length * 0.75) out.add(r);
  }
  return out;
}
