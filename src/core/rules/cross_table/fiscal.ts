import { codeLevel } from '../../text/codes';
import type { RuleContext } from '../types';
import {
  valuesByCode,
  columnMatching,
  counterpart,
  onlyViewOf,
  rowLabelled,
  valueColumn,
  type Identity,
} from './quantities';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf, grandTotal } from './table-totals';
import { crossRule } from './cross-rule';
import { IDENTITY_MESSAGES } from '../messages';

const FUNDS: {
  pattern: RegExp;
  type: 'general_budget_expenditure' | 'government_fund_expenditure' | 'state_capital_expenditure';
}[] = [
  { pattern: PAT.generalBudget, type: 'general_budget_expenditure' },
  { pattern: PAT.governmentFund, type: 'government_fund_expenditure' },
  { pattern: PAT.stateCapital, type: 'state_capital_expenditure' },
];

/** 财政拨款收支总表 fund columns ↔ the 一般公共预算 / 政府性基金 / 国有资本经营 tables, in total and per 类. */
export function fiscalIdentities(ctx: RuleContext): Identity[] {
  const fiscal = onlyViewOf(ctx, 'fiscal_appropriation_summary');
  if (!fiscal) {
    const general = onlyViewOf(ctx, 'general_budget_expenditure');
    counterpart(ctx, 'fiscal_appropriation_summary', general, '财政拨款收支总表与一般公共预算支出表的合计');
    return [];
  }
  const spending = fiscal.blocks.find((b) => PAT.spending.test(b.caption)) ?? fiscal.blocks[fiscal.blocks.length - 1];
  if (!spending) return [];
  const totalLine = rowLabelled(spending, PAT.spendingTotal) ?? rowLabelled(spending, PAT.spendingGrandTotal);
  const out: Identity[] = [];
  for (const fund of FUNDS) {
    const table =
      fund.type === 'general_budget_expenditure'
        ? counterpart(ctx, fund.type, fiscal, '财政拨款收支总表一般公共预算列 = 一般公共预算支出表')
        : onlyViewOf(ctx, fund.type);
    let col = columnMatching(spending, fund.pattern)?.col;
    // A single 支出 column stands for 一般公共预算 only when the other funds bring no income.
    if (col === undefined && fund.type === 'general_budget_expenditure' && spending.amountColumns.length === 1) {
      const others = fiscal.blocks.flatMap((b) =>
        b.rows
          .filter((r) => PAT.fundOrStateCapital.test(r.label))
          .map((r) => termOf(fiscal, r.row, valueColumn(b)?.col)[0]),
      );
      if (others.every((t) => !t || t.blank || t.value.isZero())) col = spending.amountColumns[0]?.col;
    }
    if (!table || col === undefined) continue;
    const what = `［${fund.pattern.source}］`;
    if (totalLine)
      out.push({
        a: { view: fiscal, terms: termOf(fiscal, totalLine.row, col), what: `${what}本年支出合计` },
        b: { view: table, terms: table.table.dataRows ? grandTotal(table, valueColumn) : [], what: '合计' },
        relation: 'eq',
      });
    const byCode = valuesByCode(table);
    for (const r of spending.rows) {
      const code = r.code?.code;
      if (!code || codeLevel(code) !== 1) continue;
      const a = termOf(fiscal, r.row, col);
      const b = byCode.get(code) ?? [];
      if (a.length && (b.length || !a[0]?.blank))
        out.push({
          a: { view: fiscal, terms: a, what: `${r.label}${what}` },
          b: { view: table, terms: b, what: `${code} 合计` },
          relation: 'eq',
        });
    }
  }
  return out;
}

export const crossFiscal = crossRule(
  {
    id: 'cross_table.fiscal',
    title: {
      zh: '财政拨款收支总表与分资金支出表不一致',
      en: 'Fiscal appropriation summary disagrees with the fund tables',
    },
    description: {
      zh: '财政拨款收支总表中一般公共预算、政府性基金、国有资本经营预算各列的本年支出合计及各类支出，分别等于一般公共预算支出表、政府性基金支出表、国有资本经营支出表的合计及对应“类”。',
      en: 'Each fund column of the 财政拨款收支总表 (total and class lines) equals the total and 类 lines of that fund’s expenditure table.',
    },
    formula: '财政拨款收支总表[一般公共预算].本年支出合计 = 一般公共预算支出表.合计 (and per 类, per fund)',
    example: '八、社会保障和就业支出［一般公共预算］ 60.25 ≠ 《一般公共预算支出表》208 合计 62.25（差 -2.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: [
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'government_fund_expenditure',
      'state_capital_expenditure',
    ],
  },
  fiscalIdentities,
);
