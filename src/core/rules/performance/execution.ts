import { isSelfEvaluation } from '../../performance/find-forms';
import { at, numberOf, type PerformanceForm } from '../../performance/form';
import { completionRatio, executionRate, scoreFor, statedRatio } from '../../performance/scoring';
import { cellAddress } from '../../model';
import type { Rule, RuleContext } from '../types';

const pct = (f: number): string => `${(f * 100).toFixed(2)}%`;

/**
 * The self-evaluation's funds line and indicator scores against what they are computed from: 执行率 = 全年执行数 ÷
 * 全年预算数; the funds score cannot exceed 分值 × 执行率; an indicator that missed a numeric target cannot earn full
 * points. Deductions below what the numbers allow are a reviewer's judgement and are not flagged.
 */
export const executionAndScores: Rule = {
  meta: {
    id: 'performance.execution',
    defaultSeverity: 'warning',
    title: { zh: '执行率或得分与实际完成情况不符', en: 'Execution rate or score contradicts the results' },
    description: {
      zh: '绩效自评表：执行率 = 全年执行数 ÷ 全年预算数（相差超过 0.5 个百分点提示）；预算执行率得分超过 分值 × 执行率时提示（按区间计分的地区可忽略）；数值型指标未达到年度指标值（按指标方向计算完成比例）却得满分的，提示核对。',
      en: 'Self-evaluation: 执行率 = 全年执行数 ÷ 全年预算数 (flagged beyond 0.5 points); the execution score is at most 分值 × 执行率; a numeric indicator that missed its target (respecting the operator) should not earn full points.',
    },
    formula: '执行率 = 全年执行数 ÷ 全年预算数; 得分 ≤ 分值 × 执行率; 完成比例 < 100% ⇒ 得分 < 分值',
    example: '“群众知晓率”（≥90%）实际 85%，未达到指标值却得满分 15，按完成比例应为 14.17',
    messages: {
      executionRate: { zh: '执行率计算有误', en: 'Execution rate miscalculated' },
      fundsScoreAboveCap: { zh: '预算执行率得分超过 分值 × 执行率', en: 'Funds score above points × execution rate' },
      fullPointsMissed: { zh: '未达到指标值却得满分', en: 'Full points for a missed target' },
    },
    appliesTo: ['performance_self_evaluation'],
  },
  check(ctx) {
    for (const f of ctx.model.forms.all.filter(isSelfEvaluation)) {
      checkFundsLine(ctx, f);
      checkIndicatorScores(ctx, f);
    }
  },
};

/** 执行率 and its score on the funds line (资金总额). */
function checkFundsLine(ctx: RuleContext, f: PerformanceForm): void {
  if (!f.funds) return;
  const num = (row: number, col: number | undefined) =>
    col === undefined ? null : numberOf(ctx.model.forms.valueAt(f, { row, col }));
  const { row, columns } = f.funds;
  const budgetCol = columns.get('全年预算数');
  const spentCol = columns.get('全年执行数') ?? columns.get('执行数');
  const rateCol = columns.get('执行率');
  const budget = num(row, budgetCol);
  const spent = num(row, spentCol);
  const computed = budget !== null && spent !== null ? executionRate(budget, spent) : null;
  const statedRaw = num(row, rateCol);
  const stated = statedRaw === null ? null : statedRatio(statedRaw);
  if (computed !== null && stated !== null && Math.abs(stated - computed) > 0.005)
    ctx.report({
      sheet: f.sheet,
      cells: [
        cellAddress(row, rateCol as number),
        cellAddress(row, spentCol as number),
        cellAddress(row, budgetCol as number),
      ],
      expected: pct(computed),
      actual: pct(stated),
      messageId: 'executionRate',
      message: `执行率应为 全年执行数 ${spent} ÷ 全年预算数 ${budget} = ${pct(computed)}，表中为 ${pct(stated)}`,
    });
  const weightCol = columns.get('分值');
  const scoreCol = columns.get('得分');
  const weight = num(row, weightCol);
  const score = num(row, scoreCol);
  const rate = computed ?? stated;
  if (weight !== null && score !== null && rate !== null) {
    const cap = scoreFor(weight, rate);
    // Some provinces score execution in bands (≥90% earns full points): a note, not an accusation.
    if (score > cap + 0.005)
      ctx.report({
        severity: 'info',
        sheet: f.sheet,
        cells: [cellAddress(row, scoreCol as number), cellAddress(row, weightCol as number)],
        expected: String(cap),
        actual: String(score),
        messageId: 'fundsScoreAboveCap',
        message: `预算执行率得分 ${score} 超过 分值 ${weight} × 执行率 ${pct(rate)} = ${cap}（如按区间计分请忽略）`,
      });
  }
}

/** Full points for an indicator that missed its numeric target. */
function checkIndicatorScores(ctx: RuleContext, f: PerformanceForm): void {
  for (const i of f.indicators) {
    const t = i.target?.value;
    const a = i.actual?.value;
    if (!i.target || !i.actual || !i.weight || !i.score || i.weight.value === null || i.score.value === null) continue;
    if (t?.kind !== 'numeric' || a?.kind !== 'numeric' || (a.unit && t.unit && a.unit !== t.unit)) continue;
    const ratio = completionRatio(t, a);
    if (ratio === null || ratio >= 0.995 || i.score.value < i.weight.value - 0.005) continue;
    const fair = scoreFor(i.weight.value, ratio);
    ctx.report({
      sheet: f.sheet,
      cells: [at(i.score.at), at(i.target.at), at(i.actual.at)],
      expected: String(fair),
      actual: String(i.score.value),
      messageId: 'fullPointsMissed',
      message: `“${i.level3}”（${i.target.raw}）实际 ${i.actual.raw}，未达到指标值却得满分 ${i.score.value}，按完成比例应为 ${fair}`,
    });
  }
}
