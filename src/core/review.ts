import { builtInCatalogs, withImported, type CatalogData, type CatalogSet } from './catalog/catalog';
import { mapRows, type MappedRow } from './mapping/map-rows';
import type { RecognisedWorkbook } from './recognition/model';
import { recogniseWorkbook } from './recognition/recognise';
import { buildReport, type ReviewReport } from './report/report';
import { ALL_RULES } from './rules/registry';
import { runRules } from './rules/run';
import type { Rule, RuleConfig } from './rules/types';
import { isOwnReportSheet } from './plans/marks';
import type { WorkbookSnapshot } from './snapshot/types';

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
  const recognised = recogniseWorkbook(snapshot);
  const workbook = options.fiscalYear ? { ...recognised, fiscalYear: options.fiscalYear } : recognised;
  const catalogs = withImported(builtInCatalogs(), options.catalogs ?? []);
  const mapping = mapRows(workbook, snapshot.sheets, catalogs);
  const run = runRules(options.ruleSet ?? ALL_RULES, { snapshot, workbook, mapping, catalogs }, options.rules);
  return { workbook, mapping, catalogs, report: buildReport(workbook, mapping, run.findings, run) };
}
