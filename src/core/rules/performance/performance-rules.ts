import soundness from '../../../data/performance/soundness.json';
import { gradeOf, REQUIRED_LEVEL1 } from '../../performance/framework';
import { isUnrewrittenSuggestion } from '../../performance/suggestions';
import { at, type IndicatorRow, type PerformanceForm } from '../../performance/form';
import { isSelfEvaluation } from '../../performance/find-forms';
import { formatIndicatorValue } from '../../performance/indicator-value';
import { completionRatio, statedRatio } from '../../performance/scoring';
import { cellAddress } from '../../model';
import type { Rule, RuleContext } from '../types';
import { executionAndScores } from './execution-and-scores';
import { fundsContradiction } from './funds-contradiction';
import { PATTERNS as PAT } from '../../text/patterns';

/** Shares that cannot exceed 100% (a satisfaction rate); 到位率 or 参保率 actuals can. */
const BOUNDED_RATES = new RegExp(soundness.boundedRates);

const forms = (ctx: RuleContext): readonly PerformanceForm[] => ctx.model.forms.all;
const isCost = (i: IndicatorRow) =>
  i.canonical1 === '成本指标' ||
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
          message: `“${i.level3}”是成本指标，指标值“${i.target.raw}”设了下限，应为上限（≤）`,
        });
      }
    }
  },
};

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
          message: `绩效目标表缺少一级指标：${missing.join('、')}`,
        });
      for (const i of f.indicators) {
        if (i.target && i.target.value.kind === 'empty' && !isUnrewrittenSuggestion(i.level3, i.target.raw))
          ctx.report({ sheet: f.sheet, cells: [at(i.target.at)], message: `三级指标“${i.level3}”没有指标值` });
      }
    }
  },
};

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
            message: `“${i.level3}”的${cell === i.actual ? '实际完成值' : '指标值'}“${cell.raw}”超过 100%`,
          });
        }
      }
    }
  },
};

export const scoreArithmetic: Rule = {
  meta: {
    id: 'performance.scores',
    defaultSeverity: 'error',
    title: { zh: '自评分值、得分、总分或等级不符', en: 'Self-evaluation points, total or grade inconsistent' },
    description: {
      zh: '绩效自评表中各指标分值（含预算执行率）合计应为 100；得分不超过分值；总分等于各项得分之和；评价等级与总分相符（优 ≥ 90，良 80–90，中 60–80，差 < 60）。',
      en: 'In a self-evaluation the points (incl. budget execution) sum to 100, no score exceeds its points, the total is the sum of scores, and the grade matches the total.',
    },
    formula: 'Σ分值 = 100; 得分 ≤ 分值; 总分 = Σ得分; 等级 = grade(总分)',
    example: '总分 95 ≠ 各项得分之和 94；等级“优”',
    appliesTo: ['performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of forms(ctx).filter(isSelfEvaluation)) {
      const fundsWeightCol = f.funds?.columns.get('分值');
      const fundsScoreCol = f.funds?.columns.get('得分');
      const num = (r: number, c: number | undefined) => {
        const v = c === undefined ? undefined : ctx.model.forms.valueAt(f, { row: r, col: c });
        return typeof v === 'number'
          ? v
          : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
            ? Number(v)
            : null;
      };
      const fundsWeight = f.funds ? num(f.funds.row, fundsWeightCol) : null;
      const fundsScore = f.funds ? num(f.funds.row, fundsScoreCol) : null;
      const weights = f.indicators
        .map((i) => i.weight?.value)
        .filter((w): w is number => w !== null && w !== undefined);
      const totalWeight = weights.reduce((a, b) => a + b, 0) + (fundsWeight ?? 0);
      if (weights.length && Math.abs(totalWeight - 100) > 0.005)
        ctx.report({
          sheet: f.sheet,
          cells: f.indicators.flatMap((i) => (i.weight ? [at(i.weight.at)] : [])),
          message: `各项分值合计 ${round(totalWeight)}，应为 100`,
          expected: '100',
          actual: String(round(totalWeight)),
        });
      for (const i of f.indicators) {
        if (i.weight?.value != null && i.score?.value != null && i.score.value > i.weight.value + 0.005)
          ctx.report({
            sheet: f.sheet,
            cells: [at(i.score.at), at(i.weight.at)],
            message: `“${i.level3}”得分 ${i.score.value} 超过分值 ${i.weight.value}`,
          });
      }
      const scores = f.indicators.map((i) => i.score?.value).filter((s): s is number => s !== null && s !== undefined);
      const sum = scores.reduce((a, b) => a + b, 0) + (fundsScore ?? 0);
      if (f.totalScore?.value != null && scores.length && Math.abs(f.totalScore.value - sum) > 0.005)
        ctx.report({
          sheet: f.sheet,
          cells: [at(f.totalScore.at)],
          expected: String(round(sum)),
          actual: String(f.totalScore.value),
          message: `总分 ${f.totalScore.value} ≠ 各项得分之和 ${round(sum)}`,
        });
      if (f.grade?.value && f.totalScore?.value != null) {
        const want = gradeOf(f.totalScore.value);
        if (!f.grade.value.includes(want))
          ctx.report({
            sheet: f.sheet,
            cells: [at(f.grade.at), at(f.totalScore.at)],
            expected: want,
            actual: f.grade.value,
            message: `总分 ${f.totalScore.value} 对应等级“${want}”，表中为“${f.grade.value}”`,
          });
      }
    }
  },
};

const round = (n: number) => Math.round(n * 100) / 100;

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
          message: `“${i.level3}”（${i.target.raw}）实际 ${i.actual.raw}，完成比例应为 ${(ratio * 100).toFixed(2)}%，表中为 ${(stated * 100).toFixed(2)}%`,
        });
      }
    }
  },
};

export const PERFORMANCE_RULES: readonly Rule[] = [
  costOperator,
  indicatorFramework,
  impossibleRate,
  scoreArithmetic,
  completionRatioRule,
  executionAndScores,
  fundsContradiction,
];
