import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx/read-xlsx';
import { readXlsxSnapshot } from '../../src/adapters/xlsx/snapshot-reader';

/**
 * The fflate snapshot reader against the ExcelJS path the reports were built on: the same snapshot for every workbook
 * in the repository and in ../shared, and for generated workbooks with the quirks a reader must get right. Where the
 * two differ because ExcelJS reads a part wrongly, the case is pinned in snapshot-reader.test.ts instead.
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

/** Plain data (holes and undefined properties dropped), as reports see it. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

async function both(bytes: Uint8Array): Promise<[unknown, unknown]> {
  const outcome = async (read: () => unknown) => {
    try {
      return plain(await read());
    } catch (e) {
      return { failed: (e as { code?: string }).code ?? String(e) };
    }
  };
  return [await outcome(() => readXlsx(bytes, 'w.xlsx')), await outcome(() => readXlsxSnapshot(bytes, 'w.xlsx'))];
}

const files = [
  ...xlsxFilesUnder(join(ROOT, 'assets')),
  ...xlsxFilesUnder(join(ROOT, 'tests/fixtures')),
  ...xlsxFilesUnder(SHARED),
];

describe('snapshot reader = ExcelJS path, on real and corpus workbooks', () => {
  it('finds the workbooks to compare', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', async (_, file) => {
    const [exceljs, fast] = await both(readFileSync(file));
    expect(fast).toEqual(exceljs);
  });
});

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '科目编码',
    '一般公共预算',
    ' 前后空格 ',
    'a&b<c>"d\'',
    '换行\n第二行',
    'CR\r\nLF',
    '_x000D_',
    '_x005F_x000D_',
    '合计：',
    '',
  ),
);
const amount = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 1e-7, 123456789.123),
);
const format = fc.constantFrom(
  undefined,
  '#,##0.00',
  '0.00%',
  '0',
  'yyyy-mm-dd',
  'General',
  '@',
  '#,##0.00_ ;[Red]-#,##0.00 ',
);

type GeneratedValue = ExcelJS.CellValue;

const cellValue: fc.Arbitrary<GeneratedValue> = fc.oneof(
  { weight: 4, arbitrary: amount },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!').map((error) => ({ error })) },
  {
    weight: 1,
    arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({
      richText: parts.map((t, i) => ({ text: t, font: i % 2 ? { bold: true } : undefined })),
    })),
  },
  // Falsy results (0, "") are dropped by ExcelJS (pinned in snapshot-reader.test.ts).
  {
    weight: 1,
    arbitrary: amount
      .filter((n) => n !== 0)
      .map((result) => ({ formula: 'SUM(A1:A2)', result }) as ExcelJS.CellFormulaValue),
  },
  { weight: 1, arbitrary: fc.constant({ formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue) },
  {
    weight: 1,
    // Formula text results without '&': ExcelJS decodes them twice (pinned in snapshot-reader.test.ts).
    arbitrary: fc
      .string({ maxLength: 8 })
      .filter((s) => s !== '' && !s.includes('&'))
      .map((result) => ({ formula: 'A1&""', result }) as ExcelJS.CellFormulaValue),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60000 }).map((d) => new Date(Date.UTC(1900, 0, d))) },
);

interface GeneratedSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  cells: { row: number; col: number; value: GeneratedValue; format: string | undefined; styleOnly: boolean }[];
  merges: [number, number, number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
}

const sheet: fc.Arbitrary<GeneratedSheet> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/[\\/?*[\]:']/.test(s) && s.trim() === s),
  state: fc.constantFrom('visible', 'visible', 'hidden', 'veryHidden'),
  // One entry per address: a second write to a cell would combine one entry's value with another's format (a date
  // format on a text result is a pinned ExcelJS divergence that the per-entry guard in write() cannot see).
  cells: fc.uniqueArray(
    fc.record({
      row: fc.integer({ min: 1, max: 25 }),
      col: fc.integer({ min: 1, max: 12 }),
      value: cellValue,
      format,
      styleOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
    { maxLength: 60, selector: (c) => `${c.row}:${c.col}` },
  ),
  merges: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 14 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
    ),
    { maxLength: 6 },
  ),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
  hiddenColumns: fc.array(fc.integer({ min: 1, max: 14 }), { maxLength: 3 }),
});

/** Merges that do not overlap an earlier one (ExcelJS refuses overlapping merges when it writes). */
function disjoint(merges: [number, number, number, number][]): [number, number, number, number][] {
  const kept: [number, number, number, number][] = [];
  for (const [top, left, h, w] of merges) {
    const m: [number, number, number, number] = [top, left, top + h, left + w];
    if (h === 0 && w === 0) continue;
    if (kept.some((k) => !(m[2] < k[0] || m[0] > k[2] || m[3] < k[1] || m[1] > k[3]))) continue;
    kept.push(m);
  }
  return kept;
}

async function write(sheets: GeneratedSheet[], date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const names = new Set<string>();
  for (const s of sheets) {
    if (names.has(s.name.toLowerCase())) continue;
    names.add(s.name.toLowerCase());
    const ws = wb.addWorksheet(s.name, { state: s.state });
    for (const c of s.cells) {
      const cell = ws.getCell(c.row, c.col);
      if (c.styleOnly) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      else cell.value = c.value;
      // A date format on a text result makes ExcelJS turn the text into a date (pinned in snapshot-reader.test.ts).
      const textResult = typeof (c.value as ExcelJS.CellFormulaValue | null)?.result === 'string';
      if (c.format && !textResult) cell.numFmt = c.format;
    }
    for (const m of disjoint(s.merges)) ws.mergeCells(...m);
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns) ws.getColumn(c).hidden = true;
  }
  if (names.size === 0) wb.addWorksheet('Sheet1');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('snapshot reader = ExcelJS path, on generated workbooks', () => {
  it('reads values, formats, rich text, formulas, merges, hidden rows/columns/sheets and 1904 dates alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
        const [exceljs, fast] = await both(await write(sheets, date1904));
        expect(fast).toEqual(exceljs);
      }),
      { numRuns: 60 },
    );
  });
});
