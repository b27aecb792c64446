import { readXlsx, snapshotOf } from '../../src/adapters/xlsx/read-xlsx';
import { reviewWorkbook, type ReportFinding } from '../../src/core';
import { unitsToNumber } from './model/amount';
import { generateDisclosure } from './model/generate';
import { renderNationalBudget } from './render/national-budget';

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

const serious = (fs: readonly ReportFinding[]) => fs.filter((f) => f.severity !== 'info');

describe('layouts: national-budget', () => {
  it.each(SEEDS)('seed %i: a consistent workbook has 0 errors, 0 warnings, every table typed', (seed) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const report = reviewWorkbook(snapshotOf(renderNationalBudget(d), `s${seed}.xlsx`)).report;
    expect(serious(report.findings)).toEqual([]);
    expect(report.tables.map((t) => t.type).sort()).toEqual([...TYPES].sort());
  });

  it.each(ROUND_TRIP)('seed %i: the same through a written .xlsx and readXlsx', async (seed) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const bytes = new Uint8Array(await renderNationalBudget(d).xlsx.writeBuffer());
    const report = reviewWorkbook(await readXlsx(bytes, `s${seed}.xlsx`)).report;
    expect(serious(report.findings)).toEqual([]);
    expect(report.tables).toHaveLength(TYPES.length);
  });

  it.each(SEEDS)('seed %i: a slipped leaf amount in the 支出总表 is caught at its cell', (seed) => {
    const d = generateDisclosure(seed, { kind: 'budget' });
    const wb = renderNationalBudget(d);
    const index = d.functions.findIndex((l) => l.level === 3);
    const row = 5 + index; // title, 编制部门, header, 合计, then the lines
    const cell = wb.getWorksheet('支出总表')!.getCell(row, 3);
    const before = Math.round(Number(cell.value ?? 0) * 10 ** d.decimals);
    cell.value = unitsToNumber(before + 10 ** (d.decimals + 1) * 7, d.decimals);
    const report = reviewWorkbook(snapshotOf(wb, `s${seed}.xlsx`)).report;
    const at = serious(report.findings).filter((f) => f.sheet === '支出总表' && f.cells.includes(`C${row}`));
    expect(at.length).toBeGreaterThan(0);
  });
});
