/** Public surface of the pure core: snapshot in, recognised tables and the review report out. */
export type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot/types';
export { cellAddress, columnLetter, parseRange, rangeAddress } from './snapshot/address';
export { recogniseSheet, recogniseWorkbook } from './recognition/recognise';
export type { RecognisedTable, RecognisedWorkbook, DataRow } from './recognition/model';
export type { TableType } from './recognition/table-type';
export type { ColumnInfo, ColumnRole } from './recognition/column-roles';
export { buildReport, REPORT_FORMAT_VERSION } from './report/report';
export type { ReviewReport, ReportFinding, Severity } from './report/report';
export { parseAmount, type Amount } from './text/amount';
