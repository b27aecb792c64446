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
import { prepareFor } from './tuning';
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
 * One workbook's outcome, everything the main thread prints and writes: the report (in process the object, from a
 * worker thread its JSON), the console text, the HTML page; or why the file could not be read (unreadable), or the
 * error its review ended in (failed: a fault of ours, not of the file — the batch goes on).
 */
export type Outcome = Reviewed | NotReviewed;

export interface NotReviewed {
  readonly kind: 'unreadable' | 'failed';
  readonly message: string;
  readonly reviewedAt: number;
}

export type Reviewed =
  | (ReviewedCommon & { readonly report: ReviewReport; readonly json?: undefined })
  | (ReviewedCommon & { readonly report?: undefined; readonly json: string });

interface ReviewedCommon {
  readonly kind: 'reviewed';
  readonly html?: string;
  readonly console: string;
  readonly department: string | null;
  readonly units: readonly string[];
  readonly reviewedAt: number;
}

/** The report as written to disk (indented by one space): made only when a report file is asked for or it is posted. */
export const jsonOf = (o: Reviewed): string => o.json ?? JSON.stringify(o.report, null, 1);

/** The report: in process the object itself, from a worker thread read back from its JSON. */
export const reportOf = (o: Reviewed): ReviewReport => o.report ?? (JSON.parse(o.json) as ReviewReport);

/** A worker's outcome travels as JSON (structured cloning of the report object would cost more than its text). */
export const forPosting = (o: Outcome): Outcome =>
  o.kind === 'reviewed' && o.report ? { ...o, report: undefined, json: jsonOf(o) } : o;

/** Reviews one workbook; an unreadable file is an outcome, and so is any other exception the review throws. */
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
      html: settings.htmlTitles ? renderHtmlReport(report, settings.htmlTitles) : undefined,
      console: summarise(workbook, report, { verbose: settings.verbose, department }),
      department,
      units,
      reviewedAt: Date.now(),
    };
  } catch (e) {
    if (e instanceof InputError) return { kind: 'unreadable', message: e.message, reviewedAt: Date.now() };
    return failedReview(e);
  }
}

/** A review that threw: its error's message (a stack is for a developer, who can rerun the one workbook). */
export const failedReview = (e: unknown): NotReviewed => ({
  kind: 'failed',
  message: e instanceof Error ? e.message : String(e),
  reviewedAt: Date.now(),
});
