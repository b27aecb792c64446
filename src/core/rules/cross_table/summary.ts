import { codeLevel } from '../../text/codes';
import type { Term } from '../../model';
import type { RuleContext } from '../types';
import { valuesByCode, columnMatching, counterpart, onlyViewOf, valueColumn, type Identity } from './quantities';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf, grandTotal, labelled } from './table-totals';
import { crossRule } from './cross-rule';
import { showsCarryOver } from './vocabulary';
import { IDENTITY_MESSAGES } from '../messages';

/** 收支总表 ↔ 收入总表 / 支出总表: totals and class lines. */
export function summaryIdentities(ctx: RuleContext): Identity[] {
  const summary = onlyViewOf(ctx, 'income_expenditure_summary');
  if (!summary) {
    const present = onlyViewOf(ctx, 'income_summary') ?? onlyViewOf(ctx, 'expenditure_summary');
    counterpart(ctx, 'income_expenditure_summary', present, '收支总表与收入总表、支出总表的合计');
    return [];
  }
  const out: Identity[] = [];
  const income = counterpart(ctx, 'income_summary', summary, '收支总表本年收入合计 = 收入总表合计');
  if (income) {
    // A 收入总表 with a 上年结转 column totals all income (= 收入总计); otherwise this year's (= 本年收入合计).
    const withCarry = income.blocks.some((b) => columnMatching(b, PAT.carryOverIn));
    const yearIncome = withCarry ? [] : labelled(summary, PAT.incomeTotal);
    // No 本年收入合计 line: its 收入总计 is this year's income when no line of the 收支总表 shows a carry-over.
    const useGrand = withCarry || (!yearIncome.length && !showsCarryOver(summary));
    out.push({
      a: { view: income, terms: grandTotal(income), what: '合计' },
      b: {
        view: summary,
        terms: useGrand ? labelled(summary, PAT.incomeGrandTotal) : yearIncome,
        what: useGrand ? '收入总计' : '本年收入合计',
      },
      relation: 'eq',
    });
  }
  const spending = counterpart(ctx, 'expenditure_summary', summary, '收支总表本年支出合计 = 支出总表合计');
  if (spending) {
    const b = labelled(summary, PAT.spendingTotal);
    out.push({
      a: { view: spending, terms: grandTotal(spending), what: '合计' },
      b: { view: summary, terms: b.length ? b : labelled(summary, PAT.spendingGrandTotal), what: '本年支出合计' },
      relation: 'eq',
    });
    // Class lines of the summary ("八、社会保障和就业支出") = the 类 lines of the 支出总表.
    const byCode = valuesByCode(spending);
    for (const block of summary.blocks) {
      const amount = valueColumn(block)?.col;
      for (const r of block.rows) {
        const code = r.code?.code;
        if (!code || codeLevel(code) !== 1 || r.code?.classification !== 'function' || amount === undefined) continue;
        const terms = byCode.get(code) as Term[] | undefined;
        if (!terms) continue;
        out.push({
          a: { view: summary, terms: termOf(summary, r.row, amount), what: r.label },
          b: { view: spending, terms, what: `${code} 合计` },
          relation: 'eq',
        });
      }
    }
  }
  return out;
}

export const crossSummary = crossRule(
  {
    id: 'cross_table.summary',
    title: { zh: '收支总表与收入总表、支出总表不一致', en: '收支总表 disagrees with 收入总表 / 支出总表' },
    description: {
      zh: '收支总表的本年收入合计（或收入总计：当收入总表含上年结转时，或收支总表无本年收入合计行且未列结转结余时）= 收入总表合计；本年支出合计 = 支出总表合计；收支总表按功能分类列示的各类支出 = 支出总表对应“类”的合计。',
      en: 'Income and expenditure totals of the 收支总表 equal the totals of the 收入总表 and 支出总表, and its class lines equal the 类 lines of the 支出总表.',
    },
    formula: '收支总表.本年收入合计 = 收入总表.合计; 收支总表.本年支出合计 = 支出总表.合计; 收支总表.类 = 支出总表.类',
    example: '《部门预算支出总表》合计 3,242.07 ≠ 《部门预算收支总表》本年支出合计 3,232.07（差 +10.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['income_expenditure_summary', 'income_summary', 'expenditure_summary'],
  },
  summaryIdentities,
);
