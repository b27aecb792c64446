import { originOf, segmentsOf, type StitchedWorkbook } from '../recognition/continued-sheets';
import { cellAddress, columnIndex } from '../snapshot/address';
import type { ReviewReport } from './report';

/**
 * The review read a table continued on the next sheet as one table on its first sheet (continued-sheets.ts). Every
 * address of the report is put back where the cell is: a cell on the continuation sheet is written `sheet!A1`
 * (report-format spec), a finding is filed under the sheet of its first cell, and the table's reading names the
 * sheets it continues on.
 */
const ADDRESS = /^(?:(.+)!)?\$?([A-Z]{1,3})\$?(\d+)$/;
/** A bare address inside a message ("C12 未填金额"): letters and digits, not part of a longer word. */
const IN_TEXT = /(?<![A-Za-z0-9!])([A-Z]{1,3})(\d{1,7})(?![A-Za-z0-9])/g;

export function relocateReport(report: ReviewReport, stitched: StitchedWorkbook): ReviewReport {
  const place = (address: string, sheet: string): { sheet: string; cell: string } => {
    const m = ADDRESS.exec(address);
    if (!m) return { sheet, cell: address };
    const [, qualifier, letters = 'A', digits = '1'] = m;
    const o = originOf(stitched, qualifier ?? sheet, Number(digits) - 1);
    return { sheet: o.sheet, cell: cellAddress(o.row, columnIndex(letters)) };
  };
  const write = (p: { sheet: string; cell: string }, home: string) =>
    p.sheet === home ? p.cell : `${p.sheet}!${p.cell}`;
  const findings = report.findings.map((f) => {
    if (!stitched.segments.has(f.sheet) && !f.cells.some((c) => c.includes('!'))) return f;
    const placed = f.cells.map((c) => c.split(':').map((part) => place(part, f.sheet)));
    const home = placed[0]?.[0]?.sheet ?? f.sheet;
    const cells = placed.map((parts) => parts.map((p, i) => (i === 0 ? write(p, home) : p.cell)).join(':'));
    const message = stitched.segments.has(f.sheet)
      ? f.message.replace(IN_TEXT, (all: string) => write(place(all, f.sheet), home))
      : f.message;
    return { ...f, sheet: home, cells, message };
  });
  const rows = report.rows.map((r) => {
    if (!stitched.segments.has(r.sheet)) return r;
    const o = originOf(stitched, r.sheet, r.row - 1);
    return { ...r, sheet: o.sheet, row: o.row + 1 };
  });
  const tables = report.tables.map((t) => {
    const segments = segmentsOf(stitched, t.sheet);
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.range);
    if (segments.length === 0 || !m) return t;
    const [, l = 'A', top = '1', r = 'A', bottom = '1'] = m;
    const first = originOf(stitched, t.sheet, Number(top) - 1);
    const last = originOf(stitched, t.sheet, Number(bottom) - 1);
    if (first.segment === last.segment)
      return { ...t, sheet: first.sheet, range: `${l}${first.row + 1}:${r}${last.row + 1}` };
    // A table across sheets: its range on the first sheet, and the continuation named in its reading.
    const own = segments[first.segment]!;
    const on = segments.slice(first.segment + 1, last.segment + 1).map((s, i, all) => {
      const end = i === all.length - 1 ? last.row + 1 : s.from + s.rows;
      return `“${s.sheet}”第 ${s.from + 1}–${end} 行`;
    });
    const structure = t.structure
      ? { ...t.structure, reading: `${t.structure.reading}；本表续于工作表${on.join('、')}（以上行号按各页接排计）` }
      : t.structure;
    return {
      ...t,
      sheet: first.sheet,
      range: `${l}${first.row + 1}:${r}${own.from + own.rows}`,
      dataRows: t.dataRows ? ([t.dataRows[0], own.from + own.rows] as [number, number]) : null,
      ...(structure ? { structure } : {}),
    };
  });
  return { ...report, tables, rows, findings };
}
