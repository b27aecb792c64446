import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * A table a converter left without its title, on a sheet named "Table 5": typed by its header when only one disclosure
 * table prints that header (and the review says it did so); kept unknown, and said so, when several print it alike.
 */
const functionBody: GridValue[][] = [
  ['201', null, null, '一般公共服务支出', 120, 100, 20],
  ['201', '03', null, '政府办公厅（室）及相关机构事务', 120, 100, 20],
  ['201', '03', '01', '行政运行', 120, 100, 20],
  [null, null, null, '合计', 120, 100, 20],
];
const splitHead = (band: string, amounts: string[]): GridValue[][] => [
  ['编制部门：某区人民政府办公室', null, null, null, null, null, '单位：元'],
  ['项目', null, null, null, band, null, null],
  ['功能分类科目编码', null, null, '功能分类科目名称', ...amounts],
  ['类', '款', '项', null, null, null, null],
];
const SPLIT_MERGES = ['A2:D2', 'E2:G2', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'];

const untitled = (rows: GridValue[][], merges: string[] = []) => sheet(rows, { name: 'Table 5', merges });
const typeOf = (rows: GridValue[][], merges: string[] = []) => {
  const [t] = recogniseSheet(untitled(rows, merges));
  return [t?.type, t?.typeSource];
};
const notes = (rows: GridValue[][], merges: string[] = []) =>
  reviewWorkbook(workbook(untitled(rows, merges)))
    .report.findings.filter((f) => f.rule === 'structure.unknown_type')
    .map((f) => f.message);

describe('a table without its title', () => {
  it.each([
    [
      '一般公共预算支出 over 合计 | 基本支出 | 项目支出',
      '一般公共预算支出',
      ['合计', '基本支出', '项目支出'],
      'general_budget_expenditure',
    ],
    [
      '政府性基金预算支出 over the same columns',
      '政府性基金预算支出',
      ['合计', '基本支出', '项目支出'],
      'government_fund_expenditure',
    ],
    [
      '收入预算 over 合计 | 财政拨款收入 | 事业收入',
      '收入预算',
      ['合计', '财政拨款收入', '事业收入'],
      'income_summary',
    ],
    ['支出预算 over 合计 | 基本支出 | 项目支出', '支出预算', ['合计', '基本支出', '项目支出'], 'expenditure_summary'],
  ])('is typed by a header only one table prints: %s', (_name, band, amounts, type) => {
    const rows = [...splitHead(band, amounts), ...functionBody];
    expect(typeOf(rows, SPLIT_MERGES)).toEqual([type, 'header']);
    expect(notes(rows, SPLIT_MERGES)).toEqual([expect.stringContaining('未找到表名，按表头识别为')]);
  });

  it('is typed by the 三公 items of its header', () => {
    const rows: GridValue[][] = [
      [null, null, null, null, null, '单位：万元'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', null, null],
      [null, null, null, '小计', '购置费', '运行费'],
      [12, 5, 3, 4, 1, 3],
    ];
    expect(typeOf(rows, ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2'])).toEqual(['three_public_expenses', 'header']);
  });

  it('stays unknown when several tables print its header alike (科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出)', () => {
    const rows: GridValue[][] = [
      [null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', 120, 100, 20],
      ['20103', '政府办公厅（室）及相关机构事务', 120, 100, 20],
      [null, '合计', 120, 100, 20],
    ];
    expect(typeOf(rows)).toEqual(['unknown', 'none']);
    expect(notes(rows)).toEqual([
      expect.stringContaining(
        '未能识别是哪一张公开表（未找到表名；表头可能是《支出总表》《一般公共预算支出表》《政府性基金支出表》《国有资本经营支出表》，按金额也无法确定）',
      ),
    ]);
  });

  it('stays unknown as a bare header over data, with no 单位 or 编制部门 line: maybe a page of a table whose first page is gone', () => {
    const rows = [...splitHead('一般公共预算支出', ['合计', '基本支出', '项目支出']).slice(1), ...functionBody];
    const merges = SPLIT_MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) - 1)));
    expect(typeOf(rows, merges)).toEqual(['unknown', 'none']);
  });

  it('a title that names no table is not overridden by the header', () => {
    const rows = [
      ['某某情况统计表'],
      ...splitHead('一般公共预算支出', ['合计', '基本支出', '项目支出']),
      ...functionBody,
    ];
    const merges = ['A1:G1', ...SPLIT_MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1)))];
    expect(typeOf(rows, merges)).toEqual(['unknown', 'none']);
  });
});
