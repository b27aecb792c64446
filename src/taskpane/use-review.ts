import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import {
  type CatalogData,
  type BlankReason,
  type ProjectFacts,
  appendToUndoLog,
  skippedNotice,
  invertPlan,
  type SkippedWrite,
  type WritePlan,
  type ReviewReport,
} from '../core';
import { DEFAULT_SETTINGS, type Settings, type WorkbookPlatform } from '../platform/types';
import { inThreadEngine, type ReviewEngine } from './engine/engine';
import type { FormKind, Progress, ReviewSummary } from './engine/session';
import type { FindingFilter } from './finding-filter';
import type { Translate } from './i18n';

/**
 * The task pane's controller: scan (with progress and cancel), the summary of the review it produced, and the actions
 * that write into the workbook — each a write plan the review engine computes (in a worker where there is one),
 * applied by the platform, recorded so that it can be undone.
 */
export type Status =
  | { kind: 'idle' }
  | { kind: 'scanning'; done: number; total: number; label: string }
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

/** What the preview learns of each review: its summary, and the whole report on request (downloads). */
export type ReviewListener = (summary: ReviewSummary | null, report: () => Promise<ReviewReport>) => void;

const isCancel = (e: unknown) => e instanceof Error && e.name === 'ScanCancelled';

export function useReview(platform: WorkbookPlatform, t: Translate, onReview?: ReviewListener, given?: ReviewEngine) {
  const [engine] = useState<ReviewEngine>(() => given ?? inThreadEngine());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [summary, setSummaryState] = useState<ReviewSummary | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingInsert | null>(null);
  const [blanks, setBlanks] = useState<readonly BlankReason[]>([]);
  const [undoLog, setUndoLog] = useState<WritePlan[]>([]);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    void platform.loadSettings().then(setSettings);
    void platform.loadUndoLog().then(setUndoLog);
  }, [platform]);

  useEffect(() => () => engine.dispose(), [engine]);

  const setSummary = useCallback(
    (s: ReviewSummary | null) => {
      setSummaryState(s);
      onReview?.(s, () => engine.call('report'));
    },
    [engine, onReview],
  );

  const fail = useCallback(
    (e: unknown) => {
      setNotice({ intent: 'error', text: t('failed', { message: e instanceof Error ? e.message : String(e) }) });
    },
    [t],
  );

  const stageLabel = useCallback(
    (p: Progress) =>
      p.stage === 'read'
        ? t('stageRead', { file: p.detail ?? '' })
        : p.stage === 'review'
          ? t('stageReview')
          : t('stageReport'),
    [t],
  );

  /** Reads the workbook (unless the engine has its file) and reviews it; progress as the stages happen. */
  const readAndReview = useCallback(
    async (s: Settings, signal?: AbortSignal, progress = false) => {
      if (!engine.readsWorkbook) {
        const snap = await platform.readSnapshot({
          signal,
          onProgress: progress
            ? (done, total, sheet) => setStatus({ kind: 'scanning', done, total, label: t('reading', { sheet }) })
            : undefined,
        });
        await engine.load(snap);
      }
      return engine.review(
        s,
        progress
          ? (p) => setStatus({ kind: 'scanning', done: p.done, total: p.total, label: stageLabel(p) })
          : undefined,
      );
    },
    [engine, platform, t, stageLabel],
  );

  const scan = useCallback(async () => {
    const mine = (abort.current = new AbortController());
    setNotice(null);
    setStatus({ kind: 'scanning', done: 0, total: 0, label: t('starting') });
    try {
      const reviewed = await readAndReview(settings, mine.signal, true);
      if (abort.current === mine) abort.current = null;
      // The result (summary, tables, the list's first page after it) is drawn in a transition: React renders it in
      // slices and lets the page draw frames between them, instead of one long task when a large review lands.
      startTransition(() => {
        setSummary(reviewed);
        setStatus({ kind: 'ready' });
      });
    } catch (e) {
      if (abort.current === mine) abort.current = null;
      if (isCancel(e)) {
        // The engine let go of what it held: back to the start, saying so.
        setSummary(null);
        setStatus({ kind: 'idle' });
        setNotice({ intent: 'info', text: t('cancelled') });
      } else {
        setStatus(summary ? { kind: 'ready' } : { kind: 'idle' });
        fail(e);
      }
    }
  }, [settings, readAndReview, setSummary, summary, fail, t]);

  /** 取消 while the review runs; once its result is in (being drawn), there is nothing left to cancel. */
  const cancel = useCallback(() => {
    if (!abort.current) return;
    abort.current.abort();
    abort.current = null;
    engine.cancel();
  }, [engine]);

  /** Reviews again after a plan that changed the workbook's content (new sheets, filled cells), keeping the notice. */
  const refresh = useCallback(async () => {
    const reviewed = await readAndReview(settings);
    startTransition(() => setSummary(reviewed));
  }, [readAndReview, settings, setSummary]);

  const changesContent = (plan: WritePlan) =>
    plan.actions.some((a) => a.kind === 'add_sheet' || a.kind === 'set_values' || a.kind === 'delete_sheet');

  const perform = useCallback(
    async (plan: WritePlan, message: string, undoable = true) => {
      setStatus({ kind: 'busy' });
      try {
        const done = await platform.applyPlan(plan);
        if (engine.readsWorkbook) await engine.applied(done);
        let bounded: string | null = null;
        if (undoable) {
          const { log, notice } = appendToUndoLog(undoLog, done);
          bounded = notice;
          setUndoLog(log);
          await platform.saveUndoLog(log);
        }
        if (changesContent(plan)) await refresh();
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
    [platform, engine, undoLog, fail, refresh],
  );

  /** Asks the engine for a plan, then performs it; a failure to plan is a failure notice like any other. */
  const planned = useCallback(
    async <T>(make: () => Promise<T>): Promise<T | null> => {
      try {
        return await make();
      } catch (e) {
        fail(e);
        return null;
      }
    },
    [fail],
  );

  /** Marks exactly the findings listed (the pane's filter), so that what is coloured is what the user sees. */
  const mark = useCallback(
    async (filter: FindingFilter) => {
      if (!summary) return;
      let marks;
      try {
        marks = await engine.call('markPlan', filter, platform.language);
      } catch (e) {
        return fail(e);
      }
      if (!marks.n) return setNotice({ intent: 'info', text: t('nothingListed') });
      return perform(marks.plan, t('marked', { n: marks.n }));
    },
    [summary, engine, platform.language, perform, fail, t],
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

  const writeReport = useCallback(async () => {
    if (!summary) return;
    const plan = await planned(() => engine.call('reportSheetPlan', platform.language));
    if (!plan) return;
    const sheet = plan.actions[0]?.kind === 'add_sheet' ? plan.actions[0].sheet : '';
    return perform(plan, t('reported', { sheet }));
  }, [summary, planned, engine, perform, t, platform.language]);

  const fillCodes = useCallback(async () => {
    if (!summary) return;
    const plan = await planned(() => engine.call('fillCodesPlan'));
    if (!plan) return;
    const n = plan.actions.filter((a) => a.kind === 'set_values').length;
    // Two-sided summaries whose official form has no codes get no new column: say which, rather than nothing.
    const left = plan.withoutCodeColumn?.length ? t('noCodeColumn', { sheets: plan.withoutCodeColumn.join('、') }) : '';
    if (!n) return setNotice({ intent: 'info', text: `${t('nothingToFill')}${left}` });
    return perform(plan, `${t('filled', { n })}${left}`);
  }, [summary, planned, engine, perform, t]);

  /**
   * Inserts forms, unless a form of the same name is already there: then asks (pending) whether to update that sheet's
   * facts or add another sheet, rather than silently adding "(2)".
   */
  const insertOrAsk = useCallback(
    async (kind: FormKind, chosen: readonly ProjectFacts[], message: string) => {
      if (!summary) return;
      let plans;
      try {
        plans = await engine.call('insertPlans', kind, chosen);
      } catch (e) {
        return fail(e);
      }
      const { add, colliding, update } = plans;
      if (!colliding.length) return perform(add, message);
      setPending({
        sheets: colliding,
        update: () => {
          setPending(null);
          const n = update.actions.filter((a) => a.kind === 'set_values').length;
          if (!update.actions.length) return setNotice({ intent: 'info', text: t('formsUpToDate') });
          void perform(update, t('formsUpdated', { sheets: colliding.join('、'), n }));
        },
        add: () => {
          setPending(null);
          void perform(add, message);
        },
      });
    },
    [summary, engine, perform, fail, t],
  );

  const insertTargets = useCallback(
    (chosen: readonly ProjectFacts[]) =>
      chosen.length ? insertOrAsk('targets', chosen, t('targetsInserted', { n: chosen.length })) : undefined,
    [insertOrAsk, t],
  );

  const insertSelfEvaluations = useCallback(
    (chosen: readonly ProjectFacts[]) =>
      chosen.length ? insertOrAsk('selfEvaluations', chosen, t('selfEvalsInserted', { n: chosen.length })) : undefined,
    [insertOrAsk, t],
  );

  const insertDepartment = useCallback(() => insertOrAsk('department', [], t('departmentInserted')), [insertOrAsk, t]);

  const fillSelfEvaluation = useCallback(async () => {
    if (!summary) return;
    const plan = await planned(() => engine.call('fillSelfEvaluationPlan'));
    if (!plan) return;
    setBlanks(plan.blanks);
    const n = plan.actions.filter((a) => a.kind === 'set_values').length;
    if (!plan.actions.length) return setNotice({ intent: 'info', text: t('nothingToScore') });
    const left = plan.blanks.length ? t('leftBlank', { n: plan.blanks.length }) : '';
    return perform({ title: plan.title, actions: plan.actions }, [t('scored', { n }), left].filter(Boolean).join('；'));
  }, [summary, planned, engine, perform, t]);

  const undo = useCallback(async () => {
    const last = undoLog.at(-1);
    if (!last) return;
    setStatus({ kind: 'busy' });
    try {
      const inverse = invertPlan(last);
      const done = await platform.applyPlan(inverse);
      if (engine.readsWorkbook) await engine.applied(done);
      if (changesContent(inverse) && summary) await refresh();
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
  }, [undoLog, platform, engine, summary, fail, t, refresh]);

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
      if (summary)
        engine.review(next).then(
          (reviewed) => startTransition(() => setSummary(reviewed)),
          (e) => isCancel(e) || fail(e),
        );
    },
    [platform, engine, summary, setSummary, fail],
  );

  const importCatalogs = useCallback(
    (catalogs: readonly CatalogData[]) =>
      updateSettings({ ...settings, catalogs: [...settings.catalogs, ...catalogs] }),
    [settings, updateSettings],
  );

  return {
    engine,
    status,
    summary,
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
    projects: summary?.projects ?? [],
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
