import type { RecognisedWorkbook } from '../recognition/model';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import organisation from '../../data/performance/organisation.json';
import { normalizeLabel } from '../text/normalize';
import { indicatorHeaderRows, readPerformanceForm, repeatsHeader, text, type PerformanceForm } from './form';

const blankRows = (sheet: SheetSnapshot, from: number, to: number): boolean => {
  for (let r = from; r <= to; r++) if ((sheet.rows[r] ?? []).some((c) => text(c?.value) !== '')) return false;
  return true;
};

/**
 * Every 绩效目标表 / 绩效自评表 of the workbook, found by its indicator header whatever the recogniser made of the sheet.
 * A form starts right after the previous one on its sheet (or at the top) and ends before the next.
 */
export function findPerformanceForms(snapshot: WorkbookSnapshot): PerformanceForm[] {
  const forms: PerformanceForm[] = [];
  for (const sheet of snapshot.sheets) {
    const whole = { top: 0, left: 0, bottom: sheet.rows.length - 1, right: Math.max(0, sheet.columnCount - 1) };
    const headers = indicatorHeaderRows(sheet, whole);
    let start = 0;
    for (let i = 0; i < headers.length;) {
      const h = headers[i] as number;
      // The form's fields (项目名称, funds) sit above its indicator header, back to where the previous form ended.
      const read = (next: number) =>
        readPerformanceForm(sheet, { ...whole, top: start, bottom: (headers[next] ?? sheet.rows.length) - 1 }, h);
      let next = i + 1;
      let form = read(next);
      // A page break inside the form repeated its header: nothing between its last indicator and the same header
      // again. The form goes on under it.
      while (next < headers.length && !form.totalScore && !form.grade) {
        const again = headers[next] as number;
        const last = form.indicators.at(-1)?.row ?? h;
        if (!repeatsHeader(sheet, h, again) || !blankRows(sheet, last + 1, again - 1)) break;
        form = read(++next);
      }
      forms.push(form);
      start = Math.max(h, form.indicators.at(-1)?.row ?? h, form.totalScore?.at.row ?? h, form.grade?.at.row ?? h) + 1;
      i = next;
    }
  }
  return forms;
}

const CACHE = new WeakMap<object, PerformanceForm[]>();

/** Forms of a review, read once and shared by the performance rules. */
export function formsOf(snapshot: WorkbookSnapshot, workbook: RecognisedWorkbook): PerformanceForm[] {
  let forms = CACHE.get(workbook);
  if (!forms) CACHE.set(workbook, (forms = findPerformanceForms(snapshot)));
  return forms;
}

export const isSelfEvaluation = (f: PerformanceForm): boolean => f.indicators.some((i) => i.actual || i.score);

/** The target form of each project, matched by its 项目名称 field (null when the workbook has none yet). */
export function targetsOfProjects<P extends { readonly name: string }>(
  snapshot: WorkbookSnapshot,
  forms: readonly PerformanceForm[],
  projects: readonly P[],
) {
  const nameOf = (f: PerformanceForm) => {
    const at = f.fields.get('项目名称');
    const v = at ? snapshot.sheets.find((s) => s.name === f.sheet)?.rows[at.row]?.[at.col]?.value : undefined;
    return typeof v === 'string' ? v.trim() : '';
  };
  const targets = forms.filter((f) => !isSelfEvaluation(f));
  return projects.map((project) => ({ project, targets: targets.find((f) => nameOf(f) === project.name) ?? null }));
}

const DEPARTMENT_LABELS = new Set(organisation.departmentFormLabels);

/** A 部门（单位）整体支出绩效目标表: its funds are the department's, not one more project's. */
export function isDepartmentForm(snapshot: WorkbookSnapshot, form: PerformanceForm): boolean {
  const sheet = snapshot.sheets.find((s) => s.name === form.sheet);
  for (let r = Math.max(0, form.headerRow - 40); r < form.headerRow; r++)
    if ((sheet?.rows[r] ?? []).some((c) => DEPARTMENT_LABELS.has(normalizeLabel(text(c?.value))))) return true;
  return false;
}
