import ExcelJS from 'exceljs';
import { InputError } from '../../src/adapters/xlsx/input-error';
import { checkSignature, readXlsx, toCellValue } from '../../src/adapters/xlsx/read-xlsx';

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof InputError ? e.code : String(e);
  }
};

describe('.xlsx adapter', () => {
  it('reads values, formats and merged areas, holding a merged value in its anchor only', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('收入总表');
      ws.getCell('A1').value = '收入总表';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '科目编码';
      ws.getCell('B2').value = { richText: [{ text: '科目' }, { text: '名称' }] };
      ws.getCell('C2').value = '金额';
      ws.getCell('A3').value = 2080505;
      ws.getCell('B3').value = '机关事业单位基本养老保险缴费支出';
      ws.getCell('C3').value = 54.25;
      ws.getCell('C3').numFmt = '#,##0.00';
      ws.getCell('C4').value = { formula: 'C3*2', result: 108.5 };
      ws.getCell('C5').value = { error: '#REF!' };
    });
    const snap = await readXlsx(bytes, 'a.xlsx');
    const s = snap.sheets[0]!;
    expect(s.name).toBe('收入总表');
    expect(s.columnCount).toBe(3);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.rows[0]?.[1]).toBeUndefined();
    expect(s.rows[1]?.[1]).toEqual({ value: '科目名称' });
    expect(s.rows[2]?.[2]).toEqual({ value: 54.25, format: '#,##0.00' });
    expect(s.rows[3]?.[2]).toEqual({ value: 108.5 });
    expect(s.rows[4]?.[2]).toEqual({ value: { error: '#REF!' } });
  });

  it('does not widen the used range for styled-only columns out to IV', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('t');
      ws.getCell('A1').value = '项目';
      ws.getCell('B1').value = '金额';
      for (let c = 3; c <= 256; c++)
        ws.getCell(1, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      for (let r = 2; r <= 3000; r++) ws.getCell(r, 200).border = { top: { style: 'thin' } };
      ws.mergeCells('A3000:IV3000');
    });
    const s = (await readXlsx(bytes, 'wide.xlsx')).sheets[0]!;
    expect(s.columnCount).toBe(2);
    expect(s.rows.length).toBe(1);
    expect(s.merges).toEqual([]);
  });

  it('turns dates back into serial numbers and keeps their format', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('t');
      ws.getCell('A1').value = new Date(Date.UTC(2021, 11, 1));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    const s = (await readXlsx(bytes, 'd.xlsx')).sheets[0]!;
    expect(s.rows[0]?.[0]).toEqual({ value: 44531, format: 'yyyy-mm-dd' });
    expect(toCellValue({ text: '链接', hyperlink: 'x' } as ExcelJS.CellValue)).toBe('链接');
  });

  it('records hidden rows and columns', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('t');
      ws.getCell('A1').value = 'a';
      ws.getCell('B2').value = 'b';
      ws.getRow(2).hidden = true;
      ws.getColumn(2).hidden = true;
    });
    const s = (await readXlsx(bytes, 'h.xlsx')).sheets[0]!;
    expect(s.hiddenRows).toEqual([1]);
    expect(s.hiddenColumns).toEqual([1]);
  });

  it('rejects legacy .xls, password-protected, corrupt, foreign and empty files with clear errors', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => checkSignature(ole, 'old.xls')).toThrow(/另存为/);
    const encrypted = new Uint8Array(ole);
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 600);
    expect(await code(readXlsx(encrypted, 'secret.xlsx'))).toBe('encrypted');
    const zipJunk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await code(readXlsx(zipJunk, 'broken.xlsx'))).toBe('corrupt');
    expect(await code(readXlsx(new TextEncoder().encode('a,b\n1,2'), 'data.csv'))).toBe('not_excel');
    expect(await code(readXlsx(new Uint8Array(), 'zero.xlsx'))).toBe('empty');
    const empty = await xlsxBytes((wb) => void wb.addWorksheet('Sheet1'));
    expect(await code(readXlsx(empty, 'blank.xlsx'))).toBe('empty');
  });
});
