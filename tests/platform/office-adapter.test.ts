import { skippedNotice } from '../../src/core/plans/preconditions';
import { invertPlan, type WritePlan } from '../../src/core/plans/types';
import { planMarks, planReportSheet } from '../../src/core/plans/marks';
import type { ReportFinding } from '../../src/core/report/report';
import { reviewWorkbook } from '../../src/core/review';
import { cellAddress } from '../../src/core/snapshot/address';
import { applyPlan } from '../../src/platform/office/apply-plan';
import { ExcelOperationError, toOfficeError } from '../../src/platform/office/office-errors';
import { themeOfBackground } from '../../src/platform/office/office-platform';
import { readWorkbookSnapshot, ScanCancelled } from '../../src/platform/office/read-snapshot';
import { commentOf, FakeExcel, noteOf, type FakeSheetData } from '../helpers/fake-excel';

const caps = { notes: true, comments: true };

/** A sheet of rows × cols numbers, with a title merged across. */
function bigSheet(name: string, rows: number, cols: number): FakeSheetData {
  const cells: FakeSheetData['cells'] = { A1: `${name}表` };
  for (let r = 1; r < rows; r++)
    for (let c = 0; c < cols; c++) cells[cellAddress(r, c)] = { value: r * 100 + c, format: '#,##0.00' };
  return { name, cells, merges: [`A1:${cellAddress(0, cols - 1)}`] };
}

describe('reading a snapshot through Office.js', () => {
  it('reads 20 sheets / 200k cells in at most 8 syncs', async () => {
    const excel = new FakeExcel(Array.from({ length: 20 }, (_, i) => bigSheet(`表${i + 1}`, 1000, 10)));
    const progress: number[] = [];
    const snap = await readWorkbookSnapshot(excel.run, { name: 'big.xlsx', onProgress: (done) => progress.push(done) });
    expect(excel.syncCount).toBeLessThanOrEqual(8);
    expect(snap.sheets).toHaveLength(20);
    expect(snap.sheets[19]?.rows[999]?.[9]).toEqual({ value: 99909, format: '#,##0.00' });
    expect(snap.sheets[0]?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 9 }]);
    expect(progress.at(-1)).toBe(200_000);
  });

  it('keeps values, formats, errors and merges; reads hidden sheets as the CLI does (marked), not very hidden ones', async () => {
    const excel = new FakeExcel([
      {
        name: '收入总表',
        cells: {
          A1: '收入总表',
          A2: '科目编码',
          B2: '金额',
          A3: '208',
          B3: { value: 60.25, format: '#,##0.00' },
          B4: '#REF!',
          C9: '',
        },
        merges: ['A1:B1'],
        fills: { Z100: '#FFFF00' },
      },
      { name: '隐藏', visibility: 'Hidden', cells: { A1: 'x' } },
      { name: '内部', visibility: 'VeryHidden', cells: { A1: 'y' } },
      { name: '空表', cells: {} },
    ]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 'a.xlsx' });
    expect(snap.sheets.map((s) => s.name)).toEqual(['收入总表', '隐藏', '空表']);
    expect(snap.sheets.map((s) => s.hidden ?? false)).toEqual([false, true, false]);
    expect(snap.sheets[1]?.rows).toEqual([[{ value: 'x' }]]);
    const s = snap.sheets[0];
    expect(s?.columnCount).toBe(2);
    expect(s?.rows.length).toBe(4);
    expect(s?.rows[2]).toEqual([{ value: '208' }, { value: 60.25, format: '#,##0.00' }]);
    expect(s?.rows[3]?.[1]).toEqual({ value: { error: '#REF!' } });
    expect(snap.sheets[2]?.rows).toEqual([]);
  });

  it('halves its requests when Excel rejects the payload, and still reads every cell', async () => {
    const excel = new FakeExcel([bigSheet('大表', 5000, 12)], { maxCellsPerSync: 20_000 });
    const snap = await readWorkbookSnapshot(excel.run, { name: 'big.xlsx' });
    expect(snap.sheets[0]?.rows.length).toBe(5000);
    expect(snap.sheets[0]?.rows[4999]?.[11]).toEqual({ value: 499911, format: '#,##0.00' });
  });

  it('reads more than 512 merged areas by reading fewer rows at a time', async () => {
    const data = bigSheet('合并', 1200, 4);
    data.merges = [...(data.merges ?? []), ...Array.from({ length: 1100 }, (_, i) => `A${i + 2}:B${i + 2}`)];
    const excel = new FakeExcel([data]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 'm.xlsx' });
    expect(snap.sheets[0]?.merges).toHaveLength(1101);
  });

  it('stops between batches when the scan is cancelled', async () => {
    const excel = new FakeExcel([bigSheet('a', 2000, 100)]);
    const controller = new AbortController();
    const scan = readWorkbookSnapshot(excel.run, {
      name: 'x',
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    await expect(scan).rejects.toBeInstanceOf(ScanCancelled);
  });

  it('maps Office errors to messages a finance officer understands', async () => {
    const excel = new FakeExcel([bigSheet('a', 10, 2)]);
    excel.failNext = { code: 'InvalidOperationInCellEditMode', message: 'edit mode' };
    await expect(readWorkbookSnapshot(excel.run, { name: 'x' })).rejects.toThrow(
      new ExcelOperationError('x', '请先退出单元格编辑状态（按 Enter 或 Esc），再执行此操作'),
    );
  });

  it('says an Office error with an unknown code in Chinese only, its English kept apart', () => {
    const e = toOfficeError(
      Object.assign(new Error('The request failed with status code 503.'), { code: 'ServiceDown' }),
    );
    expect(e.message).toBe('Excel 返回了错误（错误代码 ServiceDown），请稍后重试或重新扫描');
    expect(e.message).not.toMatch(/request|status/);
    expect(e.detail).toBe('The request failed with status code 503.');
    expect(toOfficeError(new Error('Network error')).message).toBe('Excel 返回了错误，请稍后重试或重新扫描');
  });
});

describe('the pane follows Office’s theme', () => {
  it('a dark body background is dark, a light one light, none or a bad colour leaves it to the browser', () => {
    expect(themeOfBackground('#1F1F1F')).toBe('dark');
    expect(themeOfBackground('262626')).toBe('dark');
    expect(themeOfBackground('#FFFFFF')).toBe('light');
    expect(themeOfBackground('#E6E6E6')).toBe('light');
    expect(themeOfBackground(undefined)).toBeUndefined();
    expect(themeOfBackground('dark')).toBeUndefined();
  });
});

describe('marking findings', () => {
  const findings: ReportFinding[] = Array.from({ length: 1000 }, (_, i) => ({
    rule: 'sum.total',
    severity: i % 3 === 0 ? 'warning' : 'error',
    sheet: i % 2 ? '甲' : '乙',
    cells: [cellAddress(i, 0), cellAddress(i, 1), cellAddress(i, 2)],
    message: `第 ${i + 1} 行不平`,
  }));

  it('marks 1,000 findings in at most 4 syncs and clears them back exactly', async () => {
    const excel = new FakeExcel([
      { name: '甲', cells: { A1: 1 }, fills: { B2: '#00FF00', A4: '#123456' } },
      { name: '乙', cells: { A1: 1 } },
    ]);
    const plan = planMarks(findings);
    const executed = await applyPlan(excel.run, plan, caps);
    expect(excel.syncCount).toBeLessThanOrEqual(4);
    expect(excel.fillOf('乙', 'A1')).toBe('#FFD8A8');
    expect(excel.fillOf('甲', 'A2')).toBe('#F4B6B6');
    expect(excel.fillOf('甲', 'B2')).toBe('#FBE3E3');
    expect(noteOf(excel, '甲', 'A2')).toMatch(/【错误】第 2 行不平/);

    const before = excel.syncCount;
    await applyPlan(excel.run, invertPlan(executed), caps);
    expect(excel.syncCount - before).toBeLessThanOrEqual(2);
    expect(excel.fillOf('甲', 'B2')).toBe('#00FF00');
    expect(excel.fillOf('甲', 'A4')).toBe('#123456');
    expect(excel.fillOf('甲', 'A2')).toBeNull();
    expect(excel.fillOf('乙', 'C1000')).toBeNull();
    expect(noteOf(excel, '甲', 'A2')).toBeUndefined();
  });

  it('falls back to comments on hosts without notes', async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1 } }], { notes: false });
    await applyPlan(excel.run, planMarks(findings.slice(1, 2)), { notes: false, comments: true });
    expect(commentOf(excel, '甲', 'A2')).toMatch(/预算审核助手/);
  });

  it('writes the report sheet as one block and can take it away again', async () => {
    const excel = new FakeExcel([
      { name: '支出总表', cells: { A1: '2021年部门支出总表', A2: '科目编码', B2: '合计', A3: '208', B3: 5 } },
    ]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 'r.xlsx' });
    const review = reviewWorkbook(snap);
    const plan = planReportSheet(
      review.report,
      snap.sheets.map((s) => s.name),
    );
    const before = excel.syncCount;
    const done = await applyPlan(excel.run, plan, caps);
    // One sync to check that no sheet of that name appeared since the scan, one to write.
    expect(excel.syncCount - before).toBe(2);
    expect(excel.sheet('审核报告').cells.get('A1')?.value).toBe('预算审核报告');
    await applyPlan(excel.run, invertPlan(done), caps);
    expect(() => excel.sheet('审核报告')).toThrow(/ItemNotFound/);
  });

  it('goes to a cell', async () => {
    const excel = new FakeExcel([
      { name: '甲', cells: { A1: 1 } },
      { name: '乙', cells: { A1: 1 } },
    ]);
    await applyPlan(excel.run, { title: '定位', actions: [{ kind: 'select', sheet: '乙', range: 'C7' }] }, caps);
    expect([excel.active, excel.selection, excel.syncCount]).toEqual(['乙', '乙!C7', 1]);
  });
});

describe('writing defensively (issue 12)', () => {
  const finding = (sheet: string, cells: string[], message = '不平'): ReportFinding => ({
    rule: 'sum.total',
    severity: 'error',
    sheet,
    cells,
    message,
  });

  it("records a cell's own note before marking it and puts it back when the marks are cleared", async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1 }, notes: { A1: '会计：请核对', B1: '原有' } }]);
    const done = await applyPlan(excel.run, planMarks([finding('甲', ['A1']), finding('甲', ['C1'])]), caps);
    expect(noteOf(excel, '甲', 'A1')).toMatch(/预算审核助手/);
    expect(noteOf(excel, '甲', 'C1')).toMatch(/预算审核助手/);
    const undone = await applyPlan(excel.run, invertPlan(done), caps);
    expect(undone.skipped).toBeUndefined();
    expect(noteOf(excel, '甲', 'A1')).toBe('会计：请核对');
    expect(noteOf(excel, '甲', 'B1')).toBe('原有');
    expect(noteOf(excel, '甲', 'C1')).toBeUndefined();
  });

  it('does the same with threaded comments on hosts without notes', async () => {
    const excel = new FakeExcel([{ name: "O'Brien", cells: { A1: 1 }, comments: { A1: '旧批注' } }], {
      notes: false,
    });
    const host = { notes: false, comments: true };
    const done = await applyPlan(excel.run, planMarks([finding("O'Brien", ['A1']), finding("O'Brien", ['B2'])]), host);
    expect(commentOf(excel, "O'Brien", 'A1')).toMatch(/预算审核助手/);
    await applyPlan(excel.run, invertPlan(done), host);
    expect(commentOf(excel, "O'Brien", 'A1')).toBe('旧批注');
    expect(commentOf(excel, "O'Brien", 'B2')).toBeUndefined();
  });

  it('clears the other marks when one sheet was deleted or one note removed since, and lists what it left', async () => {
    const excel = new FakeExcel([
      { name: '甲', cells: { A1: 1 } },
      { name: '乙', cells: { A1: 1 } },
    ]);
    const done = await applyPlan(
      excel.run,
      planMarks([finding('乙', ['A1']), finding('甲', ['A1', 'B1']), finding('甲', ['A5'])]),
      caps,
    );
    excel.sheet('乙').deleted = true;
    excel.sheet('甲').notes.delete('A5');
    const undone = await applyPlan(excel.run, invertPlan(done), caps);
    expect(excel.fillOf('甲', 'A1')).toBeNull();
    expect(excel.fillOf('甲', 'B1')).toBeNull();
    expect(excel.fillOf('甲', 'A5')).toBeNull();
    expect(noteOf(excel, '甲', 'A1')).toBeUndefined();
    expect(undone.skipped).toEqual(
      expect.arrayContaining([
        { sheet: '乙', cell: 'A1', reason: 'failed' },
        { sheet: '甲', cell: 'A5', reason: 'changed' },
      ]),
    );
    expect(skippedNotice(undone.skipped)).toBe('1 处已被修改，未覆盖；2 处无法写入（工作表或批注已不存在）');
    // What was really restored: nothing of 乙 in the executed inverse.
    expect(undone.actions.some((a) => 'sheet' in a && a.sheet === '乙')).toBe(false);
  });

  it('leaves a fill the user set after marking', async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1 } }]);
    const done = await applyPlan(excel.run, planMarks([finding('甲', ['A1', 'B1'])]), caps);
    excel.sheet('甲').fills.set('B1', '#00B050');
    const undone = await applyPlan(excel.run, invertPlan(done), caps);
    expect(excel.fillOf('甲', 'A1')).toBeNull();
    expect(excel.fillOf('甲', 'B1')).toBe('#00B050');
    expect(skippedNotice(undone.skipped)).toBe('1 处已被修改，未覆盖');
  });

  it('does not overwrite a cell that changed since the scan, nor a formula', async () => {
    const excel = new FakeExcel([
      { name: '甲', cells: { A1: '名称', A2: 'x', A3: { value: 7, formula: '=B3+1' } as never } },
    ]);
    const plan: WritePlan = {
      title: '填写',
      actions: [
        { kind: 'set_values', sheet: '甲', at: 'B1', values: [['201']], previous: [[null]] },
        { kind: 'set_values', sheet: '甲', at: 'A2', values: [['202']], previous: [[null]] },
        { kind: 'set_values', sheet: '甲', at: 'A3', values: [['203']], previous: [[7]] },
      ],
    };
    const done = await applyPlan(excel.run, plan, caps);
    expect(excel.sheet('甲').cells.get('B1')?.value).toBe('201');
    expect(excel.sheet('甲').cells.get('A2')?.value).toBe('x');
    expect(excel.sheet('甲').cells.get('A3')?.formula).toBe('=B3+1');
    expect(done.skipped?.map((s) => s.cell)).toEqual(['A2', 'A3']);
    expect(done.actions).toHaveLength(1);
    // Undo restores B1 only if it still holds what was written.
    excel.sheet('甲').cells.set('B1', { value: '用户改过' });
    const undone = await applyPlan(excel.run, invertPlan(done), caps);
    expect(excel.sheet('甲').cells.get('B1')?.value).toBe('用户改过');
    expect(skippedNotice(undone.skipped)).toBe('1 处已被修改，未覆盖');
  });

  it('writes text as text: "=100%", "-项目", "@x" and "0101" never become formulas or numbers', async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1 } }]);
    const texts = ['=100%', '-项目支出', '+1', '@x', '0101', '2080505'];
    await applyPlan(
      excel.run,
      {
        title: 't',
        actions: [
          { kind: 'set_values', sheet: '甲', at: 'B1', values: [texts], previous: [texts.map(() => null)] },
          { kind: 'add_sheet', sheet: '报告', values: [texts] },
        ],
      },
      caps,
    );
    for (const [i, t] of texts.entries()) {
      expect(excel.sheet('甲').cells.get(cellAddress(0, i + 1))).toEqual({ value: t });
      expect(excel.sheet('报告').cells.get(cellAddress(0, i))).toEqual({ value: t });
    }
  });

  it('undoes its own text "=100%" (a text constant reads "=100%" in formulas too: not a formula) and restores #REF!', async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1, C1: '#REF!' } }]);
    const done = await applyPlan(
      excel.run,
      {
        title: 't',
        actions: [
          {
            kind: 'set_values',
            sheet: '甲',
            at: 'B1',
            values: [['=100%', '-项目']],
            previous: [[null, { error: '#REF!' }]],
          },
        ],
      },
      caps,
    );
    expect(done.skipped).toBeUndefined();
    const undone = await applyPlan(excel.run, invertPlan(done), caps);
    expect(undone.skipped).toBeUndefined();
    expect(excel.sheet('甲').cells.get('B1')).toBeUndefined();
    expect(excel.sheet('甲').cells.get('C1')).toEqual({ value: '#REF!' });
  });

  it("keeps every request under Excel on the web's 5 MB payload limit", async () => {
    const excel = new FakeExcel([{ name: '甲', cells: { A1: 1 } }], { maxPayloadBytes: 5_000_000 });
    const line = '一般公共预算财政拨款支出说明文字';
    const rows = Array.from({ length: 30_000 }, (_, i) => [`${i}`, line, line, line, line]);
    const done = await applyPlan(
      excel.run,
      { title: '报告', actions: [{ kind: 'add_sheet', sheet: '大报告', values: rows }] },
      caps,
    );
    expect(done.skipped).toBeUndefined();
    expect(excel.sheet('大报告').cells.get('B30000')?.value).toBe(line);
    expect(excel.maxPayloadSeen).toBeLessThanOrEqual(5_000_000);
    const block = rows.map((r) => r.slice(1));
    await applyPlan(
      excel.run,
      {
        title: '块',
        actions: [
          { kind: 'set_values', sheet: '甲', at: 'C1', values: block, previous: block.map((r) => r.map(() => null)) },
        ],
      },
      caps,
    );
    expect(excel.sheet('甲').cells.get('F30000')?.value).toBe(line);
    expect(excel.maxPayloadSeen).toBeLessThanOrEqual(5_000_000);
  });
});
