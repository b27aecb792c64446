import type { Units } from './amount';

/**
 * A department's budget (预算) or final accounts (决算) as numbers, consistent by construction: leaf amounts are drawn
 * at the displayed precision and everything else (parents, totals, summaries, balances) is derived from them by exact
 * integer sums. Every table of every layout is a projection of this one model.
 */

export type Kind = 'budget' | 'final';
export type AmountUnit = '元' | '万元';
/** Money by fund: the three fiscal funds, and 'other' for everything that is not a 财政拨款 (事业收入 …). */
export type Fund = 'general' | 'gov' | 'state' | 'other';
export const FUNDS: readonly Fund[] = ['general', 'gov', 'state', 'other'];
export const FISCAL_FUNDS: readonly Fund[] = ['general', 'gov', 'state'];
/** Non-fiscal income sources (their sum is the 'other' fund's income). */
export type Source = 'zhuanhu' | 'shiye' | 'jingying' | 'shangji' | 'fushu' | 'qita';
export const SOURCES: readonly Source[] = ['zhuanhu', 'shiye', 'jingying', 'shangji', 'fushu', 'qita'];

export type ByFund = Record<Fund, Units>;
export type BySource = Record<Source, Units>;

/** The amounts of one function-classified line (a 类, 款 or 项); per fund: carryIn + income = basic + project + carryOut. */
export interface LineAmounts {
  readonly basic: ByFund;
  readonly project: ByFund;
  /** Fiscal income per fund (the 'other' entry is the sum of `sources`). */
  readonly income: ByFund;
  readonly sources: BySource;
  /** 年初结转和结余 (决算) / 上年结转 (预算, 'other' only). */
  readonly carryIn: ByFund;
  /** 年末结转和结余 (决算; 0 in budgets). */
  readonly carryOut: ByFund;
}

export interface FunctionLine {
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly amounts: LineAmounts;
}

/** An economic line of the general-budget basic expenditure (基本支出经济分类). */
export interface EconomicLine {
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2;
  /** 人员经费 (301, 303) or 公用经费 (302, 310 …). */
  readonly personnel: boolean;
  readonly amount: Units;
}

export interface ThreePublic {
  readonly abroad: Units;
  readonly reception: Units;
  readonly vehiclePurchase: Units;
  readonly vehicleRunning: Units;
}

export interface Project {
  readonly name: string;
  readonly code: string;
  readonly fiscal: Units;
  readonly other: Units;
}

/** A 项目支出绩效目标表 the disclosure publishes for one of its projects: its funds are the project's, exactly. */
export interface TargetForm {
  /** Index of the project in `projects`. */
  readonly project: number;
  /** 资金总额 for the year: the project's fiscal + other money. */
  readonly funds: Units;
  /** 中期资金总额 (the implementation period, this year and the next ones): at least `funds`. */
  readonly midTerm: Units;
}

/** One 单位 of a department that consolidates its units: its own function lines, consistent by construction. */
export interface BudgetUnit {
  readonly name: string;
  readonly functions: readonly FunctionLine[];
}

/** The tables a consolidated department may draw per unit. */
export type ConsolidatedTable = 'income_summary' | 'expenditure_summary' | 'general_budget_expenditure';

/**
 * A 部门 whose tables list its 单位 (部门预算 practice): a 合计 row, then (optionally) the department's own row named
 * after it, then each unit — either one row per unit in a 单位名称 column ('unit-rows', no codes), or per unit a heading
 * row (its name, uncoded, with its totals) followed by its 类/款/项 lines ('unit-headings'). The department's lines
 * (Disclosure.functions) are the sums of its units' lines, code by code, so every identity holds in both readings.
 */
export interface Consolidation {
  readonly units: readonly BudgetUnit[];
  readonly style: 'unit-rows' | 'unit-headings';
  /** A row named after the department (= Σ units) between the 合计 and the first unit. */
  readonly departmentRow: boolean;
  /** The tables drawn per unit; the others show the department's lines. */
  readonly tables: readonly ConsolidatedTable[];
}

export interface Disclosure {
  readonly seed: number;
  readonly kind: Kind;
  readonly year: number;
  readonly department: string;
  /** A 单位 (one budget unit) rather than a 部门 disclosure. */
  readonly isUnit: boolean;
  readonly unit: AmountUnit;
  readonly decimals: 0 | 2 | 4;
  /** Which funds have any money; absent fiscal funds give empty tables with their statement. */
  readonly funds: Record<Fund, boolean>;
  /** Budget: whether there is a 上年结转; final: whether any carry-over is non-zero. */
  readonly hasCarryOver: boolean;
  /** Lines in table order: 类, its 款, each 款's 项, then the next 类. */
  readonly functions: readonly FunctionLine[];
  /** Economic lines of the general-budget basic expenditure, 类 then its 款. */
  readonly economics: readonly EconomicLine[];
  readonly threePublic: ThreePublic;
  /** 决算 only: the budgeted 三公 figures beside the actual ones. */
  readonly threePublicBudget: ThreePublic;
  /** 机关运行经费: the part of the general-budget basic 公用经费 that keeps the offices running, so at most 公用经费. */
  readonly runningCosts: Units;
  /** Whether the disclosure states 机关运行经费 in its 三公 table (Shanghai: “三公”经费和机关运行经费预算表). */
  readonly statesRunningCosts: boolean;
  readonly projects: readonly Project[];
  /** The 项目支出绩效目标表 published with the tables (none, some or every project's). */
  readonly targetForms: readonly TargetForm[];
  /** 决算: 使用非财政拨款结余 (an inflow in 收入支出决算总表), at most the non-fiscal carry-in (see finalSummary). */
  readonly useOfNonFiscalBalance: Units;
  /** A department consolidating its units (budget, 部门 only); absent: one body. */
  readonly consolidation?: Consolidation;
}

export const zeroByFund = (): ByFund => ({ general: 0, gov: 0, state: 0, other: 0 });
export const zeroBySource = (): BySource => ({ zhuanhu: 0, shiye: 0, jingying: 0, shangji: 0, fushu: 0, qita: 0 });

export const leaves = (d: Disclosure): FunctionLine[] => d.functions.filter((l) => l.level === 3);
export const classes = (d: Disclosure): FunctionLine[] => d.functions.filter((l) => l.level === 1);

export const sumFunds = (m: ByFund, funds: readonly Fund[] = FUNDS): Units => funds.reduce((a, f) => a + m[f], 0);
export const sumSources = (m: BySource): Units => SOURCES.reduce((a, s) => a + m[s], 0);

/** Whole-department totals of every amount (the sum of the 类 lines). */
export function totals(d: Disclosure): LineAmounts {
  return addLines(classes(d).map((l) => l.amounts));
}

export function addLines(lines: readonly LineAmounts[]): LineAmounts {
  const out = {
    basic: zeroByFund(),
    project: zeroByFund(),
    income: zeroByFund(),
    sources: zeroBySource(),
    carryIn: zeroByFund(),
    carryOut: zeroByFund(),
  };
  for (const l of lines) {
    for (const f of FUNDS) {
      out.basic[f] += l.basic[f];
      out.project[f] += l.project[f];
      out.income[f] += l.income[f];
      out.carryIn[f] += l.carryIn[f];
      out.carryOut[f] += l.carryOut[f];
    }
    for (const s of SOURCES) out.sources[s] += l.sources[s];
  }
  return out;
}

/** Spending of a line: basic + project over the given funds. */
export const spending = (a: LineAmounts, funds: readonly Fund[] = FUNDS): Units =>
  sumFunds(a.basic, funds) + sumFunds(a.project, funds);

export const economicTotal = (d: Disclosure, personnel?: boolean): Units =>
  d.economics
    .filter((e) => e.level === 1 && (personnel === undefined || e.personnel === personnel))
    .reduce((a, e) => a + e.amount, 0);

export const threePublicTotal = (t: ThreePublic): Units =>
  t.abroad + t.reception + t.vehiclePurchase + t.vehicleRunning;

/**
 * The 收入支出决算总表 of a 决算, both sides: 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 +
 * 结余分配 + 年末结转和结余. 使用非财政拨款结余 comes out of the non-fiscal carry-in, so 年初结转和结余 shows the rest.
 */
export function finalSummary(d: Disclosure): {
  income: Units;
  useOfBalance: Units;
  carryIn: Units;
  spending: Units;
  distribution: Units;
  carryOut: Units;
  total: Units;
} {
  const t = totals(d);
  const income = sumFunds(t.income);
  const carryIn = sumFunds(t.carryIn) - d.useOfNonFiscalBalance;
  const spent = spending(t);
  const carryOut = sumFunds(t.carryOut);
  return {
    income,
    useOfBalance: d.useOfNonFiscalBalance,
    carryIn,
    spending: spent,
    distribution: 0,
    carryOut,
    total: income + d.useOfNonFiscalBalance + carryIn,
  };
}
