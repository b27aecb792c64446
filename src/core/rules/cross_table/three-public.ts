import type { Term, BlockView } from '../../model';
import type { RuleContext } from '../types';
import { valuesByCode, counterpart, onlyViewOf, valueColumn, totalRow, type Identity } from './quantities';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf } from './table-totals';
import { crossRule } from './cross-rule';
import { IDENTITY_MESSAGES } from '../messages';

const THREE_PUBLIC = [
  { code: '30212', item: PAT.travelAbroad },
  { code: '30217', item: PAT.officialReception },
  { code: '30231', item: PAT.vehicleOperation },
  { code: '31013', item: PAT.vehiclePurchase },
];

/** 三公 items ≥ their economic lines in the basic table (30212 ≤ 出国, 30217 ≤ 接待, 30231 ≤ 车运行, 31013 ≤ 车购置). */
export function threePublicIdentities(ctx: RuleContext): Identity[] {
  const what = '“三公”经费与基本支出表对应科目';
  const three = counterpart(ctx, 'three_public_expenses', onlyViewOf(ctx, 'general_budget_basic_expenditure'), what);
  const basic = counterpart(ctx, 'general_budget_basic_expenditure', onlyViewOf(ctx, 'three_public_expenses'), what);
  if (!three || !basic) return [];
  const byCode = valuesByCode(basic);
  const block = three.blocks[0] as BlockView;
  const out: Identity[] = [];
  for (const { code, item } of THREE_PUBLIC) {
    const line = byCode.get(code);
    if (!line) continue;
    let terms: Term[] = [];
    const row = block.rows.find(
      (r) =>
        r.used &&
        item.test(r.label.replace(PAT.ofPrefix, '').replace(/^[(（]?\d+[)）]?/, '')) &&
        !PAT.purchaseAndOperationJoined.test(r.label),
    );
    if (row) terms = termOf(three, row.row, valueColumn(block)?.col);
    else {
      const total = totalRow(three, block) ?? block.rows.find((r) => r.used);
      // Horizontal 预算数 | 决算数 groups: the basic table's lines are what was spent.
      const items = block.amountColumns.filter((c) => item.test(c.path[c.path.length - 1] ?? ''));
      const col = items.find((c) => c.path.some((p) => PAT.finalAccounts.test(p))) ?? items[0];
      terms = termOf(three, total?.row, col?.col);
    }
    if (terms.length)
      out.push({
        a: { view: basic, terms: line, what: `${code}` },
        b: { view: three, terms, what: '对应项目' },
        relation: 'le',
        context: '“三公”经费：',
      });
  }
  return out;
}

export const crossThreePublic = crossRule(
  {
    id: 'cross_table.three_public',
    title: { zh: '“三公”经费小于对应经济科目', en: '"三公" items below their economic lines' },
    description: {
      zh: '“三公”经费包括基本支出和项目支出，故各项不应小于基本支出经济分类表中的对应科目：30212 ≤ 因公出国（境）费，30217 ≤ 公务接待费，30231 ≤ 公务用车运行维护费，31013 ≤ 公务用车购置费。',
      en: '"三公" items cover basic and project spending, so none is below its basic economic line: 30212 ≤ 出国, 30217 ≤ 接待, 30231 ≤ 车运行, 31013 ≤ 车购置.',
    },
    formula: '基本支出表[30212, 30217, 30231, 31013] ≤ 三公表[出国, 接待, 车运行, 车购置]',
    example: '“三公”经费：《基本支出表》30217 15.00 大于《“三公”经费支出表》对应项目 10.00（超出 5.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['three_public_expenses', 'general_budget_basic_expenditure'],
  },
  threePublicIdentities,
);
