import {
  addressOf,
  compareTerms,
  comparisonFields,
  formatAmount,
  formatDifference,
  type Comparison,
  type Reading,
  type Term,
} from '../amounts';
import { readIn, type TableView } from '../table-view';
import type { RuleContext } from '../types';

/**
 * Checks one total against its parts in one column and reports a difference: error beyond the rounding envelope,
 * info within it. Cells that are placeholders or not numbers are left to format.invalid_amount.
 */
export function checkSum(
  ctx: RuleContext,
  view: TableView,
  totalAt: { row: number; col: number },
  partsAt: readonly { row: number; col: number }[],
  describe: (total: string, sum: string, diff: string) => string,
): void {
  const total = readIn(view, totalAt.row, totalAt.col);
  if (total.kind !== 'term' || partsAt.length === 0) return;
  if (closesOnIntegers(total.term, partsAt.length, (k) => readIn(view, (partsAt[k] as At).row, (partsAt[k] as At).col)))
    return;
  const parts: Term[] = [];
  for (const p of partsAt) {
    const r = readIn(view, p.row, p.col);
    if (r.kind === 'invalid') return;
    if (r.kind === 'term') parts.push(r.term);
  }
  settle(ctx, view, totalAt, total.term, parts, describe);
}

type At = { row: number; col: number };

/**
 * True when the parts sum exactly to the total on scaled integers — decided without allocating, since most sums close.
 * False means "look closer" (a difference, an invalid cell, or a value too large for the fast path).
 */
function closesOnIntegers(t: Term, n: number, part: (k: number) => Reading): boolean {
  if (t.scaled === null) return false;
  let scale = t.decimals;
  for (let k = 0; k < n; k++) {
    const r = part(k);
    if (r.kind === 'invalid') return false;
    if (r.kind === 'term') {
      if (r.term.scaled === null) return false;
      if (r.term.decimals > scale) scale = r.term.decimals;
    }
  }
  if (scale > 8) return false;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const r = part(k);
    if (r.kind === 'term') sum += (r.term.scaled as number) * 10 ** (scale - r.term.decimals);
  }
  return Number.isSafeInteger(sum) && sum === t.scaled * 10 ** (scale - t.decimals);
}

/** checkSum for a total and parts in one column (hierarchy and total rows): no per-term objects. */
export function checkColumnSum(
  ctx: RuleContext,
  view: TableView,
  totalRow: number,
  partRows: readonly { row: number }[],
  col: number,
  describe: (total: string, sum: string, diff: string) => string,
): void {
  const total = readIn(view, totalRow, col);
  if (total.kind !== 'term' || partRows.length === 0) return;
  if (closesOnIntegers(total.term, partRows.length, (k) => readIn(view, (partRows[k] as { row: number }).row, col)))
    return;
  const t = total.term;
  const parts: Term[] = [];
  for (const p of partRows) {
    const r = readIn(view, p.row, col);
    if (r.kind === 'invalid') return;
    if (r.kind === 'term') parts.push(r.term);
  }
  settle(ctx, view, { row: totalRow, col }, t, parts, describe);
}

function settle(
  ctx: RuleContext,
  view: TableView,
  totalAt: { row: number; col: number },
  totalTerm: Term,
  parts: Term[],
  describe: (total: string, sum: string, diff: string) => string,
): void {
  const total = { term: totalTerm };
  if (parts.length === 0 || (total.term.blank && parts.every((p) => p.blank))) return;
  // A total left blank above filled lines is not a zero someone computed: say so.
  const say = total.term.blank
    ? (t: string, sum: string, diff: string) => `${describe(t, sum, diff)}；${addressOf(totalAt)} 未填金额`
    : describe;
  reportComparison(
    ctx,
    view.table.sheet,
    compareTerms(total.term, parts),
    [addressOf(totalAt), ...parts.map(addressOf)],
    say,
  );
}

/** Reports a comparison that does not close: error beyond the rounding envelope, info (可能为取整误差) within it. */
export function reportComparison(
  ctx: RuleContext,
  sheet: string,
  c: Comparison,
  cells: string[],
  describe: (actual: string, expected: string, diff: string) => string,
): void {
  if (c.verdict === 'ok') return;
  const message = describe(
    formatAmount(c.actual, c.decimals),
    formatAmount(c.expected, c.decimals),
    formatDifference(c.difference, c.decimals),
  );
  ctx.report({
    severity: c.verdict === 'rounding' ? 'info' : undefined,
    sheet,
    cells,
    message: c.verdict === 'rounding' ? `${message}，可能为取整误差` : message,
    ...comparisonFields(c),
  });
}

/** "（基本支出）" — the column a finding is about, when the table has several amount columns. */
export function columnNote(view: TableView, col: number): string {
  const all = view.blocks.flatMap((b) => b.amountColumns);
  // Only when the amount columns mean different things (a wrapped list repeats one "金额" column).
  if (new Set(all.map((c) => c.path.join('/'))).size <= 1) return '';
  const c = all.find((x) => x.col === col);
  return c ? `［${c.path.join('/')}］` : '';
}
