import type { CatalogSet } from '../catalog/catalog';
import type { MappedRow } from '../mapping/map-rows';
import type { RecognisedWorkbook } from '../recognition/model';
import type { TableType } from '../recognition/table-type';
import type { ReportFinding, Severity } from '../report/report';
import type { WorkbookSnapshot } from '../snapshot/types';

/** Text in both UI languages. */
export interface LocalText {
  readonly zh: string;
  readonly en: string;
}

export interface RuleParam {
  readonly default: number | string | boolean;
  readonly description: LocalText;
}

/** What a rule is, for the engine, the settings pane and the generated rule catalogue. */
export interface RuleMeta {
  /** `family.name`, the family being one of the report format's rule families. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly title: LocalText;
  readonly description: LocalText;
  /** The identity or condition checked, as a formula or sentence. */
  readonly formula: string;
  /** A finding as the rule writes it. */
  readonly example: string;
  readonly appliesTo: readonly TableType[] | 'all';
  readonly params?: Readonly<Record<string, RuleParam>>;
}

/** A finding as a rule reports it; severity defaults to the rule's configured severity. */
export interface FindingDraft {
  /** Set when the evidence is weaker than the rule's default (an unverified catalog entry → info). */
  readonly severity?: Severity;
  readonly sheet: string;
  /** A1 addresses, the cell in question (the total) first. */
  readonly cells: readonly string[];
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
}

export interface RuleContext {
  readonly snapshot: WorkbookSnapshot;
  readonly workbook: RecognisedWorkbook;
  readonly mapping: readonly MappedRow[];
  readonly catalogs: CatalogSet;
  /** The rule's parameters: its defaults overlaid with the configuration. */
  readonly params: Readonly<Record<string, number | string | boolean>>;
  report(finding: FindingDraft): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Per-rule configuration: off, a severity, or a severity with parameters. */
export type RuleSetting =
  | 'off'
  | Severity
  | { readonly severity?: Severity | 'off'; readonly params?: Record<string, number | string | boolean> };

export type RuleConfig = Readonly<Record<string, RuleSetting>>;

export type { ReportFinding, Severity };
