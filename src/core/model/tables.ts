import type { MappedRow } from '../mapping/map-rows';
import { ROW_LABEL_ROLES } from '../recognition/column-roles';
import type { AmountUnit } from '../recognition/metadata';
import { SKIPPED_ROW_KINDS, type RecognisedTable } from '../recognition/model';
import { isPerformanceForm } from '../recognition/table-type-registry';
import type { SheetSnapshot } from '../snapshot/types';
import { formatDecimals, parseAmount } from '../text/amount';
import { cachedTextFacts } from '../recognition/cell-typing';
import { readCell, type Reading } from './amounts';
import { groupBy, memoize } from '../util/collections';
import { PATTERNS as PAT } from '../text/patterns';

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
  readonly unit: AmountUnit | null;
  /** Decimals the table's amounts are written with (the most any amount cell shows, at most 4). */
  readonly decimals: number;
  readonly blocks: readonly BlockView[];
}

const TOTAL_LABEL = PAT.totalLabel;
const EXCLUDED_COLUMN = PAT.excludedColumn;

/** Outline rank of a label, once per distinct label. */
export const rankOf: (label: string) => Rank = memoize((label) => {
  if (PAT.ofStart.test(label)) return 'of';
  if (PAT.rank1Heading.test(label)) return 1;
  if (PAT.rank2Heading.test(label)) return 2;
  if (/^\d{1,2}[、.．](?!\d)/.test(label)) return 3;
  if (/^[(（]\d{1,2}[)）]/.test(label)) return 4;
  return 0;
});

/** A 合计/总计 label (a colon after it allowed), once per distinct label. */
const isTotalLabel = memoize((l: string) => l.length <= 12 && TOTAL_LABEL.test(l.replace(/[:：]$/, '')));

function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  const v = sheet.rows[row]?.[col]?.value;
  return typeof v === 'string' ? cachedTextFacts(v.trim()).norm : typeof v === 'number' ? String(v) : '';
}

export function buildTableView(table: RecognisedTable, sheet: SheetSnapshot, mapping: readonly MappedRow[]): TableView {
  // Keyed by block and row as one number (2^26 rows: a stitched sheet may exceed one sheet's 2^20), not a string per row.
  const codes = new Map<number, MappedRow>();
  const at = (row: number, block: number) => block * 67_108_864 + row;
  for (const m of mapping) if (m.tableId === table.id) codes.set(at(m.row, m.block), m);
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
          isTotal: labels.some(isTotalLabel),
          code: codes.get(at(r, block)) ?? null,
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
  const view: TableView = { table, unit: table.unit, decimals, blocks };
  SHEETS.set(view, sheet);
  return view;
}

/** The sheet a view was read from: the model's own, never handed to a rule. */
const SHEETS = new WeakMap<TableView, SheetSnapshot>();

/** The sheet behind a view, for the model's own cell facts (src/core/model only). */
export function sheetOf(view: TableView): SheetSnapshot {
  return SHEETS.get(view) as SheetSnapshot;
}

/**
 * A column's readings, indexed from the table's top row: an array indexed by sheet row would reserve room for every
 * row above the table (a table at row 900 of its sheet: 900 empty slots per column, 480 MB over 20,000 small tables).
 * Rows above the top (rare) are kept by row.
 */
interface ColumnReadings {
  readonly top: number;
  readonly below: Reading[];
  above: Map<number, Reading> | null;
}

const READINGS = new WeakMap<TableView, Map<number, ColumnReadings>>();
/** The last view and column read: a rule reads one column of one table many times in a row (sums, hierarchies). */
let lastView: TableView | null = null;
let lastCol = -1;
let lastColumn: ColumnReadings = { top: 0, below: [], above: null };

/** Reads an amount cell of the table at the table's precision; each cell is parsed once however many rules ask. */
export function readIn(view: TableView, row: number, col: number): Reading {
  if (view !== lastView || col !== lastCol) {
    let byColumn = READINGS.get(view);
    if (!byColumn) READINGS.set(view, (byColumn = new Map()));
    let column = byColumn.get(col);
    if (!column) byColumn.set(col, (column = { top: view.table.range.top, below: [], above: null }));
    lastView = view;
    lastCol = col;
    lastColumn = column;
  }
  const column = lastColumn;
  const k = row - column.top;
  if (k >= 0) return (column.below[k] ??= readCell(sheetOf(view), row, col, view.decimals, view.unit));
  column.above ??= new Map();
  let reading = column.above.get(row);
  if (!reading) column.above.set(row, (reading = readCell(sheetOf(view), row, col, view.decimals, view.unit)));
  return reading;
}

/**
 * Table views of every recognised ledger table (an empty one has no rows), built once per review by the document model.
 * Performance forms are not ledgers: their "amount" columns hold indicator values (the model's forms carry them).
 */
export function buildTableViews(
  tables: readonly RecognisedTable[],
  sheets: readonly SheetSnapshot[],
  mapping: readonly MappedRow[],
): TableView[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  // Each table's mapped rows, gathered in one pass (not a scan of the whole mapping per table).
  const mappingOf = groupBy(mapping, (m) => m.tableId);
  const views: TableView[] = [];
  for (const t of tables) {
    if (isPerformanceForm(t.type)) continue;
    const sheet = byName.get(t.sheet);
    if (sheet) views.push(buildTableView(t, sheet, mappingOf.get(t.id) ?? []));
  }
  return views;
}
