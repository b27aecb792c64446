import type { WriteAction, WritePlan } from '../plans/types';
import type { RecognisedWorkbook } from '../recognition/model';
import { cellAddress } from '../snapshot/address';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';
import { formsOf, isSelfEvaluation } from './find-forms';
import { gradeOf } from './framework';
import { FUNDS_LABELS, numberOf, type At, type IndicatorRow } from './form';
import { completionRatio, executionRate, scoreFor } from './scoring';

/** A computed cell left blank, and why: shown as a note on the cell and as a line in the pane. */
export interface BlankReason {
  readonly sheet: string;
  readonly cell: string;
  readonly reason: string;
}

const NOTE_PREFIX = '预算审核助手：';

/** Why an indicator's 得分 cannot be computed, or null when it can. */
function whyNoScore(i: IndicatorRow): string | null {
  if (i.weight?.value == null) return `“${i.level3}”未填分值，无法计算得分`;
  if (!i.target || i.target.value.kind === 'empty')
    return `“${i.level3}”未设年度指标值，不能评分（没有目标不给满分），请先补充指标值`;
  if (!i.actual || i.actual.value.kind === 'empty') return `“${i.level3}”未填实际完成值，无法计算得分`;
  if (completionRatio(i.target.value, i.actual.value) === null)
    return `“${i.level3}”的实际完成值“${i.actual.raw}”无法与指标值“${i.target.raw}”比较，请人工评分`;
  return null;
}

/**
 * "填写自评": on a 绩效自评表, fills what can be derived and is still empty — 执行率 (as a percentage) and its points,
 * each indicator's 得分 from its completion ratio, 总分 and 评价等级. A cell that holds anything is never written; a
 * computed cell left blank gets a note saying why (also returned as `blanks` for the pane).
 */
export function planFillSelfEvaluation(
  snapshot: WorkbookSnapshot,
  workbook: RecognisedWorkbook,
): WritePlan & { readonly blanks: readonly BlankReason[] } {
  const actions: WriteAction[] = [];
  const blanks: BlankReason[] = [];
  for (const form of formsOf(snapshot, workbook).filter(isSelfEvaluation)) {
    const sheet = snapshot.sheets.find((s) => s.name === form.sheet);
    if (!sheet) continue;
    const valueAt = (a: At): CellValue => sheet.rows[a.row]?.[a.col]?.value ?? null;
    const empty = (a: At) => {
      const v = valueAt(a);
      return v === null || (typeof v === 'string' && !v.trim());
    };
    const write = (a: At, value: CellValue, numberFormat?: string) =>
      actions.push({
        kind: 'set_values',
        sheet: form.sheet,
        at: cellAddress(a.row, a.col),
        values: [[value]],
        previous: [[valueAt(a)]],
        ...(numberFormat ? { numberFormat } : {}),
      });
    const blank = (a: At, reason: string) => {
      const cell = cellAddress(a.row, a.col);
      blanks.push({ sheet: form.sheet, cell, reason });
      actions.push({ kind: 'set_note', sheet: form.sheet, cell, text: `${NOTE_PREFIX}${reason}` });
    };

    let fundsScore: number | null = null;
    let fundsMissing = false;
    if (form.funds) {
      const col = (label: RegExp) => [...form.funds!.columns].find(([k]) => label.test(k))?.[1];
      const at = (c: number | undefined) => (c === undefined ? null : { row: form.funds!.row, col: c });
      const budget = at(col(FUNDS_LABELS.budget));
      const spent = at(col(FUNDS_LABELS.spent));
      const rateAt = at(col(FUNDS_LABELS.rate));
      const weightAt = at(col(FUNDS_LABELS.weight));
      const scoreAt = at(col(FUNDS_LABELS.score));
      const budgetValue = budget ? numberOf(valueAt(budget)) : null;
      const spentValue = spent ? numberOf(valueAt(spent)) : null;
      const rate = budgetValue !== null && spentValue !== null ? executionRate(budgetValue, spentValue) : null;
      const why =
        spentValue === null
          ? '未填全年执行数，无法计算执行率'
          : budgetValue === null || budgetValue === 0
            ? '全年预算数为空或为 0，无法计算执行率'
            : null;
      if (rateAt && empty(rateAt)) {
        if (rate !== null && Number.isFinite(rate)) write(rateAt, Math.round(rate * 10000) / 10000, '0.00%');
        else if (why) blank(rateAt, why);
      }
      const weight = weightAt ? numberOf(valueAt(weightAt)) : null;
      fundsScore = scoreAt ? numberOf(valueAt(scoreAt)) : null;
      if (scoreAt && fundsScore === null) {
        if (weight !== null && rate !== null && Number.isFinite(rate)) {
          fundsScore = scoreFor(weight, rate);
          write(scoreAt, fundsScore);
        } else {
          fundsMissing = true;
          blank(scoreAt, weight === null ? '未填执行率分值，无法计算得分' : (why ?? '无法计算执行率得分'));
        }
      }
    }
    let total = fundsScore ?? 0;
    let missing = fundsMissing ? 1 : 0;
    for (const i of form.indicators) {
      let score = i.score?.value ?? null;
      if (i.score && score === null) {
        const why = whyNoScore(i);
        if (why === null && i.weight?.value != null && i.target && i.actual) {
          score = scoreFor(i.weight.value, completionRatio(i.target.value, i.actual.value) as number);
          write(i.score.at, score);
        } else if (why) blank(i.score.at, why);
      }
      if (score === null) missing++;
      else total += score;
    }
    total = Math.round(total * 100) / 100;
    if (form.totalScore && empty(form.totalScore.at)) {
      if (!missing) write(form.totalScore.at, total);
      else blank(form.totalScore.at, `尚有 ${missing} 项得分未算出（见各得分单元格的批注），总分暂不计算`);
    }
    const shownTotal = form.totalScore?.value ?? (!missing ? total : null);
    if (form.grade && empty(form.grade.at)) {
      if (shownTotal !== null) write(form.grade.at, gradeOf(shownTotal));
      else blank(form.grade.at, '总分未算出，暂不评定等级');
    }
  }
  return { title: '填写绩效自评得分', actions, blanks };
}
