import carryover from '../../../data/carryover.json';
import {
  addressOf,
  compareSum,
  type Reading,
  type Term,
  readIn,
  tableViews,
  type AmountColumn,
  type BlockView,
  type TableView,
} from '../../model';
import { columnsOfGroup } from '../column-groups';
import { recordInvalid, reportComparison, tablesOf } from '../sum/report-sum';
import type { Rule } from '../types';
import { COMPARISON_MESSAGES } from '../messages';

interface TermSpec {
  readonly name: string;
  readonly pattern: RegExp;
  readonly sign: 1 | -1;
  readonly required: boolean;
}

const CLOSING = { name: carryover.closing.name, pattern: new RegExp(carryover.closing.pattern) };
const TERMS: readonly TermSpec[] = carryover.terms.map((t) => ({
  name: t.name,
  pattern: new RegExp(t.pattern),
  sign: t.sign === -1 ? -1 : 1,
  required: 'required' in t && t.required === true,
}));

/** One side of the identity: the columns a top-level group contributes (its 小计, else its leaves). */
interface Group {
  readonly name: string;
  readonly sign: 1 | -1;
  readonly columns: readonly AmountColumn[];
}

export interface CarryoverIdentity {
  readonly closing: readonly AmountColumn[];
  readonly terms: readonly Group[];
}

/** Length of the header prefix every amount column shares ("财政拨款/…" over the whole table). */
function sharedDepth(columns: readonly AmountColumn[]): number {
  const first = columns[0]?.path ?? [];
  let depth = 0;
  while (depth < first.length - 1 && columns.every((c) => c.path.length > depth + 1 && c.path[depth] === first[depth]))
    depth++;
  return depth;
}

/**
 * The block's carry-over identity, when its top-level column groups are exactly 年初 … 本年收入 … 本年支出 … 年末
 * (with known adjustments): any group we cannot place means an identity we do not know, so none is checked.
 */
export function carryoverIdentity(block: BlockView): CarryoverIdentity | null {
  const columns = block.amountColumns.filter((c) => !c.excluded);
  if (columns.length < 4) return null;
  const depth = sharedDepth(columns);
  const prefix = (columns[0] as AmountColumn).path.slice(0, depth);
  const tops = [...new Set(columns.map((c) => c.path[depth] as string))];
  let closing: AmountColumn[] | null = null;
  const terms: Group[] = [];
  for (const top of tops) {
    const cols = columnsOfGroup(columns, [...prefix, top]);
    if (!cols.length) return null;
    if (CLOSING.pattern.test(top)) {
      if (closing) return null;
      closing = cols;
      continue;
    }
    const spec = TERMS.find((t) => t.pattern.test(top));
    if (!spec || terms.some((g) => g.name === spec.name)) return null;
    terms.push({ name: spec.name, sign: spec.sign, columns: cols });
  }
  if (!closing || TERMS.some((t) => t.required && !terms.some((g) => g.name === t.name))) return null;
  return { closing, terms };
}

function termAt(view: TableView, row: number, col: number): Term | null | 'invalid' {
  const r = readIn(view, row, col);
  return r.kind === 'term' ? r.term : r.kind === 'invalid' ? 'invalid' : null;
}

export const balanceCarryover: Rule = {
  meta: {
    id: 'balance.carryover',
    defaultSeverity: 'error',
    title: {
      zh: '年初结转、本年收支与年末结转不衔接',
      en: 'Carry-in, income, spending and carry-out do not reconcile',
    },
    description: {
      zh: '决算表按科目逐行：年初结转和结余 + 本年收入 − 本年支出（± 调整年初结转、归集调入调出、使用非财政拨款结余、结余分配）= 年末结转和结余。只在表头各列组都能识别时核对。',
      en: 'Final-accounts tables, row by row: carry-in + income − spending (± adjustments, transfers, use of non-fiscal balances, allocation of balances) = carry-out. Checked only when every column group of the header is recognised.',
    },
    formula: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (± 调整)',
    example: '第 13 行 2100101 行政运行：年末结转和结余 25.00 ≠ 年初 + 收入 − 支出 = 20.00（差 +5.00）',
    messages: COMPARISON_MESSAGES,
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      for (const block of view.blocks) {
        const identity = carryoverIdentity(block);
        if (!identity) {
          // A 年末结转 group whose companions are not all recognised: the identity is meant but not known.
          if (block.amountColumns.some((c) => c.path.some((p) => CLOSING.pattern.test(p))))
            ctx.notChecked({
              tables: tablesOf(view),
              sheet: view.table.sheet,
              reason: 'column_not_found',
              message: `表头列组未能全部识别，未核对${CLOSING.name}的衔接关系`,
            });
          continue;
        }
        const formula = identity.terms.map((g, i) => `${i === 0 ? '' : g.sign < 0 ? ' − ' : ' + '}${g.name}`).join('');
        for (const r of block.rows) {
          if (!r.used) continue;
          const closing = identity.closing.map((c) => termAt(view, r.row, c.col));
          if (closing.includes('invalid') || closing.every((t) => t === null)) continue;
          const parts: { term: Term; factor: number }[] = [];
          let invalid: Reading | null = null;
          for (const g of identity.terms)
            for (const c of g.columns) {
              const t = termAt(view, r.row, c.col);
              if (t === 'invalid') invalid = readIn(view, r.row, c.col);
              else if (t) parts.push({ term: t, factor: g.sign });
            }
          const closingTerms = closing.filter((t): t is Term => t !== null && t !== 'invalid');
          const [actual, ...moreClosing] = closingTerms;
          if (invalid) recordInvalid(ctx, view, invalid);
          if (invalid || !actual || !parts.length) continue;
          if (actual.blank && moreClosing.every((t) => t.blank) && parts.every((p) => p.term.blank)) continue;
          const who = r.code ? `${r.code.code} ${r.code.name ?? ''}`.trim() : r.label || '本行';
          // Several closing columns (年末 split by fund, no 小计): the first is compared, the others move to the right.
          const comparison = compareSum(actual, [...parts, ...moreClosing.map((term) => ({ term, factor: -1 }))]);
          reportComparison(
            ctx,
            view,
            comparison,
            [addressOf(actual), ...moreClosing.map(addressOf), ...parts.map((p) => addressOf(p.term))],
            (a, e, d) => `第 ${r.row + 1} 行 ${who}：${CLOSING.name} ${a} ≠ ${formula} = ${e}（差 ${d}）`,
            [...moreClosing.map(() => -1), ...parts.map((p) => p.factor)],
          );
        }
      }
    }
  },
};
