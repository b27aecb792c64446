import type ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExcelJsTarget } from '../../src/adapters/xlsx/exceljs-platform';
import { readWorkbookModel } from '../../src/adapters/xlsx/model-reader';
import { loadXlsx } from '../../src/adapters/xlsx/read-xlsx';
import { colOfKey, rowOfKey } from '../../src/adapters/xlsx/workbook-model';
import { cellAddress, sameCellValue } from '../../src/core';

/**
 * The preview's workbook model against ExcelJS, cell by cell, as the plan writer sees them (value, formula, fill,
 * note) on every workbook in the repository and in ../shared: plans then skip and record the same cells in the
 * preview as in a workbook ExcelJS loaded, which is what the downloaded file is made from.
 */
const ROOT = resolve(__dirname, '../..');
const SHARED = resolve(ROOT, '../shared');

function xlsxFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx') && !e.name.startsWith('~$'))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !p.includes('node_modules'));
}

const files = [
  ...xlsxFilesUnder(join(ROOT, 'assets')),
  ...xlsxFilesUnder(join(ROOT, 'tests/fixtures')),
  ...xlsxFilesUnder(SHARED),
];

/**
 * A fill as a plan's precondition sees it: a solid RGB colour, or not one. Other fills are keyed by each side its own
 * way (and ExcelJS keys a `<patternFill/>` without a pattern type as a fill, which Excel and the model show as none).
 */
const fillKind = (key: string | null) => (key?.startsWith('#') ? key.toUpperCase() : 'not a solid colour');

describe('workbook model = ExcelJS, cell by cell, on real and corpus workbooks', () => {
  it('finds the workbooks to compare', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    let workbook: ExcelJS.Workbook;
    try {
      workbook = await loadXlsx(bytes, 'w.xlsx');
    } catch {
      expect(() => readWorkbookModel(bytes, 'w.xlsx')).toThrow();
      return;
    }
    const model = readWorkbookModel(bytes, 'w.xlsx');
    const excel = new ExcelJsTarget(workbook);
    expect(model.sheetNames()).toEqual(excel.sheetNames());
    const differences: string[] = [];
    for (const [i, ws] of workbook.worksheets.entries()) {
      const sheet = model.sheets[i];
      if (!sheet) continue;
      const cells = new Set<string>();
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (_c, c) => cells.add(cellAddress(r - 1, c - 1))),
      );
      for (const k of sheet.cells.keys()) cells.add(cellAddress(rowOfKey(k), colOfKey(k)));
      for (const address of cells) {
        const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
        const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const row = Number(m[2]) - 1;
        const at = `${ws.name}!${address}`;
        const [a, b] = [model.value(ws.name, row, col), excel.value(ws.name, row, col)];
        if (!sameCellValue(a, b)) differences.push(`${at} value ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
        if (model.isFormula(ws.name, row, col) !== excel.isFormula(ws.name, row, col))
          differences.push(`${at} formula`);
        const [f, g] = [fillKind(model.fill(ws.name, row, col)), fillKind(excel.fill(ws.name, row, col))];
        if (f !== g) differences.push(`${at} fill ${f} ≠ ${g}`);
        const [n, o] = [model.note(ws.name, row, col), excel.note(ws.name, row, col)];
        if (n !== o) differences.push(`${at} note ${JSON.stringify(n)} ≠ ${JSON.stringify(o)}`);
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
  });
});
