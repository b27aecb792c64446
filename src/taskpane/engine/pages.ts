import {
  type ProjectFacts,
  type ReportCoverage,
  type ReportFinding,
  type ReviewReport,
  type Severity,
} from '../../core';
import { listed, matching, type FindingFilter } from '../finding-filter';
import type { Language } from '../i18n';

/** Pages of the findings list: the engine serves one page at a time, the pane renders only that page. */
export const PAGE_SIZE = 50;

/** Which stage a review is at, as the worker reports it. */
export type ReviewStage = 'read' | 'review' | 'report';

export interface Progress {
  readonly stage: ReviewStage;
  /** Stages done of `total` (0-based step, then total). */
  readonly done: number;
  readonly total: number;
  /** What is being read (a file name), when known. */
  readonly detail?: string;
}

export interface ReviewSummary {
  readonly workbook: string;
  readonly fiscalYear: number | null;
  readonly reportKind: ReviewReport['reportKind'];
  readonly tables: ReviewReport['tables'];
  /** The Chinese name of each table type in `tables` (the engine's vocabulary stays with the engine). */
  readonly typeNames: Readonly<Record<string, string>>;
  readonly coverage?: ReportCoverage;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly total: number;
  /** Sheets and rules that have findings, in the report's order (the filter's choices). */
  readonly sheets: readonly string[];
  readonly rules: readonly string[];
  readonly performanceFindings: readonly ReportFinding[];
  readonly projects: readonly ProjectFacts[];
  readonly cells: number;
}

export interface FindingsPage {
  readonly items: readonly ReportFinding[];
  /** Findings the filter lists (all pages). */
  readonly listed: number;
  /** Per severity, findings that pass every filter but the severity buttons (what the buttons count). */
  readonly counts: Readonly<Record<Severity, number>>;
  readonly page: number;
  readonly pages: number;
  /** Sizes of the groups this page shows (a group may start on an earlier page). */
  readonly groups: Readonly<Record<string, number>>;
}

/** The key a finding is grouped under in the list (severity and rule, or sheet). */
export const groupKey = (f: ReportFinding, sort: FindingFilter['sort']) =>
  sort === 'sheet' ? `sheet|${f.sheet}` : `${f.severity}|${f.rule}`;

/** The listed findings in display order: severity and rule groups (or sheets) in the order they first appear. */
export function groupedListed(
  findings: readonly ReportFinding[],
  filter: FindingFilter,
  language: Language,
): ReportFinding[] {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of listed(findings, filter, language)) {
    const k = groupKey(f, filter.sort);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  return [...groups.values()].flat();
}

/** One page of `all` (the listed findings in display order); `candidates` are what the severity buttons count. */
export function pageOf(
  all: readonly ReportFinding[],
  candidates: readonly ReportFinding[],
  filter: FindingFilter,
  page: number,
  size = PAGE_SIZE,
): FindingsPage {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of candidates) counts[f.severity]++;
  const pages = Math.max(1, Math.ceil(all.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  const items = all.slice(at * size, (at + 1) * size);
  const wanted = new Set(items.map((f) => groupKey(f, filter.sort)));
  const groups: Record<string, number> = {};
  for (const f of all) {
    const k = groupKey(f, filter.sort);
    if (wanted.has(k)) groups[k] = (groups[k] ?? 0) + 1;
  }
  return { items, listed: all.length, counts, page: at, pages, groups };
}

/** A page of findings held in the pane (the 绩效 tab's few), computed as the engine computes its pages. */
export const localPage = (
  findings: readonly ReportFinding[],
  filter: FindingFilter,
  language: Language,
  page: number,
  size = PAGE_SIZE,
) => pageOf(groupedListed(findings, filter, language), matching(findings, filter, language), filter, page, size);
