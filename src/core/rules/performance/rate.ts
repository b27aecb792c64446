import soundness from '../../../data/performance/soundness.json';
import { at } from '../../performance/form';
import { formatIndicatorValue } from '../../performance/indicator-value';
import type { Rule } from '../types';
import { forms } from './forms';

/** Shares that cannot exceed 100% (a satisfaction rate); 到位率 or 参保率 actuals can. */
const BOUNDED_RATES = new RegExp(soundness.boundedRates);

export const impossibleRate: Rule = {
  meta: {
    id: 'performance.rate',
    defaultSeverity: 'warning',
    title: { zh: '比率指标超过 100%', en: 'Rate above 100%' },
    description: {
      zh: '满意度、知晓率、覆盖率等份额类比率不可能超过 100%（到位率、参保率、执行率等的实际值可能超过 100%，不在此列）。',
      en: 'Shares such as satisfaction, awareness and coverage rates cannot exceed 100% (availability, enrolment or execution rates can, in their actuals, and are not checked).',
    },
    formula: 'rate indicators ≤ 100%',
    example: '“群众满意度”的指标值“≥110%”超过 100%',
    messages: {
      above100: { zh: '比率超过 100%', en: 'Rate above 100%' },
    },
    appliesTo: ['performance_targets_project', 'performance_targets_department', 'performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of forms(ctx)) {
      for (const i of f.indicators) {
        for (const cell of [i.target, i.actual]) {
          const v = cell?.value;
          if (
            !cell ||
            v?.kind !== 'numeric' ||
            v.unit !== '%' ||
            !BOUNDED_RATES.test(i.level3) ||
            Number(v.value) <= 100
          )
            continue;
          ctx.report({
            sheet: f.sheet,
            cells: [at(cell.at)],
            actual: formatIndicatorValue(v),
            messageId: 'above100',
            message: `“${i.level3}”的${cell === i.actual ? '实际完成值' : '指标值'}“${cell.raw}”超过 100%`,
          });
        }
      }
    }
  },
};
