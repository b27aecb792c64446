import { at, type IndicatorRow } from '../../performance/form';
import { COST_LEVEL1 } from '../../performance/framework';
import type { Rule } from '../types';
import { PATTERNS as PAT } from '../../text/patterns';
import { forms } from './forms';

const isCost = (i: IndicatorRow) =>
  i.canonical1 === COST_LEVEL1 ||
  PAT.cost.test(i.canonical2 ?? i.level2 ?? '') ||
  (PAT.cost.test(i.level1 ?? '') && !i.canonical1);

export const costOperator: Rule = {
  meta: {
    id: 'performance.cost_operator',
    defaultSeverity: 'warning',
    title: { zh: '成本指标设了下限', en: 'Cost indicator with a floor' },
    description: {
      zh: '成本指标用于控制支出，指标值应为上限（≤、不高于）；写成“≥”等于要求至少花这么多钱。',
      en: 'A cost indicator caps spending, so its value should be an upper bound (≤); "≥" asks to spend at least that much.',
    },
    formula: 'operator(cost indicator) ∈ {≤, <, =}',
    example: '“宣传资料印刷成本”是成本指标，指标值“≥2.5元”设了下限，应为上限（≤）',
    messages: {
      floor: { zh: '成本指标设了下限', en: 'Cost indicator with a floor' },
    },
    appliesTo: ['performance_targets_project', 'performance_targets_department', 'performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of forms(ctx)) {
      for (const i of f.indicators) {
        const v = i.target?.value;
        if (
          !i.target ||
          !isCost(i) ||
          v?.kind !== 'numeric' ||
          !v.explicit ||
          (v.operator !== '>=' && v.operator !== '>')
        )
          continue;
        ctx.report({
          sheet: f.sheet,
          cells: [at(i.target.at)],
          actual: i.target.raw,
          messageId: 'floor',
          message: `“${i.level3}”是成本指标，指标值“${i.target.raw}”设了下限，应为上限（≤）`,
        });
      }
    }
  },
};
