import { TABLE_TYPE_NAMES } from '../recognition/table-type-registry';
import { REPORT_KIND_NAMES } from './report-kind-names';
import { HIDDEN_SHEET_LABEL, type ReportFinding, type ReviewReport, type Severity } from './report';
import { pushTo } from '../util/collections';

/** Text made safe inside HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SEVERITY: Record<Severity, { label: string; color: string }> = {
  error: { label: '错误', color: '#c62828' },
  warning: { label: '警告', color: '#b26a00' },
  info: { label: '提示', color: '#1565c0' },
};

/** A self-contained HTML rendering of a review report, for bureaus to archive and print. */
export function renderHtmlReport(report: ReviewReport, ruleTitles: Readonly<Record<string, string>> = {}): string {
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const kind = report.reportKind ? REPORT_KIND_NAMES[report.reportKind] : '';
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of report.findings) pushTo(byRule, f.rule, f);
  const findingRows = [...byRule]
    .map(
      ([rule, fs]) =>
        `<h3 title="${escapeHtml(rule)}">${escapeHtml(ruleTitles[rule] ?? rule)} <small>${fs.length} 处</small></h3><table><thead><tr><th>级别</th><th>工作表</th><th>单元格</th><th>说明</th></tr></thead><tbody>` +
        fs
          .map(
            (f) =>
              `<tr><td><span class="sev" style="background:${SEVERITY[f.severity].color}">${SEVERITY[f.severity].label}</span></td><td>${escapeHtml(f.sheet)}</td><td class="cells">${escapeHtml(f.cells.slice(0, 8).join(' ') + (f.cells.length > 8 ? ` …（共 ${f.cells.length} 个）` : ''))}</td><td>${escapeHtml(f.message)}</td></tr>`,
          )
          .join('') +
        '</tbody></table>',
    )
    .join('');
  const tables = report.tables
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.sheet)}${t.hidden ? `<small>（${HIDDEN_SHEET_LABEL}）</small>` : ''}</td><td>${escapeHtml(t.range)}</td><td>${escapeHtml(TABLE_TYPE_NAMES[t.type] ?? t.type)}</td><td>${escapeHtml(t.title ?? '')}</td><td>${escapeHtml(t.unit ?? '未注明')}</td><td>${t.dataRows ? t.dataRows[1] - t.dataRows[0] + 1 : 0}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>预算审核报告 · ${escapeHtml(report.workbook)}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:32px auto;max-width:1100px;color:#222;line-height:1.5}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin-top:28px;border-bottom:2px solid #1d5fa8;padding-bottom:4px} h3{font-size:15px;margin:18px 0 6px}
small{color:#666;font-weight:normal} table{border-collapse:collapse;width:100%;font-size:13px} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f5f9} .sev{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;white-space:nowrap} .cells{font-family:Consolas,monospace;font-size:12px}
.counts span{display:inline-block;margin-right:18px;font-size:15px} .meta{color:#555}
@media print{body{margin:0}}
</style></head><body>
<h1>预算审核报告</h1>
<div class="meta">工作簿：${escapeHtml(report.workbook)} · 年度：${report.fiscalYear ?? '未识别'} · 类型：${kind || '未识别'} · 报告格式 v${report.formatVersion}</div>
<p class="counts"><span style="color:${SEVERITY.error.color}">错误 ${count('error')}</span><span style="color:${SEVERITY.warning.color}">警告 ${count('warning')}</span><span style="color:${SEVERITY.info.color}">提示 ${count('info')}</span><span>识别表格 ${report.tables.length} 张</span><span>科目编码 ${report.rows.length} 个</span></p>
<h2>审核发现</h2>${findingRows || '<p>未发现问题。</p>'}
<h2>识别的表格</h2><table><thead><tr><th>工作表</th><th>区域</th><th>类型</th><th>标题</th><th>单位</th><th>数据行</th></tr></thead><tbody>${tables}</tbody></table>
</body></html>
`;
}
