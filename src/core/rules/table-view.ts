import type { MappedRow } from '../mapping/map-rows';
import { ROW_LABEL_ROLES } from '../recognition/column-roles';
import type { AmountUnit } from '../recognition/metadata';
import { SKIPPED_ROW_KINDS, type RecognisedTable } from '../recognition/model';
import type { SheetSnapshot } from '../snapshot/types';
import { formatDecimals, parseAmount } from '../text/amount';
import { cachedTextFacts } from '../recognition/cell-typing';
import { compareTerms, readCell, type Reading, type Term } from './amounts';
import { codeLevel } from '../text/codes';
import type { RuleContext } from './types';
import { groupBy } from '../util/collections';

/**
 * A table as the arithmetic rules see it: per side-by-side block, its amount columns (with their header paths) and its
 * rows (label, outline rank, total or not, code, unit).
 */
export interface AmountColumn {
  readonly col: number;
  readonly path: readonly string[];
  /** A 合计/小计/总计 column (sums its siblings). */
  readonly isTotal: boolean;
  /** Not an addend: an "其中" column, a rate or a change column. */
  readonly excluded: boolean;
}

/** Outline rank of a label: 一、=1, （一）=2, 1、=3, （1）=4; 0 unmarked; 'of' for 其中 lines. */
export type Rank = 0 | 1 | 2 | 3 | 4 | 'of';

export interface BlockRow {
  readonly row: number;
  readonly label: string;
  readonly rank: Rank;
  readonly isTotal: boolean;
  readonly code: MappedRow | null;
  readonly unitCode: string | null;
  /** The row has a label or a value in this block. */
  readonly used: boolean;
}

export interface BlockView {
  readonly block: number;
  /** One row per project (a project-name column): rows without a code are still projects. */
  readonly projectList: boolean;
  /** Header words of the block's columns ("收入", "支出"). */
  readonly caption: string;
  readonly amountColumns: readonly AmountColumn[];
  readonly rows: readonly BlockRow[];
}

export interface TableView {
  readonly table: RecognisedTable;
  readonly sheet: SheetSnapshot;
  readonly unit: AmountUnit | null;
  /** Decimals the table's amounts are written with (the most any amount cell shows, at most 4). */
  readonly decimals: number;
  readonly blocks: readonly BlockView[];
}

const TOTAL_LABEL = /^(合计|总计|小计|共计)$|合计$|总计$|^总合计/;
const EXCLUDED_COLUMN = /其中|率|%|比例|比重|增减|增长|同比|上年同期|变动/;

export function rankOf(label: string): Rank {
  if (/^其中/.test(label)) return 'of';
  if (/^[一二三四五六七八九十百]+[、.．]/.test(label)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(label)) return 2;
  if (/^\d{1,2}[、.．](?!\d)/.test(label)) return 3;
  if (/^[(（]\d{1,2}[)）]/.test(label)) return 4;
  return 0;
}

function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  const v = sheet.rows[row]?.[col]?.value;
  return typeof v === 'string' ? cachedTextFacts(v.trim()).norm : typeof v === 'number' ? String(v) : '';
}

export function buildTableView(table: RecognisedTable, sheet: SheetSnapshot, mapping: readonly MappedRow[]): TableView {
  const codes = new Map<string, MappedRow>();
  for (const m of mapping) if (m.tableId === table.id) codes.set(`${m.row}:${m.block}`, m);
  const unitCol = table.columns.find((c) => c.role === 'unit_code')?.col;
  // The header repeated inside the data and page-number lines (a page break) are not rows of any block.
  const skipped = new Set(table.rows.filter((r) => SKIPPED_ROW_KINDS.has(r.kind)).map((r) => r.row));
  const blocks: BlockView[] = [];
  for (const block of [...new Set(table.columns.map((c) => c.block))]) {
    const cols = table.columns.filter((c) => c.block === block);
    const amountColumns = cols
      .filter((c) => c.role === 'amount')
      .map((c) => {
        const path = c.label.split('/').filter(Boolean);
        const leaf = path[path.length - 1] ?? '';
        return { col: c.col, path, isTotal: TOTAL_LABEL.test(leaf), excluded: EXCLUDED_COLUMN.test(c.label) };
      });
    const labelCols = cols.filter((c) => ROW_LABEL_ROLES.has(c.role));
    const nameCol = cols.find((c) => c.role === 'name' || c.role === 'project_name');
    const rows: BlockRow[] = [];
    if (table.dataRows) {
      for (let r = table.dataRows[0]; r <= table.dataRows[1]; r++) {
        if (skipped.has(r)) continue;
        const labels = labelCols.map((c) => textAt(sheet, r, c.col)).filter(Boolean);
        const name = nameCol ? textAt(sheet, r, nameCol.col) : (labels[0] ?? '');
        const hasValue = amountColumns.some((c) => {
          const v = sheet.rows[r]?.[c.col]?.value;
          return v !== null && v !== undefined && v !== '';
        });
        rows.push({
          row: r,
          label: name || labels.join(' '),
          rank: rankOf(name),
          isTotal: labels.some((l) => l.length <= 12 && TOTAL_LABEL.test(l.replace(/[:：]$/, ''))),
          code: codes.get(`${r}:${block}`) ?? null,
          unitCode: unitCol !== undefined ? textAt(sheet, r, unitCol) || null : null,
          used: labels.length > 0 || hasValue,
        });
      }
    }
    blocks.push({
      block,
      projectList: cols.some((c) => c.role === 'project_name'),
      caption: cols.map((c) => c.label.split('/')[0]).join(' '),
      amountColumns,
      rows,
    });
  }
  // The decimals the table's amounts are written with: from number formats, else (General) from the numbers.
  let decimals = 0;
  for (const b of blocks)
    for (const r of b.rows)
      for (const c of b.amountColumns) {
        const cell = sheet.rows[r.row]?.[c.col];
        if (!cell || cell.value === null || cell.value === '') continue;
        const shown = typeof cell.value === 'number' && cell.format ? formatDecimals(cell.format) : null;
        if (shown !== null) {
          if (!cell.format?.includes('%')) decimals = Math.max(decimals, Math.min(shown, 4));
          continue;
        }
        const a = parseAmount(cell);
        if (a.kind === 'number' && !a.percent) decimals = Math.max(decimals, Math.min(a.decimals, 4));
      }
  return { table, sheet, unit: table.unit, decimals, blocks };
}

const READINGS = new WeakMap<TableView, Map<number, Reading[]>>();

/** Reads an amount cell of the table at the table's precision; each cell is parsed once however many rules ask. */
export function readIn(view: TableView, row: number, col: number): Reading {
  let byColumn = READINGS.get(view);
  if (!byColumn) READINGS.set(view, (byColumn = new Map()));
  let column = byColumn.get(col);
  if (!column) byColumn.set(col, (column = []));
  return (column[row] ??= readCell(view.sheet, row, col, view.decimals));
}

const VIEWS = new WeakMap<object, TableView[]>();

/** Table views of every recognised table (an empty one has no rows), built once per review and shared by the rules. */
export function tableViews(ctx: Pick<RuleContext, 'snapshot' | 'workbook' | 'mapping'>): TableView[] {
  const cached = VIEWS.get(ctx.mapping);
  if (cached) return cached;
  const sheets = new Map(ctx.snapshot.sheets.map((s) => [s.name, s]));
  // Each table's mapped rows, gathered in one pass (not a scan of the whole mapping per table).
  const mappingOf = groupBy(ctx.mapping, (m) => m.tableId);
  const views: TableView[] = [];
  for (const t of ctx.workbook.tables) {
    // Performance forms are not ledgers: their "amount" columns hold indicator values (performance.* checks them).
    if (t.type.startsWith('performance_')) continue;
    const sheet = sheets.get(t.sheet);
    if (sheet) views.push(buildTableView(t, sheet, mappingOf.get(t.id) ?? []));
  }
  VIEWS.set(ctx.mapping, views);
  return views;
}

/** A line of a list wrapped across side-by-side groups, with the amount columns of its own group. */
export interface WrappedLine {
  readonly block: BlockView;
  readonly row: BlockRow;
  readonly columns: readonly AmountColumn[];
}

const CODE_ROLES = new Set(['function_code', 'economic_code', 'code_part']);

/**
 * The lines of a table whose side-by-side groups repeat the same columns, a code column among them (编码|名称|金额 ×3):
 * one list wrapped across the page, in reading order. Null for any other table (收入 | 支出 blocks have no codes).
 */
export function wrappedList(view: TableView): WrappedLine[] | null {
  if (view.blocks.length < 2) return null;
  const signature = (b: number) =>
    view.table.columns
      .filter((c) => c.block === b)
      .map((c) => c.role)
      .join(',');
  const first = signature(0);
  const hasCode = view.table.columns.some((c) => c.block === 0 && CODE_ROLES.has(c.role));
  if (!hasCode || view.blocks.some((b) => signature(b.block) !== first)) return null;
  return view.blocks.flatMap((b) =>
    b.rows.filter((r) => r.used).map((row) => ({ block: b, row, columns: b.amountColumns })),
  );
}

/**
 * The header a wrapped group sits under when groups are banded (人员经费 | 公用经费 over 编码|名称|金额 groups): the
 * first header label shared by all its amount columns, or '' when the group has a one-row header.
 */
export function bandOf(block: BlockView): string {
  const first = block.amountColumns[0]?.path;
  if (!first || first.length < 2) return '';
  return block.amountColumns.every((c) => c.path.length >= 2 && c.path[0] === first[0]) ? (first[0] as string) : '';
}

/** One side-by-side block's own total on a footer row. */
export interface BlockTotal {
  readonly block: BlockView;
  readonly total: BlockRow;
  readonly column: AmountColumn;
  /** The block's top-level coded lines the total adds up. */
  readonly members: readonly BlockRow[];
}

/**
 * A footer row of a wrapped list on which each side-by-side group carries its own total (人员经费合计 | 公用经费合计, each
 * in its own group): two readings are possible — each total sums its own group, or the first is a grand total — and the
 * numbers decide. Null when the row has fewer than two group totals, the groups are banded in the header (bandOf
 * handles those), or the grand-total reading closes more sums than the per-group one (or as many, the totals being
 * labelled alike).
 */
export function blockFooter(view: TableView): readonly BlockTotal[] | null {
  const cached = FOOTERS.get(view);
  if (cached !== undefined) return cached;
  const found = findBlockFooter(view);
  FOOTERS.set(view, found);
  return found;
}

const FOOTERS = new WeakMap<TableView, readonly BlockTotal[] | null>();

function findBlockFooter(view: TableView): readonly BlockTotal[] | null {
  const lines = wrappedList(view);
  if (!lines || new Set(view.blocks.map(bandOf).filter(Boolean)).size >= 2) return null;
  const termAt = (row: number, col: number | undefined): Term | null => {
    if (col === undefined) return null;
    const r = readIn(view, row, col);
    return r.kind === 'term' ? r.term : null;
  };
  const topLevel = (block: BlockView | null): WrappedLine[] => {
    const coded = lines.filter((l) => (block === null || l.block === block) && l.row.code && !l.row.isTotal);
    if (!coded.length) return [];
    const top = Math.min(...coded.map((l) => codeLevel(l.row.code?.code as string)));
    return coded.filter((l) => codeLevel(l.row.code?.code as string) === top);
  };
  /** The total closes over the lines (exactly or within rounding), in the same place of each line's group. */
  const closesOver = (total: Term, members: readonly WrappedLine[], place: number): boolean => {
    const parts: Term[] = [];
    for (const m of members) {
      const t = termAt(m.row.row, m.block.amountColumns[place]?.col);
      if (t) parts.push(t);
    }
    return parts.length > 0 && compareTerms(total, parts).verdict !== 'mismatch';
  };
  const rows = [...new Set(lines.filter((l) => l.row.isTotal).map((l) => l.row.row))].reverse();
  for (const row of rows) {
    const totals: BlockTotal[] = [];
    for (const block of view.blocks) {
      const total = block.rows.find((r) => r.row === row && r.isTotal && r.used);
      const column = block.amountColumns.find((c) => !c.excluded);
      const value = column ? termAt(row, column.col) : null;
      if (!total || !column || !value || value.blank) continue;
      totals.push({ block, total, column, members: topLevel(block).map((l) => l.row) });
    }
    if (totals.length < 2) continue;
    // Per-group reading: each total against its own group's lines; grand reading: each against all groups' lines.
    const all = topLevel(null);
    let perGroup = 0;
    let grand = 0;
    for (const t of totals) {
      const place = t.block.amountColumns.indexOf(t.column);
      const value = termAt(row, t.column.col) as Term;
      if (closesOver(value, topLevel(t.block), place)) perGroup++;
      if (closesOver(value, all, place)) grand++;
    }
    // On a tie, totals labelled differently name their own groups: that reading assumes less than two grand totals.
    const distinct = new Set(totals.map((t) => t.total.label)).size === totals.length;
    return perGroup > grand || (perGroup === grand && distinct) ? totals : null;
  }
  return null;
}
