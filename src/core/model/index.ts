/** The document model: what rules read (src/core/rules imports the model through this door, never cells). */
export { cellAddress, columnLetter, rangeAddress } from './address';
export {
  addressOf,
  compareSum,
  compareTerms,
  comparisonFields,
  ConvertedTerm,
  formatAmount,
  formatDifference,
  halfUnit,
  UNIT_FACTOR,
  type Comparison,
  type Reading,
  type Term,
} from './amounts';
export type { CellFacts } from './cells';
export type { PerformanceForms } from './forms';
export type { TablePlacement } from './placement';
export { buildDocumentModel, type DocumentModel } from './model';
export { rankOf, readIn, type AmountColumn, type BlockRow, type BlockView, type Rank, type TableView } from './tables';
export type { TextCell, WorkbookTexts } from './texts';
export { bandOf, blockFooter, wrappedList, type BlockTotal, type WrappedLine } from './wrapped';

/** The model's ledger tables, for a rule. */
export function tableViews(ctx: {
  readonly model: import('./model').DocumentModel;
}): readonly import('./tables').TableView[] {
  return ctx.model.tables;
}
