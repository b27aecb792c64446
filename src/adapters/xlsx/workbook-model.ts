import { INPUT_TINT, parseRange, type CellRange, type CellValue, type SheetLayout } from '../../core';
import type { PlanTarget } from './plan-writer';

/**
 * A workbook as the browser preview holds it: each sheet's cells (the value shown, whether a formula, the number
 * format, the fill and the note), its merged areas and the row and column styles a cell not in the file takes its
 * fill and format from. Plain data, read by model-reader.ts; the preview's plans are written into it through the
 * shared plan writer (it is a PlanTarget), and its grid is drawn from it. ExcelJS is only for writing the file.
 */
export interface ModelCell {
  value: CellValue;
  formula?: true;
  /** Number format code; absent = General. */
  format?: string;
  /** Fill key (see PlanTarget.fill); absent = none. */
  fill?: string;
  note?: string;
}

/** What a cell not in the file inherits: its row's style, else its column's (as Excel and ExcelJS do). */
export interface InheritedStyle {
  readonly format?: string;
  readonly fill?: string;
}

/** Cells are keyed by row × COLUMN_SPAN + column (0-based), which stays an exact integer up to Excel's last cell. */
const COLUMN_SPAN = 16384;
export const cellKey = (row: number, col: number) => row * COLUMN_SPAN + col;
export const rowOfKey = (key: number) => Math.floor(key / COLUMN_SPAN);
export const colOfKey = (key: number) => key % COLUMN_SPAN;

export class ModelSheet {
  readonly cells = new Map<number, ModelCell>();
  readonly merges: CellRange[] = [];
  readonly rowStyles = new Map<number, InheritedStyle>();
  /** Column styles as [first, last, style] spans, in file order. */
  readonly columnStyles: [number, number, InheritedStyle][] = [];
  /** Column widths in characters (for laid-out sheets and files that give them). */
  readonly columnWidths = new Map<number, number>();
  /** Follower cell → its merged area's anchor, built on first use. */
  private followers: Map<number, number> | null = null;

  constructor(
    public name: string,
    readonly state: 'visible' | 'hidden' | 'veryHidden' = 'visible',
  ) {}

  /** The anchor of the merged area a follower cell lies in, or the cell itself. */
  anchorOf(row: number, col: number): number {
    if (!this.followers) {
      this.followers = new Map();
      for (const m of this.merges)
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++)
            if (r !== m.top || c !== m.left) this.followers.set(cellKey(r, c), cellKey(m.top, m.left));
    }
    const key = cellKey(row, col);
    return this.followers.get(key) ?? key;
  }

  addMerge(range: CellRange): void {
    this.merges.push(range);
    this.followers = null;
  }

  /** The cell at (row, col), made from its row's or column's style when the file has none there. */
  cell(row: number, col: number): ModelCell {
    const key = cellKey(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      const inherited = this.inherited(row, col);
      cell = { value: null };
      if (inherited.format) cell.format = inherited.format;
      if (inherited.fill) cell.fill = inherited.fill;
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The cell at (row, col) if the file or a plan put one there, without making one. */
  peek(row: number, col: number): ModelCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The style a cell not in the file shows: its row's fill and format, else its column's. */
  inherited(row: number, col: number): InheritedStyle {
    const rowStyle = this.rowStyles.get(row);
    const colStyle = this.columnStyles.find(([first, last]) => col >= first && col <= last)?.[2];
    const format = rowStyle?.format ?? colStyle?.format;
    const fill = rowStyle?.fill ?? colStyle?.fill;
    return { ...(format ? { format } : {}), ...(fill ? { fill } : {}) };
  }

  /** One past the last row and column holding a cell (value, style or note). */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const key of this.cells.keys()) {
      rows = Math.max(rows, rowOfKey(key) + 1);
      cols = Math.max(cols, colOfKey(key) + 1);
    }
    for (const m of this.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    return { rows, cols };
  }
}

export class WorkbookModel implements PlanTarget {
  constructor(
    readonly name: string,
    readonly sheets: ModelSheet[],
  ) {}

  sheet(name: string): ModelSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`工作表“${name}”不存在`);
    return sheet;
  }

  sheetNames() {
    return this.sheets.map((s) => s.name);
  }

  value(sheet: string, row: number, col: number): CellValue {
    const s = this.sheet(sheet);
    const key = s.anchorOf(row, col);
    return s.cells.get(key)?.value ?? null;
  }

  isFormula(sheet: string, row: number, col: number): boolean {
    const s = this.sheet(sheet);
    return s.cells.get(s.anchorOf(row, col))?.formula === true;
  }

  setValue(sheet: string, row: number, col: number, value: CellValue, numberFormat: string | undefined) {
    const s = this.sheet(sheet);
    // A merged area's follower writes its anchor (as Excel and ExcelJS do); the format stays the cell's own.
    const key = s.anchorOf(row, col);
    const anchor = s.cell(rowOfKey(key), colOfKey(key));
    anchor.value = value;
    delete anchor.formula;
    if (numberFormat) s.cell(row, col).format = numberFormat;
  }

  fill(sheet: string, row: number, col: number): string | null {
    const s = this.sheet(sheet);
    return (s.peek(row, col) ?? s.inherited(row, col)).fill ?? null;
  }

  setFill(sheet: string, row: number, col: number, key: string | null) {
    const cell = this.sheet(sheet).cell(row, col);
    if (key) cell.fill = key;
    else delete cell.fill;
  }

  note(sheet: string, row: number, col: number): string | null {
    return this.sheet(sheet).peek(row, col)?.note ?? null;
  }

  setNote(sheet: string, row: number, col: number, text: string | null) {
    const cell = this.sheet(sheet).cell(row, col);
    if (text !== null) cell.note = text;
    else delete cell.note;
  }

  addSheet(name: string, values: readonly (readonly CellValue[])[], layout: SheetLayout | undefined) {
    const sheet = new ModelSheet(name);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        // Errors and nulls are not written into a new sheet (as with ExcelJS's addRow).
        if (v !== null && typeof v !== 'object') sheet.cell(r, c).value = v;
      }),
    );
    for (const m of layout?.merges ?? []) sheet.addMerge(parseRange(m));
    layout?.columnWidths?.forEach((w, i) => sheet.columnWidths.set(i, w));
    for (const a of layout?.inputs ?? []) {
      const { top, left } = parseRange(a);
      sheet.cell(top, left).fill = INPUT_TINT;
    }
    for (const f of layout?.numberFormats ?? []) {
      const { top, left } = parseRange(f.cell);
      sheet.cell(top, left).format = f.format;
    }
    this.sheets.push(sheet);
  }

  deleteSheet(name: string) {
    this.sheets.splice(this.sheets.indexOf(this.sheet(name)), 1);
  }
}
