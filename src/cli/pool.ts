import { availableParallelism, totalmem } from 'node:os';
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { InputFile } from './inputs';
import { failedReview, forPosting, reviewOne, type Outcome, type ReviewSettings } from './review-one';

/**
 * A batch on worker threads. One call over a folder stays the way to review many workbooks (a process per workbook
 * pays Node's start-up and the bundle's evaluation each time); with more than two cores the reviews run on a pool of
 * worker threads, each reading and reviewing one workbook at a time and handing back its outcome. The main thread
 * prints and writes the outcomes in input order, exactly as a review in process does.
 */
const WORKER_ROLE = 'budget-review/review-worker';
const MAX_JOBS = 8;
const MiB = 2 ** 20;

/**
 * How many workbooks are reviewed at once: `--jobs N` as given, else one fewer than the cores (at most 8) when there
 * are more than two, else 1 (in process); never more than there are files.
 */
export function jobsFor(files: number, requested?: number, cores = availableParallelism()): number {
  const wanted = requested ?? (cores > 2 ? Math.min(cores - 1, MAX_JOBS) : 1);
  return Math.max(1, Math.min(wanted, files));
}

/**
 * Workers run the CLI's own bundle (dist/cli/budget-review.cjs, which serves reviews when started as a worker);
 * from the TypeScript sources (tests, tsx) there is no file a worker could load, and the batch runs in process.
 */
export function workerScript(): string | null {
  return /\.c?js$/.test(__filename) ? __filename : null;
}

export const isReviewWorker = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { role?: unknown }).role === WORKER_ROLE;

/**
 * Each worker's old generation: an even share of three quarters of the machine's memory, at least 512 MiB and at most
 * what the main thread itself may use. A worker that runs out is stopped by V8 (the process lives on) and its workbook
 * is reported as not reviewed.
 */
function heapLimitMb(jobs: number): number {
  const share = (0.75 * totalmem()) / jobs;
  return Math.floor(Math.max(512 * MiB, Math.min(share, getHeapStatistics().heap_size_limit)) / MiB);
}

/** A worker that died or threw while reviewing a workbook: that workbook's 审核出错 outcome, the batch going on. */
function crashOutcome(reason: unknown, heapMb: number): Outcome {
  const code = (reason as { code?: unknown } | null)?.code;
  if (code !== 'ERR_WORKER_OUT_OF_MEMORY') return failedReview(reason);
  return {
    ...failedReview(reason),
    message: `工作簿过大，审核时内存不足（上限 ${heapMb} MB），已跳过；可用 --jobs 1 单独审核`,
  };
}

/** The reviews under way: one promise per file, in input order, and a way to stop the workers early. */
export interface Pool {
  readonly outcomes: readonly Promise<Outcome>[];
  /** Stops every worker (the main thread failed: no further outcome is wanted). */
  close(): void;
}

/**
 * Starts the reviews of `files` on `jobs` worker threads running `script`. Each outcome promise settles with that
 * file's outcome and never rejects: an exception or a crash is the file's outcome, and a crashed worker is replaced
 * for the files still waiting.
 */
export function reviewOnWorkers(
  files: readonly InputFile[],
  settings: ReviewSettings,
  jobs: number,
  script: string,
): Pool {
  const settle: ((o: Outcome) => void)[] = [];
  const outcomes = files.map((_, i) => new Promise<Outcome>((resolve) => (settle[i] = resolve)));
  const heapMb = heapLimitMb(jobs);
  let next = 0;
  const live = new Set<Worker>();
  const start = (): void => {
    if (next >= files.length) return;
    const worker = new Worker(script, {
      workerData: { role: WORKER_ROLE, settings },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    live.add(worker);
    let current = -1;
    let failure: unknown = null;
    const give = (): void => {
      if (next >= files.length) {
        current = -1;
        void worker.terminate();
        return;
      }
      current = next++;
      worker.postMessage({ index: current, path: (files[current] as InputFile).path });
    };
    worker.on('message', (m: { index: number; outcome: Outcome }) => {
      settle[m.index]?.(m.outcome);
      give();
    });
    worker.on('error', (e) => (failure = e));
    worker.on('exit', (code) => {
      live.delete(worker);
      if (current < 0) return;
      settle[current]?.(crashOutcome(failure ?? new Error(`工作线程退出 worker exited with code ${code}`), heapMb));
      current = -1;
      start();
    });
    give();
  };
  for (let k = 0; k < jobs; k++) start();
  const close = (): void => {
    next = files.length;
    for (const w of live) void w.terminate();
  };
  return { outcomes, close };
}

/**
 * The worker's side: review each workbook the main thread sends and post back its outcome, without the report object
 * (its JSON travels instead). An exception is that workbook's outcome, not the batch's end.
 * BUDGET_REVIEW_WORKER_FAULT=throw:<file name> or exit:<file name> makes the worker fail on that file (tests only).
 */
export function serveReviews(): void {
  const { settings } = workerData as { settings: ReviewSettings };
  const [fault, faultFile] = (process.env.BUDGET_REVIEW_WORKER_FAULT ?? '').split(':');
  parentPort?.on('message', (m: { index: number; path: string }) => {
    void (async () => {
      let outcome: Outcome;
      try {
        if (faultFile && basename(m.path) === faultFile) {
          if (fault === 'exit') process.exit(70);
          if (fault === 'throw') throw new Error('故障注入 injected fault');
        }
        outcome = await reviewOne(m.path, settings);
        outcome = forPosting(outcome);
      } catch (e) {
        outcome = crashOutcome(e, 0);
      }
      parentPort?.postMessage({ index: m.index, outcome });
    })();
  });
}
