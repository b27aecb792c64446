import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { batchHeadline, batchSummaryCsv } from '../../src/cli/batch-summary';
import { verdictOf } from '../../src/cli/summary';
import type { ReviewReport } from '../../src/core/report/report';

async function writeBudget(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出总表');
  ws.addRows([
    ['2021年部门预算支出总表', null, null],
    ['单位：万元', null, null],
    ['科目编码', '科目名称', '合计'],
    ['208', '社会保障和就业支出', 60.25],
    ['20805', '行政事业单位养老支出', 60.25],
  ]);
  ws.mergeCells('A1:C1');
  await wb.xlsx.writeFile(path);
}

describe('budget-review CLI', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-'));
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('parses its arguments', () => {
    expect(parseArgs(['check', 'a.xlsx', '--json-dir', 'out'])).toEqual({
      command: 'check',
      files: ['a.xlsx'],
      jsonDir: 'out',
      catalogs: [],
      quiet: false,
      verbose: false,
      strict: false,
    });
    expect(parseArgs(['check', 'a.xlsx', 'b.xlsx', '--json', 'x.json'])).toMatchObject({ command: 'error' });
    expect(parseArgs(['check'])).toMatchObject({ command: 'error' });
    expect(parseArgs([])).toEqual({ command: 'help' });
  });

  it('prints a summary, writes the JSON report and exits 0', async () => {
    const file = join(dir, 'budget.xlsx');
    await writeBudget(file);
    const code = await main(['check', file, '--json-dir', join(dir, 'reports'), '--verbose']);
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/\[支出总表\] A1:C5 {2}支出总表 {2}单位:万元/);
    const report = JSON.parse(await readFile(join(dir, 'reports', 'budget.xlsx.json'), 'utf8'));
    expect(report).toMatchObject({ formatVersion: 1, workbook: 'budget.xlsx', fiscalYear: 2021, reportKind: 'budget' });
    expect(report.rows.map((r: { code: string }) => r.code)).toEqual(['208', '20805']);
  });

  it('exits 2 when a file cannot be read, and still reviews the others', async () => {
    const good = join(dir, 'good.xlsx');
    await writeBudget(good);
    const bad = join(dir, 'old.xls');
    await writeFile(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const code = await main(['check', bad, good, join(dir, 'missing.xlsx'), '--quiet']);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/old\.xls: 这是旧版 \.xls 格式/);
    expect(err.join('')).toMatch(/missing\.xlsx: 找不到文件/);
    expect(out.join('')).toContain(
      '共 3 个工作簿：1 个通过，0 个有警告，0 个有错误，0 个未能核对，2 个无法读取，0 个审核出错',
    );
  });

  it('exits 1 on errors, except in a batch that writes reports (unless --strict)', async () => {
    const file = join(dir, 'bad.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('支出总表');
    ws.addRows([
      ['2021年部门预算支出总表', null, null],
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', 10],
      ['20805', '行政事业单位养老支出', 12],
    ]);
    ws.mergeCells('A1:C1');
    await wb.xlsx.writeFile(file);
    expect(await main(['check', file])).toBe(1);
    expect(await main(['check', file, '--json-dir', join(dir, 'r')])).toBe(0);
    expect(await main(['check', file, '--json-dir', join(dir, 'r'), '--strict'])).toBe(1);
    const report = JSON.parse(await readFile(join(dir, 'r', 'bad.xlsx.json'), 'utf8'));
    expect(report.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toContainEqual([
      'sum.hierarchy',
      'error',
    ]);
  });

  it('reviews every workbook in a folder, sub-folders named in the reports, lock files skipped', async () => {
    const inbox = join(dir, 'inbox');
    await mkdir(join(inbox, '乙单位'), { recursive: true });
    await writeBudget(join(inbox, '部门预算.xlsx'));
    await writeBudget(join(inbox, '乙单位', '部门预算.xlsx'));
    await writeFile(join(inbox, '~$部门预算.xlsx'), 'lock');
    await writeFile(join(inbox, '说明.txt'), 'not a workbook');
    expect(await main(['check', inbox, '--json-dir', join(dir, 'reports')])).toBe(0);
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual(['乙单位__部门预算.xlsx.json', '部门预算.xlsx.json']);
    expect(out.join('')).toContain('共 2 个工作簿：2 个通过');
    expect(await main(['check', inbox, '--json', join(dir, 'one.json')])).toBe(2);
    expect(err.join('')).toContain('--json/--html 只能用于一个工作簿');
    await mkdir(join(dir, 'empty'));
    expect(await main(['check', join(dir, 'empty')])).toBe(2);
    expect(err.join('')).toContain('文件夹中没有 Excel 工作簿');
  });

  it('writes a CSV overview and an HTML index of a batch: one line per workbook, unreadable files included', async () => {
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    await writeBudget(join(inbox, '甲单位,2021.xlsx'));
    await writeFile(join(inbox, '乙单位.xlsx'), 'not a zip');
    const csv = join(dir, '汇总.csv');
    expect(await main(['check', inbox, '--summary', csv, '--html-dir', join(dir, 'html')])).toBe(2);
    const index = await readFile(join(dir, 'html', 'index.html'), 'utf8');
    expect(index).toContain(
      '共 2 个工作簿：1 个通过，0 个有警告，0 个有错误，0 个未能核对，1 个无法读取，0 个审核出错',
    );
    expect(index).toContain(`<a href="${encodeURIComponent('甲单位,2021.xlsx')}.html">甲单位,2021.xlsx</a>`);
    expect(index).toMatch(/<tr class="bad"><td>乙单位\.xlsx<\/td><td colspan="8">无法读取：/);
    const text = await readFile(csv, 'utf8');
    expect(text.startsWith('\ufeff文件,部门,单位,年度,类型,表格数,错误,警告,提示,状态,审核时间\r\n')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"甲单位,2021\.xlsx",,,2021,预算,1,0,0,0,通过,\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(lines[2]).toMatch(/^乙单位\.xlsx,,,,,,,,,无法读取：.*,\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('prints one line per workbook by default, tables and findings with --verbose', async () => {
    const file = join(dir, 'budget.xlsx');
    await writeBudget(file);
    await main(['check', file]);
    expect(out.join('').trim().split('\n')).toEqual([
      expect.stringMatching(
        /^■ 通过 {2}budget\.xlsx — 2021 年 预算 · 1 张表 · 错误 0 · 警告 0 · 提示 0 · 已核对 \d+ 项勾稽关系，\d+ 项未能核对$/,
      ),
    ]);
    out.length = 0;
    await main(['check', file, '--verbose']);
    expect(out.join('').trim().split('\n').length).toBeGreaterThan(2);
  });

  it('names the department from the workbook and gives warnings-only workbooks 有警告', async () => {
    const file = join(dir, 'dept.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('收入总表');
    ws.addRows([
      ['2021年部门预算收入总表', null, null, null, null],
      ['编制单位：甲县财政局', null, null, null, '单位：万元'],
      ['单位名称', '科目编码', '科目名称', '合计', '财政拨款收入'],
      ['合计', null, null, 60.25, 60.25],
      ['甲县财政局机关', '208', '社会保障和就业支出', 60.25, 60.25],
      ['甲县财政局机关', '20805', '行政事业单位养老支出', 60.25, 60.25],
    ]);
    await wb.xlsx.writeFile(file);
    const csv = join(dir, 's.csv');
    await main(['check', file, '--summary', csv]);
    const line = (await readFile(csv, 'utf8')).split('\r\n')[1] ?? '';
    expect(line).toMatch(/^dept\.xlsx,甲县财政局,甲县财政局机关,2021,预算,/);
    expect(out.join('')).toContain('甲县财政局');
    const report = { findings: [] as { severity: 'error' | 'warning' | 'info' }[] } as unknown as ReviewReport;
    expect(verdictOf(report)).toBe('通过');
    // Unresolved is never a pass: nothing checked (a blank template) is 未能核对, one identity closed is a pass.
    report.coverage = { identities: { closed: 0, failed: 0, notChecked: 3 }, notChecked: [] };
    expect(verdictOf(report)).toBe('未能核对');
    report.coverage = { identities: { closed: 1, failed: 0, notChecked: 3 }, notChecked: [] };
    expect(verdictOf(report)).toBe('通过');
    report.findings.push({ severity: 'warning' } as ReviewReport['findings'][number]);
    expect(verdictOf(report)).toBe('有警告');
    report.findings.push({ severity: 'error' } as ReviewReport['findings'][number]);
    expect(verdictOf(report)).toBe('有错误');
  });

  it('neutralises cells Excel would read as formulas', () => {
    const at = new Date(2026, 0, 2, 3, 4);
    const csv = batchSummaryCsv([
      { file: '=HYPERLINK("x").xlsx', unreadable: '不是工作簿', reviewedAt: at },
      { file: '+1.xlsx', unreadable: '-', reviewedAt: at },
      { file: '@a.xlsx', unreadable: 'x', reviewedAt: at },
    ]);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"").xlsx",,,,,,,,,无法读取：不是工作簿,2026-01-02 03:04`);
    expect(lines[2]?.startsWith("'+1.xlsx,")).toBe(true);
    expect(lines[3]?.startsWith("'@a.xlsx,")).toBe(true);
    expect(batchHeadline([{ file: 'a', unreadable: 'x', reviewedAt: at }])).toBe(
      '共 1 个工作簿：0 个通过，0 个有警告，0 个有错误，0 个未能核对，1 个无法读取，0 个审核出错',
    );
  });

  it('exits 2 with usage on a bad command line', async () => {
    expect(await main(['review'])).toBe(2);
    expect(err.join('')).toMatch(/用法 Usage/);
  });
});

describe('budget-review fill', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'br-fill-'));
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes target sheets into a copy and leaves the original untouched', async () => {
    const source = join(__dirname, '../fixtures/quanzhou-2021-budget.xlsx');
    const before = await readFile(source);
    const out = join(dir, 'out.xlsx');
    expect(await main(['fill', source, '--out', out, '--targets', '--department'])).toBe(0);
    expect((await readFile(source)).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('绩效目标-城乡居民基本医疗保险补助资金');
    expect(names).toContain('部门整体绩效目标');
    expect(wb.getWorksheet('部门整体绩效目标')?.getCell('C4').value).toBe(25789.01);
  });

  it('asks for an output file', async () => {
    expect(parseArgs(['fill', 'a.xlsx'])).toMatchObject({ command: 'error' });
    expect(parseArgs(['fill', 'a.xlsx', '--out', 'b.xlsx'])).toMatchObject({
      command: 'fill',
      codes: true,
      selfEvaluation: true,
      targets: false,
    });
  });
});
