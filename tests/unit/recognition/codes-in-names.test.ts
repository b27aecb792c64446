import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * A converter that wrote each code with its name in the name column ("201 一般公共服务支出") and left the code column
 * empty: the codes are read from the names, and the table reads as with its codes in their own column.
 */
const lines: [string, string, number, number | null, number | null][] = [
  ['201', '一般公共服务支出', 120, 100, 20],
  ['20103', '政府办公厅（室）及相关机构事务', 120, 100, 20],
  ['2010301', '行政运行', 100, 100, null],
  ['2010302', '一般行政管理事务', 20, null, 20],
];
const spending = (joined: boolean): GridValue[][] => [
  ['2024年度一般公共预算财政拨款支出决算表', null, null, null, null],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  [null, '合计', 120, 100, 20],
  ...lines.map(([code, name, ...amounts]) =>
    joined ? [null, `${code} ${name}`, ...amounts] : [code, name, ...amounts],
  ),
];
const basic = (joined: boolean): GridValue[][] => {
  const cell = (code: string, name: string) => (joined ? [null, `${code} ${name}`] : [code, name]);
  return [
    ['2024年度一般公共预算财政拨款基本支出决算表'],
    ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
    [...cell('301', '工资福利支出'), 80, ...cell('302', '商品和服务支出'), 20],
    [...cell('30101', '基本工资'), 80, ...cell('30201', '办公费'), 20],
    ['人员经费合计', null, 80, '公用经费合计', null, 20],
  ];
};
const review = (joined: boolean) =>
  reviewWorkbook(workbook(sheet(spending(joined), { name: '支出' }), sheet(basic(joined), { name: '基本支出' })))
    .report;

describe('codes written with their names, the code column left empty', () => {
  const apart = review(false);

  it('the codes in their own column: clean', () => {
    expect(apart.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(apart.coverage?.identities.closed).toBeGreaterThan(0);
  });

  it('read from the names: the same codes, the same identities closed, clean', () => {
    const joined = review(true);
    expect(joined.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(joined.rows.map((r) => r.code).sort()).toEqual(apart.rows.map((r) => r.code).sort());
    expect(joined.coverage?.identities).toEqual(apart.coverage?.identities);
  });
});
