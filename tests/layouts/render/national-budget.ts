import ExcelJS from 'exceljs';
import { numberFormat, unitsToNumber, type Units } from '../model/amount';
import { classes, economicTotal, threePublicTotal, type Disclosure, type FunctionLine } from '../model/disclosure';
import type { CellAt, PlacedTable, RowRole } from '../families';
import { consolidatedBody } from './table-spec';

/**
 * Family "national-budget": the national 部门预算公开 set in the seeds' style (one table per sheet, title, 编制单位 and
 * unit line, a two-row header with merges, one code column, 合计 row first). Varies: unit, decimals, funds present,
 * sizes; and the layout (per sheet or stacked on one sheet, at any origin). Tables: 收入总表, 支出总表, 一般公共预算财政拨款支出表, 基本支出表, “三公”经费支出表.
 */
export const NATIONAL_BUDGET_FEATURES = ['single code column', 'total row first', 'unit line'];

type Row = (string | number | null)[];

/** How the family lays its tables out: each variant is a feature a failure can be traced to. */
export interface BudgetLayout {
  /** One table per sheet, or every table stacked on one sheet (two blank rows apart). */
  readonly placement: 'per-sheet' | 'stacked';
  /** 0-based offset of every table's top-left cell (tables at any origin). */
  readonly origin: readonly [number, number];
}

export const PER_SHEET: BudgetLayout = { placement: 'per-sheet', origin: [0, 0] };

export const layoutFeatures = (l: BudgetLayout): string[] => [
  l.placement === 'stacked' ? 'all tables stacked on one sheet' : 'one table per sheet',
  `origin ${l.origin[0] + 1},${l.origin[1] + 1}`,
];

interface Target {
  readonly wb: ExcelJS.Workbook;
  readonly layout: BudgetLayout;
  /** Next free row (1-based) of the stacked sheet. */
  next: number;
  /** Where each rendered table's first body row landed: sheet name and 1-based row and column of its first cell. */
  readonly bodies: Map<string, { sheet: string; row: number; column: number }>;
  readonly tables: PlacedTable[];
}

/** The meaning of a table's body cells, for the cell index (see PlacedTable in ../families). */
interface TableIndex {
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly rows: readonly { key: string; role: RowRole }[];
  /** Column key of each body column (null: not indexed). */
  readonly columns: readonly (string | null)[];
}

const ROLE_OF_LEVEL: Record<1 | 2 | 3, RowRole> = { 1: 'class', 2: 'section', 3: 'item' };
const functionRows = (d: Disclosure) => [
  { key: 'total', role: 'total' as RowRole },
  ...d.functions.map((l) => ({ key: `f:${l.code}`, role: ROLE_OF_LEVEL[l.level] })),
];

function sheet(
  target: Target,
  name: string,
  d: Disclosure,
  title: string,
  header: Row[],
  body: Row[],
  merges: [number, number, number, number][],
  index: TableIndex,
): void {
  const { wb, layout } = target;
  const stacked = layout.placement === 'stacked';
  const ws = stacked ? (wb.getWorksheet('预算公开表') ?? wb.addWorksheet('预算公开表')) : wb.addWorksheet(name);
  const [r0, c0] = [(stacked ? target.next : 1) + layout.origin[0], 1 + layout.origin[1]];
  const width = Math.max(...header.map((r) => r.length));
  const fmt = numberFormat(d.decimals);
  const put = (rowIndex: number, values: Row) =>
    values.forEach((v, j) => {
      if (v === null) return;
      const c = ws.getCell(r0 + rowIndex, c0 + j);
      c.value = v;
      if (typeof v === 'number') c.numFmt = fmt;
    });
  put(0, [`${d.year}年${d.isUnit ? '单位' : '部门'}预算${title}`]);
  const meta: Row = Array(width).fill(null);
  meta[0] = `${d.isUnit ? '编制单位' : '编制部门'}：${d.department}`;
  meta[width - 1] = `单位：${d.unit}`;
  put(1, meta);
  header.forEach((h, i) => put(2 + i, h));
  ws.mergeCells(r0, c0, r0, c0 + width - 1);
  for (const [t, l, b, r] of merges) ws.mergeCells(r0 + t - 1, c0 + l - 1, r0 + b - 1, c0 + r - 1);
  body.forEach((r, i) => put(2 + header.length + i, r));
  target.bodies.set(name, { sheet: ws.name, row: r0 + 2 + header.length, column: c0 });
  const cells = new Map<string, CellAt>();
  index.rows.forEach((r, i) =>
    index.columns.forEach((c, j) => {
      if (c !== null) cells.set(`${r.key}|${c}`, { sheet: ws.name, row: r0 + 2 + header.length + i, col: c0 + j });
    }),
  );
  target.tables.push({ key: index.key, type: index.type, name: index.name, sheet: ws.name, cells, rows: index.rows });
  if (stacked) target.next = r0 - layout.origin[0] + 2 + header.length + body.length + 2;
}

const amount = (d: Disclosure, u: Units): number | null => (u === 0 ? null : unitsToNumber(u, d.decimals));

function codeRows(d: Disclosure, values: (l: FunctionLine) => Units[]): Row[] {
  const total = classes(d)
    .map(values)
    .reduce(
      (a, v) => a.map((x, i) => x + (v[i] ?? 0)),
      values(classes(d)[0]!).map(() => 0),
    );
  return [
    [null, '合计', ...total.map((u) => amount(d, u))],
    ...d.functions.map((l) => [l.code, l.name, ...values(l).map((u) => amount(d, u))]),
  ];
}

/**
 * The body of a function table and its row index: the department's lines, or — a consolidated department drawing this
 * table per unit with heading rows (model Consolidation; this family draws the 'unit-headings' style only, its header
 * keeps the code column) — 合计, the department row, then each unit's heading and lines.
 */
function linesTable(
  d: Disclosure,
  key: 'income_summary' | 'expenditure_summary' | 'general_budget_expenditure',
  shown: Disclosure,
  values: (l: FunctionLine) => Units[],
  keep: (l: FunctionLine) => boolean = () => true,
): { body: Row[]; rows: { key: string; role: RowRole }[] } {
  const c = d.consolidation;
  if (!c || c.style !== 'unit-headings' || !c.tables.includes(key))
    return { body: codeRows(shown, values), rows: functionRows(shown) };
  const lines = consolidatedBody(d, c, values, keep);
  return {
    body: lines.map((l) => [l.code, l.label, ...l.amounts.map((u) => (u === null ? null : amount(d, u)))]),
    rows: lines.map((l) => ({ key: l.key, role: l.role })),
  };
}

const SOURCE_KEYS = ['zhuanhu', 'shiye', 'jingying', 'shangji', 'fushu', 'qita'];
const SPEND_KEYS = ['code', 'name', 'total', 'basic', 'project'];

export interface RenderedBudget {
  readonly wb: ExcelJS.Workbook;
  readonly bodies: ReadonlyMap<string, { sheet: string; row: number; column: number }>;
  readonly tables: readonly PlacedTable[];
}

export function renderNationalBudget(d: Disclosure, layout: BudgetLayout = PER_SHEET): RenderedBudget {
  const wb = new ExcelJS.Workbook();
  const target: Target = { wb, layout, next: 1, bodies: new Map(), tables: [] };
  const sources = (l: FunctionLine) => {
    const a = l.amounts;
    const fiscal = a.income.general + a.income.gov + a.income.state;
    const s = a.sources;
    const current = fiscal + a.income.other;
    return [
      current + a.carryIn.other,
      current,
      fiscal,
      s.zhuanhu,
      s.shiye,
      s.jingying,
      s.shangji,
      s.fushu,
      s.qita,
      a.carryIn.other,
    ];
  };
  const incomeLines = linesTable(d, 'income_summary', d, sources);
  sheet(
    target,
    '收入总表',
    d,
    '收入总表',
    [
      ['科目编码', '科目名称', '合计', '本年收入', null, null, null, null, null, null, null, '上年结转'],
      [
        null,
        null,
        null,
        '小计',
        '财政拨款收入',
        '财政专户收入',
        '事业收入',
        '经营收入',
        '上级补助收入',
        '附属单位上缴收入',
        '其他收入',
      ],
    ],
    incomeLines.body,
    [
      [3, 4, 3, 11],
      [3, 1, 4, 1],
      [3, 2, 4, 2],
      [3, 3, 4, 3],
      [3, 12, 4, 12],
    ],
    {
      key: 'income_summary',
      type: 'income_summary',
      name: '收入总表',
      rows: incomeLines.rows,
      columns: ['code', 'name', 'total', 'current', 'fiscal', ...SOURCE_KEYS, 'carryIn'],
    },
  );
  const spend = (l: FunctionLine) => {
    const a = l.amounts;
    const basic = a.basic.general + a.basic.other;
    const project = a.project.general + a.project.gov + a.project.state + a.project.other;
    return [basic + project, basic, project];
  };
  const spendLines = linesTable(d, 'expenditure_summary', d, spend);
  sheet(
    target,
    '支出总表',
    d,
    '支出总表',
    [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
    spendLines.body,
    [],
    {
      key: 'expenditure_summary',
      type: 'expenditure_summary',
      name: '支出总表',
      rows: spendLines.rows,
      columns: SPEND_KEYS,
    },
  );
  const general = {
    ...d,
    functions: d.functions.filter((l) => l.amounts.basic.general + l.amounts.project.general > 0),
  };
  const generalLines = linesTable(
    d,
    'general_budget_expenditure',
    general,
    (l) => [l.amounts.basic.general + l.amounts.project.general, l.amounts.basic.general, l.amounts.project.general],
    (l) => l.amounts.basic.general + l.amounts.project.general > 0,
  );
  sheet(
    target,
    '一般公共预算支出表',
    d,
    '一般公共预算财政拨款支出表',
    [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
    generalLines.body,
    [],
    {
      key: 'general_budget_expenditure',
      type: 'general_budget_expenditure',
      name: '一般公共预算支出表',
      rows: generalLines.rows,
      columns: SPEND_KEYS,
    },
  );
  const personnel = economicTotal(d, true);
  const publicCosts = economicTotal(d, false);
  sheet(
    target,
    '基本支出表',
    d,
    '一般公共预算财政拨款基本支出表',
    [['科目编码', '科目名称', '合计', '人员经费', '公用经费']],
    [
      [null, '合计', amount(d, personnel + publicCosts), amount(d, personnel), amount(d, publicCosts)],
      ...d.economics.map((e) => [
        e.code,
        e.name,
        amount(d, e.amount),
        amount(d, e.personnel ? e.amount : 0),
        amount(d, e.personnel ? 0 : e.amount),
      ]),
    ],
    [],
    {
      key: 'general_budget_basic_expenditure',
      type: 'general_budget_basic_expenditure',
      name: '一般公共预算基本支出表',
      rows: [
        { key: 'total', role: 'total' },
        ...d.economics.map((e) => ({
          key: `e:${e.code}`,
          role: (e.level === 1 ? 'economic-class' : 'economic-item') as RowRole,
        })),
      ],
      columns: ['code', 'name', 'total', 'personnel', 'public'],
    },
  );
  const t = d.threePublic;
  sheet(
    target,
    '三公经费支出表',
    d,
    '财政拨款“三公”经费支出表',
    [['项目', '金额']],
    [
      ['合计', amount(d, threePublicTotal(t))],
      ['一、因公出国（境）费', amount(d, t.abroad)],
      ['二、公务用车购置及运行维护费', amount(d, t.vehiclePurchase + t.vehicleRunning)],
      ['其中：公务用车购置费', amount(d, t.vehiclePurchase)],
      ['公务用车运行维护费', amount(d, t.vehicleRunning)],
      ['三、公务接待费', amount(d, t.reception)],
    ],
    [],
    {
      key: 'three_public_expenses',
      type: 'three_public_expenses',
      name: '一般公共预算“三公”经费支出表',
      rows: [
        { key: 'total', role: 'total' },
        ...['abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'].map((k) => ({
          key: `l:${k}`,
          role: 'line' as RowRole,
        })),
      ],
      columns: ['name', 'total'],
    },
  );
  return { wb, bodies: target.bodies, tables: target.tables };
}
