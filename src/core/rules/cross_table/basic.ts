import type { BlockView } from '../../model';
import type { RuleContext } from '../types';
import { valuesByCode, columnMatching, counterpart, onlyViewOf, totalRow, type Identity } from './quantities';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf, grandTotal } from './table-totals';
import { crossRule } from './cross-rule';
import { IDENTITY_MESSAGES } from '../messages';

/** 一般公共预算支出表 基本支出 ↔ 基本支出经济分类表; 经济分类表 ↔ 一般公共预算支出表 and the basic table per 类. */
export function basicIdentities(ctx: RuleContext): Identity[] {
  const general = onlyViewOf(ctx, 'general_budget_expenditure');
  const basic = onlyViewOf(ctx, 'general_budget_basic_expenditure');
  const economic = onlyViewOf(ctx, 'general_budget_economic');
  const out: Identity[] = [];
  const what = '一般公共预算支出表基本支出合计 = 基本支出表合计';
  if (!basic) counterpart(ctx, 'general_budget_basic_expenditure', general, what);
  if (!general) counterpart(ctx, 'general_budget_expenditure', basic, what);
  if (general && basic) {
    const block = general.blocks[0] as BlockView;
    const basicCol = columnMatching(block, PAT.basicSpending);
    if (basicCol)
      out.push({
        a: { view: basic, terms: grandTotal(basic), what: '合计' },
        b: { view: general, terms: termOf(general, totalRow(general)?.row, basicCol.col), what: '基本支出合计' },
        relation: 'eq',
      });
  }
  if (economic) {
    const classes = [...valuesByCode(economic)].filter(([code]) => code.length === 3);
    if (general && classes.length)
      out.push({
        a: { view: economic, terms: classes.flatMap(([, t]) => t), what: '各类合计' },
        b: { view: general, terms: grandTotal(general), what: '合计' },
        relation: 'eq',
      });
    if (basic) {
      const basicByCode = valuesByCode(basic);
      for (const [code, terms] of classes) {
        const b = basicByCode.get(code);
        if (b)
          out.push({
            a: { view: basic, terms: b, what: `${code}` },
            b: { view: economic, terms, what: `${code}` },
            relation: 'le',
            context: '基本支出不应大于全部支出：',
          });
      }
    }
  }
  return out;
}

export const crossBasic = crossRule(
  {
    id: 'cross_table.basic',
    title: {
      zh: '基本支出、经济分类表与一般公共预算支出表不一致',
      en: 'Basic / economic tables disagree with the general budget table',
    },
    description: {
      zh: '一般公共预算支出表的基本支出合计 = 基本支出经济分类表合计；一般公共预算支出经济分类表各类之和 = 一般公共预算支出表合计；各经济分类“类”的基本支出不大于其全部支出。',
      en: 'The basic-expenditure total of the general budget table equals the basic economic table’s total; the economic table’s classes sum to the general budget total; basic spending per economic class does not exceed all spending of that class.',
    },
    formula:
      '一般公共预算支出表.基本支出合计 = 基本支出表.合计; Σ 经济分类表.类 = 一般公共预算支出表.合计; 基本支出表.类 ≤ 经济分类表.类',
    example:
      '《一般公共预算基本支出经济分类情况表》合计 3,284.29 ≠ 《一般公共预算拨款支出预算表》基本支出合计 3,296.59（差 -12.30）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['general_budget_expenditure', 'general_budget_basic_expenditure', 'general_budget_economic'],
  },
  basicIdentities,
);
