import { columnLetter, rangeAddress } from '../snapshot/address';
import type { MappedRow } from '../mapping/map-rows';
import type { RecognisedWorkbook } from '../recognition/model';

/** The JSON review report, format version 1 (see the report-format spec): a public, versioned interface. */
export const REPORT_FORMAT_VERSION = 1;

export type Severity = 'error' | 'warning' | 'info';

export interface ReportColumn {
  column: string;
  role: string;
  label: string;
  block?: number;
  part?: string;
}

/** How a table was read, and whether its own identities confirm the reading. */
export interface ReportStructure {
  /** False: the reading could not be confirmed by the numbers; the table's identities are not checked. */
  confirmed: boolean;
  /** The reading taken, in words. */
  reading: string;
  /** The table's own identities under that reading. */
  identities: { closed: number; failed: number };
  /** Other readings tried. */
  alternatives: number;
}

export type NotCheckedReason =
  | 'table_missing'
  | 'table_unknown_type'
  | 'column_not_found'
  | 'structure_unconfirmed'
  | 'formula_not_calculated'
  | 'blank'
  | 'rule_off'
  | 'other';

export interface ReportNotChecked {
  rule: string;
  sheet?: string;
  reason: NotCheckedReason;
  message: string;
  /** Identities this entry stands for, when more than one. */
  count?: number;
}

/** What the review checked and what it could not: "unresolved is never a pass". */
export interface ReportCoverage {
  identities: { closed: number; failed: number; notChecked: number };
  notChecked: ReportNotChecked[];
}

export interface ReportTable {
  sheet: string;
  range: string;
  type: string;
  title: string | null;
  unit: string | null;
  headerRows: [number, number];
  dataRows: [number, number] | null;
  columns: ReportColumn[];
  structure?: ReportStructure;
  /** The table is on a hidden sheet: reviewed like the others, shown as 隐藏工作表. */
  hidden?: true;
}

export interface ReportRow {
  sheet: string;
  row: number;
  column: string;
  code: string;
  classification: string;
  name: string | null;
  source: 'cell' | 'inferred';
  confidence: number;
}

export interface ReportFinding {
  rule: string;
  /** Which of the rule's messages this is (its `meta.messages` id, docs/rules.md); absent in older reports. */
  messageId?: string;
  severity: Severity;
  sheet: string;
  cells: string[];
  message: string;
  expected?: string;
  actual?: string;
  difference?: string;
}

export interface ReviewReport {
  formatVersion: number;
  workbook: string;
  fiscalYear: number | null;
  reportKind: 'budget' | 'final' | null;
  tables: ReportTable[];
  rows: ReportRow[];
  findings: ReportFinding[];
  coverage?: ReportCoverage;
}

export function buildReport(
  workbook: RecognisedWorkbook,
  mapping: readonly MappedRow[],
  findings: ReportFinding[] = [],
  checked?: { coverage: ReportCoverage; structures: ReadonlyMap<string, ReportStructure> },
): ReviewReport {
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    workbook: workbook.name,
    fiscalYear: workbook.fiscalYear,
    reportKind: workbook.reportKind,
    tables: workbook.tables.map((t) => ({
      sheet: t.sheet,
      range: rangeAddress(t.range),
      type: t.type,
      title: t.title,
      unit: t.unit,
      headerRows: [t.headerRows[0] + 1, t.headerRows[1] + 1],
      dataRows: t.dataRows ? [t.dataRows[0] + 1, t.dataRows[1] + 1] : null,
      columns: t.columns
        .filter((c) => c.role !== 'empty')
        .map((c) => ({
          column: columnLetter(c.col),
          role: c.role,
          label: c.label,
          ...(c.block > 0 ? { block: c.block } : {}),
          ...(c.part ? { part: c.part } : {}),
        })),
      ...(checked?.structures.has(t.id) ? { structure: checked.structures.get(t.id) as ReportStructure } : {}),
    })),
    rows: mapping.map((m) => ({
      sheet: m.sheet,
      row: m.row + 1,
      column: columnLetter(m.col),
      code: m.code,
      classification: m.classification,
      name: m.name,
      source: m.source,
      confidence: Math.round(m.confidence * 100) / 100,
    })),
    findings,
    ...(checked ? { coverage: checked.coverage } : {}),
  };
}

/** How reports name a hidden sheet next to its name. */
export const HIDDEN_SHEET_LABEL = '隐藏工作表';

/** Marks the tables of hidden sheets (`hidden: true`): they are reviewed like the others, and shown as hidden. */
export function markHiddenSheets(report: ReviewReport, hidden: ReadonlySet<string>): ReviewReport {
  if (!hidden.size) return report;
  return { ...report, tables: report.tables.map((t) => (hidden.has(t.sheet) ? { ...t, hidden: true } : t)) };
}
