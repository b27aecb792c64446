/**
 * The ExcelJS types the browser preview draws its grid from: the preview shows the workbook the ExcelJS platform of
 * this adapter holds, so it names ExcelJS's cells and worksheets, but imports ExcelJS only through here.
 */
export type { Cell, Worksheet } from 'exceljs';
