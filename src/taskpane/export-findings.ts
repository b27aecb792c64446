import { csvText, type ReportFinding } from '../core';
import { ruleTitle } from './finding-filter';
import type { Language } from './i18n';

/**
 * 导出问题清单: the listed findings as a workbook or a CSV a reviewer can sort, annotate and pass on — one line per
 * finding with its sheet, cells, rule title, severity, expected, actual, difference and message.
 */
const HEADER = ['工作表', '单元格', '规则', '级别', '应为', '实际', '差额', '说明'];
const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export function findingRows(findings: readonly ReportFinding[], language: Language = 'zh-CN'): string[][] {
  return findings.map((f) => [
    f.sheet,
    f.cells.join(' '),
    ruleTitle(f.rule, language),
    SEVERITY[f.severity],
    f.expected ?? '',
    f.actual ?? '',
    f.difference ?? '',
    f.message,
  ]);
}

/** UTF-8 with a byte-order mark (Excel shows the Chinese), cells Excel would take for formulas neutralised. */
export function findingsCsv(findings: readonly ReportFinding[], language?: Language): string {
  return csvText([HEADER, ...findingRows(findings, language)]);
}

/** The .xlsx, written by the xlsx adapter loaded only now (ExcelJS is large, and most users never export). */
export async function findingsXlsx(findings: readonly ReportFinding[], language?: Language): Promise<ArrayBuffer> {
  const { tableXlsx } = await import('../adapters/xlsx/write-table');
  const rows = findingRows(findings, language);
  return tableXlsx({ sheet: '问题清单', header: HEADER, rows, widths: [18, 16, 24, 6, 12, 12, 12, 80] });
}

/** "部门预算.xlsx" → "部门预算-问题清单.xlsx". */
export const exportName = (workbook: string, ext: 'xlsx' | 'csv') =>
  `${workbook.replace(/\.xlsx$/i, '')}-问题清单.${ext}`;

export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
