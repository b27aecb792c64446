import type { Settings } from '../../platform/types';
import { type WorkbookSnapshot, type WritePlan } from '../../core';
import type { Progress, ReviewSummary } from './pages';
import type { ReviewSession, SessionMethod } from './session';

/**
 * Where the review runs, seen from the pane: every answer is a promise. Two kinds —
 * - a Web Worker (the preview and Excel): the pane's thread only sends questions and renders answers, so the page
 *   keeps drawing while a large workbook is reviewed, and 取消 ends the worker at once;
 * - the pane's own thread (tests, a host that cannot start a worker): work is cut at the stages with an `await`
 *   between them, so the progress shows and clicks are handled between stages.
 */
export type SessionCall = <M extends SessionMethod>(
  method: M,
  ...args: Parameters<ReviewSession[M]>
) => Promise<ReturnType<ReviewSession[M]>>;

export interface ReviewEngine {
  /** True when the engine has the workbook's file and reads it itself (the preview); else the pane loads a snapshot. */
  readonly readsWorkbook: boolean;
  load(snapshot: WorkbookSnapshot): Promise<void>;
  review(settings: Settings, onProgress?: (p: Progress) => void): Promise<ReviewSummary>;
  call: SessionCall;
  /** A plan the platform executed, for the engine's snapshot to follow the workbook. */
  applied(plan: WritePlan): Promise<void>;
  /** Stops what is under way; pending answers reject with a ScanCancelled error, and what the engine held is gone. */
  cancel(): void;
  dispose(): void;
}

export const cancelledError = () => Object.assign(new Error('已取消审核'), { name: 'ScanCancelled' });

/** Lets the browser draw and handle input before the next piece of work. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface WorkbookFile {
  readonly bytes: Uint8Array;
  readonly name: string;
}

/**
 * The review in the pane's own thread, with an `await` between stages. The session (and with it the rules, catalogs
 * and readers) is loaded on the first question, so a page whose review runs in a worker does not carry it.
 */
export function inThreadEngine(file?: WorkbookFile): ReviewEngine {
  let session: Promise<ReviewSession> | null = null;
  const current = () => (session ??= import('./session').then((m) => new m.ReviewSession()));
  let generation = 0;
  const guard = async <T>(work: (session: ReviewSession) => T): Promise<T> => {
    const mine = generation;
    const s = await current();
    await yieldToPage();
    if (mine !== generation) throw cancelledError();
    const result = work(s);
    if (mine !== generation) throw cancelledError();
    return result;
  };
  const applied: WritePlan[] = [];
  return {
    readsWorkbook: !!file,
    load: (snapshot) => guard((s) => s.load(snapshot)),
    async review(settings, onProgress) {
      if (file && !(await current()).hasSnapshot()) {
        onProgress?.({ stage: 'read', done: 0, total: 3, detail: file.name });
        await guard((s) => {
          s.loadBytes(file.bytes, file.name);
          for (const p of applied) s.applied(p);
        });
      }
      onProgress?.({ stage: 'review', done: 1, total: 3 });
      return guard((s) => s.review(settings, onProgress));
    },
    call: ((method: SessionMethod, ...args: unknown[]) =>
      guard((s) => (s[method] as (...a: unknown[]) => unknown).apply(s, args))) as SessionCall,
    async applied(plan) {
      if (file) applied.push(plan);
      (await current()).applied(plan);
    },
    cancel() {
      generation++;
      session = null;
    },
    dispose() {
      generation++;
    },
  };
}

/** Request ids, unique across engines: a worker handed to the next file's engine may still answer the last one's. */
let nextRequest = 1;

type Reply =
  | { id: number; progress: Progress }
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string } };

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (p: Progress) => void;
}

/**
 * The review in a Web Worker (review-worker.ts). The worker is started on the first question (or taken warm from the
 * page: `spawn` may hand over one started at load); 取消 terminates it and the next question starts a fresh one (with
 * the file and the plans applied since, when the engine has the file). With `eager`, the worker reads the file at
 * once; with `release`, a disposed engine hands its worker back instead of ending it (the next file's engine reuses
 * it). A worker that cannot start at all (a host without workers, a blocked script) hands over to the pane's thread.
 */
export function workerEngine(
  spawn: () => Worker,
  file?: WorkbookFile,
  options: { readonly eager?: boolean; readonly release?: (worker: Worker) => void } = {},
): ReviewEngine {
  let worker: Worker | null = null;
  let loaded = false;
  let loading: Promise<void> | null = null;
  let answered = false;
  let fallback: ReviewEngine | null = null;
  const pending = new Map<number, Pending>();
  const applied: WritePlan[] = [];

  const rejectAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
    loaded = false;
    loading = null;
  };
  const ensure = (): Worker | null => {
    if (fallback) return null;
    if (worker) return worker;
    try {
      worker = spawn();
    } catch {
      fallback = inThreadEngine(file);
      return null;
    }
    worker.onmessage = (e: MessageEvent<Reply>) => {
      answered = true;
      const msg = e.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if ('progress' in msg) return p.progress?.(msg.progress);
      pending.delete(msg.id);
      if ('result' in msg) p.resolve(msg.result);
      else p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      const never = !answered;
      stop();
      if (never) fallback = inThreadEngine(file);
      rejectAll(new Error(never ? '审核程序未能在后台启动，请重新扫描。' : `审核程序出错：${e.message ?? ''}`));
    };
    return worker;
  };
  const ask = (method: string, args: unknown[], progress?: (p: Progress) => void): Promise<unknown> => {
    const w = ensure();
    if (!w) return Promise.reject(new Error('worker unavailable'));
    const id = nextRequest++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, progress });
      w.postMessage({ id, method, args });
    });
  };
  /** The worker reads the file (once; again after 取消), then the plans applied since. */
  const loadFile = (onProgress?: (p: Progress) => void): Promise<void> =>
    (loading ??= (async () => {
      const f = file as WorkbookFile;
      // A copy: the preview keeps its bytes for a worker started after 取消.
      await ask('loadBytes', [f.bytes.slice(), f.name], onProgress);
      for (const p of applied) await ask('applied', [p]);
      loaded = true;
    })().catch((e: unknown) => {
      loading = null;
      throw e;
    }));
  /** The fallback engine, brought up to date with the file and the plans applied so far. */
  const viaFallback = () => {
    ensure();
    return fallback;
  };

  const engine: ReviewEngine = {
    readsWorkbook: !!file,
    async load(snapshot) {
      const f = viaFallback();
      if (f) return f.load(snapshot);
      await ask('load', [snapshot]);
      loaded = true;
    },
    async review(settings, onProgress) {
      const f = viaFallback();
      if (f) {
        for (const p of applied.splice(0)) await f.applied(p);
        return f.review(settings, onProgress);
      }
      if (file && !loaded) {
        onProgress?.({ stage: 'read', done: 0, total: 3, detail: file.name });
        await loadFile(onProgress);
      }
      return (await ask('review', [settings], onProgress)) as ReviewSummary;
    },
    call: (async (method: SessionMethod, ...args: unknown[]) => {
      const f = viaFallback();
      if (f) return (f.call as (m: SessionMethod, ...a: unknown[]) => Promise<unknown>)(method, ...args);
      return ask(method, args);
    }) as SessionCall,
    async applied(plan) {
      const f = viaFallback();
      if (f) return f.applied(plan);
      if (file) applied.push(plan);
      if (worker && loaded) await ask('applied', [plan]);
    },
    cancel() {
      fallback?.cancel();
      stop();
      rejectAll(cancelledError());
    },
    dispose() {
      if (worker && options.release) {
        options.release(worker);
        worker = null;
      }
      stop();
      pending.clear();
    },
  };
  // Read as soon as the file is there, while the user looks at it: 扫描工作簿 then only reviews.
  if (file && options.eager) void loadFile().catch(() => undefined);
  return engine;
}
