import pairs from '../../../data/cross-classification.json';
import { addressOf, formatAmount, formatDifference, type Term } from '../amounts';
import {
  amountsByCode,
  columnMatching,
  judge,
  onlyViewOf,
  tableLabel,
  valuesByCode,
  type Identity,
} from '../cross/quantities';
import type { BlockView } from '../table-view';
import type { Rule } from '../types';

interface Pair {
  readonly function: readonly string[];
  readonly economic: readonly string[];
  readonly what: string;
  readonly severity: 'warning' | 'info';
}

export const functionEconomic: Rule = {
  meta: {
    id: 'cross_classification.basic_pairs',
    defaultSeverity: 'warning',
    title: { zh: '功能分类与经济分类对应科目不一致', en: 'Function and economic lines that should agree do not' },
    description: {
      zh: '按基本支出比较应当一致的功能分类与经济分类科目：2080505 ↔ 30108、2080506 ↔ 30109、2210201 ↔ 30113，医疗类 2101101+2101102 ↔ 30110、2101103 ↔ 30111（医疗类仅作提示）。二者可能因项目支出、口径不同而合理不同，请核实。',
      en: 'Compares, on basic-expenditure money, function lines and the economic lines paying for them: 2080505 ↔ 30108, 2080506 ↔ 30109, 2210201 ↔ 30113, and the medical lines (notes only). Legitimate differences exist; a person must look.',
    },
    formula: '一般公共预算支出表[基本支出](function codes) = 基本支出表(economic codes)',
    example: '2080505 基本支出 44.90 ≠ 30108 机关事业单位基本养老保险缴费 46.90（差 -2.00），二者通常一致，请核实',
    appliesTo: ['general_budget_expenditure', 'general_budget_basic_expenditure'],
  },
  check(ctx) {
    const general = onlyViewOf(ctx, 'general_budget_expenditure');
    const basic = onlyViewOf(ctx, 'general_budget_basic_expenditure');
    if (!general || !basic) return;
    const gCol = columnMatching(general.blocks[0] as BlockView, /基本支出/)?.col;
    if (gCol === undefined) return;
    const byFunction = amountsByCode(general, gCol);
    const byEconomic = valuesByCode(basic);
    for (const pair of pairs.pairs as Pair[]) {
      const a = pair.function.flatMap((c) => byFunction.get(c) ?? []);
      const b = pair.economic.flatMap((c) => byEconomic.get(c) ?? []);
      if (!a.length || !b.length) continue;
      const identity: Identity = {
        a: { view: general, terms: a, what: '' },
        b: { view: basic, terms: b, what: '' },
        relation: 'eq',
      };
      const j = judge(identity);
      if (!j || j.difference.abs().lte(j.envelope)) continue;
      const d = j.decimals;
      ctx.report({
        severity: pair.severity === 'info' ? 'info' : undefined,
        sheet: general.table.sheet,
        cells: a.map((t: Term) => addressOf(t)),
        expected: j.b.toFixed(d),
        actual: j.a.toFixed(d),
        difference: j.difference.toFixed(d),
        message: `${pair.function.join('+')} 基本支出 ${formatAmount(j.a, d)} ≠ ${tableLabel(basic)}${pair.economic.join('+')} ${pair.what} ${formatAmount(j.b, d)}（差 ${formatDifference(j.difference, d)}），二者通常一致，请核实`,
      });
    }
  },
};
