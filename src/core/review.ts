import { builtInCatalogs, withImported, type CatalogData, type CatalogSet } from './catalog/catalog';
import { mapRows, type MappedRow } from './mapping/map-rows';
import { stitchContinuedSheets } from './recognition/continued-sheets';
import type { RecognisedTable, RecognisedWorkbook } from './recognition/model';
import { recogniseSheet, recogniseWorkbook } from './recognition/recognise';
import { relocateReport } from './report/relocate';
import { buildReport, markHiddenSheets, type ReviewReport } from './report/report';
import { buildDocumentModel } from './model';
import { ALL_RULES } from './rules/registry';
import { runRules } from './rules/run';
import { typeByNumbers } from './type-by-numbers';
import type { Rule, RuleConfig } from './rules/types';
import { isOwnReportSheet } from './plans/marks';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot/types';

export interface ReviewOptions {
  /** Official catalogs imported by the user or bureau, laid over the built-in ones. */
  readonly catalogs?: readonly CatalogData[];
  readonly rules?: RuleConfig;
  /** Overrides the fiscal year read from the workbook. */
  readonly fiscalYear?: number;
  readonly ruleSet?: readonly Rule[];
}

export interface Review {
  readonly workbook: RecognisedWorkbook;
  readonly mapping: readonly MappedRow[];
  readonly catalogs: CatalogSet;
  readonly report: ReviewReport;
}

/** The whole pipeline: snapshot → tables → row codes → findings → report. Pure. */
export function reviewWorkbook(whole: WorkbookSnapshot, options: ReviewOptions = {}): Review {
  // The add-in's own 审核报告 sheets are not part of the disclosure.
  const snapshot = whole.sheets.some(isOwnReportSheet)
    ? { ...whole, sheets: whole.sheets.filter((s) => !isOwnReportSheet(s)) }
    : whole;
  const tablesOf = recogniseOnce();
  const withYear = (w: RecognisedWorkbook) => (options.fiscalYear ? { ...w, fiscalYear: options.fiscalYear } : w);
  const catalogs = withImported(builtInCatalogs(), options.catalogs ?? []);
  // A table continued on the next sheet is checked as one table; the report puts each address back on its sheet.
  const stitched = stitchContinuedSheets(snapshot, tablesOf);
  const read = stitched?.snapshot ?? snapshot;
  const rules = options.ruleSet ?? ALL_RULES;
  const workbook = typedByNumbers(withYear(recogniseWorkbook(read, tablesOf)), read, catalogs, rules);
  const mapping = mapRows(workbook, read.sheets, catalogs);
  // The document model, built once: every rule reads it, none reads a cell.
  const model = buildDocumentModel(read, workbook, mapping);
  const run = runRules(rules, { model, workbook, mapping, catalogs }, options.rules);
  // Hidden sheets are reviewed like the others; their tables say so.
  const hidden = new Set(snapshot.sheets.filter((s) => s.hidden).map((s) => s.name));
  const report = buildReport(workbook, mapping, run.findings, run);
  if (!stitched) return { workbook, mapping, catalogs, report: markHiddenSheets(report, hidden) };
  // Callers that write into the workbook (fill plans, forms) address the sheets as they are.
  const asIs = withTypesOf(withYear(recogniseWorkbook(snapshot, tablesOf)), workbook);
  return {
    workbook: asIs,
    mapping: mapRows(asIs, snapshot.sheets, catalogs),
    catalogs,
    report: markHiddenSheets(relocateReport(report, stitched), hidden),
  };
}

/** Tables typed by their numbers (type-by-numbers.ts), by the cross-table rules of the review. */
function typedByNumbers(
  workbook: RecognisedWorkbook,
  snapshot: WorkbookSnapshot,
  catalogs: CatalogSet,
  rules: readonly Rule[],
): RecognisedWorkbook {
  if (!workbook.tables.some((t) => t.typeCandidates)) return workbook;
  return typeByNumbers(
    workbook,
    snapshot,
    catalogs,
    rules.filter((r) => r.meta.id.startsWith('cross_table.')),
  );
}

/** The stitched review's decisions by numbers, on the tables of the sheets as they are (same ids). */
function withTypesOf(asIs: RecognisedWorkbook, decided: RecognisedWorkbook): RecognisedWorkbook {
  const byNumbers = new Map(decided.tables.filter((t) => t.typeSource === 'numbers').map((t) => [t.id, t.type]));
  if (!byNumbers.size) return asIs;
  return {
    ...asIs,
    tables: asIs.tables.map((t) => {
      const type = byNumbers.get(t.id);
      return type ? { ...t, type, typeSource: 'numbers' as const } : t;
    }),
  };
}

/** Each sheet is recognised once, however often stitching and the workbook ask for its tables. */
function recogniseOnce(): (sheet: SheetSnapshot) => RecognisedTable[] {
  const seen = new WeakMap<SheetSnapshot, RecognisedTable[]>();
  return (sheet) => {
    let tables = seen.get(sheet);
    if (!tables) seen.set(sheet, (tables = recogniseSheet(sheet)));
    return tables;
  };
}
