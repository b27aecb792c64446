/** One queue for all Excel calls: batches run one after another, never interleaved (Office.js is not re-entrant). */
export class ExcelQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
