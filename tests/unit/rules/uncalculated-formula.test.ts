import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/adapters/xlsx/read-xlsx';
import { reviewWorkbook } from '../../../src/core/review';
import { invalidAmount } from '../../../src/core/rules/format/invalid-amount';
import { uncalculatedFormula } from '../../../src/core/rules/format/uncalculated-formula';
import { sheet, workbook, UNCALCULATED, type GridValue } from '../../helpers/grid';
import { findingsOf, testRule } from '../../helpers/rule-tester';

const money = (value: number) => ({ value, format: '#,##0.00' });

/** 一般公共预算支出表: 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出. */
const fnTable = (lines: GridValue[][]) =>
  workbook(
    sheet(
      [
        ['2021年一般公共预算支出表', null, null, null, null],
        ['单位：万元', null, null, null, null],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ...lines,
      ],
      { name: '一般公共预算支出表', merges: ['A1:E1'] },
    ),
  );

const leaves: GridValue[][] = [
  ['2080505', '机关事业单位基本养老保险缴费支出', money(44.9), money(44.9), null],
  ['2080506', '机关事业单位职业年金缴费支出', money(9.35), money(9.35), null],
];

testRule(uncalculatedFormula, {
  valid: [
    {
      name: 'formulas with their results',
      workbook: fnTable([['20805', '行政事业单位养老支出', money(54.25), money(54.25), null], ...leaves]),
    },
  ],
  invalid: [
    {
      name: 'three totals without results make one note for the table',
      workbook: fnTable([['20805', '行政事业单位养老支出', UNCALCULATED, UNCALCULATED, UNCALCULATED], ...leaves]),
      findings: [
        {
          severity: 'info',
          sheet: '一般公共预算支出表',
          cells: ['C4', 'D4', 'E4'],
          message:
            /^公式未计算：《2021年一般公共预算支出表》有 3 个公式没有计算结果（C4、D4、E4），涉及它们的合计未核对/,
        },
      ],
    },
  ],
});

describe('formulas without cached results', () => {
  const uncomputed = fnTable([['20805', '行政事业单位养老支出', UNCALCULATED, UNCALCULATED, null], ...leaves]);

  it('are neither summed as 0 nor reported as 未填金额 nor as invalid amounts; the sums touching them are not checked', () => {
    const { report } = reviewWorkbook(uncomputed);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'format.uncalculated_formula')).toHaveLength(1);
    expect(findingsOf(invalidAmount, { name: '', workbook: uncomputed })).toEqual([]);
  });

  it('an ExcelJS read marks them (Cell.uncalculated) and the review says 公式未计算 once per table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('一般公共预算支出表');
    ws.addRows([
      ['2021年一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['20805', '行政事业单位养老支出', null, null, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 44.9, 44.9, null],
      ['2080506', '机关事业单位职业年金缴费支出', 9.35, 9.35, null],
    ]);
    // As a script writes them: formulas, no results (the file is never opened in Excel).
    ws.getCell('C4').value = { formula: 'SUM(C5:C6)' } as ExcelJS.CellFormulaValue;
    ws.getCell('D4').value = { formula: 'SUM(D5:D6)' } as ExcelJS.CellFormulaValue;
    ws.getCell('C7').value = { formula: 'C4' } as ExcelJS.CellFormulaValue;
    const snapshot = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'script.xlsx');
    const rows = snapshot.sheets[0]!.rows;
    expect(rows[3]?.[2]).toEqual({ value: null, uncalculated: true });
    expect(rows[3]?.[3]).toEqual({ value: null, uncalculated: true });
    expect(rows[4]?.[2]?.uncalculated).toBeUndefined();
    expect(rows).toHaveLength(7); // an uncalculated formula is content: it counts toward the used range
    const { report } = reviewWorkbook(snapshot);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.findings.filter((f) => /未填金额/.test(f.message))).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'format.uncalculated_formula')).toHaveLength(1);
  });
});
