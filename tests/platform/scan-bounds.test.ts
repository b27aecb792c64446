import ExcelJS from 'exceljs';
import { readXlsxSnapshot } from '../../src/adapters/xlsx/snapshot-reader';
import { DEFAULT_LIMITS } from '../../src/adapters/xlsx/zip-archive';
import { cellAddress } from '../../src/core/snapshot/address';
import type { SheetSnapshot } from '../../src/core/snapshot/types';
import { ExcelOperationError } from '../../src/platform/office/office-errors';
import { readWorkbookSnapshot, SHEET_CELL_BUDGET, valueBlocks } from '../../src/platform/office/read-snapshot';
import { FakeExcel, type FakeSheetData } from '../helpers/fake-excel';

/**
 * Issue 12 item 5: an Excel scan reads the cells that hold values, bounded by the last row and column of values (not
 * of formats), and reads the sheets the CLI reads — hidden ones too, marked. The fake Excel counts every range read
 * and the cells it held, so a scan plan that follows the used range instead of the values shows in the counts.
 */

/** A table of `rows` × `cols` numbers under a title, from A1. */
function table(rows: number, cols: number): FakeSheetData['cells'] {
  const cells: FakeSheetData['cells'] = { A1: '收入总表' };
  for (let r = 1; r < rows; r++) for (let c = 0; c < cols; c++) cells[cellAddress(r, c)] = r * 100 + c;
  return cells;
}

const LAST = 'XFD1048576';

describe('scan bounds in Excel', () => {
  it('one stray value at XFD1048576: two small reads, not the used range (17 billion cells, 349,526 reads)', async () => {
    const excel = new FakeExcel([{ name: '表', cells: { ...table(100, 10), [LAST]: '孤值' } }]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 's.xlsx' });
    const sheet = snap.sheets[0] as SheetSnapshot;
    expect(sheet.rows[1_048_575]?.[16_383]).toEqual({ value: '孤值' });
    expect(sheet.rows[99]?.[9]).toEqual({ value: 9909 });
    expect(sheet.columnCount).toBe(16_384);
    // The table (1,000 cells minus the title row's blanks) and the stray cell: one read each.
    expect(excel.rangeReads).toBe(2);
    expect(excel.cellsRead).toBe(1001);
    expect(excel.syncCount).toBeLessThanOrEqual(4);
  });

  it('a stray value at the end of the title row stays a one-cell read of its own', async () => {
    const excel = new FakeExcel([{ name: '表', cells: { ...table(1000, 20), XFD1: 'x', A1048576: 'y' } }]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 's.xlsx' });
    expect(snap.sheets[0]?.rows[0]?.[16_383]).toEqual({ value: 'x' });
    expect(snap.sheets[0]?.rows[1_048_575]?.[0]).toEqual({ value: 'y' });
    expect(excel.cellsRead).toBe(20_000 + 2);
    expect(excel.rangeReads).toBeLessThanOrEqual(4);
  });

  it('formatting out to XFD1048576 does not widen the scan (used range of values, not of formats)', async () => {
    const excel = new FakeExcel([{ name: '表', cells: table(100, 10), fills: { [LAST]: '#FFFF00', Z1: '#FFFF00' } }]);
    await readWorkbookSnapshot(excel.run, { name: 's.xlsx' });
    expect(excel.cellsRead).toBe(1000);
    expect(excel.rangeReads).toBe(1);
    // Three syncs: sheets, used ranges, cells — no value-area query for a sheet of normal size.
    expect(excel.syncCount).toBe(3);
  });

  it('values scattered over the whole sheet: reads follow the values', async () => {
    const cells: FakeSheetData['cells'] = {};
    for (let i = 0; i < 2000; i++) cells[cellAddress(i * 500, (i * 7919) % 16_384)] = i + 1;
    const excel = new FakeExcel([{ name: '散', cells }]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 's.xlsx' });
    expect(snap.sheets[0]?.rows.flatMap((r) => (r ?? []).filter(Boolean))).toHaveLength(2000);
    expect(excel.cellsRead).toBe(2000);
    expect(excel.syncCount).toBeLessThanOrEqual(10);
  });

  it('a full row and a full column of values are read as they are, not as the box they span', async () => {
    const cells: FakeSheetData['cells'] = {};
    for (let c = 0; c < 16_384; c++) cells[cellAddress(0, c)] = c;
    for (let r = 1; r < 20_000; r++) cells[cellAddress(r, 0)] = r;
    const excel = new FakeExcel([{ name: '十字', cells }]);
    const snap = await readWorkbookSnapshot(excel.run, { name: 's.xlsx', denseCells: 10_000 });
    expect(snap.sheets[0]?.rows[19_999]?.[0]).toEqual({ value: 19_999 });
    expect(snap.sheets[0]?.rows[0]?.[16_383]).toEqual({ value: 16_383 });
    expect(excel.cellsRead).toBe(16_384 + 19_999);
  });

  it('a sheet holding more values than the CLI reviews is refused with the same budget and a Chinese message', async () => {
    expect(SHEET_CELL_BUDGET).toBe(DEFAULT_LIMITS.sheetCells);
    const excel = new FakeExcel([{ name: '大表', cells: table(60, 30) }]);
    const scan = readWorkbookSnapshot(excel.run, { name: 's.xlsx', denseCells: 100, maxCellsPerSheet: 1000 });
    await expect(scan).rejects.toThrow(ExcelOperationError);
    await expect(
      readWorkbookSnapshot(excel.run, { name: 's.xlsx', denseCells: 100, maxCellsPerSheet: 1000 }),
    ).rejects.toThrow('工作表“大表”有 1,771 个非空单元格，超过审核上限（每张工作表 1,000 个）');
    expect(excel.rangeReads).toBe(0);
  });

  it('valueBlocks: one block per group of touching rows and columns, never more cells than twice the areas', () => {
    const areas = [
      { top: 0, left: 0, bottom: 99, right: 9 },
      { top: 100, left: 0, bottom: 100, right: 3 },
      { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 },
    ];
    expect(valueBlocks(areas)).toEqual([
      { top: 0, left: 0, bottom: 100, right: 9 },
      { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 },
    ]);
    expect(valueBlocks([])).toEqual([]);
  });
});

describe('hidden sheets: the pane reads what the CLI reads', () => {
  it('the same snapshot from the .xlsx file (CLI) and from Excel (pane), hidden sheet marked, stray cell kept', async () => {
    const wb = new ExcelJS.Workbook();
    const visible = wb.addWorksheet('收入总表');
    visible.getCell('A1').value = '收入总表';
    visible.getCell('A2').value = '科目编码';
    visible.getCell('B2').value = '金额';
    visible.getCell('A3').value = '201';
    visible.getCell('B3').value = 12.5;
    visible.getCell(LAST).value = '孤值';
    const hidden = wb.addWorksheet('附表', { state: 'hidden' });
    hidden.getCell('A1').value = '支出总表';
    hidden.getCell('C4').value = 7;
    wb.addWorksheet('内部', { state: 'veryHidden' }).getCell('A1').value = 'x';
    const cli = readXlsxSnapshot(new Uint8Array(await wb.xlsx.writeBuffer()), 'h.xlsx');

    const excel = new FakeExcel(
      wb.worksheets.map((ws) => {
        const cells: FakeSheetData['cells'] = {};
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells[cell.address] = cell.value as string | number;
          }),
        );
        const visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
        return { name: ws.name, visibility, cells };
      }),
    );
    const pane = await readWorkbookSnapshot(excel.run, { name: 'h.xlsx' });
    const view = (s: SheetSnapshot) => ({
      name: s.name,
      hidden: s.hidden ?? false,
      columnCount: s.columnCount,
      cells: s.rows.flatMap((r, i) => (r ?? []).flatMap((c, j) => (c ? [[cellAddress(i, j), c.value]] : []))),
    });
    expect(pane.sheets.map(view)).toEqual(cli.sheets.map(view));
    expect(pane.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['收入总表', false],
      ['附表', true],
    ]);
    expect(excel.cellsRead).toBeLessThan(20);
  });
});
