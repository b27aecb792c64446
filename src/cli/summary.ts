import {
  rangeAddress,
  type RecognisedWorkbook,
  HIDDEN_SHEET_LABEL,
  type ReviewReport,
  REPORT_KIND_NAMES,
  TABLE_TYPE_NAMES,
  coverageCounts,
  coverageLine,
} from '../core';

const MARK = { error: '✗ 错误', warning: '! 警告', info: 'i 提示' } as const;
const MAX_LISTED = 30;

/**
 * A reviewed workbook's verdict: errors mean numbers that cannot all be right; warnings, that a person must look.
 * A workbook of which not one identity could be checked (a blank template, tables not read) has not passed: 未能核对.
 * One not reviewed: 无法读取 (the file is not a workbook we can read) or 审核出错 (the review itself failed).
 */
export type Verdict = '通过' | '有警告' | '有错误' | '未能核对' | '无法读取' | '审核出错';

export function verdictOf(report: ReviewReport): Verdict {
  if (report.findings.some((f) => f.severity === 'error')) return '有错误';
  if (report.findings.some((f) => f.severity === 'warning')) return '有警告';
  const checked = report.coverage ? report.coverage.identities.closed + report.coverage.identities.failed : null;
  if (checked === 0) return '未能核对';
  return '通过';
}

function countsOf(report: ReviewReport) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) c[f.severity]++;
  return c;
}

/**
 * A workbook's console summary: one line by default (verdict, department, year, counts), so that a batch of 29 prints
 * 29 lines; `verbose` adds every table and every error or warning.
 */
export function summarise(
  workbook: RecognisedWorkbook,
  report: ReviewReport,
  options: { verbose: boolean; department?: string | null },
): string {
  const kind = workbook.reportKind ? REPORT_KIND_NAMES[workbook.reportKind] : '类型未知';
  const c = countsOf(report);
  const who = options.department ? ` · ${options.department}` : '';
  const head =
    `■ ${verdictOf(report)}  ${workbook.name}${who} — ${workbook.fiscalYear ?? '年度未知'} 年 ${kind} · ` +
    `${workbook.tables.length} 张表 · 错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}` +
    (report.coverage ? ` · ${coverageCounts(report.coverage)}` : '');
  if (!options.verbose) return head;
  const lines = [head];
  const hidden = new Set(report.tables.filter((t) => t.hidden).map((t) => t.sheet));
  for (const t of workbook.tables) {
    const data = t.dataRows ? `${t.dataRows[1] - t.dataRows[0] + 1} 行数据` : '无数据';
    lines.push(
      `  [${t.sheet}${hidden.has(t.sheet) ? `（${HIDDEN_SHEET_LABEL}）` : ''}] ${rangeAddress(t.range)}  ${TABLE_TYPE_NAMES[t.type] ?? t.type}` +
        `  单位:${t.unit ?? '未注明'}  ${data}  编码 ${t.codes.length} 个` +
        (t.title ? `  «${t.title}»` : ''),
    );
  }
  const shown = report.findings.filter((f) => f.severity !== 'info');
  for (const f of shown.slice(0, MAX_LISTED))
    lines.push(`  ${MARK[f.severity]} [${f.sheet}] ${f.cells[0] ?? ''}  ${f.message}`);
  if (shown.length > MAX_LISTED) lines.push(`  … 另有 ${shown.length - MAX_LISTED} 条错误或警告，见 JSON / HTML 报告`);
  lines.push(
    `  共 ${workbook.tables.length} 张表（已识别类型 ${workbook.tables.filter((t) => t.type !== 'unknown').length}），` +
      `编码 ${report.rows.length} 个；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`,
  );
  if (report.coverage) lines.push(`  ${coverageLine(report.coverage)}`);
  return lines.join('\n');
}
