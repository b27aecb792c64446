import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/** A title that carries the unit of its amounts at its end (收入决算表（单位：万元）) is the table's title all the same. */
const table = (title: string): GridValue[][] => [
  [title, null, null, null, null],
  ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
  [null, '合计', 30, 30, null],
  ['201', '一般公共服务支出', 30, 30, null],
  ['20103', '政府办公厅（室）及相关机构事务', 30, 30, null],
  ['2010301', '行政运行', 30, 30, null],
];

describe('a title ending with the unit of its amounts', () => {
  it.each(['收入决算表（单位：万元）', '收入决算表(金额单位:万元)', '收入决算表 单位：万元'])('%s', (title) => {
    const [t] = recogniseSheet(sheet(table(title), { merges: ['A1:E1'] }));
    expect([t?.type, t?.typeSource, t?.title, t?.unit]).toEqual(['income_summary', 'title', title, '万元']);
    const r = reviewWorkbook(workbook(sheet(table(title), { merges: ['A1:E1'] }))).report;
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a unit line alone is still no title', () => {
    const rows = [['单位：万元', null, null, null, null], ...table('收入决算表').slice(1)];
    const [t] = recogniseSheet(sheet(rows));
    expect(t?.title).toBeNull();
    expect(t?.unit).toBe('万元');
  });
});

describe('a header cell ending with the unit of the amounts, the header repeated without it after a page break', () => {
  const page = (first: string): GridValue[][] => [
    ['支出总表', null, null, null, null],
    [first, null, '支出预算', null, null],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    [null, '合计', 35, 25, 10],
    ['201', '一般公共服务支出', 30, 20, 10],
    ['20103', '政府办公厅（室）及相关机构事务', 30, 20, 10],
    ['项目', null, '支出预算', null, null],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['2010301', '行政运行', 30, 20, 10],
    ['208', '社会保障和就业支出', 5, 5, 0],
    ['20805', '行政事业单位养老支出', 5, 5, 0],
  ];
  const merges = ['A1:E1', 'A2:B2', 'C2:E2', 'A7:B7', 'C7:E7'];

  it.each(['项目（金额单位：万元）', '项目(单位:万元)'])(
    '%s: the unit is read, the repeated header skipped',
    (first) => {
      const [t] = recogniseSheet(sheet(page(first), { merges }));
      expect(t?.unit).toBe('万元');
      expect(t?.headerRows).toEqual([1, 2]);
      expect(t?.rows.filter((r) => r.kind === 'repeated_header').map((r) => r.row)).toEqual([6, 7]);
      const r = reviewWorkbook(workbook(sheet(page(first), { merges }))).report;
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );
});

describe('the unit line a conversion put below the table', () => {
  it('is a line about the table, not a data row: the unit is read, no amount is said to be no number', () => {
    const rows = [...table('收入决算表'), [null, null, null, null, '单位：万元']];
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:E1'] }));
    expect([t?.unit, t?.dataRows]).toEqual(['万元', [2, 5]]);
    const r = reviewWorkbook(workbook(sheet(rows, { merges: ['A1:E1'] }))).report;
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
