import { rangeAddress } from '../core/snapshot/address';
import type { RecognisedWorkbook } from '../core/recognition/model';
import type { ReviewReport } from '../core/report/report';

/** Chinese names of table types for the human summary. */
export const TABLE_TYPE_NAMES: Record<string, string> = {
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

const KIND_NAMES = { budget: '预算', final: '决算' } as const;

export function summarise(workbook: RecognisedWorkbook, report: ReviewReport, quiet: boolean): string {
  const lines: string[] = [];
  const kind = workbook.reportKind ? KIND_NAMES[workbook.reportKind] : '类型未知';
  lines.push(`■ ${workbook.name} — ${workbook.fiscalYear ?? '年度未知'} 年 ${kind}`);
  if (!quiet) {
    for (const t of workbook.tables) {
      const data = t.dataRows ? `${t.dataRows[1] - t.dataRows[0] + 1} 行数据` : '无数据';
      lines.push(
        `  [${t.sheet}] ${rangeAddress(t.range)}  ${TABLE_TYPE_NAMES[t.type] ?? t.type}` +
          `  单位:${t.unit ?? '未注明'}  ${data}  编码 ${t.codes.length} 个` +
          (t.title ? `  «${t.title}»` : ''),
      );
    }
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity]++;
  lines.push(
    `  共 ${workbook.tables.length} 张表（已识别类型 ${workbook.tables.filter((t) => t.type !== 'unknown').length}），` +
      `编码 ${report.rows.length} 个；错误 ${bySeverity.error}，警告 ${bySeverity.warning}，提示 ${bySeverity.info}`,
  );
  return lines.join('\n');
}
