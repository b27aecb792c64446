import { gradeOf } from '../../performance/framework';
import { at } from '../../performance/form';
import { isSelfEvaluation } from '../../performance/find-forms';
import type { Rule } from '../types';
import { forms } from './forms';

const round = (n: number) => Math.round(n * 100) / 100;

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
    messages: {
      weightsNot100: { zh: '各项分值合计不为 100', en: 'Points do not sum to 100' },
      scoreAboveWeight: { zh: '得分超过分值', en: 'Score above its points' },
      totalNotSum: { zh: '总分不等于各项得分之和', en: 'Total is not the sum of the scores' },
      gradeMismatch: { zh: '评价等级与总分不符', en: 'Grade does not match the total' },
    },
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
          messageId: 'weightsNot100',
          message: `各项分值合计 ${round(totalWeight)}，应为 100`,
          expected: '100',
          actual: String(round(totalWeight)),
        });
      for (const i of f.indicators) {
        if (i.weight?.value != null && i.score?.value != null && i.score.value > i.weight.value + 0.005)
          ctx.report({
            sheet: f.sheet,
            cells: [at(i.score.at), at(i.weight.at)],
            messageId: 'scoreAboveWeight',
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
          messageId: 'totalNotSum',
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
            messageId: 'gradeMismatch',
            message: `总分 ${f.totalScore.value} 对应等级“${want}”，表中为“${f.grade.value}”`,
          });
      }
    }
  },
};
