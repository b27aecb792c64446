import ExcelJS from 'exceljs';
import { InputError } from '../../src/adapters/xlsx/input-error';
import { readXlsxSnapshot } from '../../src/adapters/xlsx/snapshot-reader';
import { DEFAULT_LIMITS } from '../../src/adapters/xlsx/zip-archive';

/** A workbook of `sheets` sheets, each `rows` × 2 numbers. */
async function grid(sheets: number, rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`S${s + 1}`);
    for (let r = 1; r <= rows; r++) ws.addRow([r, r / 2]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

/**
 * A sheet part within its byte limit can still hold millions of cells, each an object in the snapshot: a
 * 1,048,576-row sheet of two numbers (14 MB zipped, 47 MB of XML) took the CLI to 1.2 GB before; beyond the cell budget
 * it is refused while being read (exit 2 and a Chinese message), and the batch goes on.
 */
describe('cells-per-sheet and cells-per-workbook budget', () => {
  it('a sheet over the per-sheet budget is too_many_cells, naming the sheet and the limit', async () => {
    const bytes = await grid(1, 10);
    const e = thrown(() => readXlsxSnapshot(bytes, 'big.xlsx', { ...DEFAULT_LIMITS, sheetCells: 19 }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('too_many_cells');
    expect((e as InputError).message).toMatch(/^工作簿的单元格过多.*工作表“S1”的单元格超过 19 个/);
    expect(readXlsxSnapshot(bytes, 'ok.xlsx', { ...DEFAULT_LIMITS, sheetCells: 20 }).sheets[0]?.rows).toHaveLength(10);
  });

  it('sheets within their budget but over the workbook budget together are refused too', async () => {
    const bytes = await grid(3, 10);
    const limits = { ...DEFAULT_LIMITS, sheetCells: 20, workbookCells: 59 };
    expect((thrown(() => readXlsxSnapshot(bytes, 'w.xlsx', limits)) as InputError).code).toBe('too_many_cells');
    expect(readXlsxSnapshot(bytes, 'w.xlsx', { ...limits, workbookCells: 60 }).sheets).toHaveLength(3);
  });

  it('the defaults leave room for any disclosure and stop far below the memory limit', () => {
    expect(DEFAULT_LIMITS.sheetCells).toBeGreaterThanOrEqual(1_000_000);
    expect(DEFAULT_LIMITS.workbookCells).toBeLessThanOrEqual(4_000_000);
  });
});
