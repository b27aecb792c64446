import type { MappedRow } from '../mapping/map-rows';
import type { RecognisedWorkbook } from '../recognition/model';
import type { WorkbookSnapshot } from '../snapshot/types';
import { buildCellFacts, type CellFacts } from './cells';
import { buildForms, type PerformanceForms } from './forms';
import { buildPlacement, type TablePlacement } from './placement';
import { buildTableViews, type TableView } from './tables';
import { buildTexts, type WorkbookTexts } from './texts';

/**
 * The document as every rule reads it, built once per review from recognition, the row mapping and the snapshot (as
 * ESLint's SourceCode is built once from the parse): the recognised tables and their row codes, each ledger table's
 * rows and amount columns per block with its amounts read at the table's precision, the workbook's texts, its
 * performance forms and the few format facts about how cells are written. Immutable; rules never see a cell.
 */
export interface DocumentModel {
  readonly workbook: RecognisedWorkbook;
  /** Which recognised tables hold a given sheet, row or cell. */
  readonly placement: TablePlacement;
  readonly mapping: readonly MappedRow[];
  /** The sheets in workbook order. */
  readonly sheetNames: readonly string[];
  /** Each recognised ledger table (not the performance forms), with its blocks and rows. */
  readonly tables: readonly TableView[];
  readonly texts: WorkbookTexts;
  readonly forms: PerformanceForms;
  readonly cells: CellFacts;
}

export function buildDocumentModel(
  snapshot: WorkbookSnapshot,
  workbook: RecognisedWorkbook,
  mapping: readonly MappedRow[],
): DocumentModel {
  return Object.freeze({
    workbook,
    placement: buildPlacement(workbook.tables),
    mapping,
    sheetNames: Object.freeze(snapshot.sheets.map((s) => s.name)),
    tables: Object.freeze(buildTableViews(workbook.tables, snapshot.sheets, mapping)),
    texts: buildTexts(snapshot),
    forms: buildForms(snapshot, workbook),
    cells: buildCellFacts(new Map(snapshot.sheets.map((s) => [s.name, s]))),
  });
}
