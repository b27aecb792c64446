import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * Peak memory on very large workbooks. V8 lets the old generation grow to about twice what survived the last full
 * collection before collecting again; a review of a 1M-cell workbook builds hundreds of MB of short-lived row lists
 * and readings, so its peak RSS was twice its live heap (1,085 MB for 1M cells). Past LARGE_BYTES on disk (about
 * 300k cells) the heap grows by 30% at a time instead: 563 MB on that workbook for ~2% more CPU; past HUGE_BYTES
 * (about 600k cells) by 15%: on the 1M-cell coded bench shape 536 → 500–510 MB, CPU within the noise of one run each
 * at load ~9 (10% gave 483 MB for ~25% more CPU). Smaller workbooks (and a batch of them) keep V8's default, where the
 * extra collections would cost ~10% CPU for nothing.
 */
const LARGE_BYTES = 2 * 2 ** 20;
const HUGE_BYTES = 4 * 2 ** 20;
/** The growth last set (percent); the heap only ever grows leaner within one process. */
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
  growth = wanted;
}
