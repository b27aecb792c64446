import type { ReviewReport } from '../core/report/report';

/** One workbook's line in a batch overview. */
export type SummaryLine =
  { readonly file: string; readonly report: ReviewReport } | { readonly file: string; readonly unreadable: string };

const HEADER = ['文件', '年度', '类型', '表格数', '错误', '警告', '提示', '状态'];

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
    const r = l.report;
    const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
    const kind = r.reportKind === 'final' ? '决算' : r.reportKind === 'budget' ? '预算' : '';
    const errors = count('error');
    return [
      l.file,
      r.fiscalYear,
      kind,
      r.tables.length,
      errors,
      count('warning'),
      count('info'),
      errors ? '有错误' : '通过',
    ];
  });
  return '\ufeff' + [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
