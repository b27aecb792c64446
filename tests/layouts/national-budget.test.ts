import { readXlsx, snapshotOf } from '../../src/adapters/xlsx/read-xlsx';
import { reviewWorkbook, type ReportFinding } from '../../src/core';
import { unitsToNumber } from './model/amount';
import { generateDisclosure } from './model/generate';
import { columnLetter } from '../../src/core';
import { PER_SHEET, layoutFeatures, renderNationalBudget, type BudgetLayout } from './render/national-budget';

/**
 * Metamorphic properties on the "national-budget" family (the first renderer): a consistent disclosure reviews with no
 * error and no warning and all five tables typed; a single slip in a leaf amount is caught at its cell. Most seeds go
 * through ExcelJS → snapshotOf (the adapter's sheet reader); a few also through a real .xlsx write and readXlsx.
 */
const SEEDS = Array.from({ length: 40 }, (_, i) => 1 + i * 11);
const ROUND_TRIP = SEEDS.slice(0, 4);
const TYPES = [
  'income_summary',
  'expenditure_summary',
  'general_budget_expenditure',
  'general_budget_basic_expenditure',
  'three_public_expenses',
];

const LAYOUTS: BudgetLayout[] = [
  PER_SHEET,
  { placement: 'per-sheet', origin: [3, 2] },
  { placement: 'stacked', origin: [1, 1] },
];
const CASES = SEEDS.map((seed, i) => [seed, LAYOUTS[i % LAYOUTS.length]!] as const);

/**
 * The renderer draws 5 of the 8 tables of the national set, so disclosure.missing_table rightly names the other three
 * (收支总表, 财政拨款收支总表, 政府性基金支出表); every other error or warning on a consistent workbook is false.
 */
const PARTIAL_SET_RULES = new Set(['disclosure.missing_table']);
const serious = (fs: readonly ReportFinding[]) =>
  fs.filter((f) => f.severity !== 'info' && !PARTIAL_SET_RULES.has(f.rule));

describe('layouts: national-budget', () => {
  it.each(CASES)('seed %i: a consistent workbook has 0 errors, 0 warnings, every table typed (%j)', (seed, layout) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const report = reviewWorkbook(snapshotOf(renderNationalBudget(d, layout).wb, `s${seed}.xlsx`)).report;
    expect(layoutFeatures(layout).length).toBeGreaterThan(0);
    expect(serious(report.findings)).toEqual([]);
    expect(report.tables.map((t) => t.type).sort()).toEqual([...TYPES].sort());
  });

  it.each(ROUND_TRIP)('seed %i: the same through a written .xlsx and readXlsx', async (seed) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const bytes = new Uint8Array(await renderNationalBudget(d).wb.xlsx.writeBuffer());
    const report = reviewWorkbook(await readXlsx(bytes, `s${seed}.xlsx`)).report;
    expect(serious(report.findings)).toEqual([]);
    expect(report.tables).toHaveLength(TYPES.length);
  });

  it.each(CASES)('seed %i: a slipped leaf amount in the 支出总表 is caught at its cell (%j)', (seed, layout) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const { wb, bodies } = renderNationalBudget(d, layout);
    const body = bodies.get('支出总表')!;
    const row = body.row + 1 + d.functions.findIndex((l) => l.level === 3); // the 合计 row, then the lines
    const column = body.column + 2;
    const cell = wb.getWorksheet(body.sheet)!.getCell(row, column);
    const before = Math.round(Number(cell.value ?? 0) * 10 ** d.decimals);
    cell.value = unitsToNumber(before + 10 ** (d.decimals + 1) * 7, d.decimals);
    const report = reviewWorkbook(snapshotOf(wb, `s${seed}.xlsx`)).report;
    const at = serious(report.findings).filter(
      (f) => f.sheet === body.sheet && f.cells.includes(`${columnLetter(column - 1)}${row}`),
    );
    expect(at.length).toBeGreaterThan(0);
  });

  it.each(SEEDS.slice(0, 20))('seed %i: 元 with 0 decimals and 万元 with 4 decimals give the same findings', (seed) => {
    const yuan = generateDisclosure(seed, { kind: 'budget', unit: '元', decimals: 0 });
    const wan = { ...yuan, unit: '万元' as const, decimals: 4 as const }; // the same integers: 1 元 = 0.0001 万元
    const findingsOf = (d: typeof yuan) => {
      const { wb, bodies } = renderNationalBudget(d);
      const body = bodies.get('支出总表')!;
      const row = body.row + 1 + d.functions.findIndex((l) => l.level === 3);
      const cell = wb.getWorksheet(body.sheet)!.getCell(row, body.column + 2);
      const units = Math.round(Number(cell.value ?? 0) * 10 ** d.decimals);
      cell.value = unitsToNumber(units + 70000, d.decimals);
      return reviewWorkbook(snapshotOf(wb, `s${seed}.xlsx`))
        .report.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cells.join(',')}`)
        .sort();
    };
    const a = findingsOf(yuan);
    expect(a.length).toBeGreaterThan(0);
    expect(findingsOf(wan)).toEqual(a);
  });
});
