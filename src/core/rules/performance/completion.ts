import { at } from '../../performance/form';
import { completionRatio, statedRatio } from '../../performance/scoring';
import type { Rule } from '../types';
import { forms } from './forms';

export const completionRatioRule: Rule = {
  meta: {
    id: 'performance.completion',
    defaultSeverity: 'warning',
    title: { zh: '完成比例计算有误', en: 'Completion ratio miscalculated' },
    description: {
      zh: '按指标值的方向重新计算完成比例：“≥”类为实际÷目标，“≤”类未超出即为 100%、超出则为目标÷实际（≤10% 的指标实际 11.95%，完成比例不是 119.50%）。与表中所填相差超过 0.5 个百分点时提示核对。',
      en: 'Recomputes the completion ratio respecting the operator (≥: actual ÷ target; ≤: 100% when met, target ÷ actual beyond) and flags a stated ratio more than 0.5 points off.',
    },
    formula: 'completion = actual ÷ target (≥, >, =); = 1 or target ÷ actual (≤, <)',
    example: '“药品费用占比”（≤10%）实际 11.95%，完成比例应为 83.68%，表中为 119.50%',
    messages: {
      ratioMiscalculated: { zh: '完成比例计算有误', en: 'Completion ratio miscalculated' },
    },
    appliesTo: ['performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of forms(ctx)) {
      for (const i of f.indicators) {
        if (!i.completion || i.completion.value === null || !i.target || !i.actual) continue;
        const ratio = completionRatio(i.target.value, i.actual.value);
        if (ratio === null) continue;
        const stated = statedRatio(i.completion.value);
        if (Math.abs(stated - ratio) <= 0.005) continue;
        ctx.report({
          sheet: f.sheet,
          cells: [at(i.completion.at), at(i.target.at), at(i.actual.at)],
          expected: (ratio * 100).toFixed(2) + '%',
          actual: (stated * 100).toFixed(2) + '%',
          messageId: 'ratioMiscalculated',
          message: `“${i.level3}”（${i.target.raw}）实际 ${i.actual.raw}，完成比例应为 ${(ratio * 100).toFixed(2)}%，表中为 ${(stated * 100).toFixed(2)}%`,
        });
      }
    }
  },
};
