import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/** A PDF converted one sheet per page: a table continued on the next sheet, with its header repeated or without it. */
const title: GridValue[][] = [['支出总表', null, null, null, null]];
const header: GridValue[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
const firstPart = (slip = 0): GridValue[][] => [
  [null, '合计', 35, 25, 10],
  ['201', '一般公共服务支出', 30, 20, 10],
  ['20103', '政府办公厅（室）及相关机构事务', 30, 20, 10],
  ['2010301', '行政运行', 20, 20 + slip, 0],
];
const secondPart = (slip = 0): GridValue[][] => [
  ['2010302', '一般行政管理事务', 10, 0, 10],
  ['208', '社会保障和就业支出', 5, 5, 0],
  ['20805', '行政事业单位养老支出', 5, 5, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 5, 5 + slip, 0],
];
const review = (repeatHeader: boolean, slips: { first?: number; second?: number } = {}) =>
  reviewWorkbook(
    workbook(
      sheet([...title, ...header, ...firstPart(slips.first)], { name: 'Page 1' }),
      sheet([...(repeatHeader ? header : []), ...secondPart(slips.second)], { name: 'Page 2' }),
    ),
  ).report;
const notInfo = (r: ReturnType<typeof review>) => r.findings.filter((f) => f.severity !== 'info');

describe.each([
  ['with its header repeated', true],
  ['without a header', false],
])('a table continued on the next sheet %s', (_, repeatHeader) => {
  it('is read as one table: the consistent workbook reviews clean', () => {
    const r = review(repeatHeader);
    expect(notInfo(r)).toEqual([]);
    expect(r.tables.filter((t) => t.type === 'expenditure_summary')).toHaveLength(1);
    expect(r.tables[0]?.structure?.reading).toContain('Page 2');
    expect(r.rows.some((row) => row.sheet === 'Page 2' && row.code === '2080505')).toBe(true);
  });

  it('finds a slip on the continuation sheet at its own cell, sheet-qualified where the finding is filed elsewhere', () => {
    const r = review(repeatHeader, { second: 3 });
    const cells = notInfo(r).flatMap((f) => f.cells.map((c) => (c.includes('!') ? c : `${f.sheet}!${c}`)));
    expect(cells).toContain(`Page 2!D${repeatHeader ? 5 : 4}`);
  });

  it('finds a slip on the first sheet at its cell', () => {
    const r = review(repeatHeader, { first: 3 });
    expect(notInfo(r).some((f) => f.sheet === 'Page 1' && f.cells.includes('D6'))).toBe(true);
  });
});

describe('a next sheet with a title of its own', () => {
  it('is a table of its own, not a continuation', () => {
    const r = reviewWorkbook(
      workbook(
        sheet([...title, ...header, ...firstPart()], { name: 'Page 1' }),
        sheet([['一般公共预算支出表', null, null, null, null], ...header, ...firstPart()], { name: 'Page 2' }),
      ),
    ).report;
    expect(r.tables.map((t) => t.sheet)).toEqual(['Page 1', 'Page 2']);
  });
});

describe.each([
  ['续表', true],
  ['续表', false],
  ['支出总表（续）', true],
  ['支出总表（续）', false],
  ['（续表二）', true],
])('a continuation sheet opening with the mark %s (header repeated: %s)', (mark, repeatHeader) => {
  const marked = (slip = 0) =>
    reviewWorkbook(
      workbook(
        sheet([...title, ...header, ...firstPart()], { name: 'Page 1' }),
        sheet([[mark, null, null, null, null], ...(repeatHeader ? header : []), ...secondPart(slip)], {
          name: 'Page 2',
        }),
      ),
    ).report;

  it('is read as the continuation: one table, clean', () => {
    const r = marked();
    expect(notInfo(r)).toEqual([]);
    expect(r.tables.filter((t) => t.type === 'expenditure_summary')).toHaveLength(1);
    expect(r.rows.some((row) => row.sheet === 'Page 2' && row.code === '2080505')).toBe(true);
  });

  it('still finds a slip on the continuation at its cell', () => {
    const r = marked(3);
    const cells = notInfo(r).flatMap((f) => f.cells.map((c) => (c.includes('!') ? c : `${f.sheet}!${c}`)));
    expect(cells).toContain(`Page 2!D${repeatHeader ? 6 : 5}`);
  });
});

describe('a two-sided 收支总表 continued on the next sheet', () => {
  const head: GridValue[][] = [
    ['收支预算总表', null, null, null],
    ['收入项目', '收入预算', '支出项目', '支出预算'],
  ];
  const firstLines: GridValue[][] = [
    ['一、一般公共预算拨款', 30, '一、基本支出', 20],
    ['二、政府性基金预算拨款', null, '二、项目支出', 10],
  ];
  // The next page begins with lines that have no amount: they look like a header, but label no amount column.
  const rest = (slip = 0): GridValue[][] => [
    ['三、其他收入', null, '三、上缴上级支出', null],
    [null, null, '四、对附属单位补助支出', null],
    ['本年收入合计', 30 + slip, '本年支出合计', 30],
    ['上年结转', 0, '年终结转', 0],
    ['收入总计', 30 + slip, '支出总计', 30],
  ];
  const review = (split: number, slip = 0) => {
    const lines = [...firstLines, ...rest(slip)];
    return reviewWorkbook(
      workbook(
        sheet([...head, ...lines.slice(0, split)], { name: 'Page 1' }),
        sheet(lines.slice(split), { name: 'Page 2' }),
      ),
    ).report;
  };

  it.each([
    ['lines without amounts first', 2],
    ['after the 本年收入合计 line', 5],
  ])('is one table when the next sheet starts with %s', (_, split) => {
    const r = review(split);
    expect(notInfo(r)).toEqual([]);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]?.structure?.reading).toContain('Page 2');
  });

  it('still reports a slip on the continuation sheet at its cell', () => {
    const cells = notInfo(review(2, 5)).flatMap((f) => f.cells.map((c) => (c.includes('!') ? c : `${f.sheet}!${c}`)));
    expect(cells.some((c) => c.startsWith('Page 2!B'))).toBe(true);
  });
});
