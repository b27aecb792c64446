import { codeLevel } from '../../text/codes';
import {
  type Term,
  bandOf,
  blockFooter,
  wrappedList,
  type AmountColumn,
  type BlockView,
  type TableView,
} from '../../model';
import { rowLabelled, valueColumn, termAt, totalRow } from './quantities';
import { minOf } from '../../util/collections';

/**
 * Totals and labelled lines of the tables the cross-table identities compare (a helper of the cross_table rules).
 */

export const termOf = (view: TableView, row: number | undefined, col: number | undefined): Term[] => {
  if (row === undefined || col === undefined) return [];
  const t = termAt(view, row, col);
  return t ? [t] : [];
};

/** A table's grand total, in its first amount column unless told which. */
export function grandTotal(view: TableView, pick: (b: BlockView) => AmountColumn | null = valueColumn): Term[] {
  const block = view.blocks[0] as BlockView;
  const total = totalRow(view, block);
  const band = bandOf(block);
  const wrapped = wrappedList(view);
  // Side-by-side groups each totalled on the footer (人员经费合计 | 公用经费合计): the table's total is their sum.
  const footer = blockFooter(view);
  if (footer) return footer.flatMap((t) => termOf(view, t.total.row, t.column.col));
  if (wrapped && total && band && total.label.replace(/\s/g, '').startsWith(band)) {
    // Banded groups (人员经费 | 公用经费) each with its own 合计: the table's total is the sum of its top-level lines.
    const coded = wrapped.filter((l) => l.row.code && !l.row.isTotal);
    const top = minOf(coded.map((l) => codeLevel(l.row.code?.code as string)));
    return coded
      .filter((l) => codeLevel(l.row.code?.code as string) === top)
      .flatMap((l) => termOf(view, l.row.row, l.columns[0]?.col));
  }
  return termOf(view, total?.row, pick(block)?.col);
}

/** The line of a 收支总表-like table labelled `pattern`, in the first amount column of its block. */
export function labelled(view: TableView, pattern: RegExp): Term[] {
  for (const block of view.blocks) {
    const row = rowLabelled(block, pattern);
    if (row) return termOf(view, row.row, valueColumn(block)?.col);
  }
  return [];
}
