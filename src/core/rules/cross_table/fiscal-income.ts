import type { Term } from '../../model';
import { counterpart, onlyViewOf, reportIdentity, tableLabel, type Identity } from './quantities';
import type { Rule, RuleContext } from '../types';
import { buildIdentities } from './cross-rule';
import { FISCAL_INCOME, FISCAL_MEMBERS, lineNamed, showsCarryOver, sourceColumns, termsAt } from './vocabulary';
import { valueColumn } from './quantities';
import { IDENTITY_MESSAGES } from '../messages';

/**
 * The 财政拨款收支总表's income this year: its 本年收入合计 line, else its 收入总计 when no line of its shows a carry-over
 * (a 决算 table adds 年初结转和结余 below 本年收入). Null when neither can be read.
 */
function fiscalYearIncome(ctx: RuleContext) {
  const income = onlyViewOf(ctx, 'income_summary');
  const fiscal = counterpart(
    ctx,
    'fiscal_appropriation_summary',
    income,
    '收入总表财政拨款收入 = 财政拨款收支总表本年收入',
  );
  if (!fiscal) return null;
  const year = lineNamed(fiscal, FISCAL_INCOME.yearTotal);
  const carries = showsCarryOver(fiscal);
  const line = year ?? (carries ? null : lineNamed(fiscal, FISCAL_INCOME.grandTotal));
  if (!line) {
    ctx.notChecked({
      tables: [fiscal.table.id],
      sheet: fiscal.table.sheet,
      reason: 'column_not_found',
      message: `未找到${tableLabel(fiscal)}的本年收入合计${carries ? '（收入总计含结转结余）' : ''}，未核对它与收入总表财政拨款收入的关系`,
    });
    return null;
  }
  return { view: fiscal, terms: termsAt(fiscal, line.row.row, valueColumn(line.block)?.col), what: line.row.label };
}

/** 收入总表 合计[财政拨款收入] (or the sum of its fund columns) = 财政拨款收支总表 本年收入. */
export function fiscalIncomeIdentities(ctx: RuleContext): Identity[] {
  const income = onlyViewOf(ctx, 'income_summary');
  if (!income) return [];
  const fiscal = fiscalYearIncome(ctx);
  if (!fiscal) return [];
  const columns = sourceColumns(income);
  const terms: Term[] = columns.get('fiscal')?.terms ?? FISCAL_MEMBERS.flatMap((m) => columns.get(m)?.terms ?? []);
  if (!terms.length) return [];
  return [
    {
      a: { view: income, terms, what: '合计［财政拨款收入］' },
      b: fiscal,
      relation: 'eq',
    },
  ];
}

export const fiscalIncome: Rule & { identities: typeof fiscalIncomeIdentities } = {
  meta: {
    id: 'cross_table.fiscal_income',
    defaultSeverity: 'error',
    title: {
      zh: '收入总表财政拨款收入与财政拨款收支总表本年收入不一致',
      en: '财政拨款收入 of the 收入总表 ≠ income of the 财政拨款收支总表',
    },
    description: {
      zh: '收入总表（收入决算表）合计行的财政拨款收入（或一般公共预算、政府性基金、国有资本经营预算各列之和）等于财政拨款收支总表的本年收入合计；财政拨款收支总表没有本年收入合计行且未列结转结余时，取其收入总计。',
      en: 'The 财政拨款收入 of the 收入总表 合计 line (or the sum of its fund columns) equals the 本年收入合计 of the 财政拨款收支总表 (its 收入总计 when it shows no carry-over).',
    },
    formula: '收入总表.合计[财政拨款收入] = 财政拨款收支总表.本年收入合计',
    example:
      '《部门收入总表》合计［财政拨款收入］ 3,232.07 ≠ 《部门财政拨款收支总表》本年收入合计 3,242.07（差 -10.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['income_summary', 'fiscal_appropriation_summary'],
  },
  identities: fiscalIncomeIdentities,
  check(ctx) {
    for (const identity of buildIdentities(fiscalIncomeIdentities, ctx)) reportIdentity(ctx, identity);
  },
};
