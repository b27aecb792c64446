import ExcelJS from 'exceljs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { planProjectTargets, type ProjectFacts } from '../../src/core/performance/insert-targets';
import { freeSheetName } from '../../src/core/plans/marks';
import { uniqueSheetName, validSheetName } from '../../src/core/plans/sheet-names';
import { ExcelJsPlatform } from '../../src/adapters/xlsx/exceljs-platform';

const SOURCE = join(__dirname, '../fixtures/quanzhou-2021-budget.xlsx');

describe('budget-review fill safeguards', () => {
  let dir: string;
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-fill-safe-'));
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err.push(String(s));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const copy = async (name: string) => {
    const path = join(dir, name);
    await copyFile(SOURCE, path);
    return path;
  };

  it('refuses --out equal to the input, however the path is written (relative, .., symlink); the original is untouched', async () => {
    const input = await copy('部门预算.xlsx');
    const before = await readFile(input);
    await mkdir(join(dir, 'sub'));
    await symlink(input, join(dir, 'link.xlsx'));
    for (const out of [input, join(dir, 'sub', '..', '部门预算.xlsx'), join(dir, 'link.xlsx')]) {
      err = [];
      expect(await main(['fill', input, '--out', out, '--targets'])).toBe(2);
      expect(err.join('')).toMatch(/输出文件与原文件相同/);
    }
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  it('a missing output folder is a plain Chinese message with exit 2 (not a stack trace, not exit 1)', async () => {
    const input = await copy('a.xlsx');
    expect(await main(['fill', input, '--out', join(dir, 'no', 'such', 'out.xlsx')])).toBe(2);
    expect(err.join('')).toMatch(/^✗ 输出文件夹不存在：.*请先创建该文件夹/);
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });

  it('refuses a macro workbook (.xlsm) with the reason: its macros would be lost', async () => {
    const input = await copy('宏.xlsm');
    expect(await main(['fill', input, '--out', join(dir, 'out.xlsx')])).toBe(2);
    expect(err.join('')).toMatch(/含宏的工作簿（\.xlsm）.*丢失其中的宏/);
    expect(await readdir(dir)).toEqual(['宏.xlsm']);
  });

  it('writes through a temporary file and a rename: nothing half-written or left behind', async () => {
    const input = await copy('a.xlsx');
    expect(await main(['fill', input, '--out', join(dir, 'out.xlsx'), '--targets'])).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', 'out.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThan(1);
    // A target that cannot be replaced (a folder of that name): exit 2, a message, no temporary file left.
    await mkdir(join(dir, 'taken.xlsx'));
    expect(await main(['fill', input, '--out', join(dir, 'taken.xlsx')])).toBe(2);
    expect(err.join('')).toMatch(/无法写入 .*taken\.xlsx.*原文件未改动/);
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', 'out.xlsx', 'taken.xlsx']);
  });
});

describe('inserted sheet names', () => {
  const project = (name: string): ProjectFacts => ({
    name,
    code: '2101102',
    codeName: '事业单位医疗',
    total: '10',
    fiscal: '10',
    other: null,
    source: { sheet: '项目支出表', row: 5 },
  });

  it('are valid: no leading or trailing apostrophe, no []:*?/\\, not History, at most 31 characters', () => {
    expect(validSheetName("改造项目'")).toBe('改造项目');
    expect(validSheetName("'引号'")).toBe('引号');
    expect(validSheetName('a[b]:c*d?e/f\\g')).toBe('abcdefg');
    expect(validSheetName('History')).toBe('工作表');
    expect(validSheetName("'''")).toBe('工作表');
    expect(validSheetName('长'.repeat(40))).toHaveLength(31);
  });

  it('are unique regardless of case', () => {
    expect(uniqueSheetName(['Sheet1'], 'sheet1')).toBe('sheet1 (2)');
    expect(freeSheetName(['审核报告', '审核报告 (2)'])).toBe('审核报告 (3)');
    expect(uniqueSheetName(['x'.repeat(31)], 'X'.repeat(40))).toBe(`${'X'.repeat(27)} (2)`);
  });

  it("project names ending in ' or equal up to case insert without an exception (ExcelJS rejects such names)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('项目支出表');
    const plan = planProjectTargets([project("老旧小区改造'"), project('ABC项目'), project('abc项目')], {
      year: 2021,
      department: '某局',
      existingSheets: ['项目支出表'],
    });
    const done = await new ExcelJsPlatform(workbook, 't.xlsx', 'zh-CN').applyPlan(plan);
    expect(done.skipped ?? []).toEqual([]);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toHaveLength(4);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    for (const n of names) expect(n).not.toMatch(/^'|'$/);
  });
});
