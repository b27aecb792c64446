import type Decimal from 'decimal.js';
import type { CatalogSet } from '../catalog/catalog';
import type { MappedRow } from '../mapping/map-rows';
import type { RecognisedWorkbook } from '../recognition/model';
import type { TableType } from '../recognition/table-type';
import type { NotCheckedReason, ReportFinding, Severity } from '../report/report';
import type { DocumentModel } from '../model';

/** Text in both UI languages. */
export interface LocalText {
  readonly zh: string;
  readonly en: string;
}

/**
 * The kinds of finding a rule reports, by message id (ESLint's `meta.messages`): each names in both UI languages what
 * a finding with that id says. The message itself stays the Chinese sentence the rule writes with the figures; the id
 * lets the report, the pane and a translation name the kind of finding without parsing the sentence.
 */
export type RuleMessages = Readonly<Record<string, LocalText>>;

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
  /** Every message id the rule's findings carry (`FindingDraft.messageId`); the engine refuses any other. */
  readonly messages: RuleMessages;
  readonly params?: Readonly<Record<string, RuleParam>>;
}

/** A finding as a rule reports it; severity defaults to the rule's configured severity. */
export interface FindingDraft {
  /** Set when the evidence is weaker than the rule's default (an unverified catalog entry → info). */
  readonly severity?: Severity;
  readonly sheet: string;
  /** A1 addresses, the cell in question (the total) first. */
  readonly cells: readonly string[];
  /** Which of its rule's `meta.messages` this finding is. */
  readonly messageId: string;
  /** The Chinese sentence the user reads, with the figures. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
}

/**
 * One identity a rule checked (a sum, a balance, a cross-table equality), for the coverage ledger and for confirming a
 * table's reading by its numbers. `closed`: it holds, exactly or within display rounding; `failed`: it does not.
 */
export interface IdentityDraft {
  /** Ids of the tables the identity reads: one for a table's own identity, two for a cross-table one. */
  readonly tables: readonly string[];
  /** The sheet of the first cell. */
  readonly sheet: string;
  /** A1 addresses, the total (or first compared value) first; `sheet!A1` for a cell on another sheet. */
  readonly cells: readonly string[];
  readonly status: 'closed' | 'failed';
  /**
   * For a failed identity: the change of each cell (as listed in `cells`) that would alone close it, and the
   * rounding envelope. Tells one wrong cell (a change shared by all failures) from a misread table.
   */
  readonly corrections?: readonly (Decimal | null)[];
  readonly envelope?: Decimal;
  /** The finding that reports this identity (its failure, or a difference within rounding). */
  readonly finding?: FindingDraft;
}

/** An identity (or a group of them) the rule meant to check but could not, and why. */
export interface NotCheckedDraft {
  readonly sheet?: string;
  /** Ids of the tables concerned, when known (a table_missing entry names the table that is present). */
  readonly tables?: readonly string[];
  readonly reason: NotCheckedReason;
  /** In Chinese, what was not checked and why ("未找到“基本支出”列，未核对基本支出表合计"). */
  readonly message: string;
  /** Identities this entry stands for (default 1). */
  readonly count?: number;
}

export interface RuleContext {
  /** The document, built once: tables, rows, amounts, texts, forms. A rule reads this, never a cell. */
  readonly model: DocumentModel;
  /** The model's recognised tables (`model.workbook`). */
  readonly workbook: RecognisedWorkbook;
  /** The model's row codes (`model.mapping`). */
  readonly mapping: readonly MappedRow[];
  readonly catalogs: CatalogSet;
  /** The rule's parameters: its defaults overlaid with the configuration. */
  readonly params: Readonly<Record<string, number | string | boolean>>;
  /** A finding that is not the outcome of an identity (a code, a format, a missing table). */
  report(finding: FindingDraft): void;
  /** Records an identity as checked; its finding, if any, is reported unless the table's reading is unconfirmed. */
  identity(identity: IdentityDraft): void;
  /** Records an identity the rule could not check, with the reason. */
  notChecked(entry: NotCheckedDraft): void;
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

export type { NotCheckedReason, ReportFinding, Severity };
