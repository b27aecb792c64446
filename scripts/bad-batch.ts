/**
 * npm run bad-batch: issue 12's acceptance batch — good workbooks, two zip bombs and a 1,048,576-row sheet in one
 * folder — reviewed by the CLI as a child process; prints the exit code, what it said of each file and its peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBadBatch, runCli } from '../tests/cli/bad-batch';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bad-batch-'));
  try {
    const t = Date.now();
    const batch = await buildBadBatch(join(dir, 'in'));
    console.log(`built in ${Date.now() - t} ms:`, batch.sizes);
    const run = await runCli(['check', batch.dir, '--json-dir', join(dir, 'out')]);
    console.log(run.stdout);
    console.log(run.stderr);
    console.log(
      `exit ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}, peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB, ${run.ms} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
