import { uniqueSheetName } from './sheet-names';
import type { ReportFinding, ReviewReport, Severity } from '../report/report';
import { TABLE_TYPE_NAMES } from '../recognition/table-type-registry';
import { REPORT_KIND_NAMES } from '../report/report-kind-names';
import { cellRef } from '../snapshot/address';
import type { CellValue, SheetSnapshot } from '../snapshot/types';
import { judgeSides, sidesOf } from './cross-sides';
import type { WriteAction, WritePlan } from './types';

/** Fill colours of marked cells: the cell in question in a strong tint, the cells it was compared with lighter. */
export const MARK_COLORS: Record<Severity, { main: string; related: string }> = {
  error: { main: '#F4B6B6', related: '#FBE3E3' },
  warning: { main: '#FFD8A8', related: '#FFF1DE' },
  info: { main: '#C5DDF6', related: '#EAF3FC' },
};

/** Both sides of a cross-table finding when neither is more suspect than the other: compare the two. */
export const COMPARE_COLOR = '#E4D7F5';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface MarkOptions {
  /** Mark info findings too (off by default: rounding notes would colour whole tables). */
  readonly includeInfo?: boolean;
  /** Add a note to the first cell of each finding. */
  readonly notes?: boolean;
  /** Every finding of the review (default: those marked): the evidence of which side of a cross-table finding is wrong. */
  readonly context?: readonly ReportFinding[];
}

/**
 * "标记问题": fills for every cell of every finding (the strongest severity wins on a cell shared by several) and a
 * note on each finding's first cell. Fills are grouped by colour, so an adapter can paint each group in one call.
 */
export function planMarks(findings: readonly ReportFinding[], options: MarkOptions = {}): WritePlan {
  const shown = findings.filter((f) => options.includeInfo || f.severity !== 'info');
  const colour = new Map<string, { color: string; rank: number }>();
  const notes = new Map<string, string[]>();
  const paint = (sheet: string, cell: string, color: string, rank: number) => {
    const key = `${sheet}\u0000${cell}`;
    const prev = colour.get(key);
    if (!prev || prev.rank < rank) colour.set(key, { color, rank });
  };
  const note = (sheet: string, cell: string, line: string) => {
    const key = `${sheet}\u0000${cell}`;
    notes.set(key, [...(notes.get(key) ?? []), line]);
  };
  for (const f of shown) {
    const sides = sidesOf(f, (c) => cellRef(c, f.sheet));
    const verdict = sides.length > 1 ? judgeSides(f, sides, options.context ?? findings, cellRef) : null;
    if (verdict?.kind === 'compare') {
      // Even evidence: both sides "to compare", each with a note naming the other.
      for (const side of sides) {
        for (const cell of side.cells) paint(side.sheet, cell, COMPARE_COLOR, RANK[f.severity] * 2);
        const others = sides.filter((s) => s !== side).map((s) => `${s.sheet}!${s.cells[0] ?? ''}`);
        if (side.cells[0] && options.notes !== false)
          note(
            side.sheet,
            side.cells[0],
            `【${LABEL[f.severity]}·待核对】${f.message}（请与 ${others.join('、')} 对照）`,
          );
      }
      continue;
    }
    // One suspect side (its own table breaks an identity too): that side only; else a one-sheet finding as it is.
    const marked = verdict?.kind === 'suspect' ? [verdict.side] : sides;
    marked.forEach((side, s) =>
      side.cells.forEach((cell, i) =>
        paint(
          side.sheet,
          cell,
          MARK_COLORS[f.severity][s === 0 && i === 0 ? 'main' : 'related'],
          RANK[f.severity] * 2 + (s === 0 && i === 0 ? 1 : 0),
        ),
      ),
    );
    const first = marked[0];
    if (first?.cells[0] && options.notes !== false)
      note(first.sheet, first.cells[0], `【${LABEL[f.severity]}】${f.message}`);
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

const REPORT_TITLE = '预算审核报告';
const REPORT_HEADER = ['级别', '规则', '工作表', '单元格', '说明'];

/**
 * A 审核报告 sheet this add-in wrote (its title in A1 and its findings header in row 4): not a disclosure table, so the
 * review leaves it out — it is neither recognised as a table nor checked.
 */
export function isOwnReportSheet(sheet: SheetSnapshot): boolean {
  const at = (r: number, c: number) => sheet.rows[r]?.[c]?.value ?? null;
  return at(0, 0) === REPORT_TITLE && REPORT_HEADER.every((h, c) => at(3, c) === h);
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
    [REPORT_TITLE, null, null, null, null],
    [
      `工作簿：${report.workbook}`,
      `年度：${report.fiscalYear ?? '未识别'}`,
      `类型：${report.reportKind ? REPORT_KIND_NAMES[report.reportKind] : '未识别'}`,
      null,
      null,
    ],
    [null, null, null, null, null],
    REPORT_HEADER,
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
