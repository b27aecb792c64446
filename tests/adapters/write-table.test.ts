import ExcelJS from 'exceljs';
import { tableXlsx } from '../../src/adapters/xlsx/write-table';
import { findingsXlsx } from '../../src/taskpane/export-findings';

async function read(buffer: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

describe('the xlsx adapter writes a list as a workbook (the findings export)', () => {
  it('a bold frozen header, the rows as text, widths, an autofilter over header and rows', async () => {
    const ws = await read(
      await tableXlsx({ sheet: '清单', header: ['甲', '乙', '丙'], rows: [['1', '2', '=3']], widths: [10, 20] }),
    );
    expect(ws.name).toBe('清单');
    expect(ws.getRow(1).values).toEqual([undefined, '甲', '乙', '丙']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '1', '2', '=3']);
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width]).toEqual([10, 20, 12]);
    expect(ws.autoFilter).toBe('A1:C2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('the findings export: one line per finding under the eight-column header, filtered A1:H', async () => {
    const ws = await read(
      await findingsXlsx([
        { rule: 'sum.total', severity: 'error', sheet: '表1', cells: ['C5'], message: '合计不等', expected: '1' },
      ]),
    );
    expect(ws.name).toBe('问题清单');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('表1');
    expect(ws.getRow(2).getCell(8).value).toBe('合计不等');
    expect(ws.autoFilter).toBe('A1:H2');
  });
});
