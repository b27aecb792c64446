import { colOfKey, rowOfKey, type ModelCell, type WorkbookModel } from '../adapters/xlsx/workbook-model';
import { isDateFormat } from '../adapters/xlsx/number-formats';
import { isCellError } from '../core';

/**
 * What the preview's grid draws of one sheet: the cells of its first rows and columns as text (numbers with their
 * decimals, dates as dates), fills, notes and merged areas. Made in the workbook worker from the workbook model, so
 * that the page receives a few hundred rows, never the workbook.
 */
export interface GridCell {
  readonly text: string;
  /** A number (drawn right-aligned). */
  readonly number?: true;
  /** A solid fill's colour, "#RRGGBB". */
  readonly fill?: string;
  readonly note?: string;
}

export interface GridSpan {
  readonly top: number;
  readonly left: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface GridView {
  readonly sheet: string;
  /** Rows and columns drawn, and those the sheet has (the grid says when it cut them). */
  readonly rows: number;
  readonly cols: number;
  readonly sheetRows: number;
  readonly sheetCols: number;
  /** Cells by row then column; null = empty. */
  readonly cells: readonly (readonly (GridCell | null)[])[];
  /** Merged areas within the drawn part. */
  readonly spans: readonly GridSpan[];
}

export interface SheetTab {
  readonly name: string;
  readonly hidden: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell's value as Excel shows it, closely enough for a preview: a format's fixed decimals, a date's day. */
export function displayText(cell: ModelCell): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'number') {
    if (cell.format && isDateFormat(cell.format))
      return new Date(EXCEL_EPOCH_MS + Math.round(v * 86400000)).toISOString().slice(0, 10);
    const m = /0\.(0+)/.exec(cell.format ?? '');
    return m
      ? v.toLocaleString('en-US', { minimumFractionDigits: m[1]?.length, maximumFractionDigits: m[1]?.length })
      : String(v);
  }
  if (isCellError(v)) return v.error;
  return String(v);
}

export const sheetTabs = (model: WorkbookModel): SheetTab[] =>
  model.sheets.map((s) => ({ name: s.name, hidden: s.state !== 'visible' }));

export function gridView(model: WorkbookModel, name: string, maxRows: number, maxCols: number): GridView {
  const sheet = model.sheet(name);
  const extent = sheet.extent();
  const rows = Math.min(extent.rows, maxRows);
  const cols = Math.min(extent.cols, maxCols);
  const cells: (GridCell | null)[][] = Array.from({ length: rows }, () => new Array<GridCell | null>(cols).fill(null));
  for (const [key, cell] of sheet.cells) {
    const r = rowOfKey(key);
    const c = colOfKey(key);
    if (r >= rows || c >= cols) continue;
    const text = displayText(cell);
    const fill = cell.fill?.startsWith('#') ? cell.fill : undefined;
    if (!text && !fill && cell.note === undefined) continue;
    (cells[r] as (GridCell | null)[])[c] = {
      text,
      ...(typeof cell.value === 'number' ? { number: true as const } : {}),
      ...(fill ? { fill } : {}),
      ...(cell.note !== undefined ? { note: cell.note } : {}),
    };
  }
  const spans = sheet.merges
    .filter((m) => m.top < rows && m.left < cols)
    .map((m) => ({
      top: m.top,
      left: m.left,
      rowSpan: Math.min(m.bottom, rows - 1) - m.top + 1,
      colSpan: Math.min(m.right, cols - 1) - m.left + 1,
    }));
  return { sheet: name, rows, cols, sheetRows: extent.rows, sheetCols: extent.cols, cells, spans };
}
