import { isNumericValue } from '../text/amount';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import type { RecognisedTable } from './model';
import { CONTINUATION_MARK_PATTERN } from './vocabulary';

/**
 * A PDF converted one sheet per page splits a long table across sheets: the next sheet starts, with no title of its
 * own (or only a continuation mark: 续表, 收入决算表(续)), either with the table's header repeated or straight with data
 * rows in the same columns. Such a sheet is the
 * table's continuation. The review reads the two sheets as one (the continuation's rows appended below the first
 * part, where a repeated header or a page break inside one sheet is already understood), and then puts every address
 * back on the sheet it came from.
 */

/** Where rows of a stitched sheet come from: rows from `start` on are row `start - start + from` of `sheet`. */
interface Segment {
  readonly sheet: string;
  /** First row of the stitched sheet taken from `sheet`. */
  readonly start: number;
  /** The row of `sheet` that `start` stands for. */
  readonly from: number;
  readonly rows: number;
}

export interface StitchedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  /** Per stitched sheet, its segments in order (the first is the sheet itself). */
  readonly segments: ReadonlyMap<string, readonly Segment[]>;
}

const lastUsedRow = (s: SheetSnapshot): number => {
  for (let r = s.rows.length - 1; r >= 0; r--) if (s.rows[r]?.some((c) => hasValue(c))) return r;
  return -1;
};
const firstUsedRow = (s: SheetSnapshot): number => s.rows.findIndex((row) => row?.some((c) => hasValue(c)) ?? false);
const hasValue = (c: Cell | undefined): boolean =>
  c !== undefined && c.value !== null && c.value !== undefined && String(c.value).trim() !== '';
const leafOf = (label: string): string => label.split('/').filter(Boolean).pop() ?? '';
const isMark = (text: string): boolean => CONTINUATION_MARK_PATTERN.test(normalizeLabel(text.trim()));
/** A title that only says the table goes on (续表, …表(续)): the continuation's mark, not a table of its own. */
const titledAsContinued = (t: RecognisedTable): boolean => t.titleRow !== null && t.title !== null && isMark(t.title);

/** The first row of a continuation sheet past lone continuation marks: where its header or data begins. */
function contentTop(s: SheetSnapshot): number {
  for (let r = firstUsedRow(s); r >= 0 && r < s.rows.length; r++) {
    const used = (s.rows[r] ?? []).filter(hasValue);
    if (used.length === 0) continue;
    if (used.length === 1 && typeof used[0]!.value === 'string' && isMark(used[0]!.value)) continue;
    return r;
  }
  return -1;
}

/** The continuation repeats the header: same columns, its labels saying nothing the first header does not say. */
function repeatsHeader(first: RecognisedTable, next: RecognisedTable): boolean {
  if ((next.titleRow !== null && !titledAsContinued(next)) || next.heading || next.range.left !== first.range.left)
    return false;
  const labels = new Set(first.columns.flatMap((c) => [c.label, leafOf(c.label)]).filter(Boolean));
  const own = next.columns.filter((c) => c.label !== '');
  return (
    own.length >= 2 &&
    next.range.right <= first.range.right &&
    own.every((c) => labels.has(c.label) || labels.has(leafOf(c.label)))
  );
}

/**
 * The continuation starts with data: its first rows hold values only in the first part's columns, numbers (or
 * nothing) in its amount columns, and either an amount or a code and a name (a line left blank) on each row.
 */
function continuesData(first: RecognisedTable, sheet: SheetSnapshot, top: number): boolean {
  const amountCols = new Set(first.columns.filter((c) => c.role === 'amount').map((c) => c.col));
  if (amountCols.size === 0) return false;
  let rows = 0;
  for (let r = top; r < Math.min(sheet.rows.length, top + 3); r++) {
    const row = sheet.rows[r] ?? [];
    const used = row.map((c, col) => (hasValue(c) ? col : -1)).filter((col) => col >= 0);
    if (used.length === 0) break;
    if (used.some((col) => col < first.range.left || col > first.range.right)) return false;
    const amounts = used.filter((col) => amountCols.has(col));
    if (amounts.some((col) => !isNumericValue(row[col]?.value))) return false;
    // A note or a heading ends the check: it is no data row (and cannot be the first).
    if (amounts.length === 0 && used.length < 2) return rows > 0;
    rows++;
  }
  return rows > 0;
}

/** The first part ends its sheet with data and no notes. */
function endsWithData(table: RecognisedTable, sheet: SheetSnapshot): boolean {
  return !!table.dataRows && table.notes.length === 0 && table.range.bottom >= lastUsedRow(sheet);
}

/** …and with no closing total: the table goes on, even onto a sheet that repeats its header. */
function endsOpen(table: RecognisedTable): boolean {
  const last = [...table.rows].reverse().find((r) => r.kind !== 'page_furniture');
  return last !== undefined && last.kind !== 'total';
}

function isContinuation(first: RecognisedTable, a: SheetSnapshot, b: SheetSnapshot, bTables: RecognisedTable[]) {
  if (!endsWithData(first, a)) return false;
  const top = contentTop(b);
  if (top < 0) return false;
  const next = bTables[0];
  if (next && next.range.top <= top && next.headerRows[0] === top) {
    if (!endsOpen(first)) return false;
    if (repeatsHeader(first, next)) return true;
    // Rows read as a header that label only where the first part has no amounts are its lines going on.
    return headerIsLines(first, next, b) && continuesData(first, b, top);
  }
  // No header on the continuation sheet: its data must come first, before any table of its own. A page may break
  // after a total line too (本年收入合计, then 上年结转 and 收入总计): lines in the same columns with no header of their
  // own are no table but the first part's.
  return (!next || next.range.top > top) && continuesData(first, b, top);
}

/**
 * The continuation's first rows were read as a header of their own (lines with no amount, 八.其他收入 | 3、部门专项…,
 * look like labels), but they write only in the first part's columns and none of them in its amount columns: a header
 * labels its amount columns too, so these are the first part's lines.
 */
function headerIsLines(first: RecognisedTable, next: RecognisedTable, b: SheetSnapshot): boolean {
  if (next.titleRow !== null || next.heading) return false;
  const amountCols = new Set(first.columns.filter((c) => c.role === 'amount').map((c) => c.col));
  let labels = 0;
  for (let r = next.headerRows[0]; r <= next.headerRows[1]; r++)
    for (const [col, cell] of (b.rows[r] ?? []).entries()) {
      if (!hasValue(cell)) continue;
      if (col < first.range.left || col > first.range.right || amountCols.has(col)) return false;
      labels++;
    }
  return labels > 0;
}

function append(a: SheetSnapshot, b: SheetSnapshot, from: number): SheetSnapshot {
  const start = a.rows.length;
  const shift = start - from;
  return {
    ...a,
    rows: [...a.rows, ...b.rows.slice(from)],
    columnCount: Math.max(a.columnCount, b.columnCount),
    merges: [
      ...a.merges,
      ...b.merges.filter((m) => m.top >= from).map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift })),
    ],
    ...(a.hiddenRows || b.hiddenRows
      ? {
          hiddenRows: [...(a.hiddenRows ?? []), ...(b.hiddenRows ?? []).filter((r) => r >= from).map((r) => r + shift)],
        }
      : {}),
  };
}

/**
 * Joins every sheet that continues the last table of the sheet before it. `tablesOf` gives the tables recognised on a
 * sheet as it stands. Null when no sheet continues another.
 */
export function stitchContinuedSheets(
  snapshot: WorkbookSnapshot,
  tablesOf: (sheet: SheetSnapshot) => RecognisedTable[],
): StitchedWorkbook | null {
  const sheets: SheetSnapshot[] = [];
  const segments = new Map<string, Segment[]>();
  let current: { sheet: SheetSnapshot; tables: RecognisedTable[] } | null = null;
  for (const s of snapshot.sheets) {
    const tables = tablesOf(s);
    const first = current?.tables[current.tables.length - 1];
    if (current && first && isContinuation(first, current.sheet, s, tables)) {
      const from = firstUsedRow(s);
      const start = current.sheet.rows.length;
      const joined = append(current.sheet, s, from);
      const list = segments.get(joined.name) ?? [{ sheet: joined.name, start: 0, from: 0, rows: start }];
      list.push({ sheet: s.name, start, from, rows: s.rows.length - from });
      segments.set(joined.name, list);
      sheets[sheets.length - 1] = joined;
      // The joined sheet's last table is now the continued one: read again only what a next sheet may continue.
      current = { sheet: joined, tables: tablesOf(joined) };
      continue;
    }
    sheets.push(s);
    current = { sheet: s, tables };
  }
  return segments.size ? { snapshot: { ...snapshot, sheets }, segments } : null;
}

/** The sheet and row (0-based) a row of a stitched sheet came from. */
export function originOf(
  stitched: StitchedWorkbook,
  sheet: string,
  row: number,
): { sheet: string; row: number; segment: number } {
  const list = stitched.segments.get(sheet);
  if (!list) return { sheet, row, segment: 0 };
  for (let i = list.length - 1; i >= 0; i--) {
    const seg = list[i]!;
    if (row >= seg.start) return { sheet: seg.sheet, row: row - seg.start + seg.from, segment: i };
  }
  return { sheet, row, segment: 0 };
}

/** Segments of a stitched sheet (for the report's reading). */
export function segmentsOf(stitched: StitchedWorkbook, sheet: string): readonly Segment[] {
  return stitched.segments.get(sheet) ?? [];
}
