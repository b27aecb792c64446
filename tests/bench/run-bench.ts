/**
 * `npm run bench`: engine throughput, peak memory, and CLI time against a bare ExcelJS load of the same file.
 * Workbooks are generated into the OS temp folder on first run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readXlsx } from '../../src/adapters/xlsx/read-xlsx';
import { recogniseWorkbook } from '../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../src/core/review';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { consolidatedIncome, manySheets } from './generate';

const ROOT = resolve(__dirname, '../..');
const DIR = join(tmpdir(), 'budget-review-bench');

function cellsOf(s: WorkbookSnapshot): number {
  return s.sheets.reduce((n, sh) => n + sh.rows.length * sh.columnCount, 0);
}

/** Wall time of a fresh Node process; exit code 1 (findings of severity error) is a normal review outcome. */
function timeProcess(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited with ${run.status}`);
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function bench(name: string, file: string) {
  const bytes = await readFile(file);
  const snapshot = await readXlsx(bytes, name);
  const cells = cellsOf(snapshot);
  let peak = process.memoryUsage().rss;
  // Three warm-up runs (JIT), then the median of seven.
  const timed = (work: () => void): number => {
    const runs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      work();
      if (i >= 3) runs.push(performance.now() - t0);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    return median(runs);
  };
  // Recognition alone (the engine of issue 2), then the whole review (recognition, mapping, rules, report).
  const recogniseMs = timed(() => recogniseWorkbook(snapshot));
  const engineMs = timed(() => reviewWorkbook(snapshot));

  // Bare load and CLI alternate, five times each, so both see the same machine load; medians are compared.
  const bareRuns: number[] = [];
  const cliRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    bareRuns.push(
      timeProcess(['-e', `const E=require('exceljs');new E.Workbook().xlsx.readFile(${JSON.stringify(file)})`]),
    );
    cliRuns.push(timeProcess(['bin/budget-review.mjs', 'check', file, '--quiet']));
  }
  const bare = median(bareRuns);
  const cli = median(cliRuns);
  return {
    workbook: name,
    cells,
    recogniseMs: Math.round(recogniseMs),
    recogniseCellsPerS: Math.round(cells / (recogniseMs / 1000)),
    reviewMs: Math.round(engineMs),
    reviewCellsPerS: Math.round(cells / (engineMs / 1000)),
    peakRssMiB: Math.round(peak / 2 ** 20),
    bareExcelJsLoadMs: Math.round(bare),
    cliTotalMs: Math.round(cli),
    cliVsBareLoad: +(cli / bare).toFixed(2),
  };
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const files = {
    'consolidated-1000-units.xlsx': () => consolidatedIncome(1000),
    '200-sheets.xlsx': () => manySheets(200),
  };
  const results = [];
  for (const [name, make] of Object.entries(files)) {
    const file = join(DIR, name);
    if (!existsSync(file)) await make().xlsx.writeFile(file);
    results.push(await bench(name, file));
  }
  console.table(results);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
