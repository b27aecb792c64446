/**
 * The subset of the Excel JavaScript API the adapter uses, as structural types. The real `Excel.RequestContext`
 * satisfies them; so does the in-memory fake the tests use (which counts `sync()` calls). Nothing outside
 * src/platform/office touches these objects.
 */
export interface Loadable {
  load(props: string | string[]): unknown;
}

export interface ExcelRange extends Loadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject?: boolean;
  values: unknown[][];
  numberFormat: unknown[][];
  readonly format: ExcelRangeFormat;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  select(): void;
  merge(across?: boolean): void;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelFill;
  readonly font: { bold: boolean };
  columnWidth: number;
  wrapText: boolean;
  readonly borders: { getItem(index: string): { style: string } };
}

export interface ExcelFill extends Loadable {
  color: string;
  /** "None" when the cell has no fill (ExcelApi 1.9); `color` then reads "#FFFFFF". */
  readonly pattern?: string;
  clear(): void;
}

export interface ExcelRangeAreas extends Loadable {
  readonly isNullObject?: boolean;
  readonly areas: { readonly items: readonly ExcelRange[] } & Loadable;
  readonly format: { readonly fill: ExcelFill; readonly font: { bold: boolean } };
}

export interface ExcelWorksheet extends Loadable {
  readonly name: string;
  readonly visibility: string;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange;
  getRange(address: string): ExcelRange;
  getRanges(address: string): ExcelRangeAreas;
  activate(): void;
  delete(): void;
}

export interface ExcelWorksheetCollection extends Loadable {
  readonly items: readonly ExcelWorksheet[];
  getItem(name: string): ExcelWorksheet;
  add(name: string): ExcelWorksheet;
}

export interface ExcelNoteLike {
  delete(): void;
}

export interface ExcelCommentCollection {
  add(cellAddress: string, content: string): ExcelNoteLike;
  getItemByCell(cellAddress: string): ExcelNoteLike;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  /** Notes (ExcelApi 1.18); absent on older hosts. */
  readonly notes?: ExcelCommentCollection;
  /** Threaded comments (ExcelApi 1.10): the fallback for notes. */
  readonly comments?: ExcelCommentCollection;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  sync(): Promise<void>;
}

/** Runs a batch against a request context: `Excel.run` in Excel, the fake in tests. */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** Which optional API sets the host supports (checked with Office.context.requirements in Excel). */
export interface HostCapabilities {
  readonly notes: boolean;
  readonly comments: boolean;
}
