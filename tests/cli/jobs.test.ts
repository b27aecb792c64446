import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { jobsFor } from '../../src/cli/pool';

/**
 * A batch on worker threads (`--jobs 2`) prints and writes exactly what the same batch in process (`--jobs 1`) does,
 * in input order, an unreadable file in the middle included; a worker that throws or dies is that workbook's
 * 审核出错 line and the batch goes on. Run through bin/ (the esbuild bundle, which is also the worker), as a user does.
 */
const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/budget-review.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  return new Promise((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
}

async function writeBudget(path: string, leaf: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出总表');
  ws.addRows([
    ['2021年部门预算支出总表', null, null],
    ['单位：万元', null, null],
    ['科目编码', '科目名称', '合计'],
    ['208', '社会保障和就业支出', 60.25],
    ['20805', '行政事业单位养老支出', leaf],
  ]);
  await wb.xlsx.writeFile(path);
}

/** Every file below `dir`, name → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

/** The review time ("2026-12-04 19:05") is the only field allowed to differ between two runs. */
const untimed = (s: string) => s.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, 'TIME');

describe('a batch on worker threads (--jobs)', () => {
  let dir: string;
  let input: string;
  let inProcess: Run;
  let onWorkers: Run;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'br-jobs-'));
    input = join(dir, 'in');
    mkdirSync(input);
    await writeBudget(join(input, 'a-clean.xlsx'), 60.25);
    await writeBudget(join(input, 'b-sum-error.xlsx'), 50);
    writeFileSync(join(input, 'c-unreadable.xlsx'), 'not a zip');
    await writeBudget(join(input, 'd-clean.xlsx'), 60.25);
    // Corpus workbooks when ../shared is there (a checkout alone has only the generated ones).
    if (existsSync(CORPUS))
      for (const f of readdirSync(CORPUS)
        .filter((n) => n.endsWith('.xlsx'))
        .slice(0, 6))
        copyFileSync(join(CORPUS, f), join(input, `e-${f}`));
    const batch = (jobs: number) =>
      cli(
        ['check', input, '--jobs', String(jobs), '--json-dir', join(dir, `j${jobs}`)].concat([
          '--html-dir',
          join(dir, `html${jobs}`),
          '--summary',
          join(dir, `j${jobs}.csv`),
        ]),
      );
    inProcess = await batch(1);
    onWorkers = await batch(2);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the same lines in the same order, with the same exit code', () => {
    expect(inProcess.code).toBe(2);
    expect(onWorkers.code).toBe(inProcess.code);
    expect(onWorkers.stdout).toBe(inProcess.stdout);
    expect(onWorkers.stderr).toBe(inProcess.stderr);
    const names = inProcess.stdout.split('\n').filter((l) => l.startsWith('■'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names[0]).toContain('a-clean.xlsx');
    expect(names[1]).toContain('b-sum-error.xlsx');
    expect(names[2]).toContain('d-clean.xlsx');
    expect(inProcess.stderr).toMatch(/c-unreadable\.xlsx: 不是 Excel 工作簿|c-unreadable\.xlsx: 文件已损坏/);
  });

  it('writes byte-identical JSON reports, and the same overview and HTML apart from the review time', () => {
    const one = filesOf(join(dir, 'j1'));
    const two = filesOf(join(dir, 'j2'));
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect(one.has('c-unreadable.xlsx.json')).toBe(false);
    for (const [name, bytes] of one) expect((two.get(name) as Buffer).equals(bytes)).toBe(true);
    expect(untimed(readFileSync(join(dir, 'j2.csv'), 'utf8'))).toBe(untimed(readFileSync(join(dir, 'j1.csv'), 'utf8')));
    const html1 = filesOf(join(dir, 'html1'));
    const html2 = filesOf(join(dir, 'html2'));
    expect([...html2.keys()]).toEqual([...html1.keys()]);
    for (const [name, bytes] of html1)
      expect(untimed((html2.get(name) as Buffer).toString('utf8'))).toBe(untimed(bytes.toString('utf8')));
  });

  it.each(['throw', 'exit'])(
    'reports a worker that fails on one workbook (%s) as that workbook, and goes on',
    async (fault) => {
      const out = join(dir, `fault-${fault}`);
      const run = await cli(['check', input, '--json-dir', out, '--jobs', '2'], {
        BUDGET_REVIEW_WORKER_FAULT: `${fault}:b-sum-error.xlsx`,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        fault === 'throw'
          ? /b-sum-error\.xlsx: 审核出错：故障注入 injected fault\n/
          : /b-sum-error\.xlsx: 审核出错：工作线程退出/,
      );
      expect(run.stderr).not.toMatch(/内部错误/);
      const expected = inProcess.stdout
        .split('\n')
        .filter((l) => !l.includes('b-sum-error.xlsx'))
        .map((l) => (l.startsWith('共 ') ? l.replace(/(\d+) 个有错误/, (_, n) => `${Number(n) - 1} 个有错误`) : l))
        .map((l) => (l.startsWith('共 ') ? l.replace(/(\d+) 个审核出错/, (_, n) => `${Number(n) + 1} 个审核出错`) : l));
      expect(run.stdout.split('\n')).toEqual(expected);
      expect(existsSync(join(out, 'b-sum-error.xlsx.json'))).toBe(false);
      expect(existsSync(join(out, 'd-clean.xlsx.json'))).toBe(true);
    },
    60_000,
  );

  it('ends on a report it cannot write as in process: the lines before it, an internal error, the workers stopped', async () => {
    const runs: Run[] = [];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `unwritable-${jobs}`);
      mkdirSync(join(out, 'b-sum-error.xlsx.json'), { recursive: true }); // a folder where the report would go
      runs.push(await cli(['check', input, '--json-dir', out, '--jobs', jobs]));
      expect(existsSync(join(out, 'd-clean.xlsx.json'))).toBe(false);
    }
    const [one, two] = runs as [Run, Run];
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/内部错误 Internal error: .*EISDIR/);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    const first = (r: Run) => (r.stderr.split('\n')[0] ?? '').replace(/unwritable-\d/, 'unwritable-N');
    expect(first(two)).toBe(first(one));
  }, 60_000);
});

describe('--jobs', () => {
  it('is parsed as a whole number', () => {
    expect(parseArgs(['check', 'a.xlsx', '--jobs', '3'])).toMatchObject({ jobs: 3 });
    expect(parseArgs(['check', 'a.xlsx', '--jobs', '0'])).toMatchObject({ command: 'error' });
    expect(parseArgs(['check', 'a.xlsx', '--jobs', 'x'])).toMatchObject({ command: 'error' });
  });

  it('defaults to one fewer than the cores (at most 8) past two cores, in process otherwise, never more than the files', () => {
    expect(jobsFor(10, undefined, 2)).toBe(1);
    expect(jobsFor(10, undefined, 4)).toBe(3);
    expect(jobsFor(100, undefined, 32)).toBe(8);
    expect(jobsFor(2, undefined, 32)).toBe(2);
    expect(jobsFor(10, 1, 32)).toBe(1);
    expect(jobsFor(10, 2, 2)).toBe(2);
    expect(jobsFor(1, 4, 2)).toBe(1);
  });
});
