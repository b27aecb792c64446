import type ExcelJS from 'exceljs';
import type { CellAt, Rendered } from './families';

/** The ExcelJS cell a placed table's index points at. */
export const cellOf = (r: Rendered, at: CellAt): ExcelJS.Cell => r.wb.getWorksheet(at.sheet)!.getCell(at.row, at.col);

/** "C17" for a 1-based cell position. */
export const addressOf = (at: CellAt): string => `${columnName(at.col)}${at.row}`;

const columnName = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
