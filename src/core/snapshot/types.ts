/**
 * The workbook snapshot: the only input of the core. Adapters (Office.js, ExcelJS) build it; nothing in it refers to
 * Office or file formats. Rows and columns are 0-based here; the report converts to Excel's 1-based addresses.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  /** Raw value. Merged areas hold their value in the top-left cell only (as Office.js reports them). */
  readonly value: CellValue;
  /** Number format code ("#,##0.00", "@", "0.00%"); absent for "General". */
  readonly format?: string;
  /** Displayed text when the adapter knows it and it differs from the raw value's plain rendering. */
  readonly text?: string;
  /**
   * A formula with no cached result (a workbook written by a program and never opened in Excel): `value` is null, but
   * the cell is not empty — it is neither a blank amount nor 0. Such a cell counts toward the used range.
   */
  readonly uncalculated?: true;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** Rows of cells; a missing row or cell is empty. Length = number of rows in use. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  /** Number of columns in use (the widest row holding a value, not a styled-only column). */
  readonly columnCount: number;
  readonly merges: readonly CellRange[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenColumns?: readonly number[];
  /** A hidden sheet (not a very hidden one, which no adapter reads): reviewed like the others, shown as hidden. */
  readonly hidden?: true;
}

export interface WorkbookSnapshot {
  /** File or document name, used in reports. */
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
}

/** True for a formula cell whose result the file does not hold (see Cell.uncalculated). */
export function isUncalculated(cell: Cell | undefined): boolean {
  return cell?.uncalculated === true;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}
