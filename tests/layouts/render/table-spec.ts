import type { RowRole } from '../families';
import type { Units } from '../model/amount';
import {
  economicTotal,
  threePublicTotal,
  type ConsolidatedTable,
  type Consolidation,
  type Disclosure,
  type FunctionLine,
} from '../model/disclosure';

/**
 * Layout-neutral tables of a disclosure: what a table says (its kind, column heads, body lines with codes and amounts),
 * not where or how it is drawn. The layout families (platform export, PDF conversion, stacked, other provinces' wording)
 * place these on sheets; a slip is injected through the positions the writer records, so every family shares one notion
 * of "the first leaf amount of the 支出总表".
 */

/** A column head as the path of its header cells, top to bottom (['本年收入', '小计']; a 1-element path spans all rows). */
export type HeadPath = readonly string[];

export interface BodyLine {
  /** Row key of the shared cell index (families.ts): 'total', `f:<code>`, `e:<code>`, `l:<label key>`. */
  readonly key: string;
  readonly role: RowRole;
  /** Function or economic code, null for 合计 rows. */
  readonly code: string | null;
  /** 1 类, 2 款, 3 项; 0 for a total row. */
  readonly level: 0 | 1 | 2 | 3;
  readonly label: string;
  /** One per amount column; null prints nothing (an absent amount), 0 prints as the family prints zeros. */
  readonly amounts: readonly (Units | null)[];
}

export interface TableSpec {
  /** Key of the table in its set (the engine type, as the registry keys tables: 'expenditure_summary'). */
  readonly key: string;
  /** The report type the engine should give it. */
  readonly type: string;
  /** Its usual name, as disclosure.missing_table names a missing table ("支出总表"). */
  readonly name: string;
  /** The title without year, department or set prefix ("支出总表"). */
  readonly title: string;
  /** 'function' tables carry 类/款/项 codes (split columns possible); 'economic' 类/款; 'none' a label column only. */
  readonly codes: 'function' | 'economic' | 'none';
  /** Heads of the label column(s) (code and name) in single-column form. */
  readonly labelHeads: readonly HeadPath[];
  readonly amountHeads: readonly HeadPath[];
  /** Column key of each amount column in the shared cell index ('total', 'basic', 'project', 'carryIn' …). */
  readonly amountKeys: readonly string[];
  readonly body: readonly BodyLine[];
}

const FUNCTION_ROLE: Record<1 | 2 | 3, RowRole> = { 1: 'class', 2: 'section', 3: 'item' };
const UNIT_ROLE: Record<1 | 2 | 3, RowRole> = { 1: 'unit-line', 2: 'unit-line', 3: 'unit-item' };
const nonZero = (u: Units): Units | null => (u === 0 ? null : u);
const sumOf = (rows: readonly Units[][], width: number): Units[] =>
  rows.reduce((a, v) => a.map((x, i) => x + (v[i] ?? 0)), Array<Units>(width).fill(0));

/**
 * The body of a consolidated table (see Consolidation): 合计, the department's row (named after it), then per unit its
 * row ('unit-rows': keys `u:<n>`) or its heading row and its 类/款/项 lines ('unit-headings': keys `u:<n>` and
 * `u<n>/f:<code>`). Units without a line the table keeps are left out; every row is the sum of what it covers.
 */
export function consolidatedBody(
  d: Disclosure,
  c: Consolidation,
  values: (l: FunctionLine) => Units[],
  keep: (l: FunctionLine) => boolean,
): BodyLine[] {
  const width = values(d.functions[0]!).length;
  const units = c.units
    .map((u, n) => ({ n, name: u.name, lines: u.functions.filter(keep) }))
    .filter((u) => u.lines.length > 0);
  const totalOf = (lines: readonly FunctionLine[]) => sumOf(lines.filter((l) => l.level === 1).map(values), width);
  const total = sumOf(
    units.map((u) => totalOf(u.lines)),
    width,
  );
  const out: BodyLine[] = [
    { key: 'total', role: 'total', code: null, level: 0, label: '合计', amounts: total.map(nonZero) },
  ];
  if (c.departmentRow)
    out.push({
      key: 'dept',
      role: 'department',
      code: null,
      level: 0,
      label: d.department,
      amounts: total.map(nonZero),
    });
  for (const u of units) {
    out.push({
      key: `u:${u.n}`,
      role: 'unit',
      code: null,
      level: 0,
      label: u.name,
      amounts: totalOf(u.lines).map(nonZero),
    });
    if (c.style === 'unit-rows') continue;
    for (const l of u.lines)
      out.push({
        key: `u${u.n}/f:${l.code}`,
        role: UNIT_ROLE[l.level],
        code: l.code,
        level: l.level,
        label: l.name,
        amounts: values(l).map(nonZero),
      });
  }
  return out;
}
const SPEND_KEYS = ['total', 'basic', 'project'];

/** The five national budget tables the first family draws, as specs (the same numbers as national-budget.ts). */
export function budgetTables(d: Disclosure): TableSpec[] {
  const amount = (u: Units): Units | null => (u === 0 ? null : u);
  const codeBody = (lines: readonly FunctionLine[], values: (l: FunctionLine) => Units[]): BodyLine[] => {
    const cls = lines.filter((l) => l.level === 1);
    const width = values(cls[0] ?? lines[0]!).length;
    const total = cls.map(values).reduce((a, v) => a.map((x, i) => x + (v[i] ?? 0)), Array<Units>(width).fill(0));
    return [
      { key: 'total', role: 'total', code: null, level: 0, label: '合计', amounts: total.map(amount) },
      ...lines.map((l) => ({
        key: `f:${l.code}`,
        role: FUNCTION_ROLE[l.level],
        code: l.code,
        level: l.level,
        label: l.name,
        amounts: values(l).map(amount),
      })),
    ];
  };
  const fnHeads: HeadPath[] = [['科目编码'], ['科目名称']];
  const c = d.consolidation;
  /** A table of function lines, or (a consolidated department) of its units' rows or lines (see consolidatedBody). */
  const linesTable = (
    key: ConsolidatedTable,
    lines: readonly FunctionLine[],
    values: (l: FunctionLine) => Units[],
    keep: (l: FunctionLine) => boolean = () => true,
  ): Pick<TableSpec, 'codes' | 'labelHeads' | 'body'> => {
    if (!c || !c.tables.includes(key) || (c.style === 'unit-rows' && key === 'general_budget_expenditure'))
      return { codes: 'function', labelHeads: fnHeads, body: codeBody(lines, values) };
    return {
      codes: c.style === 'unit-rows' ? 'none' : 'function',
      labelHeads: c.style === 'unit-rows' ? [['单位名称']] : fnHeads,
      body: consolidatedBody(d, c, values, keep),
    };
  };
  const income = (l: FunctionLine) => {
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
    ].concat([a.carryIn.other]);
  };
  const spend = (l: FunctionLine) => {
    const a = l.amounts;
    const basic = a.basic.general + a.basic.other;
    const project = a.project.general + a.project.gov + a.project.state + a.project.other;
    return [basic + project, basic, project];
  };
  const generalLines = d.functions.filter((l) => l.amounts.basic.general + l.amounts.project.general > 0);
  const personnel = economicTotal(d, true);
  const publicCosts = economicTotal(d, false);
  const t = d.threePublic;
  const tables: TableSpec[] = [
    {
      key: 'income_summary',
      type: 'income_summary',
      name: '收入总表',
      title: '收入总表',
      amountHeads: [
        ['合计'],
        ['本年收入', '小计'],
        ['本年收入', '财政拨款收入'],
        ['本年收入', '财政专户收入'],
        ['本年收入', '事业收入'],
        ['本年收入', '经营收入'],
        ['本年收入', '上级补助收入'],
        ['本年收入', '附属单位上缴收入'],
        ['本年收入', '其他收入'],
        ['上年结转'],
      ],
      amountKeys: ['total', 'current', 'fiscal', 'zhuanhu', 'shiye', 'jingying', 'shangji', 'fushu', 'qita', 'carryIn'],
      ...linesTable('income_summary', d.functions, income),
    },
    {
      key: 'expenditure_summary',
      type: 'expenditure_summary',
      name: '支出总表',
      title: '支出总表',
      amountHeads: [['合计'], ['基本支出'], ['项目支出']],
      amountKeys: SPEND_KEYS,
      ...linesTable('expenditure_summary', d.functions, spend),
    },
    {
      key: 'general_budget_expenditure',
      type: 'general_budget_expenditure',
      name: '一般公共预算支出表',
      title: '一般公共预算财政拨款支出表',
      amountHeads: [['合计'], ['基本支出'], ['项目支出']],
      amountKeys: SPEND_KEYS,
      ...linesTable(
        'general_budget_expenditure',
        generalLines,
        (l) => [
          l.amounts.basic.general + l.amounts.project.general,
          l.amounts.basic.general,
          l.amounts.project.general,
        ],
        (l) => l.amounts.basic.general + l.amounts.project.general > 0,
      ),
    },
    {
      key: 'general_budget_basic_expenditure',
      type: 'general_budget_basic_expenditure',
      name: '一般公共预算基本支出表',
      title: '一般公共预算财政拨款基本支出表',
      codes: 'economic',
      labelHeads: [['科目编码'], ['科目名称']],
      amountHeads: [['合计'], ['人员经费'], ['公用经费']],
      amountKeys: ['total', 'personnel', 'public'],
      body: [
        {
          key: 'total',
          role: 'total',
          code: null,
          level: 0,
          label: '合计',
          amounts: [personnel + publicCosts, personnel, publicCosts].map(amount),
        },
        ...d.economics.map((e) => ({
          key: `e:${e.code}`,
          role: (e.level === 1 ? 'economic-class' : 'economic-item') as RowRole,
          code: e.code,
          level: e.level,
          label: e.name,
          amounts: [e.amount, e.personnel ? e.amount : 0, e.personnel ? 0 : e.amount].map(amount),
        })),
      ],
    },
    {
      key: 'three_public_expenses',
      type: 'three_public_expenses',
      name: '一般公共预算“三公”经费支出表',
      title: '财政拨款“三公”经费支出表',
      codes: 'none',
      labelHeads: [['项目']],
      amountHeads: [['金额']],
      amountKeys: ['total'],
      body: [
        { key: 'total', role: 'total', code: null, level: 0, label: '合计', amounts: [amount(threePublicTotal(t))] },
        {
          key: 'l:abroad',
          role: 'line',
          code: null,
          level: 1,
          label: '一、因公出国（境）费',
          amounts: [amount(t.abroad)],
        },
        {
          key: 'l:vehicle',
          role: 'line',
          code: null,
          level: 1,
          label: '二、公务用车购置及运行维护费',
          amounts: [amount(t.vehiclePurchase + t.vehicleRunning)],
        },
        {
          key: 'l:vehiclePurchase',
          role: 'line',
          code: null,
          level: 2,
          label: '其中：公务用车购置费',
          amounts: [amount(t.vehiclePurchase)],
        },
        {
          key: 'l:vehicleRunning',
          role: 'line',
          code: null,
          level: 2,
          label: '公务用车运行维护费',
          amounts: [amount(t.vehicleRunning)],
        },
        {
          key: 'l:reception',
          role: 'line',
          code: null,
          level: 1,
          label: '三、公务接待费',
          amounts: [amount(t.reception)],
        },
      ],
    },
  ];
  return tables;
}

/** The report types of budgetTables, in order. */
export const BUDGET_TYPES = [
  'income_summary',
  'expenditure_summary',
  'general_budget_expenditure',
  'general_budget_basic_expenditure',
  'three_public_expenses',
];
