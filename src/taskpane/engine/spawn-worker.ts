import { inThreadEngine, workerEngine, type ReviewEngine, type WorkbookFile } from './engine';

/**
 * Starts the review worker (webpack bundles review-worker.ts as its own script from this `new URL`). Imported only by
 * the page entries: tests render the pane with the in-thread engine.
 */
export const spawnReviewWorker = (): Worker =>
  new Worker(new URL('./review-worker.ts', import.meta.url), { name: 'budget-review' });

/** The review engine for a page: a worker where the browser has them, else the pane's own thread. */
export function pageEngine(file?: WorkbookFile): ReviewEngine {
  return typeof Worker === 'undefined' ? inThreadEngine(file) : workerEngine(spawnReviewWorker, file);
}
