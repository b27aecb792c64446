/** Chinese names of table types for the human summary. */
export const TABLE_TYPE_NAMES: Readonly<Record<string, string>> = {
  income_expenditure_summary: '收支总表',
  income_summary: '收入总表',
  expenditure_summary: '支出总表',
  fiscal_appropriation_summary: '财政拨款收支总表',
  general_budget_expenditure: '一般公共预算支出表',
  general_budget_economic: '一般公共预算支出经济分类表',
  general_budget_basic_expenditure: '一般公共预算基本支出表',
  three_public_expenses: '“三公”经费支出表',
  government_fund_expenditure: '政府性基金支出表',
  state_capital_expenditure: '国有资本经营支出表',
  project_expenditure: '项目支出表',
  government_procurement: '政府采购表',
  performance_targets_project: '项目支出绩效目标表',
  performance_targets_department: '部门整体支出绩效目标表',
  performance_self_evaluation: '项目支出绩效自评表',
  unknown: '未识别',
};

/** 预算 / 决算, as the report's reportKind is shown to people. */
export const REPORT_KIND_NAMES = { budget: '预算', final: '决算' } as const;
