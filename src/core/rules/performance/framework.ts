import { REQUIRED_LEVEL1 } from '../../performance/framework';
import { isUnrewrittenSuggestion } from '../../performance/suggestions';
import { at } from '../../performance/form';
import { cellAddress } from '../../model';
import type { Rule } from '../types';
import { forms } from './forms';

export const indicatorFramework: Rule = {
  meta: {
    id: 'performance.framework',
    defaultSeverity: 'warning',
    title: { zh: '绩效指标体系不完整', en: 'Indicator framework incomplete' },
    description: {
      zh: '每张绩效目标表应包含产出、效益、满意度三类一级指标（2021 年起成本指标单列为一级）；每个三级指标都应有指标值。',
      en: 'Every target table needs 产出, 效益 and 满意度 indicators (成本 as its own 一级 from 2021), and every 三级 indicator a value.',
    },
    formula: '{产出, 效益, 满意度} ⊆ 一级指标; every 三级 has a value',
    example: '绩效目标表缺少一级指标：满意度指标',
    messages: {
      missingLevel1: { zh: '缺少一级指标', en: 'Level-1 indicators missing' },
      noTargetValue: { zh: '三级指标没有指标值', en: 'Level-3 indicator without a value' },
    },
    appliesTo: ['performance_targets_project', 'performance_targets_department', 'performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of forms(ctx)) {
      const present = new Set(
        f.indicators.map((i) => i.canonical1 ?? (i.canonical2 ? null : i.level1)).filter(Boolean),
      );
      const missing = REQUIRED_LEVEL1.filter((l) => !present.has(l));
      if (f.indicators.length && missing.length)
        ctx.report({
          sheet: f.sheet,
          cells: [cellAddress(f.headerRow, 0)],
          messageId: 'missingLevel1',
          message: `绩效目标表缺少一级指标：${missing.join('、')}`,
        });
      for (const i of f.indicators) {
        if (i.target && i.target.value.kind === 'empty' && !isUnrewrittenSuggestion(i.level3, i.target.raw))
          ctx.report({
            sheet: f.sheet,
            cells: [at(i.target.at)],
            messageId: 'noTargetValue',
            message: `三级指标“${i.level3}”没有指标值`,
          });
      }
    }
  },
};
