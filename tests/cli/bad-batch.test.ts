import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBadBatch, runCli, type BadBatch, type Measured } from './bad-batch';

/**
 * Issue 12's acceptance, measured from outside: a batch over a folder holding a 6 MB zip bomb that declares 1 GiB, one
 * that declares 64 KiB and inflates to 1 GiB, a sheet of 1,048,576 rows and three good workbooks. The good ones are
 * reviewed, the bad ones reported (exit 2, one Chinese line each), peak RSS far under 2 GiB, no V8 abort (exit 134
 * before). `npm run bad-batch` prints the same measurement.
 */
const GiB = 2 ** 30;

describe('a batch with zip bombs and a 1,048,576-row sheet', () => {
  let dir: string;
  let batch: BadBatch;
  let run: Measured;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bad-batch-'));
    batch = await buildBadBatch(join(dir, 'in'));
    run = await runCli(['check', batch.dir, '--json-dir', join(dir, 'out')]);
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is built as described', () => {
    expect(batch.sizes['bomb-declared.xlsx']).toBeLessThan(8 * 2 ** 20);
    expect(batch.sizes['tall-1048576-rows.xlsx']).toBeGreaterThan(2 ** 20);
  });

  it('ends with exit 2, never a V8 abort or an internal error', () => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/内部错误|heap out of memory|FATAL ERROR|Allocation failed/);
  });

  it('reviews every good workbook and writes its report', () => {
    for (const g of batch.good) {
      expect(run.stdout).toMatch(new RegExp(`■ (通过|有警告|有错误|未能核对)\\s+${g.replace('.', '\\.')}`));
      expect(existsSync(join(dir, 'out', `${g}.json`))).toBe(true);
    }
    expect(run.stdout).toContain(`共 6 个工作簿`);
    expect(run.stdout).toContain('3 个无法读取');
  });

  it('reports each bad workbook on one line with a Chinese reason', () => {
    const line = (name: string) => run.stderr.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('bomb-declared.xlsx')).toMatch(/解压后过大.*1025 MB，超过上限 256 MB/);
    expect(line('bomb-understated.xlsx')).toMatch(/已损坏|解压后/);
    expect(line('tall-1048576-rows.xlsx')).toMatch(/单元格过多.*超过审核上限/);
    for (const b of batch.bad) expect(existsSync(join(dir, 'out', `${b}.json`))).toBe(false);
  });

  it('stays far below 2 GiB of resident memory', () => {
    expect(run.peakRss).toBeGreaterThan(0);
    expect(run.peakRss).toBeLessThan(2 * GiB);
  });
});
