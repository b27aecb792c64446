import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 tuned to the size of the workbook about to be reviewed (bin/budget-review.mjs starts every process tuned for a
 * short review: TurboFan inlines little).
 *
 * Peak memory. V8 lets the old generation grow to about twice what survived the last full collection before collecting
 * again; a review of a 1M-cell workbook builds hundreds of MB of short-lived row lists and readings, so its peak RSS
 * was twice its live heap (1,085 MB for 1M cells). Past LARGE_BYTES on disk (about 300k cells) the heap grows by 30%
 * at a time instead: 563 MB on that workbook for ~2% more CPU; past HUGE_BYTES (about 600k cells) by 15%, which
 * trades CPU for memory: on the 1M-cell coded bench shape 558 → 491–513 MiB for 13–27% more CPU (paired at load ~6.5:
 * 14.5 s at 30%, 16.5–18.5 s at 15%), still linear in the cells (1M ÷ 200k µs per cell 1.01). Smaller workbooks (and a
 * batch of them) keep V8's default, where the extra collections would cost ~10% CPU for nothing.
 *
 * Compile time. A review that runs for seconds over one workbook earns full optimisation: past LARGE_BYTES, V8's
 * default inlining budget is restored (the launcher's small one cost 27% more CPU on the 20,000-table 1M-cell shape:
 * 22.6 s against 17.8 s).
 */
const LARGE_BYTES = 2 * 2 ** 20;
const HUGE_BYTES = 4 * 2 ** 20;
/** V8's default --max-inlined-bytecode-size-cumulative (node 20, V8 11.3). */
const DEFAULT_INLINING = 920;
/** The growth last set (percent); within one process the heap only ever gets leaner. */
let growth = Infinity;

export function prepareFor(file: string): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return; // the reader reports a file it cannot open
  }
  const wanted = size >= HUGE_BYTES ? 15 : size >= LARGE_BYTES ? 30 : Infinity;
  if (wanted >= growth) return;
  setFlagsFromString(`--heap-growing-percent=${wanted}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${DEFAULT_INLINING}`);
  growth = wanted;
}
