import { DEFAULT_SETTINGS } from '../../platform/types';
import { ReviewSession, type Progress } from './session';

/**
 * The Web Worker the review runs in (started by spawn-worker.ts): one session, answering the pane's questions in
 * order — { id, method, args } → { id, progress }… then { id, result } or { id, error }. `warmUp` reviews a workbook
 * in a session of its own and forgets it: the page sends the bundled sample to a worker started ahead of need, so
 * that the reader and the rules are compiled (not only parsed) before the user's file comes.
 */
const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<{ id: number; method: string; args: unknown[] }>) => void) | null;
};
const session = new ReviewSession();

scope.onmessage = (e) => {
  const { id, method, args } = e.data;
  const progress = (p: Progress) => scope.postMessage({ id, progress: p });
  try {
    let result: unknown;
    if (method === 'review') result = session.review(args[0] as Parameters<ReviewSession['review']>[0], progress);
    else if (method === 'warmUp') {
      const warm = new ReviewSession();
      warm.loadBytes(args[0] as Uint8Array, args[1] as string);
      warm.review(DEFAULT_SETTINGS);
      result = warm.summary().total;
    } else {
      if (method === 'loadBytes') progress({ stage: 'read', done: 0, total: 3, detail: args[1] as string });
      const fn = (session as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`未知的请求：${method}`);
      result = fn.apply(session, args);
    }
    scope.postMessage({ id, result });
  } catch (err) {
    const error =
      err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
    scope.postMessage({ id, error });
  }
};
