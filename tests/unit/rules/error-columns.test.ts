import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/adapters/xlsx/read-xlsx';
import { reviewWorkbook } from '../../../src/core/review';
import { invalidAmount } from '../../../src/core/rules/format/invalid-amount';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

const money = (value: number) => ({ value, format: '#,##0.00' });
const REF = { error: '#REF!' };
const DIV0 = { error: '#DIV/0!' };

const fnTable = (basic: readonly GridValue[]) =>
  workbook(
    sheet(
      [
        ['2021年一般公共预算支出表', null, null, null, null],
        ['单位：万元', null, null, null, null],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['20805', '行政事业单位养老支出', money(54.25), basic[0], null],
        ['2080505', '机关事业单位基本养老保险缴费支出', money(44.9), basic[1], null],
        ['2080506', '机关事业单位职业年金缴费支出', money(9.35), basic[2], null],
      ],
      { name: '一般公共预算支出表', merges: ['A1:E1'] },
    ),
  );

// A column holding nothing but error values used to be read as a text column, and passed with no finding.
testRule(invalidAmount, {
  valid: [{ name: 'a column of numbers', workbook: fnTable([money(54.25), money(44.9), money(9.35)]) }],
  invalid: [
    {
      name: 'a column of #REF! / #DIV/0! is an amount column with invalid values: one finding per cell',
      workbook: fnTable([REF, REF, DIV0]),
      findings: [
        { severity: 'error', cells: ['D4'], message: /^D4 为错误值 #REF!/ },
        { severity: 'error', cells: ['D5'], message: /^D5 为错误值 #REF!/ },
        { severity: 'error', cells: ['D6'], message: /^D6 为错误值 #DIV\/0!/ },
      ],
    },
  ],
});

describe('error-value columns', () => {
  it('are amount columns in the report', () => {
    const { report } = reviewWorkbook(fnTable([REF, REF, DIV0]));
    expect(report.tables[0]?.columns.find((c) => c.column === 'D')?.role).toBe('amount');
  });

  it('read from a file (formulas whose cached result is an error) give the same findings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('一般公共预算支出表');
    ws.addRows([
      ['2021年一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['20805', '行政事业单位养老支出', 54.25],
      ['2080505', '机关事业单位基本养老保险缴费支出', 44.9],
      ['2080506', '机关事业单位职业年金缴费支出', 9.35],
    ]);
    for (const [cell, error] of [
      ['D4', '#REF!'],
      ['D5', '#REF!'],
      ['D6', '#DIV/0!'],
    ] as const)
      ws.getCell(cell).value = { formula: 'X', result: { error } } as ExcelJS.CellFormulaValue;
    const snapshot = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'errors.xlsx');
    const findings = reviewWorkbook(snapshot).report.findings.filter((f) => f.rule === 'format.invalid_amount');
    expect(findings.map((f) => f.cells)).toEqual([['D4'], ['D5'], ['D6']]);
  });
});
