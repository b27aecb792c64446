import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, run } from '../../src/cli/main';

/**
 * A review that throws (a fault of ours, not of the file) is that workbook's own outcome — 审核出错 with the error's
 * message, in the console, the --summary CSV and the --html-dir index — and the batch goes on; it is not 无法读取 and
 * not the batch's internal error. The review is made to throw for one workbook by wrapping the core's reviewWorkbook.
 */
jest.mock('../../src/core', () => {
  const core = jest.requireActual<typeof import('../../src/core')>('../../src/core');
  return {
    ...core,
    reviewWorkbook: (...args: Parameters<typeof core.reviewWorkbook>) => {
      if (args[0].name.startsWith('b-')) throw new TypeError("Cannot read properties of undefined (reading 'row')");
      return core.reviewWorkbook(...args);
    },
  };
});

async function writeBudget(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('支出总表').addRows([
    ['2021年部门预算支出总表', null, null],
    ['单位：万元', null, null],
    ['科目编码', '科目名称', '合计'],
    ['208', '社会保障和就业支出', 60.25],
    ['20805', '行政事业单位养老支出', 60.25],
  ]);
  await wb.xlsx.writeFile(path);
}

describe('a review that throws inside a batch', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-fail-'));
    await mkdir(join(dir, 'in'));
    for (const name of ['a-good.xlsx', 'b-throws.xlsx', 'c-good.xlsx']) await writeBudget(join(dir, 'in', name));
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('is that workbook’s 审核出错 line with the error, and the others are reviewed and reported', async () => {
    const summary = join(dir, 'summary.csv');
    const args = ['check', join(dir, 'in'), '--json-dir', join(dir, 'json'), '--summary', summary];
    const code = await main([...args, '--html-dir', join(dir, 'html')]);
    expect(code).toBe(2);
    const stdout = out.join('');
    expect(stdout).toMatch(/■ 通过 {2}a-good\.xlsx/);
    expect(stdout).toMatch(/■ 通过 {2}c-good\.xlsx/);
    expect(stdout).toContain(
      '共 3 个工作簿：2 个通过，0 个有警告，0 个有错误，0 个未能核对，0 个无法读取，1 个审核出错',
    );
    const stderr = err.join('');
    expect(stderr).toContain("b-throws.xlsx: 审核出错：Cannot read properties of undefined (reading 'row')\n");
    expect(stderr).not.toMatch(/内部错误|无法读取/);
    expect((await readdir(join(dir, 'json'))).sort()).toEqual(['a-good.xlsx.json', 'c-good.xlsx.json']);
    const lines = (await readFile(summary, 'utf8')).split('\r\n');
    expect(lines[2]).toMatch(
      /^b-throws\.xlsx,,,,,,,,,审核出错：Cannot read properties of undefined \(reading 'row'\),\d{4}-/,
    );
    const index = await readFile(join(dir, 'html', 'index.html'), 'utf8');
    expect(index).toMatch(
      /<tr class="bad"><td>b-throws\.xlsx<\/td><td colspan="8">审核出错：Cannot read .*<\/td><td>审核出错<\/td>/,
    );
  });

  it('an exception that escapes the command (a report it cannot write) is one internal-error line, exit 2', async () => {
    const file = join(dir, 'in', 'a-good.xlsx');
    const code = await run(['check', file, '--json', join(dir, 'in')]); // a folder where the report would go
    expect(code).toBe(2);
    expect(err.filter((s) => s.startsWith('内部错误 Internal error: ')).length).toBe(1);
    expect(err.join('')).toMatch(/EISDIR/);
  });
});
