import {
  addressOf,
  compareSum,
  type Term,
  tableViews,
  type BlockRow,
  type BlockView,
  type TableView,
} from '../../model';
import { termAt, valueColumn } from '../cross_table/quantities';
import { reportComparison, tablesOf } from '../sum/report-sum';
import type { Rule, RuleContext } from '../types';
import { PATTERNS as PAT } from '../../text/patterns';
import { COMPARISON_MESSAGES } from '../messages';

const INCOME_TOTAL = PAT.incomeGrandTotal;
const EXPENDITURE_TOTAL = PAT.spendingGrandTotal;

function find(view: TableView, pattern: RegExp): { block: BlockView; row: BlockRow } | null {
  for (const block of view.blocks) {
    const row = block.rows.find((r) => pattern.test(r.label.replace(/\s/g, '')));
    if (row) return { block, row };
  }
  return null;
}

function report(
  ctx: RuleContext,
  view: TableView,
  actual: Term,
  parts: { term: Term; factor?: number }[],
  text: (a: string, e: string, d: string) => string,
) {
  if (actual.blank && parts.every((p) => p.term.blank)) return;
  reportComparison(
    ctx,
    view,
    compareSum(actual, parts),
    [addressOf(actual), ...parts.map((p) => addressOf(p.term))],
    text,
    parts.map((p) => p.factor ?? 1),
  );
}

const FUNDS = [
  { name: '一般公共预算', pattern: PAT.generalBudget },
  { name: '政府性基金预算', pattern: PAT.governmentFund },
  { name: '国有资本经营预算', pattern: PAT.stateCapital },
];

/** 财政拨款收支总表, per fund column: 年初结转 + 本年收入 = 本年支出 + 年末结转. */
function checkFunds(ctx: RuleContext, view: TableView): void {
  const income = view.blocks.find((b) => PAT.income.test(b.caption));
  const spending = view.blocks.find((b) => b !== income && PAT.spending.test(b.caption));
  if (!income || !spending || spending.amountColumns.length < 2) return;
  // The income side's value column: its 决算数 when it shows 年初预算数 | 调整预算数 | 决算数, else its first.
  const incomeCol = valueColumn(income)?.col;
  const rows = income.rows.filter((r) => r.used);
  const firstTotal = rows.findIndex((r) => r.isTotal);
  const spendTotal =
    spending.rows.find((r) => r.isTotal && PAT.currentYearSpending.test(r.label)) ??
    spending.rows.find((r) => r.isTotal);
  const carryOut = spending.rows.find((r) => PAT.yearEnd.test(r.label) && PAT.carryOverOrBalance.test(r.label));
  if (firstTotal < 0 || !spendTotal) return;
  for (const fund of FUNDS) {
    const col = spending.amountColumns.find((c) => fund.pattern.test(c.path.join('/')))?.col;
    const thisYear = rows.slice(0, firstTotal).find((r) => fund.pattern.test(r.label));
    const carried = rows.slice(firstTotal + 1).find((r) => fund.pattern.test(r.label) && !r.isTotal);
    if (col === undefined || !thisYear) continue;
    const spent = termAt(view, spendTotal.row, col);
    const inc = termAt(view, thisYear.row, incomeCol);
    if (!spent || !inc) continue;
    const parts: { term: Term; factor?: number }[] = [{ term: inc }];
    const cin = carried ? termAt(view, carried.row, incomeCol) : null;
    if (cin) parts.push({ term: cin });
    const cout = carryOut ? termAt(view, carryOut.row, col) : null;
    if (cout) parts.push({ term: cout, factor: -1 });
    report(
      ctx,
      view,
      spent,
      parts,
      (a, e, d) =>
        `${fund.name}：本年支出 ${a} ≠ 本年收入${cin ? ' + 年初结转' : ''}${cout ? ' − 年末结转' : ''} = ${e}（差 ${d}）`,
    );
  }
}

export const balanceTotals: Rule = {
  meta: {
    id: 'balance.totals',
    defaultSeverity: 'error',
    title: { zh: '收支总计不平衡', en: 'Income and expenditure totals do not balance' },
    description: {
      zh: '收支总表、财政拨款收支总表中收入总计 = 支出总计；财政拨款收支总表按资金性质逐列：年初结转 + 本年收入 = 本年支出 + 年末结转。（收入总计 = 本年收入合计 + 上年结转等由“合计行”规则核对。）',
      en: 'In 收支总表 and 财政拨款收支总表, total income = total expenditure; in the latter, per fund column, carry-in + income = expenditure + carry-out.',
    },
    formula: '收入总计 = 支出总计; 年初结转 + 本年收入 = 本年支出 + 年末结转 (per fund)',
    example: '收入总计 3,232.07 ≠ 支出总计 3,242.07（差 -10.00）',
    messages: COMPARISON_MESSAGES,
    appliesTo: ['income_expenditure_summary', 'fiscal_appropriation_summary'],
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      if (!(this.meta.appliesTo as readonly string[]).includes(view.table.type)) continue;
      // 收入总计 | 支出总计, or (决算 layouts) a plain 总计 on each side, found by the side's header.
      const side = (caption: RegExp) => {
        const block = view.blocks.find((b) => caption.test(b.caption));
        const row = block
          ? [...block.rows].reverse().find((r) => r.used && PAT.grandTotal.test(r.label.replace(/\s/g, '')))
          : undefined;
        return block && row ? { block, row } : null;
      };
      const inc = find(view, INCOME_TOTAL) ?? side(PAT.income);
      const exp = find(view, EXPENDITURE_TOTAL) ?? side(PAT.spending);
      if (inc && exp) {
        const a = termAt(view, inc.row.row, valueColumn(inc.block)?.col);
        const b = termAt(view, exp.row.row, valueColumn(exp.block)?.col);
        if (a && b) report(ctx, view, a, [{ term: b }], (x, y, d) => `收入总计 ${x} ≠ 支出总计 ${y}（差 ${d}）`);
      } else if (view.table.dataRows)
        ctx.notChecked({
          tables: tablesOf(view),
          sheet: view.table.sheet,
          reason: 'column_not_found',
          message: `未找到${inc ? '支出' : '收入'}总计行，未核对收入总计 = 支出总计`,
        });
      if (view.table.type === 'fiscal_appropriation_summary') checkFunds(ctx, view);
    }
  },
};
