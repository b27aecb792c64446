import ExcelJS from 'exceljs';
import type { Units } from '../model/amount';
import {
  FISCAL_FUNDS,
  economicTotal,
  spending,
  sumFunds,
  totals,
  type Disclosure,
  type LineAmounts,
} from '../model/disclosure';
import type { LayoutFamily, LayoutVariant, PlacedTable, Rendered, RowRole } from '../families';
import {
  chineseNumber,
  classSide,
  codeTable,
  headerOf,
  lineNumberRow,
  money,
  twoSided,
  writeGrid,
  type Ctx as GridCtx,
  type GridRow,
  type GridTable,
  type Path,
  type Side,
  type TableFrame,
  type TableStyle,
} from './final-grid';
import { DEFAULT_SLIP_IDS, EMPTY_TABLE_SLIP_IDS, TARGET_FORM_SLIP_IDS } from '../slips';
import { formFeatures, writeTargetForms, type FormStyle } from './target-forms';

/**
 * Family "unit-budget": the national 预算公开 set as a 单位 publishes it — all eight required tables (收支总表,
 * 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, “三公”经费支出表, 政府性基金预算支出表,
 * empty with its statement when the unit has no such fund) plus 国有资本经营预算支出表 and, in some variants, 项目支出表;
 * 编制单位, 本单位, 单位预算 titles. Cell keys as in national-budget (收入总表 total/current/fiscal/<source>/carryIn,
 * 支出 tables total/basic/project), two-sided tables as in final-national (l:in.<fund or source>, l:out.<class>),
 * 基本支出表 e:<code> with total/personnel/public, 三公 l:three (columns; with runningCosts when the model states
 * 机关运行经费) or l:<item> (rows), 项目支出表 p:<n>; 绩效目标表 sheets as target-forms.ts indexes them.
 */

export interface UnitLayout extends TableStyle {
  /** 2024年单位预算收支总表 / 某局2024年单位收支总表 / 单位收支总表. */
  readonly titles: 'year-kind' | 'name-year' | 'plain';
  /** 三公 as one row of item columns, or as item rows with one amount column. */
  readonly threePublic: 'columns' | 'rows';
  readonly sheetNames: 'number' | 'title';
  readonly projects: boolean;
  /** How the 绩效目标表 the model has are drawn, and whether each has a sheet of its own. */
  readonly forms: FormStyle;
  readonly formPerSheet: boolean;
}

export function unitFeatures(l: UnitLayout): string[] {
  return [
    '单位 wording (编制单位, 本单位, 单位预算)',
    {
      single: 'one code column',
      'split-full': '类/款/项 code columns, every part',
      'split-sparse': '类/款/项 code columns, own part only',
    }[l.codes],
    l.lineNumbers ? '行次 columns and 栏次 rows' : 'no 行次/栏次',
    l.qualifiers ? 'label heads with qualifiers' : 'plain label heads',
    l.classList === 'all' ? 'two-sided tables list every 类' : 'two-sided tables list present 类 only',
    `合计 row ${l.totalRow}`,
    { 'year-kind': 'titles 2024年单位预算…', 'name-year': 'titles <单位>2024年单位…', plain: 'titles 单位…' }[l.titles],
    l.threePublic === 'columns'
      ? '三公 as item columns (with a 机关运行经费预算数 column when stated)'
      : '三公 as item rows (no 机关运行经费)',
    l.sheetNames === 'number' ? 'sheets 表1…' : 'sheets named by title',
    l.projects ? 'with 项目支出表' : 'no 项目支出表',
    formFeatures(l.forms, l.formPerSheet),
    l.zeros ? 'absent amounts print 0' : 'absent amounts blank',
    'empty fund tables with their statement',
  ];
}

interface Ctx extends GridCtx {
  readonly l: UnitLayout;
}

function frame(c: Ctx, name: string, index: number): TableFrame {
  const title = {
    'year-kind': `${c.d.year}年单位预算${name}`,
    'name-year': `${c.d.department}${c.d.year}年单位${name}`,
    plain: `单位${name}`,
  }[c.l.titles];
  return {
    name,
    title,
    number: c.l.lineNumbers ? `表${chineseNumber(index)}` : undefined,
    meta: [`编制单位：${c.d.department}`, c.l.lineNumbers ? `金额单位：${c.d.unit}` : `单位：${c.d.unit}`],
  };
}

const FUND_NAMES = {
  general: '一般公共预算拨款',
  gov: '政府性基金预算拨款',
  state: '国有资本经营预算拨款',
} as const;

function summaryTable(c: Ctx): GridTable {
  const d = c.d;
  const t = totals(d);
  const m = (u: Units) => [money(c, u)];
  const s = t.sources;
  const left: Side[] = [
    { key: 'l:in.general', label: '一、一般公共预算拨款收入', amounts: m(t.income.general) },
    { key: 'l:in.gov', label: '二、政府性基金预算拨款收入', amounts: m(t.income.gov) },
    { key: 'l:in.state', label: '三、国有资本经营预算拨款收入', amounts: m(t.income.state) },
    { key: 'l:in.zhuanhu', label: '四、财政专户管理资金收入', amounts: m(s.zhuanhu) },
    { key: 'l:in.shiye', label: '五、事业收入', amounts: m(s.shiye) },
    { key: 'l:in.jingying', label: '六、事业单位经营收入', amounts: m(s.jingying) },
    { key: 'l:in.shangji', label: '七、上级补助收入', amounts: m(s.shangji) },
    { key: 'l:in.fushu', label: '八、附属单位上缴收入', amounts: m(s.fushu) },
    { key: 'l:in.qita', label: '九、其他收入', amounts: m(s.qita) },
  ];
  const right: Side[] = classSide(c, (l) => spending(l.amounts) > 0).map((x) => ({
    key: `l:out.${x.code}`,
    label: x.label,
    amounts: m(x.line ? spending(x.line.amounts) : 0),
  }));
  const income = sumFunds(t.income);
  const carryIn = sumFunds(t.carryIn);
  return twoSided(
    c,
    frame(c, '收支总表', 1),
    'income_expenditure_summary',
    ['预算数'],
    ['amount'],
    left,
    right,
    [
      { key: 'l:in.total', label: '本年收入合计', amounts: m(income) },
      { key: 'l:carryIn', label: '上年结转', amounts: m(carryIn) },
      { key: 'l:in.grand', label: '收入总计', amounts: m(income + carryIn) },
    ],
    [
      { key: 'l:out.total', label: '本年支出合计', amounts: m(spending(t)) },
      { key: 'l:carryOut', label: '结转下年', amounts: m(0) },
      { key: 'l:out.grand', label: '支出总计', amounts: m(spending(t)) },
    ],
    [],
  );
}

function fiscalTable(c: Ctx): GridTable {
  const d = c.d;
  const t = totals(d);
  const m = (u: Units) => money(c, u);
  const byFund = (f: (fund: (typeof FISCAL_FUNDS)[number]) => Units) => [
    m(FISCAL_FUNDS.reduce((a, x) => a + f(x), 0)),
    ...FISCAL_FUNDS.map((x) => m(f(x))),
  ];
  const left: Side[] = FISCAL_FUNDS.map((f, i) => ({
    key: `l:in.${f}`,
    label: `${chineseNumber(i + 1)}、${FUND_NAMES[f as keyof typeof FUND_NAMES]}`,
    amounts: [m(t.income[f])],
  }));
  const right: Side[] = classSide(c, (l) => spending(l.amounts, FISCAL_FUNDS) > 0).map((x) => ({
    key: `l:out.${x.code}`,
    label: x.label,
    amounts: byFund((f) => (x.line ? x.line.amounts.basic[f] + x.line.amounts.project[f] : 0)),
  }));
  const income = sumFunds(t.income, FISCAL_FUNDS);
  const carryIn = sumFunds(t.carryIn, FISCAL_FUNDS);
  return twoSided(
    c,
    frame(c, '财政拨款收支总表', 4),
    'fiscal_appropriation_summary',
    ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    ['total', 'general', 'gov', 'state'],
    left,
    right,
    [
      { key: 'l:in.total', label: '本年收入合计', amounts: [m(income)] },
      { key: 'l:carryIn', label: '上年结转', amounts: [m(carryIn)] },
      { key: 'l:in.grand', label: '收入总计', amounts: [m(income + carryIn)] },
    ],
    [
      { key: 'l:out.total', label: '本年支出合计', amounts: byFund((f) => t.basic[f] + t.project[f]) },
      { key: 'l:carryOut', label: '结转下年', amounts: byFund(() => 0) },
      { key: 'l:out.grand', label: '支出总计', amounts: byFund((f) => t.basic[f] + t.project[f]) },
    ],
    [],
  );
}

/** 一般公共预算基本支出表: economic lines, 合计 | 人员经费 | 公用经费. */
function basicTable(c: Ctx): GridTable {
  const d = c.d;
  const paths: Path[] = [
    [c.l.qualifiers ? '经济分类科目编码' : '科目编码'],
    [c.l.qualifiers ? '科目名称（按经济分类）' : '科目名称'],
    ['合计'],
    ['人员经费'],
    ['公用经费'],
  ];
  const { rows, merges } = headerOf(paths);
  const personnel = economicTotal(d, true);
  const publicCosts = economicTotal(d, false);
  const total: GridRow = {
    key: 'total',
    role: 'total',
    cells: ['合计', null, money(c, personnel + publicCosts), money(c, personnel), money(c, publicCosts)],
    merges: [[0, 1]],
  };
  const lines: GridRow[] = d.economics.map((e) => ({
    key: `e:${e.code}`,
    role: e.level === 1 ? 'economic-class' : 'economic-item',
    cells: [
      e.code,
      e.name,
      money(c, e.amount),
      money(c, e.personnel ? e.amount : 0),
      money(c, e.personnel ? 0 : e.amount),
    ],
  }));
  return {
    key: 'general_budget_basic_expenditure',
    type: 'general_budget_basic_expenditure',
    ...frame(c, '一般公共预算基本支出表', 6),
    header: rows,
    headerMerges: merges,
    columns: ['code', 'name', 'total', 'personnel', 'public'],
    body: [...lineNumberRow(c, 3, 2), ...(c.l.totalRow === 'first' ? [total, ...lines] : [...lines, total])],
  };
}

function threePublicTable(c: Ctx): GridTable {
  const t = c.d.threePublic;
  const items = {
    total: t.abroad + t.reception + t.vehiclePurchase + t.vehicleRunning,
    abroad: t.abroad,
    vehicle: t.vehiclePurchase + t.vehicleRunning,
    vehiclePurchase: t.vehiclePurchase,
    vehicleRunning: t.vehicleRunning,
    reception: t.reception,
  };
  const empty = items.total === 0;
  const notes = empty ? [`说明：本单位本年度没有使用财政拨款安排“三公”经费，故本表无数据。`] : [];
  if (c.l.threePublic === 'columns' && c.d.statesRunningCosts) {
    // Shanghai's form (pt-zfb-2025-unit): a “三公”经费预算数 group and a 机关运行经费预算数 column beside it.
    const group = '“三公”经费预算数';
    const paths: Path[] = [
      [group, '合计'],
      [group, '因公出国（境）费'],
      [group, '公务接待费'],
      [group, '公务用车购置及运行费', '小计'],
      [group, '公务用车购置及运行费', '购置费'],
      [group, '公务用车购置及运行费', '运行费'],
      ['机关运行经费预算数'],
    ];
    const { rows, merges } = headerOf(paths);
    const keys = ['total', 'abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleRunning'] as const;
    return {
      key: 'three_public_expenses',
      type: 'three_public_expenses',
      ...frame(c, '“三公”经费和机关运行经费预算表', 7),
      header: rows,
      headerMerges: merges,
      columns: [...keys, 'runningCosts'],
      body: [
        {
          key: 'l:three',
          role: 'line',
          cells: [...keys.map((k) => money(c, items[k])), money(c, c.d.runningCosts)],
        },
      ],
      notes,
    };
  }
  const f = frame(c, '一般公共预算“三公”经费支出表', 7);
  if (c.l.threePublic === 'columns') {
    const paths: Path[] = [
      ['合计'],
      ['因公出国（境）费'],
      ['公务用车购置及运行费', '小计'],
      ['公务用车购置及运行费', '公务用车购置费'],
      ['公务用车购置及运行费', '公务用车运行费'],
      ['公务接待费'],
    ];
    const { rows, merges } = headerOf(paths);
    const keys = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'] as const;
    return {
      key: 'three_public_expenses',
      type: 'three_public_expenses',
      ...f,
      header: rows,
      headerMerges: merges,
      columns: [...keys],
      body: [{ key: 'l:three', role: 'line', cells: keys.map((k) => money(c, items[k])) }],
      notes,
      empty,
    };
  }
  const rows: [string, string, Units][] = [
    ['total', '合计', items.total],
    ['abroad', '1、因公出国（境）费', items.abroad],
    ['vehicle', '2、公务用车购置及运行费', items.vehicle],
    ['vehiclePurchase', '其中：公务用车购置费', items.vehiclePurchase],
    ['vehicleRunning', '公务用车运行费', items.vehicleRunning],
    ['reception', '3、公务接待费', items.reception],
  ];
  return {
    key: 'three_public_expenses',
    type: 'three_public_expenses',
    ...f,
    header: [['项目', '预算数']],
    headerMerges: [],
    columns: ['name', 'total'],
    body: rows.map(([k, label, u]) => ({
      key: k === 'total' ? 'total' : `l:${k}`,
      role: (k === 'total' ? 'total' : 'line') as RowRole,
      cells: [label, money(c, u)],
    })),
    notes,
    empty,
  };
}

function projectTable(c: Ctx): GridTable {
  const d = c.d;
  const byCode = new Map(d.functions.map((l) => [l.code, l.name]));
  const sum = (f: (p: (typeof d.projects)[number]) => Units) => d.projects.reduce((a, p) => a + f(p), 0);
  const total: GridRow = {
    key: 'total',
    role: 'total',
    cells: [
      '合计',
      null,
      null,
      money(
        c,
        sum((p) => p.fiscal + p.other),
      ),
      money(
        c,
        sum((p) => p.fiscal),
      ),
      money(
        c,
        sum((p) => p.other),
      ),
    ],
    merges: [[0, 2]],
  };
  const lines: GridRow[] = d.projects.map((p, i) => ({
    key: `p:${i}`,
    role: 'line',
    cells: [
      p.name,
      p.code,
      byCode.get(p.code) ?? null,
      money(c, p.fiscal + p.other),
      money(c, p.fiscal),
      money(c, p.other),
    ],
  }));
  return {
    key: 'project_expenditure',
    type: 'project_expenditure',
    ...frame(c, '项目支出表', 10),
    header: [['项目名称', '功能科目编码', '功能科目名称', '合计', '财政拨款', '其他资金']],
    headerMerges: [],
    columns: ['name', 'functionCode', 'functionName', 'total', 'fiscal', 'other'],
    body: c.l.totalRow === 'first' ? [total, ...lines] : [...lines, total],
  };
}

function renderTables(c: Ctx): GridTable[] {
  const d = c.d;
  const withAny = (f: (a: LineAmounts) => Units[]) => d.functions.filter((l) => f(l.amounts).some((u) => u !== 0));
  const income = (a: LineAmounts) => {
    const fiscal = sumFunds(a.income, FISCAL_FUNDS);
    const current = fiscal + a.income.other;
    const s = a.sources;
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
  const spend = (a: LineAmounts) => [spending(a), a.basic.general + a.basic.other, sumFunds(a.project)];
  const general = (a: LineAmounts) => [a.basic.general + a.project.general, a.basic.general, a.project.general];
  const gov = (a: LineAmounts) => [a.basic.gov + a.project.gov, a.basic.gov, a.project.gov];
  const state = (a: LineAmounts) => [a.basic.state + a.project.state, a.basic.state, a.project.state];
  const spendPaths: Path[] = [['合计'], ['基本支出'], ['项目支出']];
  const spendKeys = ['total', 'basic', 'project'];
  const govLines = withAny(gov);
  const stateLines = withAny(state);
  const statement = (fund: string) => ({
    statement: `说明：本单位本年度没有使用${fund}拨款安排的支出，故本表无数据。`,
  });
  return [
    summaryTable(c),
    codeTable(
      c,
      frame(c, '收入总表', 2),
      'income_summary',
      [
        ['合计'],
        ['本年收入', '小计'],
        ['本年收入', '财政拨款收入'],
        ['本年收入', '财政专户管理资金收入'],
        ['本年收入', '事业收入'],
        ['本年收入', '事业单位经营收入'],
        ['本年收入', '上级补助收入'],
        ['本年收入', '附属单位上缴收入'],
        ['本年收入', '其他收入'],
        ['上年结转'],
      ],
      ['total', 'current', 'fiscal', 'zhuanhu', 'shiye', 'jingying', 'shangji', 'fushu', 'qita', 'carryIn'],
      d.functions,
      income,
      null,
      [],
    ),
    codeTable(c, frame(c, '支出总表', 3), 'expenditure_summary', spendPaths, spendKeys, d.functions, spend, null, []),
    fiscalTable(c),
    codeTable(
      c,
      frame(c, '一般公共预算支出表', 5),
      'general_budget_expenditure',
      spendPaths,
      spendKeys,
      withAny(general),
      general,
      null,
      [],
    ),
    basicTable(c),
    threePublicTable(c),
    codeTable(
      c,
      frame(c, '政府性基金预算支出表', 8),
      'government_fund_expenditure',
      spendPaths,
      spendKeys,
      govLines,
      gov,
      govLines.length === 0 ? statement('政府性基金预算') : null,
      [],
    ),
    codeTable(
      c,
      frame(c, '国有资本经营预算支出表', 9),
      'state_capital_expenditure',
      spendPaths,
      spendKeys,
      stateLines,
      state,
      stateLines.length === 0 ? statement('国有资本经营预算') : null,
      [],
    ),
    ...(c.l.projects && d.projects.length > 0 ? [projectTable(c)] : []),
  ];
}

export function renderUnitBudget(d: Disclosure, l: UnitLayout): Rendered {
  const wb = new ExcelJS.Workbook();
  const c: Ctx = { d, l, subject: '本单位' };
  const placed: PlacedTable[] = [];
  const tables = renderTables(c);
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(l.sheetNames === 'number' ? `表${i + 1}` : t.name.replace(/[“”]/g, '').slice(0, 31));
    placed.push(writeGrid(ws, t, d, 1).placed);
  });
  const formSheet = (i: number) =>
    l.sheetNames === 'number' ? `表${tables.length + 1 + i}` : `项目支出绩效目标表${l.formPerSheet ? i + 1 : ''}`;
  placed.push(...writeTargetForms(wb, d, l.forms, l.formPerSheet, formSheet));
  return { wb, tables: placed };
}

const LAYOUTS: Record<string, UnitLayout> = {
  standard: {
    codes: 'single',
    lineNumbers: false,
    qualifiers: false,
    classList: 'present',
    totalRow: 'first',
    titles: 'year-kind',
    threePublic: 'columns',
    sheetNames: 'number',
    projects: true,
    forms: 'approval',
    formPerSheet: true,
  },
  split: {
    codes: 'split-full',
    lineNumbers: true,
    qualifiers: true,
    classList: 'all',
    totalRow: 'last',
    titles: 'name-year',
    threePublic: 'rows',
    sheetNames: 'title',
    projects: false,
    zeros: true,
    forms: 'national',
    formPerSheet: false,
  },
  sparse: {
    codes: 'split-sparse',
    lineNumbers: false,
    qualifiers: true,
    classList: 'present',
    totalRow: 'first',
    titles: 'plain',
    threePublic: 'columns',
    sheetNames: 'number',
    projects: true,
    forms: 'national',
    formPerSheet: true,
  },
};

const variant = (id: string, layout: UnitLayout): LayoutVariant => ({
  id,
  features: unitFeatures(layout),
  render: (d) => renderUnitBudget(d, layout),
});

export const UNIT_BUDGET_FAMILY: LayoutFamily = {
  id: 'unit-budget',
  description:
    '单位预算公开: the full national budget set (8 required tables, 国有资本经营, 项目支出表) in 单位 wording',
  varies: [
    'unit',
    'decimals',
    'funds present (empty fund tables with their statement)',
    '上年结转',
    'size',
    'code columns (single, 类/款/项 full or sparse)',
    '行次/栏次',
    'label head qualifiers',
    'class list of the two-sided tables',
    '合计 first or last',
    'title wording',
    '三公 as columns or rows',
    'sheet names',
    '项目支出表 present or not',
    '机关运行经费 stated beside the 三公 items or not (model)',
    '项目支出绩效目标表: none, some or every project’s (model); 批复表 or national form; one sheet each or all on one',
    'zeros printed or blank',
  ],
  model: () => ({ kind: 'budget', isUnit: true }),
  variants: Object.entries(LAYOUTS).map(([id, layout]) => variant(id, layout)),
  slips: [...DEFAULT_SLIP_IDS, 'operating-cost', ...TARGET_FORM_SLIP_IDS, ...EMPTY_TABLE_SLIP_IDS],
};
