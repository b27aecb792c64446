import Decimal from 'decimal.js';
import { cellAddress } from '../snapshot/address';
import type { CellRange, CellValue, SheetSnapshot } from '../snapshot/types';
import formLabels from '../../data/performance/form-labels.json';
import { parseNumericText } from '../text/amount';
import { normalizeLabel } from '../text/normalize';
import { canonicalLevel1, canonicalLevel2 } from './framework';
import { parseIndicatorValue, type IndicatorValue } from './indicator-value';

/**
 * A 绩效目标表 or 绩效自评表 read by its labels, whatever its layout: the indicator grid under the row naming
 * 一级指标 / 二级指标 / 三级指标, the funds block (资金总额 / 财政拨款 / 全年预算数 / 全年执行数 …), 总分 and 评价等级.
 * Blank 一级/二级 cells (merged or left empty) take the line above's.
 */
export interface At {
  readonly row: number;
  readonly col: number;
}

export interface IndicatorRow {
  readonly row: number;
  readonly level1: string | null;
  readonly level2: string | null;
  readonly level3: string;
  /** Canonical names when the framework knows the wording. */
  readonly canonical1: string | null;
  readonly canonical2: string | null;
  readonly target: { readonly at: At; readonly raw: string; readonly value: IndicatorValue } | null;
  readonly actual: { readonly at: At; readonly raw: string; readonly value: IndicatorValue } | null;
  readonly weight: { readonly at: At; readonly value: number | null } | null;
  readonly score: { readonly at: At; readonly value: number | null } | null;
  /** A stated 完成比例 / 完成率 (as a fraction: 0.95), where the form has the column. */
  readonly completion: { readonly at: At; readonly value: number | null } | null;
}

export interface PerformanceForm {
  readonly sheet: string;
  readonly headerRow: number;
  readonly indicators: readonly IndicatorRow[];
  /** Label → the cell holding its value (项目名称, 主管部门及代码, 资金总额 …). */
  readonly fields: ReadonlyMap<string, At>;
  readonly totalScore: { readonly at: At; readonly value: number | null } | null;
  readonly grade: { readonly at: At; readonly value: string | null } | null;
  /** The funds block of a self-evaluation: its header labels → columns, and the 资金总额 line. */
  readonly funds: { readonly row: number; readonly columns: ReadonlyMap<string, number> } | null;
}

/** A cell as text: trimmed strings, numbers as written, anything else empty. */
export const text = (v: CellValue | undefined): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

export function numberOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const p = parseNumericText(v.replace(POINTS_SUFFIX, ''));
    // "95.00%" is 0.95, not 95 × 0.01 = 0.9500000000000001.
    return p ? (p.percent ? new Decimal(p.value).div(100) : new Decimal(p.value)).toNumber() : null;
  }
  return null;
}

const COLUMN_LABELS = Object.entries(formLabels.columns).map(
  ([k, re]) => [k as keyof Columns, new RegExp(re)] as const,
);
const INDICATOR_LEVEL = new RegExp(formLabels.indicatorLevel);
const VALUE_HEADER = new RegExp(formLabels.valueHeader);
const YEAR_TARGET = new RegExp(formLabels.yearTarget);
const TOTAL = new RegExp(formLabels.total);
const GRADE = new RegExp(formLabels.grade);
const POINTS_SUFFIX = new RegExp(formLabels.pointsSuffix);
/** The funds block's column patterns (also read by fill-in-place). */
export const FUNDS_LABELS = {
  budget: new RegExp(formLabels.funds.budget),
  spent: new RegExp(formLabels.funds.spent),
  rate: new RegExp(formLabels.funds.rate),
  weight: new RegExp(formLabels.funds.weight),
  score: new RegExp(formLabels.funds.score),
};
export const PLAN_VERBS: { readonly insert: string; readonly update: string } = formLabels.planVerbs;

interface Columns {
  level1?: number;
  level2?: number;
  level3?: number;
  half?: number;
  target?: number;
  actual?: number;
  weight?: number;
  score?: number;
  completion?: number;
}

const NEXT_FORM = new RegExp(formLabels.nextForm);

/** A header word without its trailing note: "年度指标值(A)", "实际完成值（B）", "三级指标（指标名称）". */
const headerWord = (v: CellValue | undefined): string => normalizeLabel(text(v)).replace(/[(（][^()（）]*[)）]$/, '');

/** Rows that name the indicator columns (一级指标 | 二级指标 | 三级指标 …) inside `range`. */
export function indicatorHeaderRows(sheet: SheetSnapshot, range: CellRange): number[] {
  const out: number[] = [];
  for (let r = range.top; r <= Math.min(range.bottom, sheet.rows.length - 1); r++) {
    const row = sheet.rows[r] ?? [];
    // Cheap test first: a ledger of 20k rows has no "级指标" at all.
    if (!row.some((c) => typeof c?.value === 'string' && c.value.includes(formLabels.indicatorHint))) continue;
    const labels = row.map((c) => headerWord(c?.value));
    if (labels.filter((l) => INDICATOR_LEVEL.test(l)).length >= 2) out.push(r);
  }
  return out;
}

/** Row `r` says what header row `headerRow` says, in the same columns (a header repeated after a page break). */
export function repeatsHeader(sheet: SheetSnapshot, headerRow: number, r: number): boolean {
  const words = (row: number) => (sheet.rows[row] ?? []).map((c) => headerWord(c?.value));
  const a = words(headerRow);
  const b = words(r);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? '') !== (b[i] ?? '')) return false;
  return true;
}

export function readPerformanceForm(sheet: SheetSnapshot, range: CellRange, headerRow: number): PerformanceForm {
  const cols: Columns = {};
  const labelRows = [headerRow];
  // A second header line (实施期目标 | 当年度目标 over 绩效目标值 | 半年目标值 | 全年目标值) names the value columns.
  // Only a header word counts ("全年目标值", "年度指标值"), never a first indicator's remark that mentions one
  // ("未完全达到年度指标值，…" in 偏差原因).
  const below = (sheet.rows[headerRow + 1] ?? []).map((c) => headerWord(c?.value));
  if (below.some((l) => VALUE_HEADER.test(l))) labelRows.push(headerRow + 1);
  for (const r of labelRows) {
    (sheet.rows[r] ?? []).forEach((c, i) => {
      const label = headerWord(c?.value);
      for (const [k, re] of COLUMN_LABELS) if (cols[k] === undefined && re.test(label)) return void (cols[k] = i);
    });
  }
  // The year's value wins over the implementation period's (全年目标值 over 绩效目标值).
  labelRows.forEach((r) =>
    (sheet.rows[r] ?? []).forEach((c, i) => {
      if (YEAR_TARGET.test(headerWord(c?.value))) cols.target = i;
    }),
  );
  const indicators: IndicatorRow[] = [];
  let l1: string | null = null;
  let l2: string | null = null;
  let totalScore: PerformanceForm['totalScore'] = null;
  let grade: PerformanceForm['grade'] = null;
  let closed = false;
  for (let r = (labelRows.at(-1) as number) + 1; r <= Math.min(range.bottom, sheet.rows.length - 1); r++) {
    const row = sheet.rows[r] ?? [];
    const labels = row.map((c) => normalizeLabel(text(c?.value)));
    // The next form on the sheet begins (its title or 项目名称 line): this one has ended.
    if (labels.some((l) => NEXT_FORM.test(l))) break;
    const totalAt = labels.findIndex((l) => TOTAL.test(l));
    const gradeAt = labels.findIndex((l) => GRADE.test(l));
    if (totalAt >= 0 || gradeAt >= 0) {
      if (totalAt >= 0) {
        const c =
          cols.score !== undefined && cols.score > totalAt
            ? cols.score
            : row.findIndex((x, i) => i > totalAt && numberOf(x?.value) !== null);
        if (c >= 0) totalScore = { at: { row: r, col: c }, value: numberOf(row[c]?.value) };
      }
      if (gradeAt >= 0) {
        const c = row.findIndex((x, i) => i > gradeAt && text(x?.value));
        grade = { at: { row: r, col: c >= 0 ? c : gradeAt + 1 }, value: c >= 0 ? text(row[c]?.value) : null };
      }
      closed = true;
      continue;
    }
    // After 总分 / 评价等级 only signatures and notes follow, never indicators.
    if (closed) {
      if (labels.some(Boolean)) break;
      continue;
    }
    if (labels.filter((l) => INDICATOR_LEVEL.test(l)).length >= 2) {
      // The form's own header repeated after a page break (findPerformanceForms ran the form over it): skipped.
      if (repeatsHeader(sheet, headerRow, r)) continue;
      break;
    }
    const get = (c: number | undefined) => (c === undefined ? '' : text(row[c]?.value));
    if (get(cols.level1)) l1 = get(cols.level1);
    if (get(cols.level2)) l2 = get(cols.level2);
    const level3 = get(cols.level3);
    if (!level3) continue;
    const cell = (c: number | undefined) => {
      if (c === undefined) return null;
      const raw = text(row[c]?.value);
      return { at: { row: r, col: c }, raw, value: parseIndicatorValue(row[c]?.value as string | number | null) };
    };
    const num = (c: number | undefined) =>
      c === undefined ? null : { at: { row: r, col: c }, value: numberOf(row[c]?.value) };
    indicators.push({
      row: r,
      level1: l1,
      level2: l2,
      level3,
      canonical1: l1 ? canonicalLevel1(l1) : null,
      canonical2: l2 ? (canonicalLevel2(l2)?.name ?? null) : null,
      target: cell(cols.target),
      actual: cell(cols.actual),
      weight: num(cols.weight),
      score: num(cols.score),
      completion: num(cols.completion),
    });
  }
  // Label → value cells above the grid (项目名称 | X; 资金总额 | 100 …): the cell right after the label's merged area.
  // A blank value stays blank: the next label along the row is never taken for a value.
  const fields = new Map<string, At>();
  for (let r = range.top; r < headerRow; r++) {
    const row = sheet.rows[r] ?? [];
    row.forEach((c, i) => {
      const label = normalizeLabel(text(c?.value));
      if (!label || label.length > 16 || fields.has(label)) return;
      const merge = sheet.merges.find((m) => m.top <= r && m.bottom >= r && m.left <= i && m.right >= i);
      const next = (merge?.right ?? i) + 1;
      if (text(row[next]?.value)) fields.set(label, { row: r, col: next });
    });
  }
  return {
    sheet: sheet.name,
    headerRow,
    indicators,
    fields,
    totalScore,
    grade,
    funds: readFunds(sheet, range, headerRow),
  };
}

export const at = (a: At): string => cellAddress(a.row, a.col);

/** 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, and below it the 资金总额 line. */
function readFunds(sheet: SheetSnapshot, range: CellRange, before: number): PerformanceForm['funds'] {
  for (let r = range.top; r < before; r++) {
    const labels = (sheet.rows[r] ?? []).map((c) => normalizeLabel(text(c?.value)));
    if (!labels.some((l) => FUNDS_LABELS.budget.test(l)) || !labels.some((l) => FUNDS_LABELS.spent.test(l))) continue;
    const columns = new Map<string, number>();
    labels.forEach((l, i) => l && columns.set(l.replace(/[(（].*$/, ''), i));
    for (let v = r + 1; v < before; v++) {
      const row = sheet.rows[v] ?? [];
      if ([...columns.values()].some((c) => numberOf(row[c]?.value) !== null)) return { row: v, columns };
    }
    return { row: r + 1, columns };
  }
  return null;
}
