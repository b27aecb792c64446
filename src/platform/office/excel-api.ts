/**
 * The subset of the Excel JavaScript API the adapter uses, as structural types derived from `@types/office-js`: data
 * members are `Pick`ed from the real interfaces, methods are declared with the narrower shapes the adapter needs, and
 * every interface is checked to be a supertype of its real counterpart (`Real<…>` below). The runner hands the real
 * `Excel.RequestContext` to the adapter without a cast, so a member the real API does not have — a method of
 * CommentCollection called on NoteCollection — is a compile error, not a failure in Excel. The in-memory fake the
 * tests use implements these same interfaces. Nothing outside src/platform/office touches these objects.
 */

/** Compiles only when the real Office.js type `R` can stand where the adapter's structural type `S` is expected. */
type Real<R extends S, S> = R;

export interface Loadable {
  load(props: string[]): unknown;
}

export interface ExcelRange
  extends
    Pick<Excel.Range, 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'isNullObject'>,
    Loadable {
  values: unknown[][];
  /** Formulas ("=SUM(B2:B9)"), or the constant for cells without one. */
  readonly formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: ExcelRangeFormat;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  /** The areas holding constants, or formulas (ExcelApi 1.9): what a sparse used range really holds. */
  getSpecialCellsOrNullObject(cellType: 'Constants' | 'Formulas'): ExcelRangeAreas;
  select(): void;
  merge(across?: boolean): void;
}

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface ExcelRangeFormat extends Pick<Excel.RangeFormat, 'columnWidth' | 'wrapText'> {
  readonly fill: ExcelFill;
  readonly font: Pick<Excel.RangeFont, 'bold'>;
  readonly borders: { getItem(index: BorderEdge): { style: string } };
}

export interface ExcelFill extends Pick<Excel.RangeFill, 'color'>, Loadable {
  /** "None" when the cell has no fill (ExcelApi 1.9); `color` then reads "#FFFFFF". */
  readonly pattern: string;
  clear(): void;
}

export interface ExcelRangeAreas extends Pick<Excel.RangeAreas, 'isNullObject'>, Loadable {
  readonly areas: { readonly items: readonly ExcelRange[] };
  readonly format: { readonly fill: ExcelFill; readonly font: Pick<Excel.RangeFont, 'bold'> };
}

export interface ExcelWorksheet extends Pick<Excel.Worksheet, 'name' | 'visibility' | 'isNullObject'>, Loadable {
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
  getItemOrNullObject(name: string): ExcelWorksheet;
  add(name: string): ExcelWorksheet;
}

/** A note (ExcelApi 1.18): its text is `content`. */
export interface ExcelNote extends Pick<Excel.Note, 'content' | 'isNullObject'>, Loadable {
  delete(): void;
}

/** Excel.NoteCollection: notes are found by cell address with getItem / getItemOrNullObject (no getItemByCell). */
export interface ExcelNoteCollection {
  add(cellAddress: string, content: string): ExcelNote;
  getItemOrNullObject(cellAddress: string): ExcelNote;
}

/** A threaded comment (ExcelApi 1.10), the fallback for notes: found through its location. */
export interface ExcelComment extends Pick<Excel.Comment, 'content'>, Loadable {
  delete(): void;
  getLocation(): ExcelRange;
}

export interface ExcelCommentCollection extends Loadable {
  readonly items: readonly ExcelComment[];
  add(cellAddress: string, content: string): ExcelComment;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  /** Notes (ExcelApi 1.18); absent on older hosts. */
  readonly notes?: ExcelNoteCollection;
  /** Threaded comments (ExcelApi 1.10): the fallback for notes. */
  readonly comments?: ExcelCommentCollection;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  sync(): Promise<void>;
}

/** Each structural type is a supertype of the real one (a compile error here names the member that does not exist). */
export type RealApiChecks = [
  Real<Excel.Range, ExcelRange>,
  Real<Excel.RangeFormat, ExcelRangeFormat>,
  Real<Excel.RangeFill, ExcelFill>,
  Real<Excel.RangeAreas, ExcelRangeAreas>,
  Real<Excel.Worksheet, ExcelWorksheet>,
  Real<Excel.WorksheetCollection, ExcelWorksheetCollection>,
  Real<Excel.Note, ExcelNote>,
  Real<Excel.NoteCollection, ExcelNoteCollection>,
  Real<Excel.Comment, ExcelComment>,
  Real<Excel.CommentCollection, ExcelCommentCollection>,
  Real<Excel.Workbook, ExcelWorkbook>,
  Real<Excel.RequestContext, ExcelContext>,
];

/** Runs a batch against a request context: `Excel.run` in Excel, the fake in tests. */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** Which optional API sets the host supports (checked with Office.context.requirements in Excel). */
export interface HostCapabilities {
  readonly notes: boolean;
  readonly comments: boolean;
}
