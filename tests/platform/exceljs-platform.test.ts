import ExcelJS from 'exceljs';
import { skippedNotice } from '../../src/core/plans/preconditions';
import { invertPlan, type WritePlan } from '../../src/core/plans/types';
import { ExcelJsPlatform } from '../../src/adapters/xlsx/exceljs-platform';

/**
 * The ExcelJS adapter (browser preview, CLI `fill`) checks the same preconditions as the Office one (issue 12 item
 * 2): a cell that no longer holds what the plan expects is left alone and listed; a missing sheet does not block the
 * rest; what it removes is really gone from the saved file.
 */
function book(): { wb: ExcelJS.Workbook; platform: ExcelJsPlatform; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('甲');
  ws.getCell('A1').value = '名称';
  ws.getCell('A2').value = 'x';
  ws.getCell('A3').value = { formula: 'B3+1', result: 7 };
  ws.getCell('A4').value = { error: '#REF!' };
  return { wb, ws, platform: new ExcelJsPlatform(wb, 'a.xlsx', 'zh-CN') };
}

async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return out;
}

describe('ExcelJS adapter preconditions', () => {
  it('writes only cells still holding what the plan expects; never a formula', async () => {
    const { ws, platform } = book();
    const plan: WritePlan = {
      title: '填写',
      actions: [
        { kind: 'set_values', sheet: '甲', at: 'B1', values: [['201']], previous: [[null]] },
        { kind: 'set_values', sheet: '甲', at: 'A2', values: [['202']], previous: [[null]] },
        { kind: 'set_values', sheet: '甲', at: 'A3', values: [['203']], previous: [[7]] },
      ],
    };
    const done = await platform.applyPlan(plan);
    expect(ws.getCell('B1').value).toBe('201');
    expect(ws.getCell('A2').value).toBe('x');
    expect(ws.getCell('A3').value).toEqual({ formula: 'B3+1', result: 7 });
    expect(done.skipped).toEqual([
      { sheet: '甲', cell: 'A2', reason: 'changed' },
      { sheet: '甲', cell: 'A3', reason: 'changed' },
    ]);
    expect(done.actions).toHaveLength(1);
    ws.getCell('B1').value = '用户改过';
    const undone = await platform.applyPlan(invertPlan(done));
    expect(ws.getCell('B1').value).toBe('用户改过');
    expect(skippedNotice(undone.skipped)).toBe('1 处已被修改，未覆盖');
  });

  it('restores an error value it overwrote as the error, not as an empty cell', async () => {
    const { ws, platform } = book();
    const done = await platform.applyPlan({
      title: '填写',
      actions: [{ kind: 'set_values', sheet: '甲', at: 'A4', values: [['201']], previous: [[{ error: '#REF!' }]] }],
    });
    expect(ws.getCell('A4').value).toBe('201');
    await platform.applyPlan(invertPlan(done));
    expect(ws.getCell('A4').value).toEqual({ error: '#REF!' });
  });

  it("records a cell's own note, puts it back, and removes its own notes from the saved file", async () => {
    const { wb, ws, platform } = book();
    ws.getCell('A1').note = '会计：请核对';
    const done = await platform.applyPlan({
      title: '标记',
      actions: [
        { kind: 'set_note', sheet: '甲', cell: 'A1', text: '预算审核助手：不平' },
        { kind: 'set_note', sheet: '甲', cell: 'C1', text: '预算审核助手：不平' },
        { kind: 'set_fill', sheet: '甲', cells: ['A1', 'C1'], color: '#F4B6B6' },
      ],
    });
    expect(ws.getCell('A1').note).toBe('预算审核助手：不平');
    await platform.applyPlan(invertPlan(done));
    const saved = (await reloaded(wb)).getWorksheet('甲') as ExcelJS.Worksheet;
    expect(saved.getCell('A1').note).toBe('会计：请核对');
    // Before: an empty note was left behind (ExcelJS keeps `note = undefined` as a blank comment box).
    expect(saved.getCell('C1').note).toBeUndefined();
    expect(saved.getCell('C1').fill).toBeUndefined();
  });

  it('leaves a note or fill the user changed after marking, and lists it', async () => {
    const { ws, platform } = book();
    const done = await platform.applyPlan({
      title: '标记',
      actions: [
        { kind: 'set_note', sheet: '甲', cell: 'B2', text: '预算审核助手：不平' },
        { kind: 'set_fill', sheet: '甲', cells: ['B2', 'B3'], color: '#F4B6B6' },
      ],
    });
    ws.getCell('B2').note = '用户的批注';
    ws.getCell('B3').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } } };
    const undone = await platform.applyPlan(invertPlan(done));
    expect(ws.getCell('B2').note).toBe('用户的批注');
    expect(ws.getCell('B3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } });
    expect(ws.getCell('B2').fill).toBeUndefined();
    expect(skippedNotice(undone.skipped)).toBe('2 处已被修改，未覆盖');
  });

  it('a deleted sheet does not block the rest of an undo', async () => {
    const { wb, ws, platform } = book();
    wb.addWorksheet('乙').getCell('A1').value = 1;
    const done = await platform.applyPlan({
      title: '标记',
      actions: [
        { kind: 'set_fill', sheet: '乙', cells: ['A1'], color: '#F4B6B6' },
        { kind: 'set_fill', sheet: '甲', cells: ['A1'], color: '#F4B6B6' },
      ],
    });
    wb.removeWorksheet((wb.getWorksheet('乙') as ExcelJS.Worksheet).id);
    const undone = await platform.applyPlan(invertPlan(done));
    expect(ws.getCell('A1').fill).toBeUndefined();
    expect(undone.skipped).toEqual([{ sheet: '乙', cell: 'A1', reason: 'failed' }]);
    expect(undone.actions.every((a) => 'sheet' in a && a.sheet === '甲')).toBe(true);
  });
});
