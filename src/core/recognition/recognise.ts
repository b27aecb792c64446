import type { Cell, CellRange, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { isAmountText, isNumericValue, isPlaceholderText, parseAffixedAmount } from '../text/amount';
import { typeSheet, type TypedSheet } from './cell-typing';
import {
  assignColumnRoles,
  dataCellsByColumn,
  ROW_LABEL_ROLES,
  type ColumnInfo,
  type ColumnRole,
} from './column-roles';
import { headerPaths, ownHeaderColumns } from './header-band';
import { unitFromText, vote, yearFromText, type AmountUnit } from './metadata';
import type { DataRow, RecognisedTable, RecognisedWorkbook } from './model';
import { extractRowCodes } from './row-codes';
import { cellsInSpan, labelRow, titleTextAt } from './row-labelling';
import { normalizeLabel } from '../text/normalize';
import { pageFurnitureRows } from './page-furniture';
import { repeatedHeaderRows } from './repeated-header';
import { segmentSheet, type Region } from './segmentation';
import { analyseRegion, type RegionLayout } from './table-layout';
import { classifyTable, reportKindOf, sharedHeaderTypes, typeFromHeader, typeFromText } from './table-type';
import { CONTINUATION_MARK_PATTERN, TITLE_ENDING } from './vocabulary';

type TableLayout = Extract<RegionLayout, { kind: 'table' }>;

/** A table being assembled from its own region and the title, data or notes regions around it. */
interface Draft {
  layout: TableLayout;
  top: number;
  bottom: number;
  left: number;
  right: number;
  titleRow: number | null;
  preambleRows: number[];
  data: [number, number] | null;
  noteRows: number[];
  /** Header rows of a continuation merged into this table (a page break that repeated part of the header). */
  continuedHeaderRows: number[];
}

const NEAR = 3;
/** How far below its table a template's lone 合计 line may sit. */
const FAR = 40;
const MAX_FACT_STRINGS = 2000;

const overlaps = (a: { left: number; right: number }, b: { left: number; right: number }): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1 >= Math.min(a.right - a.left + 1, b.right - b.left + 1) / 2;

function assemble(layouts: readonly RegionLayout[]): Draft[] {
  const drafts: Draft[] = [];
  const preambles: Exclude<RegionLayout, { kind: 'table' }>[] = [];
  let previous: RegionLayout | null = null;
  for (const l of layouts) {
    if (l.kind === 'table') {
      const d: Draft = {
        layout: l,
        top: l.region.top,
        bottom: Math.max(l.region.top, l.data?.[1] ?? l.header.bottom, ...l.noteRows),
        left: l.region.left,
        right: l.region.right,
        titleRow: l.titleRow,
        preambleRows: [...l.preambleRows],
        data: l.data ? [l.data[0], l.data[1]] : null,
        noteRows: [...l.noteRows],
        continuedHeaderRows: [],
      };
      // Titles and unit lines separated from the table (and from each other) by blank rows, nearest first.
      for (;;) {
        const p = preambles.find(
          (x) => x.region.bottom >= d.top - NEAR && x.region.bottom < d.top && overlaps(x.region, d),
        );
        if (!p) break;
        d.top = Math.min(d.top, p.region.top);
        d.preambleRows.unshift(...p.rows);
        if (d.titleRow === null) d.titleRow = p.rows.find((r) => p.titleRows.includes(r)) ?? null;
        preambles.splice(preambles.indexOf(p), 1);
      }
      drafts.push(d);
    } else if (l.kind === 'preamble') {
      preambles.push(l);
    } else {
      // Data or notes continuing the nearest table above (a blank row inside a long table, notes under it). A template's
      // 合计 line may sit further down, below rows left empty for entries, with nothing in between.
      const reach = l.kind === 'data' && l.totalsOnly ? FAR : NEAR;
      const last = drafts[drafts.length - 1];
      // Nothing in between: the region read just before this one ended inside the table.
      const adjacent = (d: Draft) => d === last && (previous?.region.bottom ?? -1) <= d.bottom;
      const owner = [...drafts]
        .reverse()
        .find(
          (d) =>
            l.region.top > d.bottom && l.region.top - d.bottom <= (adjacent(d) ? reach : NEAR) && overlaps(l.region, d),
        );
      if (owner && l.kind === 'data' && owner.data && owner.noteRows.length === 0) {
        owner.data[1] = l.region.bottom;
        owner.bottom = l.region.bottom;
      } else if (owner && l.kind === 'data' && !owner.data && owner === last && owner.noteRows.length === 0) {
        // A header with nothing under it but blank lines, then data: a page that repeated the header and went on after
        // the lines left blank (or a template's 合计 line below its empty entries). The data is that header's.
        owner.data = [l.region.top, l.region.bottom];
        owner.bottom = l.region.bottom;
      } else if (owner && l.kind === 'notes') {
        owner.noteRows.push(...l.rows);
        owner.bottom = l.region.bottom;
      }
    }
    previous = l;
  }
  return drafts;
}

function textAt(sheet: TypedSheet, row: number, left: number, right: number): string {
  return cellsInSpan(sheet, row, left, right)
    .map((c) => c.text)
    .join(' ');
}

function unitOf(sheet: TypedSheet, d: Draft): AmountUnit | null {
  const rows = [...d.preambleRows, d.layout.header.top, d.layout.header.bottom, ...d.noteRows];
  for (const r of rows) {
    for (const c of cellsInSpan(sheet, r, d.left, d.right)) {
      const u = c.kind === 'text' ? unitFromText(c.norm) : null;
      if (u) return u;
    }
  }
  return null;
}

const UNIT_RANK: readonly AmountUnit[] = ['元', '千元', '万元', '亿元'];

/**
 * A table stating no unit whose amounts write theirs ("1,234.56万元"): the largest unit they write, so that amounts in
 * a smaller one convert exactly (see readCell).
 */
function unitOfAmounts(sheet: TypedSheet, d: Draft, columns: readonly ColumnInfo[]): AmountUnit | null {
  if (!d.data) return null;
  const amountCols = new Set(columns.filter((c) => c.role === 'amount').map((c) => c.col));
  let rank = -1;
  for (let r = d.data[0]; r <= d.data[1]; r++)
    for (const c of cellsInSpan(sheet, r, d.left, d.right)) {
      const unit = c.kind === 'numeric_text' && amountCols.has(c.col) ? parseAffixedAmount(c.text)?.unit : null;
      if (unit) rank = Math.max(rank, UNIT_RANK.indexOf(unit));
    }
  return UNIT_RANK[rank] ?? null;
}

function dataRowsOf(
  sheet: TypedSheet,
  d: Draft,
  columns: readonly ColumnInfo[],
  repeated: ReadonlySet<number>,
  furniture: ReadonlySet<number>,
): DataRow[] {
  if (!d.data) return [];
  const labelCols = new Set(columns.filter((c) => ROW_LABEL_ROLES.has(c.role)).map((c) => c.col));
  const out: DataRow[] = [];
  for (let r = d.data[0]; r <= d.data[1]; r++) {
    const cells = cellsInSpan(sheet, r, d.left, d.right);
    if (cells.length === 0) continue;
    if (repeated.has(r)) {
      out.push({ row: r, kind: 'repeated_header' });
      continue;
    }
    if (furniture.has(r)) {
      out.push({ row: r, kind: 'page_furniture' });
      continue;
    }
    const isTotal = cells.some((c) => labelCols.has(c.col) && !!c.facts?.total);
    const kind = isTotal ? 'total' : cells.every((c) => c.kind === 'placeholder') ? 'placeholder' : 'item';
    out.push({ row: r, kind });
  }
  return out;
}

/**
 * Title or part heading: when several title-like lines stand above a table ("…2024年度部门决算表" over "收入支出决算总表"),
 * the nearest one that names a table type is the title, and a title-like line above it is kept as a heading.
 */
function chooseTitle(
  sheet: TypedSheet,
  d: Draft,
): { titleRow: number | null; title: string | null; headingRow: number | null } {
  const candidates = d.preambleRows
    .filter((r) => r === d.titleRow || labelRow(sheet, r, d.left, d.right).isTitle)
    .sort((a, b) => b - a);
  const typed = candidates.find((r) => typeFromText(titleTextAt(sheet, r, d.left, d.right)) !== 'unknown');
  const line = typed ?? d.titleRow;
  if (line === null) return { titleRow: null, title: null, headingRow: null };
  const wrapped = wrappedTitle(sheet, d, line);
  const titleRow = wrapped?.top ?? line;
  const headingRow = candidates.find((r) => r < titleRow) ?? null;
  return { titleRow, title: wrapped?.text ?? titleTextAt(sheet, line, d.left, d.right), headingRow };
}

/** A line that closes a title: it ends the way table names end (…表, …表（续）). */
const closesTitle = (sheet: TypedSheet, row: number, d: Draft): boolean =>
  TITLE_ENDING.test(normalizeLabel(titleTextAt(sheet, row, d.left, d.right)));

/**
 * A title wrapped over two or more lines ("2025年部门一般公共预算基" over "本支出预算表"): the lone-text lines next to the
 * title line, with no blank line between, up to a line that closes a title, read as one title — when that reading names
 * a different table type than the title line alone (else the line alone stays the title, as before). A part heading
 * that closes with 表 above the title (…年度部门决算表 over 收入支出决算总表) is a title of its own, not joined.
 */
function wrappedTitle(sheet: TypedSheet, d: Draft, line: number): { top: number; text: string } | null {
  const lone = (r: number) => {
    if (!d.preambleRows.includes(r)) return false;
    const f = labelRow(sheet, r, d.left, d.right);
    return !f.isMeta && !f.isNote && f.numbers === 0 && (f.isTitle || (f.cells.length === 1 && f.texts === 1));
  };
  let top = line;
  while (lone(top - 1) && !closesTitle(sheet, top - 1, d)) top--;
  let bottom = line;
  while (!closesTitle(sheet, bottom, d) && lone(bottom + 1)) bottom++;
  if (top === bottom) return null;
  const lines: string[] = [];
  for (let r = top; r <= bottom; r++) lines.push(titleTextAt(sheet, r, d.left, d.right));
  const text = lines.join('');
  const type = typeFromText(text);
  return type !== 'unknown' && type !== typeFromText(titleTextAt(sheet, line, d.left, d.right)) ? { top, text } : null;
}

function buildTable(sheet: TypedSheet, d: Draft, index: number, tablesInSheet: number): RecognisedTable {
  const header = d.layout.header;
  const paths = headerPaths(sheet, header, d.left, d.right);
  const repeated = repeatedHeaderRows(sheet, header, d.data, d.left, d.right);
  for (const r of d.continuedHeaderRows) repeated.add(r);
  const furniture = pageFurnitureRows(sheet, d.data, d.left, d.right, repeated);
  const columnCells = dataCellsByColumn(sheet, d.data, d.left, d.right).map((cells) =>
    repeated.size || furniture.size ? cells.filter((c) => !repeated.has(c.row) && !furniture.has(c.row)) : cells,
  );
  const columns = assignColumnRoles(paths, columnCells, d.left, ownHeaderColumns(sheet, header, d.left, d.right));
  const rows = dataRowsOf(sheet, d, columns, repeated, furniture);
  const { titleRow, title, headingRow } = chooseTitle(sheet, d);
  const named = classifyTable(title, tablesInSheet === 1 ? sheet.name : '');
  // A table a converter left without its title: its header may still say which table it is. Only under the lines a
  // table's first page has (单位, 编制部门): a bare header over data may be a page continuing a table whose first page is
  // gone, which is no table of its own.
  const firstPage = title === null && d.preambleRows.length > 0;
  const byHeader = named.type === 'unknown' && firstPage ? typeFromHeader(columns) : 'unknown';
  const decision = byHeader === 'unknown' ? named : { type: byHeader, source: 'header' as const };
  const candidates = decision.type === 'unknown' && firstPage ? sharedHeaderTypes(columns) : [];
  return {
    id: `${sheet.name}#${index + 1}`,
    sheet: sheet.name,
    range: { top: d.top, left: d.left, bottom: d.bottom, right: d.right },
    type: decision.type,
    typeSource: decision.source,
    title,
    titleRow,
    heading: headingRow !== null ? titleTextAt(sheet, headingRow, d.left, d.right) : null,
    unit: unitOf(sheet, d) ?? unitOfAmounts(sheet, d, columns),
    headerRows: [header.top, header.bottom],
    dataRows: d.data,
    columns,
    rows,
    codes: extractRowCodes(
      sheet,
      columns,
      rows.filter((r) => r.kind === 'item').map((r) => r.row),
    ),
    notes: d.noteRows.map((r) => textAt(sheet, r, d.left, d.right)),
    ...(candidates.length > 1 ? { typeCandidates: candidates } : {}),
  };
}

function headerTexts(sheet: TypedSheet, d: Draft): string[] {
  const out: string[] = [];
  for (let r = d.layout.header.top; r <= d.layout.header.bottom; r++) {
    for (const c of cellsInSpan(sheet, r, d.left, d.right)) if (c.kind === 'text') out.push(c.norm);
  }
  return out;
}

/**
 * A table continued after a page break whose header was repeated only in part (the amount columns' headings, say) is
 * segmented as a table of its own: no title, no preamble, right below the previous table, in the same columns, its
 * header saying nothing the previous header does not say. It is the previous table's continuation: its data joins the
 * previous table and its header rows are read as repeated header rows.
 */
function mergeContinuations(sheet: TypedSheet, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    const texts = headerTexts(sheet, d);
    const previousHeader = last ? headerTexts(sheet, last) : [];
    // A merged heading of the repeated header ("一般公共预算支出" over 合计 | 基本支出) may be read as a title line, and
    // so may the page's continuation mark (续表, 收入决算表（续）).
    const preambleRepeats = d.preambleRows.every((r) =>
      cellsInSpan(sheet, r, d.left, d.right).every(
        (c) => c.kind === 'text' && (previousHeader.includes(c.norm) || CONTINUATION_MARK_PATTERN.test(c.norm)),
      ),
    );
    const below =
      last !== undefined &&
      last.data !== null &&
      last.noteRows.length === 0 &&
      d.top > last.bottom &&
      d.top - last.bottom <= NEAR &&
      d.left >= last.left &&
      d.right <= last.right;
    const continues =
      below &&
      preambleRepeats &&
      (d.titleRow === null || d.preambleRows.includes(d.titleRow)) &&
      d.data !== null &&
      texts.length >= 2 &&
      texts.every((t) => previousHeader.includes(t));
    if (below && last?.data && !continues && labelsOnlyUnder(sheet, last, d)) {
      // Rows after a blank line that looked like a header are the table's own rows: the data goes on.
      last.data[1] = d.data?.[1] ?? d.layout.header.bottom;
      last.bottom = d.bottom;
      last.noteRows.push(...d.noteRows);
      continue;
    }
    if (!continues || !last?.data || !d.data) {
      out.push(d);
      continue;
    }
    last.continuedHeaderRows.push(...d.preambleRows);
    for (let r = d.layout.header.top; r <= d.layout.header.bottom; r++) last.continuedHeaderRows.push(r);
    last.continuedHeaderRows.push(...d.continuedHeaderRows);
    last.data[1] = d.data[1];
    last.bottom = d.bottom;
    last.noteRows.push(...d.noteRows);
  }
  return out;
}

/**
 * A region right below a table, after a blank line, with no title or preamble of its own, whose "header" writes only in
 * the columns where the table's rows carry no number, is more of the table's rows (lines with no amount, such as
 * 结余分配, after a blank line a converter left), not a new table's header: a header labels its amount columns too.
 */
function labelsOnlyUnder(sheet: TypedSheet, above: Draft, d: Draft): boolean {
  if (!above.data || d.preambleRows.length > 0 || d.titleRow !== null) return false;
  const amountColumns = new Set<number>();
  for (let r = above.data[0]; r <= above.data[1]; r++)
    for (const c of cellsInSpan(sheet, r, above.left, above.right))
      if (c.kind === 'number' || c.kind === 'numeric_text') amountColumns.add(c.col);
  if (amountColumns.size === 0) return false;
  let labels = 0;
  for (let r = d.layout.header.top; r <= d.layout.header.bottom; r++)
    for (const c of cellsInSpan(sheet, r, d.left, d.right)) {
      if (c.kind !== 'text') continue;
      for (let col = c.col; col <= c.right; col++) if (amountColumns.has(col)) return false;
      labels++;
    }
  return labels > 0;
}

/** Column roles that label or describe: a block with only these holds no amount, code, line number or indicator. */
const LABEL_ONLY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'unit_name',
  'unit_code',
  'name',
  'project_name',
  'text',
  'seq',
  'empty',
]);

/**
 * A block of labels and values — a cover (封面: 单位名称 | …, 单位负责人 | …) or an information page — is metadata, not a
 * table: it names no table type, has no amount, code, 行次 or indicator column and no 合计 line, so no check could
 * read a number in it (and it cannot be a disclosure table whose title was not understood).
 */
export function isInformationBlock(t: RecognisedTable): boolean {
  return (
    t.type === 'unknown' &&
    t.columns.every((c) => LABEL_ONLY_ROLES.has(c.role)) &&
    !t.rows.some((r) => r.kind === 'total')
  );
}

/**
 * A hidden column holding no text at all (no header label, no code, no name: a helper of numbers, a lookup key or a
 * check the author hid) is not part of the disclosure's tables: its numbers are nobody's amounts.
 */
function withoutHelperColumns(snapshot: SheetSnapshot): SheetSnapshot {
  const hidden = snapshot.hiddenColumns;
  if (!hidden?.length) return snapshot;
  const helpers = hidden.filter((col) =>
    snapshot.rows.every((row) => {
      const v = row?.[col]?.value;
      return typeof v !== 'string' || v.trim() === '' || isAmountText(v);
    }),
  );
  if (helpers.length === 0) return snapshot;
  const drop = new Set(helpers);
  return {
    ...snapshot,
    rows: snapshot.rows.map((row) =>
      row?.some((_, c) => drop.has(c)) ? row.map((cell, c) => (drop.has(c) ? undefined : cell)) : row,
    ),
  };
}

const wordText = (cell: Cell | undefined): string | null => {
  const v = cell?.value;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t !== '' && !isAmountText(t) && !isPlaceholderText(t) ? t : null;
};

/**
 * Merged cells an export unmerged and filled ("取消合并并填充"): the title repeated across its row, a header parent in
 * every column it spanned, a head in both rows it spanned. Adjacent cells outside any merge holding the same word
 * (text, not a number or a placeholder) are read as one merged cell again: across a row, and down a column over rows
 * holding no number (header rows; data rows carry amounts). Numbers are never joined: equal amounts side by side are
 * data.
 */
function withFilledMergesRestored(snapshot: SheetSnapshot): SheetSnapshot {
  const rows = snapshot.rows;
  const taken = new Set<number>();
  const width = Math.max(snapshot.columnCount, 1);
  const key = (r: number, c: number) => r * width + c;
  for (const m of snapshot.merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) taken.add(key(r, c));
  const noNumber = rows.map((row) => !row?.some((c) => isNumericValue(c?.value)));
  const added: CellRange[] = [];
  const followers = new Set<number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = wordText(row[c]);
      if (t === null || taken.has(key(r, c))) continue;
      let right = c;
      while (right + 1 < row.length && !taken.has(key(r, right + 1)) && wordText(row[right + 1]) === t) right++;
      // A text with digits ("第1页", "2025年") is joined only as a whole row's one text (a
      // title with its year filled across the row); a word without digits also down a column.
      const digits = /\d/.test(t);
      if (digits && right > c && row.some((x, i) => (i < c || i > right) && x?.value != null && x.value !== ''))
        continue;
      let bottom = r;
      if (right === c && noNumber[r] && !digits)
        while (
          bottom + 1 < rows.length &&
          noNumber[bottom + 1] &&
          !taken.has(key(bottom + 1, c)) &&
          wordText(rows[bottom + 1]?.[c]) === t
        )
          bottom++;
      if (right === c && bottom === r) continue;
      added.push({ top: r, left: c, bottom, right });
      for (let y = r; y <= bottom; y++)
        for (let x = c; x <= right; x++) {
          taken.add(key(y, x));
          if (y > r || x > c) followers.add(key(y, x));
        }
    }
  }
  if (added.length === 0) return snapshot;
  // Office.js reports a merged area's value in its top-left cell only.
  const followerRows = new Set([...followers].map((k) => Math.floor(k / width)));
  return {
    ...snapshot,
    rows: rows.map((row, r) =>
      row && followerRows.has(r) ? row.map((cell, c) => (followers.has(key(r, c)) ? undefined : cell)) : row,
    ),
    merges: [...snapshot.merges, ...added],
  };
}

export function recogniseSheet(snapshot: SheetSnapshot): RecognisedTable[] {
  const sheet = typeSheet(withFilledMergesRestored(withoutHelperColumns(snapshot)));
  const layouts = segmentSheet(sheet).flatMap((region: Region) => analyseRegion(sheet, region));
  const drafts = mergeContinuations(sheet, assemble(layouts));
  return drafts.map((d, i) => buildTable(sheet, d, i, drafts.length)).filter((t) => !isInformationBlock(t));
}

/** Fiscal year and 预算/决算 kind: from table titles and metadata first, then from any text in the workbook. */
function workbookFacts(snapshot: WorkbookSnapshot, tables: readonly RecognisedTable[]) {
  const titles = tables.flatMap((t) => [t.title ?? '', t.heading ?? '']).filter(Boolean);
  let years = titles.map(yearFromText).filter((y): y is number => y !== null);
  let kinds = titles.map(reportKindOf).filter((k): k is 'budget' | 'final' => k !== null);
  if (years.length === 0 || kinds.length === 0) {
    // Metadata lines ("预算年度：2021") and notes ("本单位2021年度没有…"); the first strings of each sheet suffice.
    const texts: string[] = [];
    for (const s of snapshot.sheets) {
      texts.push(s.name);
      let seen = 0;
      for (const row of s.rows) {
        for (const c of row ?? []) if (typeof c?.value === 'string' && seen++ < MAX_FACT_STRINGS) texts.push(c.value);
      }
    }
    if (years.length === 0) years = texts.map(yearFromText).filter((y): y is number => y !== null);
    if (kinds.length === 0) kinds = texts.map(reportKindOf).filter((k): k is 'budget' | 'final' => k !== null);
  }
  return { fiscalYear: vote(years), reportKind: vote(kinds) };
}

export function recogniseWorkbook(
  snapshot: WorkbookSnapshot,
  tablesOf: (sheet: SheetSnapshot) => RecognisedTable[] = recogniseSheet,
): RecognisedWorkbook {
  const tables = snapshot.sheets.flatMap((s) => tablesOf(s));
  return { name: snapshot.name, ...workbookFacts(snapshot, tables), tables };
}
