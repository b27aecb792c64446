import { formsOf, isDepartmentForm } from '../performance/find-forms';
import type { RecognisedWorkbook } from '../recognition/model';
import type { At, PerformanceForm } from '../performance/form';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';

/**
 * The workbook's performance forms (绩效目标表 / 绩效自评表), each a recognised kind read once, with the values at the
 * positions the form knows (its fields, its funds line, its indicators) and whether it is a department's form.
 */
export interface PerformanceForms {
  readonly all: readonly PerformanceForm[];
  /** The value written at a position of a form's sheet (a field's or funds line's cell, or one a rule located). */
  valueAt(form: PerformanceForm, at: At): CellValue | undefined;
  /** The values of one row of a form's sheet, by column (a funds line read across its 实施期 | 当年度 blocks). */
  rowValues(form: PerformanceForm, row: number): readonly (CellValue | undefined)[];
  /** A department's form (部门整体绩效目标表): it does not cover one project. */
  isDepartment(form: PerformanceForm): boolean;
}

export function buildForms(snapshot: WorkbookSnapshot, workbook: RecognisedWorkbook): PerformanceForms {
  let all: PerformanceForm[] | null = null;
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const department = new WeakMap<PerformanceForm, boolean>();
  return {
    get all() {
      return (all ??= formsOf(snapshot, workbook));
    },
    valueAt: (form, at) => sheets.get(form.sheet)?.rows[at.row]?.[at.col]?.value,
    rowValues: (form, row) => (sheets.get(form.sheet)?.rows[row] ?? []).map((c) => c?.value),
    isDepartment(form) {
      let d = department.get(form);
      if (d === undefined) department.set(form, (d = isDepartmentForm(snapshot, form)));
      return d;
    },
  };
}
