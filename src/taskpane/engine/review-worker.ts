import { ReviewSession, type Progress } from './session';

/**
 * The Web Worker the review runs in (started by spawn-worker.ts): one session, answering the pane's questions in
 * order — { id, method, args } → { id, progress }… then { id, result } or { id, error }.
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
    else {
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
