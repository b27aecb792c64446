import { inThreadEngine, workerEngine, type ReviewEngine, type WorkbookFile } from './engine';

/**
 * Starts the review worker (webpack bundles review-worker.ts as its own script from this `new URL`). Imported only by
 * the page entries: tests render the pane with the in-thread engine.
 */
export const spawnReviewWorker = (): Worker =>
  new Worker(new URL('./review-worker.ts', import.meta.url), { name: 'budget-review' });

/** A worker started ahead of need (its script and the engine parsed), handed to the next engine that asks. */
let spare: Worker | null = null;

/**
 * Starts a review worker now, so that the first file's review does not wait for the engine to load; with a sample
 * workbook, the worker reviews it once while it waits (see review-worker.ts), unless a file took the worker first.
 */
export function warmReviewWorker(sample?: Promise<Uint8Array | null>): void {
  if (typeof Worker === 'undefined' || spare) return;
  const worker = (spare = spawnReviewWorker());
  // A spare whose script cannot load (blocked, offline) dies before an engine listens: dropped, so that the engine
  // spawns its own, sees it fail and reviews on the pane's thread.
  worker.onerror = (e) => {
    e.preventDefault();
    if (spare === worker) spare = null;
  };
  void sample?.then((bytes) => {
    if (bytes && spare === worker) worker.postMessage({ id: 0, method: 'warmUp', args: [bytes, 'warm-up.xlsx'] });
  });
}

const takeWorker = (): Worker => {
  const w = spare ?? spawnReviewWorker();
  spare = null;
  return w;
};

/** A disposed engine's worker becomes the spare again (its session is replaced by the next file's). */
const keepWorker = (w: Worker) => {
  if (spare) w.terminate();
  else spare = w;
};

/**
 * The review engine for a page: a worker where the browser has them, else the pane's own thread. With the file (the
 * preview), the worker reads it at once, before 扫描工作簿 is clicked.
 */
export function pageEngine(file?: WorkbookFile): ReviewEngine {
  return typeof Worker === 'undefined'
    ? inThreadEngine(file)
    : workerEngine(takeWorker, file, { eager: !!file, release: keepWorker });
}
