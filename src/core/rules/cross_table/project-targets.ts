import Decimal from 'decimal.js';
import vocabulary from '../../../data/disclosure/identities.json';
import { isSelfEvaluation } from '../../performance/find-forms';
import { numberOf, type PerformanceForm } from '../../performance/form';
import { cellAddress, formatAmount, UNIT_FACTOR } from '../../model';
import { columnsOfNamedGroup } from '../column-groups';
import { onlyViewOf, tableLabel, termAt, totalRow } from './quantities';
import { textCells } from '../disclosure/workbook-texts';
import type { Rule, RuleContext } from '../types';
import { cleanLabel, hasAny } from './vocabulary';
import { normalizeLabel } from '../../text/normalize';

const P = vocabulary.projectTargets;
const norm = (words: readonly string[]) => words.map(normalizeLabel);
const FUNDS = norm(P.fundsTotal);
const YEAR = norm(P.yearColumn);
const MID = norm(P.midTerm);
const PROJECT = new RegExp(norm(P.projectSpending).join('|'));

interface FormFunds {
  readonly sheet: string;
  readonly cell: string;
  /** In 元. */
  readonly value: Decimal;
}

/** A target form's 资金总额 for the year, in 元; null when it is not stated, or its unit is not. */
function fundsOf(ctx: RuleContext, form: PerformanceForm): FormFunds | null {
  // "资金总额" itself, not "中期资金总额" (a column header of the funds block).
  const field = [...form.fields].find(([label]) => FUNDS.some((w) => cleanLabel(label).startsWith(w)));
  if (!field) return null;
  const [, at] = field;
  const above = textCells(ctx.model).filter(
    (c) => c.sheet === form.sheet && c.row <= form.headerRow && c.row >= at.row - 8,
  );
  let col = at.col;
  const year = above.find((c) => c.row < at.row && hasAny(c.norm, YEAR));
  // Under the year's heading: its amount, or (实施期 | 当年度 blocks of 资金总额：| amount pairs) the first one after it.
  const row = ctx.model.forms.rowValues(form, at.row);
  if (year) col = row.findIndex((v, i) => i >= year.col && numberOf(v) !== null);
  else if (above.some((c) => hasAny(c.norm, MID))) return null;
  if (col < 0) return null;
  const value = numberOf(row[col]);
  const unit = P.units.find((u) => above.some((c) => c.norm.includes(u.word)));
  if (value === null || value <= 0 || !unit) return null;
  return { sheet: form.sheet, cell: cellAddress(at.row, col), value: new Decimal(value).times(unit.factor) };
}

/**
 * The 项目支出绩效目标表 cover projects of the 项目支出: together they cannot exceed it (they may fall short — not every
 * project has a form in the disclosure), so Σ 资金总额 ≤ 支出总表 项目支出, never "=".
 */
export const projectTargetsFunds: Rule = {
  meta: {
    id: 'cross_table.project_targets',
    defaultSeverity: 'warning',
    title: { zh: '绩效目标表资金合计超过项目支出', en: 'Target forms’ funds exceed 项目支出' },
    description: {
      zh: '各项目支出绩效目标表的年度资金总额之和不应大于支出总表合计行的项目支出（只比较不大于：并非每个项目都公开绩效目标表）。绩效目标表未注明金额单位时不比较。',
      en: 'The yearly 资金总额 of all 项目支出绩效目标表 together does not exceed the 项目支出 of the 支出总表 total line (≤ only: not every project publishes a form). Forms without a stated unit are not compared.',
    },
    formula: 'Σ 绩效目标表.资金总额 ≤ 支出总表.合计行[项目支出]',
    example:
      '3 张项目支出绩效目标表的资金总额合计 1,250.00 万元，大于《部门支出总表》项目支出合计 1,000.00 万元（超出 250.00 万元）',
    messages: {
      targetsExceedProjects: {
        zh: '绩效目标表资金合计超过项目支出',
        en: "Target forms' funds exceed project spending",
      },
    },
    appliesTo: ['performance_targets_project', 'expenditure_summary'],
  },
  check(ctx) {
    const spending = onlyViewOf(ctx, 'expenditure_summary');
    const block = spending?.blocks[0];
    const total = spending && block ? totalRow(spending, block) : null;
    if (!spending || !block || !total) return;
    const cols = columnsOfNamedGroup(block, PROJECT);
    const terms = cols.map((c) => termAt(spending, total.row, c.col)).filter((t) => t !== null);
    if (!terms.length || terms.every((t) => t.blank)) return;
    const unit = new Decimal(UNIT_FACTOR[spending.unit ?? '万元']);
    const project = terms.reduce((s, t) => s.plus(t.value), new Decimal(0)).times(unit);
    const envelope = new Decimal(10)
      .pow(-Math.max(...terms.map((t) => t.decimals)))
      .div(2)
      .times(unit)
      .times(terms.length);
    const funds = ctx.model.forms.all
      .filter((f) => !isSelfEvaluation(f) && !ctx.model.forms.isDepartment(f))
      .map((f) => fundsOf(ctx, f))
      .filter((f): f is FormFunds => f !== null);
    if (!funds.length) return;
    const sum = funds.reduce((s, f) => s.plus(f.value), new Decimal(0));
    const over = sum.minus(project);
    // Rounding of the forms (each to its own decimals) is not an excess; nor is a 元/万元 slip (format.unit's).
    const tables = [spending.table.id];
    const sheet = (funds[0] as FormFunds).sheet;
    if (over.lte(envelope.plus(funds.length * 50))) return ctx.identity({ tables, sheet, cells: [], status: 'closed' });
    if (project.gt(0) && sum.div(project).gt(5000)) {
      ctx.notChecked({
        tables,
        sheet,
        reason: 'other',
        message: '绩效目标表资金与项目支出相差约一万倍，疑为金额单位不一致，未核对',
      });
      return;
    }
    const shown = (v: Decimal) => formatAmount(v.div(unit), 2);
    const unitName = spending.unit ?? '万元';
    const cells = funds.map((f) => (f.sheet === sheet ? f.cell : `${f.sheet}!${f.cell}`));
    ctx.identity({
      tables,
      sheet,
      cells,
      status: 'failed',
      finding: {
        sheet,
        cells,
        messageId: 'targetsExceedProjects',
        message: `${funds.length} 张项目支出绩效目标表的资金总额合计 ${shown(sum)} ${unitName}，大于${tableLabel(spending)}项目支出合计 ${shown(project)} ${unitName}（超出 ${shown(over)} ${unitName}）`,
        expected: `≤ ${project.div(unit).toFixed(2)}`,
        actual: sum.div(unit).toFixed(2),
        difference: over.div(unit).toFixed(2),
      },
    });
  },
};
