/** The arithmetic of amounts, for the rules: terms come from the document model (`readIn`), never from cells. */
export {
  addressOf,
  compareSum,
  compareTerms,
  comparisonFields,
  formatAmount,
  formatDifference,
  halfUnit,
  UNIT_FACTOR,
  type Comparison,
  type Reading,
  type Term,
} from '../model';
