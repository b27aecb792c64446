import Decimal from 'decimal.js';
import { at, numberOf, type At, type PerformanceForm } from '../../performance/form';
import { type DocumentModel, formatAmount, UNIT_FACTOR } from '../../model';
import type { AmountUnit } from '../../recognition/metadata';
import type { Rule } from '../types';
import soundness from '../../../data/performance/soundness.json';
import { PATTERNS as PAT } from '../../text/patterns';

/** The unit performance forms state their funds in (the templates' 万元). */
const FORM_UNIT: AmountUnit = '万元';

/** The form's own money: 资金总额 / 财政拨款 fields and the funds block (全年预算数, 全年执行数), in 万元. */
function fundsOf(model: DocumentModel, form: PerformanceForm): { label: string; value: Decimal }[] {
  const read = (a: At) => numberOf(model.forms.valueAt(form, a));
  const out: { label: string; value: Decimal }[] = [];
  for (const [label, a] of form.fields) {
    const v = PAT.formFunds.test(label) ? read(a) : null;
    if (v !== null && v > 0) out.push({ label: label.replace(/[:：]$/, ''), value: new Decimal(v) });
  }
  if (form.funds)
    for (const [label, col] of form.funds.columns) {
      const v = PAT.budgetOrExecuted.test(label) ? read({ row: form.funds.row, col }) : null;
      if (v !== null && v > 0) out.push({ label, value: new Decimal(v) });
    }
  return out;
}

const MONEY = PAT.moneyWords;
const EXECUTED = new RegExp(soundness.executedFunds);

/**
 * An amount in a performance form that its own funds contradict: more than the project's whole budget, or within 1% of
 * a funds figure without being it (128763 万元 where the funds block says 128673) — a slip a person should look at.
 */
export const fundsContradiction: Rule = {
  meta: {
    id: 'performance.funds',
    defaultSeverity: 'warning',
    title: { zh: '指标金额与项目资金不符', en: 'Indicator amount contradicts the funds' },
    description: {
      zh: '绩效表中以万元（或元）计的资金类指标值，超过本表资金总额，或与资金总额、全年执行数等只差 1% 以内却不相等。实际完成值与全年执行数只差 1% 以内却不相等（多为录入错误）为警告，其余为提示。',
      en: 'A money indicator (万元 or 元) exceeds the form’s total funds, or lies within 1% of a funds figure without equalling it. An actual within 1% of the year’s spending (usually a typing slip) is a warning; the rest are notes.',
    },
    formula: 'money indicator ≤ 资金总额; no near-miss of a funds figure',
    example: '“资金支出总额”实际完成值 128,763.00 万元，与全年执行数 128,673.00 万元相差 90.00 万元，请核对',
    messages: {
      nearFunds: { zh: '指标金额与项目资金接近而不等', en: 'Indicator amount near but not equal to a funds figure' },
      aboveFunds: { zh: '指标金额超过本表资金总额', en: "Indicator amount above the form's funds" },
    },
    appliesTo: ['performance_targets_project', 'performance_self_evaluation'],
  },
  check(ctx) {
    for (const form of ctx.model.forms.all) {
      const funds = fundsOf(ctx.model, form);
      if (!funds.length) continue;
      const total = funds.reduce((m, f) => Decimal.max(m, f.value), new Decimal(0));
      for (const i of form.indicators) {
        if (!MONEY.test(i.level3)) continue;
        for (const cell of [i.target, i.actual]) {
          const v = cell?.value;
          // A money indicator in any unit the model converts (元, 千元, 万元, 亿元), compared in the form's 万元.
          if (!cell || v?.kind !== 'numeric' || v.unit === null || !(v.unit in UNIT_FACTOR)) continue;
          const amount = new Decimal(v.value).times(UNIT_FACTOR[v.unit as AmountUnit]).div(UNIT_FACTOR[FORM_UNIT]);
          const what = cell === i.actual ? '实际完成值' : '指标值';
          const close = funds.filter(
            (f) => !amount.eq(f.value) && amount.minus(f.value).abs().lte(f.value.times(0.01)),
          );
          const near = close.find((f) => EXECUTED.test(f.label)) ?? close[0];
          if (near) {
            // An actual a hair off the year's spending is a typing slip; other near-misses may be coincidences.
            const slip = cell === i.actual && EXECUTED.test(near.label);
            ctx.report({
              ...(slip ? {} : { severity: 'info' as const }),
              sheet: form.sheet,
              cells: [at(cell.at)],
              expected: near.value.toString(),
              actual: amount.toString(),
              messageId: 'nearFunds',
              message: `“${i.level3}”${what} ${formatAmount(amount, 2)} 万元，与${near.label} ${formatAmount(near.value, 2)} 万元相差 ${formatAmount(amount.minus(near.value).abs(), 2)} 万元，请核对`,
            });
          } else if (amount.gt(total) && !(v.operator === '<=' || v.operator === '<')) {
            ctx.report({
              severity: 'info',
              sheet: form.sheet,
              cells: [at(cell.at)],
              expected: total.toString(),
              actual: amount.toString(),
              messageId: 'aboveFunds',
              message: `“${i.level3}”${what} ${formatAmount(amount, 2)} 万元，超过本表资金总额 ${formatAmount(total, 2)} 万元`,
            });
          }
        }
      }
    }
  },
};
