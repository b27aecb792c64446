import departmentTemplate from '../../data/performance/templates/department-targets.json';
import projectTemplate from '../../data/performance/templates/project-targets.json';
import library from '../../data/performance/indicator-library.json';
import funds from '../../data/performance/form-funds.json';
import { builtInCatalogs } from '../catalog/catalog';
import type { MappedRow } from '../mapping/map-rows';
import { text } from './form';
import { freeSheetName } from '../plans/marks';
import { formSheetName } from './sheet-name';
import type { SheetLayout, WriteAction, WritePlan } from '../plans/types';
import type { RecognisedTable, RecognisedWorkbook } from '../recognition/model';
import { cellAddress } from '../snapshot/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { parseAmount } from '../text/amount';
import { normalizeLabel, stripEnumeration } from '../text/normalize';
import Decimal from 'decimal.js';
import { organisationOf } from './organisation';

/**
 * "插入绩效目标表": one sheet per chosen project (or one for the department), laid out from the template data and
 * filled from the budget tables — name, function code and name, amounts — with a skeleton of suggested indicators.
 */
export interface ProjectFacts {
  readonly name: string;
  readonly code: string | null;
  readonly codeName: string | null;
  /** Amounts as decimal strings, in the source table's unit. */
  readonly total: string | null;
  readonly fiscal: string | null;
  readonly other: string | null;
  readonly source: { readonly sheet: string; readonly row: number };
}

export interface DepartmentFacts {
  readonly name: string;
  readonly total: string | null;
  readonly project: string | null;
  readonly basic: string | null;
}

const amountAt = (sheet: SheetSnapshot | undefined, row: number, col: number | undefined): string | null => {
  if (!sheet || col === undefined) return null;
  const a = parseAmount(sheet.rows[row]?.[col]);
  return a.kind === 'number' ? a.value : null;
};

const textAt = (sheet: SheetSnapshot | undefined, row: number, col: number): string =>
  text(sheet?.rows[row]?.[col]?.value);

const FISCAL_COLUMN = new RegExp(funds.fiscalColumn);
const OTHER_COLUMN = new RegExp(funds.otherColumn);
const BASIC: ReadonlySet<string> = new Set(funds.basicLines);
const PROJECT: ReadonlySet<string> = new Set(funds.projectLines);

function amountColumns(t: RecognisedTable) {
  const amounts = t.columns.filter((c) => c.role === 'amount');
  return {
    total: amounts[0]?.col,
    fiscal: amounts.find((c) => FISCAL_COLUMN.test(c.label))?.col,
    other: amounts.find((c) => OTHER_COLUMN.test(c.label))?.col,
  };
}

/** Projects from the 项目支出表 (one row per project), with their function code and amounts. */
export function projectsOf(
  snapshot: WorkbookSnapshot,
  workbook: RecognisedWorkbook,
  mapping: readonly MappedRow[],
): ProjectFacts[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const out: ProjectFacts[] = [];
  for (const t of workbook.tables.filter((x) => x.type === 'project_expenditure')) {
    const sheet = sheets.get(t.sheet);
    const nameCol = t.columns.find((c) => c.role === 'project_name' || c.role === 'name')?.col;
    if (nameCol === undefined) continue;
    const cols = amountColumns(t);
    for (const r of t.rows.filter((x) => x.kind === 'item')) {
      const name = textAt(sheet, r.row, nameCol);
      if (!name) continue;
      const code =
        mapping.find((m) => m.tableId === t.id && m.row === r.row && m.classification === 'function')?.code ?? null;
      const codeName = code ? (builtInCatalogs().function.get(code)?.versions[0]?.name ?? null) : null;
      out.push({
        name,
        code,
        codeName,
        total: amountAt(sheet, r.row, cols.total),
        fiscal: amountAt(sheet, r.row, cols.fiscal),
        other: amountAt(sheet, r.row, cols.other),
        source: { sheet: t.sheet, row: r.row },
      });
    }
  }
  return out;
}

/**
 * The department's name as the workbook gives it (see organisationOf; empty when it does not say — never the file name)
 * and 资金总额 = 项目支出 + 基本支出, from the 收支总表's 基本支出/项目支出 lines or else the 支出总表's total row.
 */
export function departmentOf(snapshot: WorkbookSnapshot, workbook: RecognisedWorkbook): DepartmentFacts {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  let basic: string | null = null;
  let project: string | null = null;
  const summary = workbook.tables.find((t) => t.type === 'income_expenditure_summary');
  if (summary) {
    const sheet = sheets.get(summary.sheet);
    for (const block of new Set(summary.columns.map((c) => c.block))) {
      const nameCol = summary.columns.find((c) => c.block === block && c.role === 'name')?.col;
      const amountCol = summary.columns.find((c) => c.block === block && c.role === 'amount')?.col;
      if (nameCol === undefined) continue;
      for (const r of summary.rows) {
        const label = stripEnumeration(normalizeLabel(textAt(sheet, r.row, nameCol)));
        if (BASIC.has(label) && basic === null) basic = amountAt(sheet, r.row, amountCol);
        if (PROJECT.has(label) && project === null) project = amountAt(sheet, r.row, amountCol);
      }
    }
  }
  if (basic === null && project === null) ({ basic, project } = fromExpenditureSummary(sheets, workbook));
  const total = basic !== null || project !== null ? new Decimal(basic ?? 0).plus(project ?? 0).toString() : null;
  return { name: organisationOf(snapshot, workbook).department ?? '', total, project, basic };
}

/** 基本支出 and 项目支出 from the 支出总表's first total row (合计), in the columns headed so. */
function fromExpenditureSummary(sheets: ReadonlyMap<string, SheetSnapshot>, workbook: RecognisedWorkbook) {
  for (const t of workbook.tables.filter((x) => x.type === 'expenditure_summary')) {
    const sheet = sheets.get(t.sheet);
    const row = t.rows.find((r) => r.kind === 'total')?.row;
    if (row === undefined) continue;
    const column = (names: ReadonlySet<string>) =>
      t.columns.find(
        (c) => c.role === 'amount' && names.has(stripEnumeration(normalizeLabel(c.label.split('/').at(-1) ?? ''))),
      )?.col;
    const basic = amountAt(sheet, row, column(BASIC));
    const project = amountAt(sheet, row, column(PROJECT));
    if (basic !== null || project !== null) return { basic, project };
  }
  return { basic: null, project: null };
}

/** Rows of each form above its indicators: what a second insert may update (see planUpdateExisting). */
export const PROJECT_TARGETS_HEAD_ROWS = projectTemplate.indicatorRow - 1;
export const DEPARTMENT_TARGETS_HEAD_ROWS = departmentTemplate.rows.length;

type Fields = Record<string, string | number | null>;

const fill = (cell: string | null, fields: Fields): CellValue => {
  if (cell === null) return null;
  const whole = /^\{([^}]+)\}$/.exec(cell);
  if (whole) return fields[whole[1] as string] ?? null;
  const out = cell.replace(/\{([^}]+)\}/g, (_, k: string) => String(fields[k] ?? '')).trim();
  return out || null;
};

const num = (s: string | null): number | null => (s === null ? null : Number(s));

interface Suggestion {
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly value: string;
  readonly basis: string;
}

function addIndicators(
  values: CellValue[][],
  layout: { merges: string[]; numberFormats: { cell: string; format: string }[] },
  first: number,
  columns: Record<string, number>,
  suggestions: readonly Suggestion[],
  fields: Fields,
  rowMerges: readonly string[],
) {
  suggestions.forEach((s, i) => {
    const r = first + i;
    const row: CellValue[] = (values[r] ??= []);
    row[columns.level1 as number] = s.level1;
    row[columns.level2 as number] = s.level2;
    row[columns.level3 as number] = s.level3;
    row[columns.value as number] = fill(s.value, fields) as string;
    row[columns.basis as number] = s.basis;
    for (const m of rowMerges) layout.merges.push(m.replace(/\{row\}/g, String(r + 1)));
  });
}

function widthOf(values: CellValue[][]): number {
  return values.reduce((n, r) => Math.max(n, r.length), 0);
}

/** One 项目支出绩效目标表 per project. */
export function planProjectTargets(
  projects: readonly ProjectFacts[],
  options: { year: number | null; department: string; existingSheets: readonly string[] },
): WritePlan {
  const taken = [...options.existingSheets];
  const actions: WriteAction[] = projects.map((p) => {
    const fields: Fields = {
      年度: options.year ?? '',
      项目名称: p.name,
      主管部门: options.department,
      实施单位: options.department,
      科目编码: p.code ?? '',
      科目名称: p.codeName ?? '',
      项目属性: '',
      项目期: '',
      资金总额: num(p.total),
      财政拨款: num(p.fiscal),
      其他资金: num(p.other),
    };
    const values: CellValue[][] = projectTemplate.rows.map((row) => row.map((c) => fill(c, fields)));
    const layout = { merges: [...projectTemplate.merges], numberFormats: [] as { cell: string; format: string }[] };
    const first = projectTemplate.indicatorRow - 1;
    addIndicators(
      values,
      layout,
      first,
      projectTemplate.indicatorColumns,
      library.project,
      fields,
      projectTemplate.indicatorMerge,
    );
    const last = first + library.project.length - 1;
    layout.merges.push(`A${projectTemplate.indicatorRow - 1}:A${last + 1}`);
    for (const r of [6, 7, 8])
      for (const c of [3, 5]) layout.numberFormats.push({ cell: cellAddress(r, c), format: '#,##0.00' });
    const width = widthOf(values);
    const sheet = formSheetName(projectTemplate.sheetName, p.name, taken);
    taken.push(sheet);
    const sheetLayout: SheetLayout = {
      ...layout,
      columnWidths: projectTemplate.columnWidths,
      bold: projectTemplate.bold,
      inputs: [
        ...projectTemplate.inputs,
        ...library.project.map((_, i) => cellAddress(first + i, projectTemplate.indicatorColumns.value)),
      ],
      borders: `A3:${cellAddress(last, width - 1)}`,
    };
    return {
      kind: 'add_sheet',
      sheet,
      values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
      layout: sheetLayout,
    };
  });
  return { title: `插入项目支出绩效目标表（${projects.length} 个项目）`, actions };
}

/** The 部门整体支出绩效目标表: 资金总额 = 项目支出 + 基本支出, one 年度履职目标 line per project. */
export function planDepartmentTargets(
  dept: DepartmentFacts,
  projects: readonly ProjectFacts[],
  options: { year: number | null; existingSheets: readonly string[] },
): WritePlan {
  const fields: Fields = {
    年度: options.year ?? '',
    部门名称: dept.name,
    预算编码: '',
    资金总额: num(dept.total),
    项目支出: num(dept.project),
    基本支出: num(dept.basic),
    其他资金: null,
  };
  const t = departmentTemplate;
  const values: CellValue[][] = t.rows.map((row) => row.map((c) => fill(c, fields)));
  const layout = { merges: [...t.merges], numberFormats: [] as { cell: string; format: string }[] };
  projects.forEach((p) => {
    const r = values.length;
    const row: CellValue[] = [];
    row[t.projectRows.columns.name] = p.name;
    row[t.projectRows.columns.amount] = num(p.total);
    values.push(row);
    layout.numberFormats.push({ cell: cellAddress(r, t.projectRows.columns.amount), format: '#,##0.00' });
    for (const m of t.projectRows.merge) layout.merges.push(m.replace(/\{row\}/g, String(r + 1)));
  });
  if (projects.length) layout.merges.push(`A7:A${values.length}`);
  values.push([...t.indicatorHeader]);
  const first = values.length;
  addIndicators(values, layout, first, t.indicatorColumns, library.department, fields, []);
  layout.merges.push(`A${first}:A${first + library.department.length}`);
  for (const c of ['C4', 'E4', 'C5', 'E5']) layout.numberFormats.push({ cell: c, format: '#,##0.00' });
  const width = widthOf(values);
  return {
    title: '插入部门整体支出绩效目标表',
    actions: [
      {
        kind: 'add_sheet',
        sheet: freeSheetName(options.existingSheets, t.sheetName),
        values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
        layout: {
          ...layout,
          columnWidths: t.columnWidths,
          bold: t.bold,
          inputs: t.inputs,
          borders: `A3:${cellAddress(values.length - 1, width - 1)}`,
        },
      },
    ],
  };
}
