/**
 * `npm run bench`: what a user waits for, measured from outside the process (issue 14).
 * - files: the CLI reviewing one workbook cold (a fresh `node bin/budget-review.mjs check` process), paired and
 *   alternated (A B, B A, …) against a bare ExcelJS `readFile` of the same file and against the snapshot reader alone;
 *   the ratio is taken pair by pair and its median quoted, so a drifting machine load cancels;
 * - batch: one CLI call over 200 corpus workbooks (copies of ../shared/corpus), workbooks per second, in process
 *   (`--jobs 1`) and on worker threads (`--jobs 2`, or the default where the machine has more cores);
 * - shapes (tests/bench/shapes.ts) at 10k, 200k and 1M cells: µs per cell of the CLI process and of the review
 *   alone (timed inside a fresh process, no warm-up), and the ratio 1M ÷ 200k (linear: ≈ 1);
 * - peak RSS of each CLI process from the OS (`/usr/bin/time`: maximum resident set), per cell at 1M.
 * Prints tables and writes everything as JSON (`--json FILE`, default <tmp>/budget-review-bench-<checkout>/bench.json).
 * Options: `--runs N` (pairs per file, default 5), `--quick` (3 pairs, shapes once, no 1M), `--only files,batch,shapes`.
 * Workbooks are generated into the temp folder on first run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { consolidatedIncome, manySheets } from './generate';
import { jobsFor } from '../../src/cli/pool';
import { cellCount, consolidatedWorkbook, SHAPES, shapeSnapshot, writeXlsx, type Shape } from './shapes';

const ROOT = resolve(__dirname, '../..');
// One folder per checkout: two checkouts benching at once must not share the generated files or the time file.
const DIR = join(tmpdir(), `budget-review-bench-${basename(ROOT)}`);
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const RUNS = Number(option('--runs') ?? (QUICK ? 3 : 5));
const ONLY = new Set((option('--only') ?? 'files,batch,shapes').split(','));
const JSON_OUT = option('--json') ?? join(DIR, 'bench.json');

/** One finished process: wall and CPU seconds, peak resident set (KiB) as the OS accounted them. */
interface Run {
  wall: number;
  cpu: number;
  rssKiB: number | null;
  stdout: string;
}

/** A fresh process, timed from outside; exit codes 0 and 1 (findings of severity error) are normal outcomes. */
function run(args: readonly string[]): Run {
  const out = join(DIR, 'time.txt');
  const t0 = process.hrtime.bigint();
  const child = HAS_TIME
    ? spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  if (!HAS_TIME) return { wall, cpu: wall, rssKiB: null, stdout: child.stdout };
  const [, user, sys, rss] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  return { wall, cpu: user! + sys!, rssKiB: rss!, stdout: child.stdout };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Paired {
  a: { wall: number; cpu: number; rssKiB: number | null };
  b: { wall: number; cpu: number; rssKiB: number | null };
  /** Median of the pair-by-pair ratios A ÷ B. */
  ratio: { wall: number; cpu: number };
}

/** A and B in turn, the order flipped every pair (A B, B A, …), after one warm-up of each (disk cache). */
function paired(a: readonly string[], b: readonly string[], runs: number): Paired {
  run(a);
  run(b);
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(run(a));
      bs.push(run(b));
    } else {
      bs.push(run(b));
      as.push(run(a));
    }
  }
  const summary = (rs: Run[]) => ({
    wall: median(rs.map((r) => r.wall)),
    cpu: median(rs.map((r) => r.cpu)),
    rssKiB: HAS_TIME ? median(rs.map((r) => r.rssKiB!)) : null,
  });
  return {
    a: summary(as),
    b: summary(bs),
    ratio: {
      wall: median(as.map((r, i) => r.wall / bs[i]!.wall)),
      cpu: median(as.map((r, i) => r.cpu / bs[i]!.cpu)),
    },
  };
}

/** Bundles for the reader alone and the cold review timing, built like the CLI's (esbuild, packages external). */
async function bundles(): Promise<{ reader: string; review: string }> {
  const reader = join(ROOT, 'dist', 'bench', 'reader.cjs');
  const review = join(ROOT, 'dist', 'bench', 'review.cjs');
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external' } as const;
  await build({ ...common, entryPoints: [join(ROOT, 'src/adapters/xlsx/read-file.ts')], outfile: reader });
  await build({ ...common, entryPoints: [join(__dirname, 'review-once.ts')], outfile: review });
  spawnSync(process.execPath, ['bin/budget-review.mjs', 'help'], { cwd: ROOT }); // the CLI's own bundle, fresh
  return { reader, review };
}

const CLI = (file: string) => ['bin/budget-review.mjs', 'check', file, '--quiet'];
const BARE = (file: string) => ['-e', `new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(file)})`];
const READER = (bundle: string, file: string) => [
  '-e',
  `require(${JSON.stringify(bundle)}).readWorkbookFile(${JSON.stringify(file)})`,
];

async function benchFiles(reader: string) {
  const files: [string, () => Promise<Uint8Array>][] = [
    ['consolidated-41-sheets.xlsx', async () => writeXlsx(consolidatedWorkbook(41))],
    ['consolidated-1000-units.xlsx', async () => new Uint8Array(await consolidatedIncome(1000).xlsx.writeBuffer())],
    ['200-sheets.xlsx', async () => new Uint8Array(await manySheets(200).xlsx.writeBuffer())],
    [
      'corpus: s002-lingshou-2021-budget.xlsx',
      async () => readFileSync(join(ROOT, '../shared/corpus/s002-lingshou-2021-budget.xlsx')),
    ],
  ];
  const rows = [];
  for (const [name, make] of files) {
    const file = join(DIR, name.replace(/^corpus: /, ''));
    if (!existsSync(file)) writeFileSync(file, await make());
    const vsExcelJs = paired(CLI(file), BARE(file), RUNS);
    const vsReader = paired(CLI(file), READER(reader, file), RUNS);
    rows.push({ name, file, vsExcelJs, vsReader });
    console.error(
      `  ${name}: CLI ÷ ExcelJS ${vsExcelJs.ratio.cpu.toFixed(2)}, CLI ÷ reader ${vsReader.ratio.cpu.toFixed(2)}`,
    );
  }
  return rows;
}

function benchBatch(jobs: number) {
  const corpus = join(ROOT, '../shared/corpus');
  const folder = join(DIR, 'batch-200');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const sources = readdirSync(corpus).filter((f) => f.endsWith('.xlsx'));
  for (let i = 0; i < 200; i++)
    copyFileSync(
      join(corpus, sources[i % sources.length]!),
      join(folder, `${String(i).padStart(3, '0')}-${sources[i % sources.length]}`),
    );
  const args = ['bin/budget-review.mjs', 'check', folder, '--quiet', '--jobs', String(jobs)];
  run(args);
  const runs = Array.from({ length: Math.max(3, RUNS - 2) }, () => run(args));
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  return {
    workbooks: 200,
    jobs,
    wall,
    cpu,
    perWallSecond: 200 / wall,
    perCpuSecond: 200 / cpu,
    rssKiB: HAS_TIME ? median(runs.map((r) => r.rssKiB!)) : null,
  };
}

interface ShapeSize {
  size: number;
  cells: number;
  cliCpu: number;
  cliUsPerCell: number;
  reviewMs: number;
  reviewUsPerCell: number;
  rssKiB: number | null;
  rssKiBPerCell: number | null;
}

function benchShapes(review: string) {
  const sizes = QUICK ? [10_000, 200_000] : [10_000, 200_000, 1_000_000];
  const runs = QUICK ? 1 : 3;
  const rows = [];
  for (const shape of SHAPES as Shape[]) {
    const bySize: ShapeSize[] = [];
    for (const size of sizes) {
      const file = join(DIR, `shape-${shape}-${size}.xlsx`);
      const snapshot = shapeSnapshot(shape, size);
      const cells = cellCount(snapshot);
      if (!existsSync(file)) writeFileSync(file, writeXlsx(snapshot));
      const cli = Array.from({ length: runs }, () => run(CLI(file)));
      const inner = Array.from({ length: runs }, () => JSON.parse(run([review, file]).stdout) as { reviewMs: number });
      const cliCpu = median(cli.map((r) => r.cpu));
      const reviewMs = median(inner.map((r) => r.reviewMs));
      bySize.push({
        size,
        cells,
        cliCpu,
        cliUsPerCell: (cliCpu * 1e6) / cells,
        reviewMs,
        reviewUsPerCell: (reviewMs * 1e3) / cells,
        rssKiB: HAS_TIME ? median(cli.map((r) => r.rssKiB!)) : null,
        rssKiBPerCell: HAS_TIME ? median(cli.map((r) => r.rssKiB!)) / cells : null,
      });
      console.error(`  ${shape} ${size}: CLI ${cliCpu.toFixed(2)} s, review ${reviewMs.toFixed(0)} ms`);
    }
    const at = (n: number) => bySize.find((s) => s.size === n);
    const big = at(1_000_000) ?? at(200_000)!;
    const mid = big === at(200_000) ? at(10_000)! : at(200_000)!;
    rows.push({
      shape,
      sizes: bySize,
      ratio: `${big.size / 1000}k/${mid.size / 1000}k`,
      cliLinearity: big.cliUsPerCell / mid.cliUsPerCell,
      reviewLinearity: big.reviewUsPerCell / mid.reviewUsPerCell,
    });
  }
  return rows;
}

const f2 = (n: number) => n.toFixed(2);
const mib = (kib: number | null) => (kib === null ? '—' : `${(kib / 1024).toFixed(0)} MiB`);

async function main() {
  mkdirSync(DIR, { recursive: true });
  const { reader, review } = await bundles();
  const result: Record<string, unknown> = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length, at: new Date().toISOString() },
    runs: RUNS,
  };
  if (ONLY.has('files')) {
    console.error('files (CLI vs bare ExcelJS load, CLI vs reader alone; paired, alternated):');
    const files = await benchFiles(reader);
    result.files = files;
    console.log('\nCold whole processes, medians (ratios: median of pair-by-pair ratios, CPU time)');
    console.table(
      files.map((f) => ({
        file: f.name,
        'CLI cpu s': f2(f.vsExcelJs.a.cpu),
        'CLI wall s': f2(f.vsExcelJs.a.wall),
        'ExcelJS cpu s': f2(f.vsExcelJs.b.cpu),
        'reader cpu s': f2(f.vsReader.b.cpu),
        'CLI ÷ ExcelJS (≤ 0.6)': f2(f.vsExcelJs.ratio.cpu),
        'CLI ÷ reader (≤ 2.5)': f2(f.vsReader.ratio.cpu),
        'wall ratios': `${f2(f.vsExcelJs.ratio.wall)} / ${f2(f.vsReader.ratio.wall)}`,
        'CLI peak RSS': mib(f.vsExcelJs.a.rssKiB),
      })),
    );
  }
  if (ONLY.has('batch')) {
    console.error('batch (200 corpus workbooks, one call):');
    const batches = [1, Math.max(2, jobsFor(200))].map(benchBatch);
    result.batch = batches;
    console.table(
      batches.map((batch) => ({
        workbooks: batch.workbooks,
        jobs: batch.jobs,
        'wall s': f2(batch.wall),
        'cpu s': f2(batch.cpu),
        'per wall s (≥ 60)': batch.perWallSecond.toFixed(1),
        'per cpu s': batch.perCpuSecond.toFixed(1),
        'peak RSS': mib(batch.rssKiB),
      })),
    );
  }
  if (ONLY.has('shapes')) {
    console.error('shapes (CLI process and review alone, cold):');
    const shapes = benchShapes(review);
    result.shapes = shapes;
    console.table(
      shapes.flatMap((s) =>
        s.sizes.map((z) => ({
          shape: s.shape,
          cells: z.cells,
          'CLI cpu s': f2(z.cliCpu),
          'CLI µs/cell': f2(z.cliUsPerCell),
          'review ms': z.reviewMs.toFixed(0),
          'review µs/cell': f2(z.reviewUsPerCell),
          'CLI peak RSS': mib(z.rssKiB),
          'KiB/cell (≤ 0.5 at 1M)': z.rssKiBPerCell === null ? '—' : z.rssKiBPerCell.toFixed(3),
        })),
      ),
    );
    console.table(
      shapes.map((s) => ({
        shape: s.shape,
        ratio: s.ratio,
        'CLI µs/cell ratio (≤ 1.3)': f2(s.cliLinearity),
        'review µs/cell ratio (≤ 1.3)': f2(s.reviewLinearity),
      })),
    );
  }
  writeFileSync(JSON_OUT, JSON.stringify(result, null, 1));
  console.log(`\nJSON: ${JSON_OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
