import { readXlsxSnapshot } from '../../adapters/xlsx/snapshot-reader';
import {
  planFillSelfEvaluation,
  type BlankReason,
  formsOf,
  targetsOfProjects,
  planSelfEvaluations,
  SELF_EVALUATION_HEAD_ROWS,
  DEPARTMENT_TARGETS_HEAD_ROWS,
  PROJECT_TARGETS_HEAD_ROWS,
  departmentOf,
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
  type ProjectFacts,
  collidingSheets,
  planUpdateExisting,
  applyPlanToSnapshot,
  planFillCodes,
  planMarks,
  planReportSheet,
  type WritePlan,
  type FillCodesPlan,
  type ReportFinding,
  type ReviewReport,
  type Severity,
  reviewWorkbook,
  type Review,
  type WorkbookSnapshot,
  type CatalogData,
  importCatalog,
  renderHtmlReport,
  TABLE_TYPE_NAMES,
} from '../../core';
import type { Settings } from '../../platform/types';
import { matching, ruleTitles, type FindingFilter } from '../finding-filter';
import { groupedListed, pageOf, PAGE_SIZE, type FindingsPage, type Progress, type ReviewSummary } from './pages';

export type { FindingsPage, Progress, ReviewStage, ReviewSummary } from './pages';
import type { Language } from '../i18n';

/**
 * The review side of the task pane: the workbook's snapshot, the review of it, and every question the pane asks of
 * them (a page of findings, a write plan). It runs in a Web Worker in the preview and in Excel (review-worker.ts), or
 * in the pane's own thread where no worker can start (tests, a host without workers). Only small answers leave it:
 * the summary, one page of findings, a plan — never the whole report, unless a download asks for it.
 */
/** A plan for forms, and what to do when sheets of those names are already there. */
export interface InsertPlans {
  readonly add: WritePlan;
  readonly colliding: readonly string[];
  readonly update: WritePlan;
}

export type FormKind = 'targets' | 'selfEvaluations' | 'department';

const cellsOf = (s: WorkbookSnapshot) => s.sheets.reduce((n, x) => n + x.rows.length * x.columnCount, 0);

export class ReviewSession {
  private snapshot: WorkbookSnapshot | null = null;
  private current: Review | null = null;
  private cache: { key: string; list: ReportFinding[] } | null = null;

  /** Reads .xlsx bytes (the preview's file) with the snapshot reader. */
  loadBytes(bytes: Uint8Array, name: string): void {
    this.load(readXlsxSnapshot(bytes, name));
  }

  load(snapshot: WorkbookSnapshot): void {
    this.snapshot = snapshot;
    this.current = null;
    this.cache = null;
  }

  hasSnapshot(): boolean {
    return this.snapshot !== null;
  }

  /** A plan the platform executed: the snapshot follows the workbook (values, sheets added or deleted). */
  applied(plan: WritePlan): void {
    if (
      this.snapshot &&
      plan.actions.some((a) => a.kind !== 'set_fill' && a.kind !== 'set_note' && a.kind !== 'select')
    )
      this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
  }

  review(settings: Settings, progress?: (p: Progress) => void): ReviewSummary {
    const snapshot = this.need();
    progress?.({ stage: 'review', done: 1, total: 3 });
    this.current = reviewWorkbook(snapshot, {
      rules: settings.rules,
      catalogs: settings.catalogs,
      fiscalYear: settings.fiscalYear ?? undefined,
    });
    this.cache = null;
    progress?.({ stage: 'report', done: 2, total: 3 });
    return this.summary();
  }

  summary(): ReviewSummary {
    const { report, workbook, mapping } = this.reviewed();
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) counts[f.severity]++;
    const snapshot = this.need();
    return {
      workbook: report.workbook,
      fiscalYear: report.fiscalYear,
      reportKind: report.reportKind,
      tables: report.tables,
      typeNames: Object.fromEntries(report.tables.map((t) => [t.type, TABLE_TYPE_NAMES[t.type] ?? t.type])),
      coverage: report.coverage,
      counts,
      total: report.findings.length,
      sheets: [...new Set(report.findings.map((f) => f.sheet))],
      rules: [...new Set(report.findings.map((f) => f.rule))],
      performanceFindings: report.findings.filter((f) => f.rule.startsWith('performance.')),
      projects: projectsOf(snapshot, workbook, mapping),
      cells: cellsOf(snapshot),
    };
  }

  /** The listed findings in display order (see groupedListed), kept for the pages of one filter. */
  listed(filter: FindingFilter, language: Language): ReportFinding[] {
    const key = JSON.stringify([filter, language]);
    if (this.cache?.key === key) return this.cache.list;
    const list = groupedListed(this.reviewed().report.findings, filter, language);
    this.cache = { key, list };
    return list;
  }

  page(filter: FindingFilter, language: Language, page: number, size = PAGE_SIZE): FindingsPage {
    const all = this.reviewed().report.findings;
    return pageOf(this.listed(filter, language), matching(all, filter, language), filter, page, size);
  }

  report(): ReviewReport {
    return this.reviewed().report;
  }

  /** The report as the HTML page the preview downloads, rules named by their Chinese titles. */
  htmlReport(): string {
    return renderHtmlReport(this.reviewed().report, ruleTitles());
  }

  /** The official catalogs in an .xlsx the user imports (科目表), read like a workbook under review. */
  importCatalog(bytes: Uint8Array, name: string): CatalogData[] {
    return importCatalog(readXlsxSnapshot(bytes, name), { source: `导入：${name}` }).catalogs;
  }

  /** Marks exactly what the filter lists, coloured in the light of every finding (the cross-table sides). */
  markPlan(filter: FindingFilter, language: Language): { plan: WritePlan; n: number } {
    const shown = this.listed(filter, language);
    return {
      plan: planMarks(shown, { includeInfo: true, context: this.reviewed().report.findings }),
      n: shown.length,
    };
  }

  reportSheetPlan(language: Language): WritePlan {
    return planReportSheet(
      this.reviewed().report,
      this.need().sheets.map((s) => s.name),
      ruleTitles(language),
    );
  }

  fillCodesPlan(): FillCodesPlan {
    const { workbook, mapping } = this.reviewed();
    return planFillCodes(this.need(), workbook, mapping);
  }

  /** The forms to insert for `chosen` projects (or the department), and the update of sheets already there. */
  insertPlans(kind: FormKind, chosen: readonly ProjectFacts[]): InsertPlans {
    const snap = this.need();
    const { workbook, mapping } = this.reviewed();
    const year = workbook.fiscalYear;
    const department = departmentOf(snap, workbook);
    let make: (existingSheets: readonly string[]) => WritePlan;
    let headRows: number;
    if (kind === 'targets') {
      make = (existingSheets) => planProjectTargets(chosen, { year, department: department.name, existingSheets });
      headRows = PROJECT_TARGETS_HEAD_ROWS;
    } else if (kind === 'selfEvaluations') {
      const pairs = targetsOfProjects(snap, formsOf(snap, workbook), chosen);
      make = (existingSheets) => planSelfEvaluations(pairs, { year, department: department.name, existingSheets });
      headRows = SELF_EVALUATION_HEAD_ROWS;
    } else {
      const projects = projectsOf(snap, workbook, mapping);
      make = (existingSheets) => planDepartmentTargets(department, projects, { year, existingSheets });
      headRows = DEPARTMENT_TARGETS_HEAD_ROWS;
    }
    const base = make([]);
    const colliding = collidingSheets(base, snap);
    return {
      add: make(snap.sheets.map((s) => s.name)),
      colliding,
      update: colliding.length ? planUpdateExisting(base, snap, headRows) : { title: base.title, actions: [] },
    };
  }

  fillSelfEvaluationPlan(): WritePlan & { readonly blanks: readonly BlankReason[] } {
    return planFillSelfEvaluation(this.need(), this.reviewed().workbook);
  }

  private need(): WorkbookSnapshot {
    if (!this.snapshot) throw new Error('工作簿尚未读取，请先扫描工作簿。');
    return this.snapshot;
  }

  private reviewed(): Review {
    if (!this.current) throw new Error('工作簿尚未审核，请先扫描工作簿。');
    return this.current;
  }
}

/** The session's methods a pane may call, by name (what the worker answers). */
export type SessionMethod = Exclude<keyof ReviewSession, 'review'>;
