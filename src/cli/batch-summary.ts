import { escapeHtml } from '../core/report/html';
import type { ReviewReport } from '../core/report/report';
import { REPORT_KIND_NAMES } from '../core/report/table-type-names';

/** One workbook's line in a batch overview. */
export type SummaryLine =
  { readonly file: string; readonly report: ReviewReport } | { readonly file: string; readonly unreadable: string };

const HEADER = ['文件', '年度', '类型', '表格数', '错误', '警告', '提示', '状态'];

/** A reviewed workbook's figures for the overview. */
function factsOf(r: ReviewReport) {
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  return {
    year: r.fiscalYear,
    kind: r.reportKind ? REPORT_KIND_NAMES[r.reportKind] : '',
    tables: r.tables.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

/** "a,b" → "\"a,b\"": a field as Excel reads it back. */
const field = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * A CSV a reviewer opens in Excel: one line per workbook with its year, kind, tables and findings by severity, or why it
 * could not be read. UTF-8 with a byte-order mark, so Excel shows the Chinese text.
 */
export function batchSummaryCsv(lines: readonly SummaryLine[]): string {
  const rows = lines.map((l) => {
    if ('unreadable' in l) return [l.file, null, null, null, null, null, null, `无法读取：${l.unreadable}`];
    const f = factsOf(l.report);
    return [l.file, f.year, f.kind, f.tables, f.errors, f.warnings, f.infos, f.errors ? '有错误' : '通过'];
  });
  return '\ufeff' + [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The index page of a batch's HTML reports (--html-dir): one row per workbook, linking to its report. */
export function batchSummaryHtml(lines: readonly SummaryLine[]): string {
  const rows = lines
    .map((l) => {
      if ('unreadable' in l)
        return `<tr class="bad"><td>${escapeHtml(l.file)}</td><td colspan="6">无法读取：${escapeHtml(l.unreadable)}</td></tr>`;
      const f = factsOf(l.report);
      const link = `<a href="${encodeURIComponent(l.file)}.html">${escapeHtml(l.file)}</a>`;
      return `<tr${f.errors ? ' class="bad"' : ''}><td>${link}</td><td>${f.year ?? ''}</td><td>${f.kind}</td><td>${f.tables}</td><td>${f.errors}</td><td>${f.warnings}</td><td>${f.infos}</td></tr>`;
    })
    .join('');
  const withErrors = lines.filter((l) => !('unreadable' in l) && factsOf(l.report).errors > 0);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>预算审核汇总</title>
<style>body{font:14px/1.5 "Microsoft YaHei",sans-serif;margin:24px;color:#222}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#f3f3f3}tr.bad td{background:#fdecea}</style>
</head><body><h1>预算审核汇总</h1><p>共 ${lines.length} 个工作簿，${withErrors.length} 个有错误。</p>
<table><thead><tr><th>文件</th><th>年度</th><th>类型</th><th>表格数</th><th>错误</th><th>警告</th><th>提示</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>
`;
}
