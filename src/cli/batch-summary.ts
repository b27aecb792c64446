import { csvText, escapeHtml, type ReviewReport, REPORT_KIND_NAMES } from '../core';
import { verdictOf, type Verdict } from './summary';

/**
 * One workbook's line in a batch overview: who it is about and when it was reviewed, or why it could not be read, or
 * the error its review ended in.
 */
export type SummaryLine =
  | {
      readonly file: string;
      readonly report: ReviewReport;
      readonly department?: string | null;
      readonly units?: readonly string[];
      readonly reviewedAt: Date;
    }
  | { readonly file: string; readonly unreadable: string; readonly reviewedAt: Date }
  | { readonly file: string; readonly failed: string; readonly reviewedAt: Date };

type NotReviewedLine = Exclude<SummaryLine, { report: ReviewReport }>;

const HEADER = ['文件', '部门', '单位', '年度', '类型', '表格数', '错误', '警告', '提示', '状态', '审核时间'];

/** "2026-12-03 13:05": local time, as a reviewer writes it. */
export function reviewTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Why a workbook was not reviewed, as its 状态 reads: "无法读取：…" or "审核出错：…". */
function notReviewed(l: NotReviewedLine): { readonly verdict: Verdict; readonly status: string } {
  const [verdict, message] =
    'unreadable' in l ? (['无法读取', l.unreadable] as const) : (['审核出错', l.failed] as const);
  return { verdict, status: `${verdict}：${message}` };
}

/** A reviewed workbook's figures for the overview. */
function factsOf(l: Extract<SummaryLine, { report: ReviewReport }>) {
  const r = l.report;
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  return {
    department: l.department ?? '',
    units: (l.units ?? []).join('、'),
    year: r.fiscalYear,
    kind: r.reportKind ? REPORT_KIND_NAMES[r.reportKind] : '',
    tables: r.tables.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    verdict: verdictOf(r),
  };
}

export const verdictOfLine = (l: SummaryLine): Verdict =>
  'report' in l ? verdictOf(l.report) : notReviewed(l).verdict;

/**
 * A CSV a reviewer opens in Excel: one line per workbook with its department and units, year, kind, tables, findings
 * by severity, verdict and review time, or why it could not be read. UTF-8 with a byte-order mark for the Chinese text.
 */
export function batchSummaryCsv(lines: readonly SummaryLine[]): string {
  const rows = lines.map((l) => {
    const at = reviewTime(l.reviewedAt);
    if (!('report' in l)) return [l.file, null, null, null, null, null, null, null, null, notReviewed(l).status, at];
    const f = factsOf(l);
    return [l.file, f.department, f.units, f.year, f.kind, f.tables, f.errors, f.warnings, f.infos, f.verdict, at];
  });
  return csvText([HEADER, ...rows]);
}

/** "共 7 个工作簿：2 个通过，1 个有警告，1 个有错误，1 个未能核对，1 个无法读取，1 个审核出错": every outcome counted. */
export function batchHeadline(lines: readonly SummaryLine[]): string {
  const n = (v: Verdict) => lines.filter((l) => verdictOfLine(l) === v).length;
  return (
    `共 ${lines.length} 个工作簿：${n('通过')} 个通过，${n('有警告')} 个有警告，` +
    `${n('有错误')} 个有错误，${n('未能核对')} 个未能核对，${n('无法读取')} 个无法读取，${n('审核出错')} 个审核出错`
  );
}

const ROW_CLASS: Record<Verdict, string> = {
  通过: '',
  有警告: ' class="warn"',
  有错误: ' class="bad"',
  未能核对: ' class="warn"',
  无法读取: ' class="bad"',
  审核出错: ' class="bad"',
};

/** The index page of a batch's HTML reports (--html-dir): one row per workbook, linking to its report. */
export function batchSummaryHtml(lines: readonly SummaryLine[]): string {
  const rows = lines
    .map((l) => {
      const at = escapeHtml(reviewTime(l.reviewedAt));
      if (!('report' in l)) {
        const { verdict, status } = notReviewed(l);
        return `<tr class="bad"><td>${escapeHtml(l.file)}</td><td colspan="8">${escapeHtml(status)}</td><td>${verdict}</td><td>${at}</td></tr>`;
      }
      const f = factsOf(l);
      const link = `<a href="${encodeURIComponent(l.file)}.html">${escapeHtml(l.file)}</a>`;
      return `<tr${ROW_CLASS[f.verdict]}><td>${link}</td><td>${escapeHtml(f.department)}</td><td>${escapeHtml(f.units)}</td><td>${f.year ?? ''}</td><td>${f.kind}</td><td>${f.tables}</td><td>${f.errors}</td><td>${f.warnings}</td><td>${f.infos}</td><td>${f.verdict}</td><td>${at}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>预算审核汇总</title>
<style>body{font:14px/1.5 "Microsoft YaHei",sans-serif;margin:24px;color:#222}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#f3f3f3}tr.bad td{background:#fdecea}tr.warn td{background:#fff4e0}</style>
</head><body><h1>预算审核汇总</h1><p>${escapeHtml(batchHeadline(lines))}。</p>
<table><thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table></body></html>
`;
}
