import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * Peak memory on very large workbooks. V8 lets the old generation grow to about twice what survived the last full
 * collection before collecting again; a review of a 1M-cell workbook builds hundreds of MB of short-lived row lists
 * and readings, so its peak RSS was twice its live heap (1,085 MB for 1M cells). Past LARGE_BYTES on disk (about
 * 300k cells) the heap grows by 30% at a time instead: 563 MB on that workbook for ~2% more CPU. Smaller workbooks
 * (and a batch of them) keep V8's default, where the extra collections would cost ~10% CPU for nothing.
 */
const LARGE_BYTES = 2 * 2 ** 20;
let lean = false;

export function prepareFor(file: string): void {
  if (lean) return;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return; // the reader reports a file it cannot open
  }
  if (size < LARGE_BYTES) return;
  setFlagsFromString('--heap-growing-percent=30');
  lean = true;
}
