import { rangeAddress } from '../core/snapshot/address';
import type { RecognisedWorkbook } from '../core/recognition/model';
import type { ReviewReport } from '../core/report/report';
import { REPORT_KIND_NAMES, TABLE_TYPE_NAMES } from '../core/report/table-type-names';

const MARK = { error: '✗ 错误', warning: '! 警告', info: 'i 提示' } as const;
const MAX_LISTED = 30;

export function summarise(workbook: RecognisedWorkbook, report: ReviewReport, quiet: boolean): string {
  const lines: string[] = [];
  const kind = workbook.reportKind ? REPORT_KIND_NAMES[workbook.reportKind] : '类型未知';
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
  if (!quiet) {
    const shown = report.findings.filter((f) => f.severity !== 'info');
    for (const f of shown.slice(0, MAX_LISTED))
      lines.push(`  ${MARK[f.severity]} [${f.sheet}] ${f.cells[0] ?? ''}  ${f.message}`);
    if (shown.length > MAX_LISTED)
      lines.push(`  … 另有 ${shown.length - MAX_LISTED} 条错误或警告，见 JSON / HTML 报告`);
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity]++;
  lines.push(
    `  共 ${workbook.tables.length} 张表（已识别类型 ${workbook.tables.filter((t) => t.type !== 'unknown').length}），` +
      `编码 ${report.rows.length} 个；错误 ${bySeverity.error}，警告 ${bySeverity.warning}，提示 ${bySeverity.info}`,
  );
  return lines.join('\n');
}
