import { codeCrossTable } from '../../../src/core/rules/code/cross-table';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

/** A function-classified table: title with year, header, then [code, name, amount] lines. */
const fnTable = (name: string, lines: GridValue[][]) =>
  sheet([[`2021年部门预算${name}`, null, null], ['科目编码', '科目名称', '合计'], ...lines], {
    name,
    merges: ['A1:C1'],
  });

const lines = (项: string): GridValue[][] => [
  ['208', '社会保障和就业支出', 30],
  ['20805', '行政事业单位养老支出', 30],
  [项, '机关事业单位基本养老保险缴费支出', 20],
  ['2080506', '机关事业单位职业年金缴费支出', 10],
];

/** The lines with the 项 line named otherwise than the catalog names any code. */
const renamed = (ls: GridValue[][]): GridValue[][] =>
  ls.map((l, i) => (i === 2 ? [l[0] as GridValue, '养老保险缴费', l[2] as GridValue] : l));

/** The same lines with the code split over 类|款|项 columns, each parent written on its own row only. */
const splitTable = (name: string, 项: string) =>
  sheet(
    [
      [`2021年部门预算${name}`, null, null, null, null],
      ['科目编码', null, null, '科目名称', '合计'],
      ['类', '款', '项', null, null],
      ['208', null, null, '社会保障和就业支出', 30],
      [null, '05', null, '行政事业单位养老支出', 30],
      [null, null, 项, '机关事业单位基本养老保险缴费支出', 20],
      [null, null, '06', '机关事业单位职业年金缴费支出', 10],
    ],
    { name, merges: ['A1:E1', 'A2:C2'] },
  );

testRule(codeCrossTable, {
  valid: [
    {
      name: 'every table codes the line alike',
      workbook: workbook(
        fnTable('收入总表', lines('2080505')),
        fnTable('支出总表', lines('2080505')),
        fnTable('一般公共预算支出表', lines('2080505')),
      ),
    },
    {
      // The catalog names neither 2080505 nor 2080501 “养老保险缴费”: no third witness.
      name: 'two tables disagreeing, the catalog naming the line at neither code: which one is wrong is not known',
      workbook: workbook(
        fnTable('收入总表', renamed(lines('2080505'))),
        fnTable('支出总表', renamed(lines('2080501'))),
      ),
    },
    {
      name: 'the same name under different parents is not one line',
      workbook: workbook(
        fnTable('收入总表', [['2010101', '行政运行', 1]]),
        fnTable('支出总表', [['2010101', '行政运行', 1]]),
        fnTable('一般公共预算支出表', [['2010201', '行政运行', 1]]),
      ),
    },
  ],
  invalid: [
    {
      // 类|款|项 in three columns, parents written once above their children: the 项 cell is the one that is wrong.
      name: 'split code columns: the finding names the 项 cell the code was read from, not the blank 类 cell',
      workbook: workbook(
        splitTable('收入总表', '05'),
        splitTable('支出总表', '01'),
        splitTable('一般公共预算支出表', '05'),
      ),
      findings: [{ severity: 'warning', sheet: '支出总表', cells: ['C6', 'D6'], message: /2080501.*2080505/ }],
    },
    {
      // Two tables only: the catalog gives “机关事业单位基本养老保险缴费支出” to 2080505, so 2080501 is the slip.
      name: 'two tables disagreeing, the catalog naming the line at one of the two codes',
      workbook: workbook(fnTable('收入总表', lines('2080505')), fnTable('支出总表', lines('2080501'))),
      findings: [
        {
          severity: 'warning',
          sheet: '支出总表',
          cells: ['A5', 'B5'],
          message: /编码为 2080501，《收入总表》为 2080505，科目表中.*亦为 2080505/,
        },
      ],
    },
    {
      name: 'one table codes the line otherwise than the two others',
      workbook: workbook(
        fnTable('收入总表', lines('2080505')),
        fnTable('支出总表', lines('2080501')),
        fnTable('一般公共预算支出表', lines('2080505')),
      ),
      findings: [{ severity: 'warning', sheet: '支出总表', cells: ['A5', 'B5'], message: /2080501.*2080505/ }],
    },
  ],
});
