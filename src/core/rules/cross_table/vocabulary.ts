import vocabulary from '../../../data/disclosure/identities.json';
import { normalizeLabel, stripEnumeration } from '../../text/normalize';
import type { Term, AmountColumn, BlockRow, BlockView, TableView } from '../../model';
import { termAt, totalRow, valueColumn } from './quantities';

/** Words of the identities added for issue 11 (src/data/disclosure/identities.json), normalised once. */
const norm = (words: readonly string[]) => words.map(normalizeLabel);
export const cleanLabel = (label: string): string => stripEnumeration(normalizeLabel(label));
export const hasAny = (label: string, words: readonly string[]): boolean => words.some((w) => label.includes(w));

export const SOURCES = vocabulary.sources.map((s) => ({ ...s, words: norm(s.words) }));
export type SourceId = string;
export const FISCAL_MEMBERS: readonly SourceId[] = vocabulary.fiscalMembers;
export const FISCAL_INCOME = {
  yearTotal: norm(vocabulary.fiscalIncome.yearTotal),
  grandTotal: norm(vocabulary.fiscalIncome.grandTotal),
  balanceWords: norm(vocabulary.fiscalIncome.balanceWords),
};
export const OPERATING_COST = norm(vocabulary.operatingCost);
export const PUBLIC_COST = norm(vocabulary.publicCost);
const SPENDING = norm(['支出']);

/** The income source a line or column names ("一、一般公共预算拨款收入" → general), or null. */
export function sourceOf(label: string): SourceId | null {
  const l = cleanLabel(label);
  if (!l || hasAny(l, SPENDING)) return null;
  return SOURCES.find((s) => hasAny(l, s.words))?.id ?? null;
}

export const sourceLabel = (id: SourceId): string => SOURCES.find((s) => s.id === id)?.label ?? id;

export const termsAt = (view: TableView, row: number | undefined, col: number | undefined): Term[] => {
  if (row === undefined || col === undefined) return [];
  const t = termAt(view, row, col);
  return t ? [t] : [];
};

/** Whether any used line of `view` names a carry-over (年初结转和结余, 使用非财政拨款结余…): then 收入总计 ≠ this year's income. */
export const showsCarryOver = (view: TableView): boolean =>
  view.blocks.some((b) => b.rows.some((r) => r.used && hasAny(cleanLabel(r.label), FISCAL_INCOME.balanceWords)));

/** The first used line of any block whose label is exactly one of `words`, with its block's value column. */
export function lineNamed(view: TableView, words: readonly string[]): { row: BlockRow; block: BlockView } | null {
  for (const block of view.blocks)
    for (const row of block.rows) if (row.used && words.includes(cleanLabel(row.label))) return { row, block };
  return null;
}

/** The sources of a table's 合计 line, one column each (columns under a carry-over group are carry-over). */
export function sourceColumns(view: TableView): Map<SourceId, { column: AmountColumn; terms: Term[] }> {
  const out = new Map<SourceId, { column: AmountColumn; terms: Term[] }>();
  const block = view.blocks[0];
  const total = block ? totalRow(view, block) : null;
  if (!block || !total) return out;
  for (const column of block.amountColumns) {
    if (column.excluded || column.isTotal) continue;
    const groups = column.path.map(sourceOf);
    const id = groups.includes('carry') ? 'carry' : (groups[groups.length - 1] ?? null);
    if (!id || out.has(id)) continue;
    out.set(id, { column, terms: termsAt(view, total.row, column.col) });
  }
  return out;
}

/** The lines of a 收支总表-like table naming an income source, each read in its block's value column. */
export function sourceLines(view: TableView): Map<SourceId, { row: BlockRow; terms: Term[] }> {
  const out = new Map<SourceId, { row: BlockRow; terms: Term[] }>();
  const duplicated = new Set<SourceId>();
  for (const block of view.blocks) {
    const col = valueColumn(block)?.col;
    for (const row of block.rows) {
      if (!row.used || row.isTotal) continue;
      const id = sourceOf(row.label);
      if (!id) continue;
      if (out.has(id)) duplicated.add(id);
      else out.set(id, { row, terms: termsAt(view, row.row, col) });
    }
  }
  // A source named on two lines (one under another heading) is not one quantity to compare.
  for (const id of duplicated) out.delete(id);
  return out;
}
