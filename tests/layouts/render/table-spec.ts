import type { Units } from '../model/amount';
import { economicTotal, threePublicTotal, type Disclosure, type FunctionLine } from '../model/disclosure';

/**
 * Layout-neutral tables of a disclosure: what a table says (its kind, column heads, body lines with codes and amounts),
 * not where or how it is drawn. The layout families (platform export, PDF conversion, stacked, other provinces' wording)
 * place these on sheets; a slip is injected through the positions the writer records, so every family shares one notion
 * of "the first leaf amount of the 支出总表".
 */

/** A column head as the path of its header cells, top to bottom (['本年收入', '小计']; a 1-element path spans all rows). */
export type HeadPath = readonly string[];

export interface BodyLine {
  /** Function or economic code, null for 合计 rows. */
  readonly code: string | null;
  /** 1 类, 2 款, 3 项; 0 for a total row. */
  readonly level: 0 | 1 | 2 | 3;
  readonly label: string;
  /** One per amount column; null prints nothing (an absent amount), 0 prints as the family prints zeros. */
  readonly amounts: readonly (Units | null)[];
}

export interface TableSpec {
  /** Stable key the properties use to find a table ("支出总表"). */
  readonly key: string;
  /** The report type the engine should give it. */
  readonly type: string;
  /** The title without year, department or set prefix ("支出总表"). */
  readonly title: string;
  /** 'function' tables carry 类/款/项 codes (split columns possible); 'economic' 类/款; 'none' a label column only. */
  readonly codes: 'function' | 'economic' | 'none';
  /** Heads of the label column(s) (code and name) in single-column form. */
  readonly labelHeads: readonly HeadPath[];
  readonly amountHeads: readonly HeadPath[];
  readonly body: readonly BodyLine[];
}

/** The five national budget tables the first family draws, as specs (the same numbers as national-budget.ts). */
export function budgetTables(d: Disclosure): TableSpec[] {
  const amount = (u: Units): Units | null => (u === 0 ? null : u);
  const codeBody = (lines: readonly FunctionLine[], values: (l: FunctionLine) => Units[]): BodyLine[] => {
    const cls = lines.filter((l) => l.level === 1);
    const width = values(cls[0] ?? lines[0]!).length;
    const total = cls.map(values).reduce((a, v) => a.map((x, i) => x + (v[i] ?? 0)), Array<Units>(width).fill(0));
    return [
      { code: null, level: 0, label: '合计', amounts: total.map(amount) },
      ...lines.map((l) => ({ code: l.code, level: l.level, label: l.name, amounts: values(l).map(amount) })),
    ];
  };
  const fnHeads: HeadPath[] = [['科目编码'], ['科目名称']];
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
      key: '收入总表',
      type: 'income_summary',
      title: '收入总表',
      codes: 'function',
      labelHeads: fnHeads,
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
      body: codeBody(d.functions, income),
    },
    {
      key: '支出总表',
      type: 'expenditure_summary',
      title: '支出总表',
      codes: 'function',
      labelHeads: fnHeads,
      amountHeads: [['合计'], ['基本支出'], ['项目支出']],
      body: codeBody(d.functions, spend),
    },
    {
      key: '一般公共预算支出表',
      type: 'general_budget_expenditure',
      title: '一般公共预算财政拨款支出表',
      codes: 'function',
      labelHeads: fnHeads,
      amountHeads: [['合计'], ['基本支出'], ['项目支出']],
      body: codeBody(generalLines, (l) => [
        l.amounts.basic.general + l.amounts.project.general,
        l.amounts.basic.general,
        l.amounts.project.general,
      ]),
    },
    {
      key: '基本支出表',
      type: 'general_budget_basic_expenditure',
      title: '一般公共预算财政拨款基本支出表',
      codes: 'economic',
      labelHeads: [['科目编码'], ['科目名称']],
      amountHeads: [['合计'], ['人员经费'], ['公用经费']],
      body: [
        {
          code: null,
          level: 0,
          label: '合计',
          amounts: [personnel + publicCosts, personnel, publicCosts].map(amount),
        },
        ...d.economics.map((e) => ({
          code: e.code,
          level: e.level,
          label: e.name,
          amounts: [e.amount, e.personnel ? e.amount : 0, e.personnel ? 0 : e.amount].map(amount),
        })),
      ],
    },
    {
      key: '三公经费支出表',
      type: 'three_public_expenses',
      title: '财政拨款“三公”经费支出表',
      codes: 'none',
      labelHeads: [['项目']],
      amountHeads: [['金额']],
      body: [
        { code: null, level: 0, label: '合计', amounts: [amount(threePublicTotal(t))] },
        { code: null, level: 1, label: '一、因公出国（境）费', amounts: [amount(t.abroad)] },
        {
          code: null,
          level: 1,
          label: '二、公务用车购置及运行维护费',
          amounts: [amount(t.vehiclePurchase + t.vehicleRunning)],
        },
        { code: null, level: 2, label: '其中：公务用车购置费', amounts: [amount(t.vehiclePurchase)] },
        { code: null, level: 2, label: '公务用车运行维护费', amounts: [amount(t.vehicleRunning)] },
        { code: null, level: 1, label: '三、公务接待费', amounts: [amount(t.reception)] },
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
