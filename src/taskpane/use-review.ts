import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type CatalogData,
  planFillSelfEvaluation,
  type BlankReason,
  formsOf,
  targetsOfProjects,
  planSelfEvaluations,
  SELF_EVALUATION_HEAD_ROWS,
  collidingSheets,
  planUpdateExisting,
  DEPARTMENT_TARGETS_HEAD_ROWS,
  PROJECT_TARGETS_HEAD_ROWS,
  departmentOf,
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
  type ProjectFacts,
  planFillCodes,
  planMarks,
  planReportSheet,
  appendToUndoLog,
  skippedNotice,
  invertPlan,
  type SkippedWrite,
  type WritePlan,
  type ReportFinding,
  reviewWorkbook,
  type Review,
  type WorkbookSnapshot,
} from '../core';
import { DEFAULT_SETTINGS, type Settings, type WorkbookPlatform } from '../platform/types';
import { ruleTitles } from './finding-filter';
import type { Translate } from './i18n';

/**
 * The task pane's controller: scan (with progress and cancel), the review it produced, and the actions that write into
 * the workbook — each a write plan from the core, applied by the platform, recorded so that it can be undone.
 */
export type Status =
  | { kind: 'idle' }
  | { kind: 'scanning'; done: number; total: number; sheet: string }
  | { kind: 'ready' }
  | { kind: 'busy' };

export interface Notice {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly text: string;
}

/** A second insert waiting for the user: update the sheets already there, or add new ones. */
export interface PendingInsert {
  readonly sheets: readonly string[];
  readonly update: () => void;
  readonly add: () => void;
}

export function useReview(platform: WorkbookPlatform, t: Translate, onReview?: (review: Review | null) => void) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [review, setReview] = useState<Review | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingInsert | null>(null);
  const [blanks, setBlanks] = useState<readonly BlankReason[]>([]);
  const [undoLog, setUndoLog] = useState<WritePlan[]>([]);
  const snapshot = useRef<WorkbookSnapshot | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    void platform.loadSettings().then(setSettings);
    void platform.loadUndoLog().then(setUndoLog);
  }, [platform]);

  const fail = useCallback(
    (e: unknown) => {
      setNotice({ intent: 'error', text: t('failed', { message: e instanceof Error ? e.message : String(e) }) });
    },
    [t],
  );

  const runReview = useCallback(
    (snap: WorkbookSnapshot, s: Settings) => {
      const r = reviewWorkbook(snap, { rules: s.rules, catalogs: s.catalogs, fiscalYear: s.fiscalYear ?? undefined });
      setReview(r);
      onReview?.(r);
      return r;
    },
    [onReview],
  );

  const scan = useCallback(async () => {
    abort.current = new AbortController();
    setNotice(null);
    setStatus({ kind: 'scanning', done: 0, total: 0, sheet: '' });
    try {
      const snap = await platform.readSnapshot({
        signal: abort.current.signal,
        onProgress: (done, total, sheet) => setStatus({ kind: 'scanning', done, total, sheet }),
      });
      snapshot.current = snap;
      runReview(snap, settings);
      setStatus({ kind: 'ready' });
    } catch (e) {
      setStatus(review ? { kind: 'ready' } : { kind: 'idle' });
      if (e instanceof Error && e.name === 'ScanCancelled') setNotice({ intent: 'info', text: t('cancelled') });
      else fail(e);
    }
  }, [platform, settings, runReview, review, fail, t]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  /** Reads the workbook again after a plan that changed its content (new sheets, filled cells), keeping the notice. */
  const refresh = useCallback(async () => {
    const snap = await platform.readSnapshot({});
    snapshot.current = snap;
    runReview(snap, settings);
  }, [platform, runReview, settings]);

  const perform = useCallback(
    async (plan: WritePlan, message: string, undoable = true) => {
      setStatus({ kind: 'busy' });
      try {
        const done = await platform.applyPlan(plan);
        let bounded: string | null = null;
        if (undoable) {
          const { log, notice } = appendToUndoLog(undoLog, done);
          bounded = notice;
          setUndoLog(log);
          await platform.saveUndoLog(log);
        }
        if (plan.actions.some((a) => a.kind === 'add_sheet' || a.kind === 'set_values')) await refresh();
        const left = skippedNotice(done.skipped);
        setNotice({
          intent: left ? 'warning' : 'success',
          text: [message, left, bounded].filter(Boolean).join('；'),
        });
      } catch (e) {
        fail(e);
      } finally {
        setStatus({ kind: 'ready' });
      }
    },
    [platform, undoLog, fail, refresh],
  );

  /** Marks exactly the findings listed (the pane's filter), so that what is coloured is what the user sees. */
  const mark = useCallback(
    (listed: readonly ReportFinding[]) => {
      if (!review) return;
      if (!listed.length) return setNotice({ intent: 'info', text: t('nothingListed') });
      const plan = planMarks(listed, { includeInfo: true, context: review.report.findings });
      return perform(plan, t('marked', { n: listed.length }));
    },
    [review, perform, t],
  );

  /** Undoes every mark plan still in the log (newest first), restoring each cell's own fill. */
  const clearMarks = useCallback(async () => {
    const marks = undoLog.filter((p) => p.actions.some((a) => a.kind === 'set_fill'));
    if (!marks.length) return;
    setStatus({ kind: 'busy' });
    try {
      // Each plan on its own: one that cannot be undone (a deleted sheet) does not keep the others marked. A plan
      // applied, even with cells left as the user changed them, leaves the log; one that failed outright stays.
      const cleared: WritePlan[] = [];
      const skipped: SkippedWrite[] = [];
      let error: unknown = null;
      for (const p of [...marks].reverse()) {
        try {
          const done = await platform.applyPlan(invertPlan(p));
          skipped.push(...(done.skipped ?? []));
          cleared.push(p);
        } catch (e) {
          error ??= e;
        }
      }
      const log = undoLog.filter((p) => !cleared.includes(p));
      setUndoLog(log);
      await platform.saveUndoLog(log);
      if (error) throw error;
      const left = skippedNotice(skipped);
      setNotice({ intent: left ? 'warning' : 'success', text: [t('cleared'), left].filter(Boolean).join('；') });
    } catch (e) {
      fail(e);
    } finally {
      setStatus({ kind: 'ready' });
    }
  }, [undoLog, platform, fail, t]);

  const writeReport = useCallback(() => {
    if (!review || !snapshot.current) return;
    const plan = planReportSheet(
      review.report,
      snapshot.current.sheets.map((s) => s.name),
      ruleTitles(platform.language),
    );
    const sheet = plan.actions[0]?.kind === 'add_sheet' ? plan.actions[0].sheet : '';
    return perform(plan, t('reported', { sheet }));
  }, [review, perform, t, platform.language]);

  const fillCodes = useCallback(() => {
    if (!review || !snapshot.current) return;
    const plan = planFillCodes(snapshot.current, review.workbook, review.mapping);
    const n = plan.actions.filter((a) => a.kind === 'set_values').length;
    if (!n) return setNotice({ intent: 'info', text: t('nothingToFill') });
    return perform(plan, t('filled', { n }));
  }, [review, perform, t]);

  /** Projects of the 项目支出表, for the 绩效目标 panel. */
  const projects: ProjectFacts[] =
    review && snapshot.current ? projectsOf(snapshot.current, review.workbook, review.mapping) : [];

  /**
   * Inserts forms, unless a form of the same name is already there: then asks (pending) whether to update that sheet's
   * facts or add another sheet, rather than silently adding "(2)".
   */
  const insertOrAsk = useCallback(
    (make: (existing: readonly string[]) => WritePlan, headRows: number, message: string) => {
      const snap = snapshot.current;
      if (!snap) return;
      const names = snap.sheets.map((x) => x.name);
      const base = make([]);
      const colliding = collidingSheets(base, snap);
      if (!colliding.length) return perform(make(names), message);
      setPending({
        sheets: colliding,
        update: () => {
          setPending(null);
          const plan = planUpdateExisting(base, snap, headRows);
          const n = plan.actions.filter((a) => a.kind === 'set_values').length;
          if (!plan.actions.length) return setNotice({ intent: 'info', text: t('formsUpToDate') });
          void perform(plan, t('formsUpdated', { sheets: colliding.join('、'), n }));
        },
        add: () => {
          setPending(null);
          void perform(make(names), message);
        },
      });
    },
    [perform, t],
  );

  const insertTargets = useCallback(
    (chosen: readonly ProjectFacts[]) => {
      if (!review || !snapshot.current || !chosen.length) return;
      const department = departmentOf(snapshot.current, review.workbook).name;
      return insertOrAsk(
        (existingSheets) =>
          planProjectTargets(chosen, { year: review.workbook.fiscalYear, department, existingSheets }),
        PROJECT_TARGETS_HEAD_ROWS,
        t('targetsInserted', { n: chosen.length }),
      );
    },
    [review, insertOrAsk, t],
  );

  const insertSelfEvaluations = useCallback(
    (chosen: readonly ProjectFacts[]) => {
      if (!review || !snapshot.current || !chosen.length) return;
      const snap = snapshot.current;
      const pairs = targetsOfProjects(snap, formsOf(snap, review.workbook), chosen);
      const department = departmentOf(snap, review.workbook).name;
      return insertOrAsk(
        (existingSheets) =>
          planSelfEvaluations(pairs, { year: review.workbook.fiscalYear, department, existingSheets }),
        SELF_EVALUATION_HEAD_ROWS,
        t('selfEvalsInserted', { n: chosen.length }),
      );
    },
    [review, insertOrAsk, t],
  );

  const insertDepartment = useCallback(() => {
    if (!review || !snapshot.current) return;
    const dept = departmentOf(snapshot.current, review.workbook);
    const projects = projectsOf(snapshot.current, review.workbook, review.mapping);
    return insertOrAsk(
      (existingSheets) => planDepartmentTargets(dept, projects, { year: review.workbook.fiscalYear, existingSheets }),
      DEPARTMENT_TARGETS_HEAD_ROWS,
      t('departmentInserted'),
    );
  }, [review, insertOrAsk, t]);

  const fillSelfEvaluation = useCallback(() => {
    if (!review || !snapshot.current) return;
    const plan = planFillSelfEvaluation(snapshot.current, review.workbook);
    setBlanks(plan.blanks);
    const n = plan.actions.filter((a) => a.kind === 'set_values').length;
    if (!plan.actions.length) return setNotice({ intent: 'info', text: t('nothingToScore') });
    const left = plan.blanks.length ? t('leftBlank', { n: plan.blanks.length }) : '';
    return perform(plan, [t('scored', { n }), left].filter(Boolean).join('；'));
  }, [review, perform, t]);

  const undo = useCallback(async () => {
    const last = undoLog.at(-1);
    if (!last) return;
    setStatus({ kind: 'busy' });
    try {
      const inverse = invertPlan(last);
      const done = await platform.applyPlan(inverse);
      if (inverse.actions.some((a) => a.kind === 'delete_sheet' || a.kind === 'set_values')) await refresh();
      const log = undoLog.slice(0, -1);
      setUndoLog(log);
      await platform.saveUndoLog(log);
      const left = skippedNotice(done.skipped);
      setNotice({
        intent: left ? 'warning' : 'success',
        text: [t('undone', { title: last.title }), left].filter(Boolean).join('；'),
      });
    } catch (e) {
      fail(e);
    } finally {
      setStatus({ kind: 'ready' });
    }
  }, [undoLog, platform, fail, t, refresh]);

  const goTo = useCallback(
    (sheet: string, range: string) => {
      platform.applyPlan({ title: '定位', actions: [{ kind: 'select', sheet, range }] }).catch(fail);
    },
    [platform, fail],
  );

  const updateSettings = useCallback(
    (next: Settings) => {
      setSettings(next);
      void platform.saveSettings(next).catch(fail);
      if (snapshot.current) runReview(snapshot.current, next);
    },
    [platform, runReview, fail],
  );

  const importCatalogs = useCallback(
    (catalogs: readonly CatalogData[]) =>
      updateSettings({ ...settings, catalogs: [...settings.catalogs, ...catalogs] }),
    [settings, updateSettings],
  );

  return {
    status,
    review,
    settings,
    notice,
    pending,
    blanks,
    cancelPending: () => setPending(null),
    canUndo: undoLog.length > 0,
    hasMarks: undoLog.some((p) => p.actions.some((a) => a.kind === 'set_fill')),
    scan,
    cancel,
    mark,
    clearMarks,
    writeReport,
    fillCodes,
    projects,
    insertTargets,
    insertSelfEvaluations,
    insertDepartment,
    fillSelfEvaluation,
    undo,
    goTo,
    updateSettings,
    importCatalogs,
    fail,
    dismissNotice: () => setNotice(null),
  };
}

export type ReviewController = ReturnType<typeof useReview>;
