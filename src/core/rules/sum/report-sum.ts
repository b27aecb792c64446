import {
  addressOf,
  compareTerms,
  comparisonFields,
  formatAmount,
  formatDifference,
  type Comparison,
  type Reading,
  type Term,
  readIn,
  type TableView,
} from '../../model';
import Decimal from 'decimal.js';
import type { RuleContext } from '../types';

const NO_CELLS: readonly string[] = [];

/** A closed identity of one table: counted, nothing to report. */
export function recordClosed(ctx: RuleContext, view: TableView): void {
  ctx.identity({ tables: tablesOf(view), sheet: view.table.sheet, cells: NO_CELLS, status: 'closed' });
}

const TABLE_IDS = new WeakMap<TableView, readonly string[]>();
export function tablesOf(view: TableView): readonly string[] {
  let ids = TABLE_IDS.get(view);
  if (!ids) TABLE_IDS.set(view, (ids = [view.table.id]));
  return ids;
}

/**
 * An identity through a cell that is not a number: not checked. A formula without a computed result says
 * formula_not_calculated (format.uncalculated_formula names the cells), any other value `other` (format.invalid_amount).
 */
export function recordInvalid(ctx: RuleContext, view: TableView, reading?: Reading): void {
  const uncalculated = reading?.kind === 'invalid' && reading.uncalculated === true;
  ctx.notChecked({
    tables: tablesOf(view),
    sheet: view.table.sheet,
    reason: uncalculated ? 'formula_not_calculated' : 'other',
    message: uncalculated
      ? '相关金额单元格的公式未计算（文件中没有计算结果），涉及它的勾稽关系未核对'
      : '相关金额单元格不是数值（见“金额不是数值”提示），涉及它的勾稽关系未核对',
  });
}

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
  if (total.kind === 'invalid' && partsAt.length) return recordInvalid(ctx, view, total);
  if (total.kind !== 'term' || partsAt.length === 0) return;
  if (closesOnIntegers(total.term, partsAt.length, (k) => readIn(view, (partsAt[k] as At).row, (partsAt[k] as At).col)))
    return total.term.blank &&
      allBlank(partsAt.length, (k) => readIn(view, (partsAt[k] as At).row, (partsAt[k] as At).col))
      ? undefined
      : recordClosed(ctx, view);
  const parts: Term[] = [];
  for (const p of partsAt) {
    const r = readIn(view, p.row, p.col);
    if (r.kind === 'invalid') return recordInvalid(ctx, view, r);
    if (r.kind === 'term') parts.push(r.term);
  }
  settle(ctx, view, totalAt, total.term, parts, describe);
}

type At = { row: number; col: number };

/** Blank total over blank parts: nothing was filled in, so nothing was checked (and nothing is counted). */
function allBlank(n: number, part: (k: number) => Reading): boolean {
  for (let k = 0; k < n; k++) {
    const r = part(k);
    if (r.kind !== 'term' || !r.term.blank) return false;
  }
  return true;
}

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
  if (total.kind === 'invalid' && partRows.length) return recordInvalid(ctx, view, total);
  if (total.kind !== 'term' || partRows.length === 0) return;
  if (closesOnIntegers(total.term, partRows.length, (k) => readIn(view, (partRows[k] as { row: number }).row, col)))
    return total.term.blank && allBlank(partRows.length, (k) => readIn(view, (partRows[k] as { row: number }).row, col))
      ? undefined
      : recordClosed(ctx, view);
  const t = total.term;
  const parts: Term[] = [];
  for (const p of partRows) {
    const r = readIn(view, p.row, col);
    if (r.kind === 'invalid') return recordInvalid(ctx, view, r);
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
  const cells = [addressOf(totalAt), ...parts.map(addressOf)];
  reportComparison(
    ctx,
    view,
    compareTerms(total.term, parts),
    cells,
    say,
    undefined,
    total.term.blank ? 'blankTotal' : 'mismatch',
  );
}

/**
 * Records a comparison of one table as an identity and reports it when it does not close: error beyond the rounding
 * envelope, info (可能为取整误差) within it. `cells` are the compared value, then the parts; `partFactors` the factor
 * each part entered the sum with (default 1), so that the change of each cell that would close it is known. Its message
 * ids are COMPARISON_MESSAGES (and SUM_MESSAGES' blankTotal through checkSum).
 */
export function reportComparison(
  ctx: RuleContext,
  view: TableView,
  c: Comparison,
  cells: string[],
  describe: (actual: string, expected: string, diff: string) => string,
  partFactors?: readonly number[],
  mismatchId: 'mismatch' | 'blankTotal' = 'mismatch',
): void {
  const sheet = view.table.sheet;
  if (c.verdict === 'ok') return recordClosed(ctx, view);
  const message = describe(
    formatAmount(c.actual, c.decimals),
    formatAmount(c.expected, c.decimals),
    formatDifference(c.difference, c.decimals),
  );
  const failed = c.verdict === 'mismatch';
  ctx.identity({
    tables: tablesOf(view),
    sheet,
    cells,
    status: failed ? 'failed' : 'closed',
    // difference = actual − Σ factor·part: the actual closes it by −difference, a part by +difference / factor.
    ...(failed
      ? {
          corrections: cells.map((_, k) =>
            k === 0 ? c.difference.neg() : c.difference.div(new Decimal(partFactors?.[k - 1] ?? 1)),
          ),
          envelope: c.envelope,
        }
      : {}),
    finding: {
      severity: c.verdict === 'rounding' ? 'info' : undefined,
      sheet,
      cells,
      messageId: c.verdict === 'rounding' ? 'rounding' : mismatchId,
      message: c.verdict === 'rounding' ? `${message}，可能为取整误差` : message,
      ...comparisonFields(c),
    },
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
