import { codeCrossTable } from '../../../src/core/rules/code/code-cross-table';
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
      name: 'two tables disagreeing with no majority: which one is wrong is not known',
      workbook: workbook(fnTable('收入总表', lines('2080505')), fnTable('支出总表', lines('2080501'))),
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
