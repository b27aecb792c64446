import type { GridValue } from './grid';

/**
 * Small synthetic budget tables used across the recognition tests. Each returns rows for `sheet()` plus its merges;
 * amounts are invented and only need to look like amounts.
 */
export const expenditureByFunction = (title = '2021年部门预算一般公共预算支出表') => ({
  rows: [
    [title, null, null, null, null],
    ['编制单位：某局', null, '单位：万元', null, null],
    ['功能分类科目', null, '合计', '基本支出', '项目支出'],
    ['科目编码', '科目名称', null, null, null],
    ['栏次', '1', '2', '3', '4'],
    [null, '合计', 60.25, 54.25, 6],
    ['208', '社会保障和就业支出', 60.25, 54.25, 6],
    [20805, '行政事业单位养老支出', 54.25, 54.25, null],
    [2080505, '机关事业单位基本养老保险缴费支出', 54.25, 54.25, null],
    ['20899', '其他社会保障和就业支出', 6, null, 6],
    ['2089999', '其他社会保障和就业支出', 6, null, 6],
  ] as GridValue[][],
  merges: ['A1:E1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4'],
});
