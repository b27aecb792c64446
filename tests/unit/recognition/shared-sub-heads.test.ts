import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * A sub-head every amount column shares, written under their names (预算数 over six columns, 金额 | 金额 | 金额, 金额 under
 * each 预算数 of a two-sided table): header, not a data row whose words are "not numbers"; and not the columns' names
 * (合计 stays the 合计 column). The table reads as it does without that row.
 */
interface Case {
  readonly name: string;
  readonly rows: GridValue[][];
  readonly merges: string[];
  /** Index of the sub-head row. */
  readonly subHead: number;
}

const cases: Case[] = [
  {
    name: '预算数 under six columns',
    subHead: 3,
    merges: ['A1:H1'],
    rows: [
      ['2025年部门收入预算总表'],
      ['编制部门：某局', null, null, null, null, null, null, '单位：元'],
      ['科目编码', '科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入', '上年结转'],
      [null, null, '预算数', '预算数', '预算数', '预算数', '预算数', '预算数'],
      ['208', '社会保障和就业支出', 60.25, 50.25, 10, null, null, null],
      ['20805', '行政事业单位养老支出', 60.25, 50.25, 10, null, null, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 60.25, 50.25, 10, null, null, null],
      [null, '合计', 60.25, 50.25, 10, null, null, null],
    ],
  },
  {
    name: '金额 under each 预算数 of a two-sided 收支总表',
    subHead: 4,
    merges: ['A1:D1', 'A3:B3', 'C3:D3'],
    rows: [
      ['2025年部门财务收支预算总表'],
      [null, null, null, '单位：元'],
      ['本年收入', null, '本年支出', null],
      ['项目', '预算数', '项目', '预算数'],
      [null, '金额', null, '金额'],
      ['一、财政拨款收入', 100, '一、一般公共服务支出', 80],
      ['二、事业收入', 20, '二、教育支出', 40],
      ['收入总计', 120, '支出总计', 120],
    ],
  },
  {
    name: '金额 | 金额 | 金额 beside the 类 | 款 | 项 row of split codes',
    subHead: 3,
    merges: ['A1:G1', 'A3:C3', 'D3:D4'],
    rows: [
      ['2025年部门支出预算总表'],
      ['单位：元'],
      ['功能分类科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', null, '金额', '金额', '金额'],
      ['208', null, null, '社会保障和就业支出', 60.25, 54.25, 6],
      ['208', '05', null, '行政事业单位养老支出', 54.25, 54.25, null],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 54.25, 54.25, null],
      ['208', '99', null, '其他社会保障和就业支出', 6, null, 6],
      ['208', '99', '99', '其他社会保障和就业支出', 6, null, 6],
      [null, null, null, '合计', 60.25, 54.25, 6],
    ],
  },
  {
    name: '预算数 under the one amount column of a 项目 | 金额 table',
    subHead: 3,
    merges: ['A1:B1'],
    rows: [
      ['2025年部门“三公”经费预算表'],
      [null, '单位：万元'],
      ['项目', '本年预算数'],
      [null, '预算数'],
      ['合计', 12],
      ['因公出国（境）费', 5],
      ['公务接待费', 3],
      ['公务用车购置及运行费', 4],
    ],
  },
  {
    name: '预算数 from the first column of a table of amounts only (the 三公 table)',
    subHead: 5,
    merges: ['A1:G1', 'A3:F3', 'D4:F4', 'G3:G5', 'A4:A5', 'B4:B5', 'C4:C5'],
    rows: [
      ['2025年部门“三公”经费和机关运行经费预算表'],
      ['编制部门：某局', null, null, null, null, null, '单位：万元'],
      ['“三公”经费预算数', null, null, null, null, null, '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费'],
      [null, null, null, '小计', '购置费', '运行费'],
      ['预算数', '预算数', '预算数', '预算数', '预算数', '预算数', '预算数'],
      [867.5, 839, 28.5, null, null, null, 213.28],
    ],
  },
];

/** The same table with the sub-heads left out of their row (the 类 | 款 | 项 stay). */
const withoutSubHeads = (c: Case): GridValue[][] => {
  const word = c.rows[c.subHead]?.[c.rows[c.subHead]!.length - 1];
  return c.rows.map((r, i) => (i === c.subHead ? r.map((v) => (v === word ? null : v)) : r));
};

const reading = (rows: GridValue[][], merges: string[]) =>
  recogniseSheet(sheet(rows, { merges })).map((t) => ({
    type: t.type,
    data: t.dataRows,
    columns: t.columns.map((c) => [c.col, c.role, c.label]),
  }));
const outcome = (rows: GridValue[][], merges: string[]) => {
  const { report } = reviewWorkbook(workbook(sheet(rows, { merges })));
  return {
    identities: report.coverage?.identities,
    loud: report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message),
  };
};

describe.each(cases)('$name', (c) => {
  it('is header: the data starts below it, and every column keeps its name', () => {
    const [t] = recogniseSheet(sheet(c.rows, { merges: c.merges }));
    expect(t?.headerRows[1]).toBe(c.subHead);
    expect(t?.dataRows?.[0]).toBe(c.subHead + 1);
    expect(reading(c.rows, c.merges)).toEqual(reading(withoutSubHeads(c), c.merges));
  });

  it('closes the same identities as the table without it, and says nothing is wrong', () => {
    const plain = outcome(withoutSubHeads(c), c.merges);
    expect(plain.identities?.closed).toBeGreaterThan(0);
    expect(outcome(c.rows, c.merges)).toEqual(plain);
  });
});
