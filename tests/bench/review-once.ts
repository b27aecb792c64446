/**
 * The bench's cold review timing: in a fresh process (no warm-up), read one workbook with the snapshot reader, then
 * time the review (recognition, mapping, every rule, the JSON report) alone. Prints {"readMs", "reviewMs"}.
 */
import { performance } from 'node:perf_hooks';
import { readWorkbookFile } from '../../src/adapters/xlsx/read-file';
import { reviewWorkbook } from '../../src/core/review';

async function main(file: string) {
  const t0 = performance.now();
  const snapshot = await readWorkbookFile(file);
  const t1 = performance.now();
  const { report } = reviewWorkbook(snapshot);
  JSON.stringify(report, null, 1);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ readMs: t1 - t0, reviewMs: t2 - t1 }) + '\n');
}

// A failure must not pass for a result: exit 3 (the bench accepts 0 and 1) with the error on stderr.
main(process.argv[2]!).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(3);
});
