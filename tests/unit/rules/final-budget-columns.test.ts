import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * 决算 tables showing 年初预算数 | 调整预算数 | 决算数: the identities across sides and tables read the 决算数, not the
 * budget columns before it (which hold other numbers).
 */
const summary: GridValue[][] = [
  ['2024年度收入支出决算总表', null, null, null, null, null],
  ['收入', null, null, null, '支出', null],
  ['项目', '年初预算数', '调整预算数', '决算数', '项目', '决算数'],
  ['一、一般公共预算财政拨款收入', 200, 150, 120, '一、一般公共服务支出', 120],
  ['收入总计', 200, 150, 120, '支出总计', 120],
];
const general: GridValue[][] = [
  ['2024年度一般公共预算财政拨款支出决算表', null, null, null, null],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  [null, '合计', 120, 100, 20],
  ['201', '一般公共服务支出', 120, 100, 20],
  ['20103', '政府办公厅（室）及相关机构事务', 120, 100, 20],
  ['2010301', '行政运行', 100, 100, null],
  ['2010302', '一般行政管理事务', 20, null, 20],
];
const basic: GridValue[][] = [
  ['2024年度一般公共预算财政拨款基本支出决算表'],
  ['经济分类科目编码', '科目名称', '年初预算数', '决算数', '经济分类科目编码', '科目名称', '年初预算数', '决算数'],
  ['301', '工资福利支出', 90, 80, '302', '商品和服务支出', 30, 20],
  ['30101', '基本工资', 90, 80, '30201', '办公费', 30, 20],
  ['人员经费合计', null, 90, 80, '公用经费合计', null, 30, 20],
];

describe('决算 tables with 年初预算数 | 调整预算数 | 决算数 columns', () => {
  it('compare their 决算数: the consistent workbook reviews clean', () => {
    const r = reviewWorkbook(
      workbook(
        sheet(summary, { name: '总表', merges: ['A2:D2', 'E2:F2'] }),
        sheet(general, { name: '一般' }),
        sheet(basic, { name: '基本' }),
      ),
    ).report;
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('still find a 决算数 that disagrees', () => {
    const slipped = basic.map((row, i) => (i === 4 ? row.map((v, c) => (c === 3 ? 85 : v)) : row));
    const r = reviewWorkbook(workbook(sheet(general, { name: '一般' }), sheet(slipped, { name: '基本' }))).report;
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('sum.total');
  });
});
