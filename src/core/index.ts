/** Public surface of the pure core: snapshot in; tables, codes, findings and write plans out. */
export {
  type Cell,
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
  isCellError,
} from './snapshot/types';
export { cellAddress, cellRef, columnLetter, parseRange, rangeAddress } from './snapshot/address';
export { recogniseSheet, recogniseWorkbook } from './recognition/recognise';
export type { RecognisedTable, RecognisedWorkbook, DataRow } from './recognition/model';
export type { TableType } from './recognition/table-type';
export type { ColumnInfo, ColumnRole } from './recognition/column-roles';
export { reviewWorkbook, type Review, type ReviewOptions } from './review';
export {
  buildReport,
  REPORT_FORMAT_VERSION,
  HIDDEN_SHEET_LABEL,
  type NotCheckedReason,
  type ReportCoverage,
} from './report/report';
export type { ReviewReport, ReportFinding, Severity } from './report/report';
export { renderHtmlReport, escapeHtml } from './report/html';
export { csvText } from './report/csv';
export { ALL_RULES } from './rules/registry';
export { RULE_METADATA, ruleMeta } from './rules/metadata';
export type { Rule, RuleConfig, RuleMeta, RuleSetting } from './rules/types';
export { builtInCatalogs, type CatalogData, type CatalogSet } from './catalog/catalog';
export { importCatalog } from './catalog/import';
export {
  invertPlan,
  type WriteAction,
  type WritePlan,
  INPUT_TINT,
  type SkippedWrite,
  type SheetLayout,
} from './plans/types';
export { planMarks, planReportSheet } from './plans/marks';
export { planFillCodes, type FillCodesPlan } from './plans/fill-codes';
export { applyPlanToSnapshot } from './plans/apply-to-snapshot';
export { parseIndicatorValue, formatIndicatorValue, type IndicatorValue } from './performance/indicator-value';
export {
  planProjectTargets,
  planDepartmentTargets,
  projectsOf,
  departmentOf,
  type ProjectFacts,
  DEPARTMENT_TARGETS_HEAD_ROWS,
  PROJECT_TARGETS_HEAD_ROWS,
} from './performance/insert-targets';
export { planSelfEvaluations, SELF_EVALUATION_HEAD_ROWS } from './performance/insert-self-evaluation';
export { planFillSelfEvaluation, type BlankReason } from './performance/fill-in-place';
export { parseAmount, type Amount } from './text/amount';
export { sameCellValue, sameFill, sameNote, appendToUndoLog, skippedNotice } from './plans/preconditions';
export { TABLE_TYPE_INFO, TABLE_TYPE_NAMES, tableTypeInfo } from './recognition/table-type-registry';
export type { TableKind, TableTypeInfo } from './recognition/table-type-registry';
export { REPORT_KIND_NAMES } from './report/report-kind-names';
export { formsOf, targetsOfProjects } from './performance/find-forms';
export { organisationOf } from './performance/organisation';
export { coverageCounts, coverageLine, NOT_CHECKED_REASON_NAMES } from './report/coverage-text';
export { collidingSheets, planUpdateExisting } from './performance/update-existing';
