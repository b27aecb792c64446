import type { WriteAction, WritePlan } from '../plans/types';
import type { RecognisedWorkbook } from '../recognition/model';
import { cellAddress } from '../snapshot/address';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';
import { formsOf, isSelfEvaluation } from './find-forms';
import { gradeOf } from './framework';
import { numberOf, type At } from './form';
import { completionRatio, executionRate, scoreFor } from './scoring';

/**
 * "填写自评": on a 绩效自评表, fills what can be derived and is still empty — 执行率 and its points, each indicator's
 * 得分 from its completion ratio, 总分 and 评价等级. A cell that holds anything is never written.
 */
export function planFillSelfEvaluation(snapshot: WorkbookSnapshot, workbook: RecognisedWorkbook): WritePlan {
  const actions: WriteAction[] = [];
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

    let fundsScore: number | null = null;
    if (form.funds) {
      const col = (label: RegExp) => [...form.funds!.columns].find(([k]) => label.test(k))?.[1];
      const at = (c: number | undefined) => (c === undefined ? null : { row: form.funds!.row, col: c });
      const budget = at(col(/全年预算数/));
      const spent = at(col(/全年执行数|执行数/));
      const rateAt = at(col(/^执行率/));
      const weightAt = at(col(/^分值/));
      const scoreAt = at(col(/^得分/));
      const rate =
        budget && spent ? executionRate(numberOf(valueAt(budget)) ?? NaN, numberOf(valueAt(spent)) ?? NaN) : null;
      if (rateAt && rate !== null && Number.isFinite(rate) && empty(rateAt))
        write(rateAt, Math.round(rate * 10000) / 10000, '0.00%');
      const weight = weightAt ? numberOf(valueAt(weightAt)) : null;
      fundsScore = scoreAt ? numberOf(valueAt(scoreAt)) : null;
      if (scoreAt && fundsScore === null && weight !== null && rate !== null && Number.isFinite(rate)) {
        fundsScore = scoreFor(weight, rate);
        write(scoreAt, fundsScore);
      }
    }
    let total = fundsScore ?? 0;
    let complete = true;
    for (const i of form.indicators) {
      let score = i.score?.value ?? null;
      if (i.score && score === null && i.weight?.value != null && i.target && i.actual) {
        const ratio = completionRatio(i.target.value, i.actual.value);
        if (ratio !== null) {
          score = scoreFor(i.weight.value, ratio);
          write(i.score.at, score);
        }
      }
      if (score === null) complete = false;
      else total += score;
    }
    total = Math.round(total * 100) / 100;
    if (complete && form.totalScore && empty(form.totalScore.at)) write(form.totalScore.at, total);
    const shownTotal = form.totalScore?.value ?? (complete ? total : null);
    if (shownTotal !== null && form.grade && empty(form.grade.at)) write(form.grade.at, gradeOf(shownTotal));
  }
  return { title: '填写绩效自评得分', actions };
}
