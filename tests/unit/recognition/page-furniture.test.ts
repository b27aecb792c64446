import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/** A page-number line left by a PDF conversion between two pages of a table is page furniture, not a line. */
const header: GridValue[][] = [
  ['支出总表', null, null, null, null],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
];
const first = (slip = 0): GridValue[][] => [
  [null, '合计', 35, 25, 10],
  ['201', '一般公共服务支出', 30, 20, 10],
  ['20103', '政府办公厅（室）及相关机构事务', 30, 20, 10],
  ['2010301', '行政运行', 20, 20 + slip, 0],
];
const second: GridValue[][] = [
  ['2010302', '一般行政管理事务', 10, 0, 10],
  ['208', '社会保障和就业支出', 5, 5, 0],
  ['20805', '行政事业单位养老支出', 5, 5, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 5, 5, 0],
];
const repeated: GridValue[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
const pageLine = (cells: GridValue[]): GridValue[][] => [cells];
const notInfo = (rows: GridValue[][]) =>
  reviewWorkbook(workbook(sheet(rows, { name: 'Table 2' }))).report.findings.filter((f) => f.severity !== 'info');

describe.each<[string, GridValue[]]>([
  ['a dashed page number', ['- 1 -', null, null, null, null]],
  ['第 N 页', [null, null, '第 1 页', null, null]],
  ['N/M', [null, null, null, null, '1/2']],
  ['a bare number above the repeated header', [null, null, 1, null, null]],
  ['a continuation mark 续表', ['续表', null, null, null, null]],
  ['（续） at the right', [null, null, null, null, '（续）']],
  ['续表二', ['续表二', null, null, null, null]],
  ['the title with (续表)', ['支出总表（续表）', null, null, null, null]],
])('%s kept between two pages', (_, line) => {
  const rows = [...header, ...first(), ...pageLine(line), ...repeated, ...second];

  it('is read as page furniture: the table is not cut and no line is invented', () => {
    const t = recogniseSheet(sheet(rows))[0]!;
    expect(t.rows.find((r) => r.row === 6)?.kind).toBe('page_furniture');
    expect(t.rows.find((r) => r.row === 7)?.kind).toBe('repeated_header');
    expect(t.codes.map((c) => c.code)).toContain('2080505');
  });

  it('reviews the consistent table clean and still finds a slip at its cell', () => {
    expect(notInfo(rows)).toEqual([]);
    const slipped = notInfo([...header, ...first(3), ...pageLine(line), ...repeated, ...second]);
    expect(slipped.some((f) => f.cells.includes('D6'))).toBe(true);
  });
});

describe('a lone number that is not at a page break', () => {
  it('stays data', () => {
    const rows = [...header, ...first(), [null, null, 7, null, null], ...second];
    const t = recogniseSheet(sheet(rows))[0]!;
    expect(t.rows.find((r) => r.row === 6)?.kind).not.toBe('page_furniture');
  });
});
