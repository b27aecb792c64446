import { InputError } from '../adapters/xlsx/input-error';
import { readWorkbookFile } from '../adapters/xlsx/read-file';
import {
  type CatalogData,
  organisationOf,
  renderHtmlReport,
  reviewWorkbook,
  type ReviewReport,
  type RuleConfig,
} from '../core';
import { prepareFor } from './memory';
import { summarise } from './summary';

/** What every workbook of one `check` call is reviewed with (plain data: it is copied to each worker thread). */
export interface ReviewSettings {
  readonly catalogs: readonly CatalogData[];
  readonly year?: number;
  readonly rules: RuleConfig;
  readonly verbose: boolean;
  /** Rule titles for the HTML report; absent when no HTML report is asked for. */
  readonly htmlTitles?: Readonly<Record<string, string>>;
}

/**
 * One workbook's outcome, everything the main thread prints and writes: the report as the JSON written to disk (the
 * batch overview reads its counts back from it), the console text, the HTML page, or why the file could not be read.
 */
export type Outcome =
  | {
      readonly kind: 'reviewed';
      /** The report itself, in process only (a worker's outcome leaves it out: its JSON is read back instead). */
      readonly report?: ReviewReport;
      readonly json: string;
      readonly html?: string;
      readonly console: string;
      readonly department: string | null;
      readonly units: readonly string[];
      readonly reviewedAt: number;
    }
  | { readonly kind: 'unreadable'; readonly message: string; readonly reviewedAt: number };

/** Reviews one workbook; an unreadable file is an outcome, any other exception is thrown. */
export async function reviewOne(file: string, settings: ReviewSettings): Promise<Outcome> {
  try {
    prepareFor(file);
    const snapshot = await readWorkbookFile(file);
    const { catalogs, year: fiscalYear, rules } = settings;
    const { workbook, report } = reviewWorkbook(snapshot, { catalogs, fiscalYear, rules });
    const { department, units } = organisationOf(snapshot, workbook);
    return {
      kind: 'reviewed',
      report,
      json: JSON.stringify(report, null, 1),
      html: settings.htmlTitles ? renderHtmlReport(report, settings.htmlTitles) : undefined,
      console: summarise(workbook, report, { verbose: settings.verbose, department }),
      department,
      units,
      reviewedAt: Date.now(),
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: 'unreadable', message: e.message, reviewedAt: Date.now() };
  }
}
