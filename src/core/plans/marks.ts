import { uniqueSheetName } from './sheet-names';
import type { ReportFinding, ReviewReport, Severity } from '../report/report';
import { REPORT_KIND_NAMES, TABLE_TYPE_NAMES } from '../report/table-type-names';
import type { CellValue } from '../snapshot/types';
import type { WriteAction, WritePlan } from './types';

/** Fill colours of marked cells: the cell in question in a strong tint, the cells it was compared with lighter. */
export const MARK_COLORS: Record<Severity, { main: string; related: string }> = {
  error: { main: '#F4B6B6', related: '#FBE3E3' },
  warning: { main: '#FFD8A8', related: '#FFF1DE' },
  info: { main: '#C5DDF6', related: '#EAF3FC' },
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A finding's cell: "D11" on the finding's own sheet, or "支出总表!D11" (also "'a b'!D11") on another sheet. */
export function cellRef(cell: string, sheet: string): { sheet: string; cell: string } {
  const i = cell.lastIndexOf('!');
  if (i < 0) return { sheet, cell };
  return {
    sheet: cell
      .slice(0, i)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'"),
    cell: cell.slice(i + 1),
  };
}

export interface MarkOptions {
  /** Mark info findings too (off by default: rounding notes would colour whole tables). */
  readonly includeInfo?: boolean;
  /** Add a note to the first cell of each finding. */
  readonly notes?: boolean;
}

/**
 * "标记问题": fills for every cell of every finding (the strongest severity wins on a cell shared by several) and a
 * note on each finding's first cell. Fills are grouped by colour, so an adapter can paint each group in one call.
 */
export function planMarks(findings: readonly ReportFinding[], options: MarkOptions = {}): WritePlan {
  const shown = findings.filter((f) => options.includeInfo || f.severity !== 'info');
  const colour = new Map<string, { color: string; rank: number }>();
  const notes = new Map<string, string[]>();
  for (const f of shown) {
    f.cells.forEach((address, i) => {
      const { sheet, cell } = cellRef(address, f.sheet);
      const key = `${sheet}\u0000${cell}`;
      const rank = RANK[f.severity] * 2 + (i === 0 ? 1 : 0);
      const prev = colour.get(key);
      if (!prev || prev.rank < rank)
        colour.set(key, { color: MARK_COLORS[f.severity][i === 0 ? 'main' : 'related'], rank });
    });
    const first = f.cells[0] === undefined ? undefined : cellRef(f.cells[0], f.sheet);
    if (first && options.notes !== false) {
      const key = `${first.sheet}\u0000${first.cell}`;
      notes.set(key, [...(notes.get(key) ?? []), `【${LABEL[f.severity]}】${f.message}`]);
    }
  }
  const groups = new Map<string, string[]>();
  for (const [key, { color }] of colour) {
    const [sheet] = key.split('\u0000');
    const g = `${sheet}\u0000${color}`;
    groups.set(g, [...(groups.get(g) ?? []), key.split('\u0000')[1] as string]);
  }
  const actions: WriteAction[] = [];
  for (const [g, cells] of groups) {
    const [sheet, color] = g.split('\u0000') as [string, string];
    actions.push({ kind: 'set_fill', sheet, cells, color });
  }
  for (const [key, lines] of notes) {
    const [sheet, cell] = key.split('\u0000') as [string, string];
    actions.push({ kind: 'set_note', sheet, cell, text: `预算审核助手：\n${lines.join('\n')}` });
  }
  return { title: `标记 ${shown.length} 个问题`, actions };
}

/** A sheet name not yet in the workbook (case-insensitively, and valid): "审核报告", "审核报告 (2)", … */
export function freeSheetName(existing: readonly string[], base = '审核报告'): string {
  return uniqueSheetName(existing, base);
}

/**
 * "写入审核报告": a new sheet holding the findings and the recognised tables, written as one 2-D block. The 规则 column
 * names each rule by its title when given one (the pane passes the Chinese titles), never by its id alone.
 */
export function planReportSheet(
  report: ReviewReport,
  existingSheets: readonly string[],
  ruleTitles: Readonly<Record<string, string>> = {},
): WritePlan {
  const rows: CellValue[][] = [
    ['预算审核报告', null, null, null, null],
    [
      `工作簿：${report.workbook}`,
      `年度：${report.fiscalYear ?? '未识别'}`,
      `类型：${report.reportKind ? REPORT_KIND_NAMES[report.reportKind] : '未识别'}`,
      null,
      null,
    ],
    [null, null, null, null, null],
    ['级别', '规则', '工作表', '单元格', '说明'],
    ...report.findings.map(
      (f) => [LABEL[f.severity], ruleTitles[f.rule] ?? f.rule, f.sheet, f.cells.join(' '), f.message] as CellValue[],
    ),
    [null, null, null, null, null],
    ['识别的表格', null, null, null, null],
    ['工作表', '区域', '类型', '标题', '单位'],
    ...report.tables.map((t) => [t.sheet, t.range, TABLE_TYPE_NAMES[t.type] ?? t.type, t.title, t.unit] as CellValue[]),
  ];
  if (report.findings.length === 0) rows.splice(4, 0, ['—', '—', '—', '—', '未发现问题']);
  return {
    title: '写入审核报告',
    actions: [{ kind: 'add_sheet', sheet: freeSheetName(existingSheets), values: rows }],
  };
}
