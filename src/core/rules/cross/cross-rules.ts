import type { Rule, RuleContext, RuleMeta } from '../types';
import {
  basicIdentities,
  codeIdentities,
  fiscalIdentities,
  projectIdentities,
  summaryIdentities,
  threePublicIdentities,
} from './identities';
import { reportIdentity, type Identity } from './quantities';

/** A cross-table rule: metadata plus the identities it checks (format.unit looks at the same pairs). */
function crossRule(
  meta: Omit<RuleMeta, 'defaultSeverity'>,
  identities: (ctx: RuleContext) => Identity[],
): Rule & { identities: typeof identities } {
  return {
    meta: { ...meta, defaultSeverity: 'error' },
    identities,
    check(ctx) {
      for (const identity of identities(ctx)) reportIdentity(ctx, identity);
    },
  };
}

export const crossSummary = crossRule(
  {
    id: 'cross_table.summary',
    title: { zh: '收支总表与收入总表、支出总表不一致', en: '收支总表 disagrees with 收入总表 / 支出总表' },
    description: {
      zh: '收支总表的本年收入合计（或收入总计：当收入总表含上年结转时，或收支总表无本年收入合计行且未列结转结余时）= 收入总表合计；本年支出合计 = 支出总表合计；收支总表按功能分类列示的各类支出 = 支出总表对应“类”的合计。',
      en: 'Income and expenditure totals of the 收支总表 equal the totals of the 收入总表 and 支出总表, and its class lines equal the 类 lines of the 支出总表.',
    },
    formula: '收支总表.本年收入合计 = 收入总表.合计; 收支总表.本年支出合计 = 支出总表.合计; 收支总表.类 = 支出总表.类',
    example: '《部门预算支出总表》合计 3,242.07 ≠ 《部门预算收支总表》本年支出合计 3,232.07（差 +10.00）',
    appliesTo: ['income_expenditure_summary', 'income_summary', 'expenditure_summary'],
  },
  summaryIdentities,
);

export const crossFiscal = crossRule(
  {
    id: 'cross_table.fiscal',
    title: {
      zh: '财政拨款收支总表与分资金支出表不一致',
      en: 'Fiscal appropriation summary disagrees with the fund tables',
    },
    description: {
      zh: '财政拨款收支总表中一般公共预算、政府性基金、国有资本经营预算各列的本年支出合计及各类支出，分别等于一般公共预算支出表、政府性基金支出表、国有资本经营支出表的合计及对应“类”。',
      en: 'Each fund column of the 财政拨款收支总表 (total and class lines) equals the total and 类 lines of that fund’s expenditure table.',
    },
    formula: '财政拨款收支总表[一般公共预算].本年支出合计 = 一般公共预算支出表.合计 (and per 类, per fund)',
    example: '八、社会保障和就业支出［一般公共预算］ 60.25 ≠ 《一般公共预算支出表》208 合计 62.25（差 -2.00）',
    appliesTo: [
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'government_fund_expenditure',
      'state_capital_expenditure',
    ],
  },
  fiscalIdentities,
);

export const crossBasic = crossRule(
  {
    id: 'cross_table.basic',
    title: {
      zh: '基本支出、经济分类表与一般公共预算支出表不一致',
      en: 'Basic / economic tables disagree with the general budget table',
    },
    description: {
      zh: '一般公共预算支出表的基本支出合计 = 基本支出经济分类表合计；一般公共预算支出经济分类表各类之和 = 一般公共预算支出表合计；各经济分类“类”的基本支出不大于其全部支出。',
      en: 'The basic-expenditure total of the general budget table equals the basic economic table’s total; the economic table’s classes sum to the general budget total; basic spending per economic class does not exceed all spending of that class.',
    },
    formula:
      '一般公共预算支出表.基本支出合计 = 基本支出表.合计; Σ 经济分类表.类 = 一般公共预算支出表.合计; 基本支出表.类 ≤ 经济分类表.类',
    example:
      '《一般公共预算基本支出经济分类情况表》合计 3,284.29 ≠ 《一般公共预算拨款支出预算表》基本支出合计 3,296.59（差 -12.30）',
    appliesTo: ['general_budget_expenditure', 'general_budget_basic_expenditure', 'general_budget_economic'],
  },
  basicIdentities,
);

export const crossByCode = crossRule(
  {
    id: 'cross_table.by_code',
    title: { zh: '同一科目在不同表中金额不一致', en: 'The same code differs between tables' },
    description: {
      zh: '按科目编码（汇总表中按单位和科目）比较：一般公共预算支出表不大于支出总表，全部收入均为一般公共预算时二者相等；没有上年结转时，收入总表与支出总表同一科目的金额相等。',
      en: 'Per code (and unit): the general budget table does not exceed the 支出总表, and equals it when all income is 一般公共预算; without carry-over, the 收入总表 equals the 支出总表.',
    },
    formula:
      '一般公共预算支出表[code] ≤ 支出总表[code] (= when all income is 一般公共预算); 收入总表[unit, code] = 支出总表[unit, code] when no carry-over',
    example: '2080506 《一般公共预算支出表》 2.20 ≠ 《支出总表》 2.02（差 +0.18）',
    // Which relation holds is read from two more tables: the 收支总表 (carry-over or not) and the 财政拨款收支总表
    // (whether "财政拨款" income holds another fund than 一般公共预算).
    appliesTo: [
      'general_budget_expenditure',
      'expenditure_summary',
      'income_summary',
      'income_expenditure_summary',
      'fiscal_appropriation_summary',
    ],
  },
  codeIdentities,
);

export const crossProject = crossRule(
  {
    id: 'cross_table.project',
    title: {
      zh: '项目支出表合计与支出总表项目支出不一致',
      en: 'Project table total ≠ project expenditure of the 支出总表',
    },
    description: {
      zh: '项目支出表的合计等于支出总表合计行的项目支出（含其下各列）。',
      en: 'The project table’s total equals the project expenditure of the 支出总表’s total line.',
    },
    formula: '项目支出表.合计 = 支出总表.合计行[项目支出]',
    example: '《项目支出预算表》合计 28,804.72 ≠ 《支出预算汇总表》项目支出合计 22,504.72（差 +6,300.00）',
    appliesTo: ['project_expenditure', 'expenditure_summary'],
  },
  projectIdentities,
);

export const crossThreePublic = crossRule(
  {
    id: 'cross_table.three_public',
    title: { zh: '“三公”经费小于对应经济科目', en: '"三公" items below their economic lines' },
    description: {
      zh: '“三公”经费包括基本支出和项目支出，故各项不应小于基本支出经济分类表中的对应科目：30212 ≤ 因公出国（境）费，30217 ≤ 公务接待费，30231 ≤ 公务用车运行维护费，31013 ≤ 公务用车购置费。',
      en: '"三公" items cover basic and project spending, so none is below its basic economic line: 30212 ≤ 出国, 30217 ≤ 接待, 30231 ≤ 车运行, 31013 ≤ 车购置.',
    },
    formula: '基本支出表[30212, 30217, 30231, 31013] ≤ 三公表[出国, 接待, 车运行, 车购置]',
    example: '“三公”经费：《基本支出表》30217 15.00 大于《“三公”经费支出表》对应项目 10.00（超出 5.00）',
    appliesTo: ['three_public_expenses', 'general_budget_basic_expenditure'],
  },
  threePublicIdentities,
);

export const CROSS_RULES = [crossSummary, crossFiscal, crossBasic, crossByCode, crossProject, crossThreePublic];
