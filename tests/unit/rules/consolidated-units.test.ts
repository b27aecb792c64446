import { sumHierarchy } from '../../../src/core/rules/sum/hierarchy';
import { sumRow } from '../../../src/core/rules/sum/row';
import { sumTotal } from '../../../src/core/rules/sum/total';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * Consolidated tables (a department and its units), read as the numbers confirm: a department row above its units is
 * their parent, not a peer; a unit's heading row scopes the 类/款/项 lines under it, so the same code in two units is
 * two lines. A consistent table closes; one wrong cell inside a unit is reported through that cell only.
 */
const money = (value: number | null): GridValue => (value === null ? null : { value, format: '#,##0.00' });
const row = (label: (string | null)[], amounts: (number | null)[]): GridValue[] => [...label, ...amounts.map(money)];

const serious = (rows: GridValue[][], title: string, head: string[]) => {
  const wb = workbook(sheet([[title, ...head.slice(1).map(() => null)], ['单位：万元'], head, ...rows]));
  return reviewWorkbook(wb, { ruleSet: [sumTotal, sumHierarchy, sumRow] })
    .report.findings.filter((f) => f.severity !== 'info')
    .map((f) => [f.rule, f.cells.join(','), f.message]);
};

describe('one row per unit under the department row (单位名称 column)', () => {
  const table = (centreBasic: number) =>
    serious(
      [
        row(['合计'], [30, 20, 10]),
        row(['某市某局'], [30, 20, 10]),
        row(['某市某局机关'], [18, 12, 6]),
        row(['某市某局信息中心'], [12, centreBasic, 4]),
      ],
      '2021年部门支出总表',
      ['单位名称', '合计', '基本支出', '项目支出'],
    );
  it('closes: 合计 = the department row = Σ units, the department row not added to its units', () => {
    expect(table(8)).toEqual([]);
  });
  it('reports a wrong unit amount at its cell, and nowhere else', () => {
    expect(table(9)).toEqual([
      ['sum.row', 'B7,C7,D7', '第 7 行 某市某局信息中心：合计 12.00 ≠ 基本支出 + 项目支出 = 13.00（差 -1.00）'],
      ['sum.total', 'C5,C6,C7', '某市某局［基本支出］ 20.00 ≠ 各项之和 21.00（差 -1.00）'],
    ]);
  });
  it('keeps the peer reading when the numbers say so (the first row is not the sum of the others)', () => {
    const peers = serious(
      [
        row(['合计'], [60, 40, 20]),
        row(['甲单位'], [30, 20, 10]),
        row(['乙单位'], [18, 12, 6]),
        row(['丙单位'], [12, 8, 4]),
      ],
      '2021年部门支出总表',
      ['单位名称', '合计', '基本支出', '项目支出'],
    );
    expect(peers).toEqual([]);
    const slipped = serious(
      [
        row(['合计'], [61, 40, 20]),
        row(['甲单位'], [30, 20, 10]),
        row(['乙单位'], [18, 12, 6]),
        row(['丙单位'], [12, 8, 4]),
      ],
      '2021年部门支出总表',
      ['单位名称', '合计', '基本支出', '项目支出'],
    );
    // A wrong 合计 over peers: the 合计 against its peers (and its own row), the department reading not taken.
    expect(slipped.map(([rule, cells]) => [rule, cells])).toEqual([
      ['sum.row', 'B4,C4,D4'],
      ['sum.total', 'B4,B5,B6,B7'],
    ]);
  });
});

describe('per unit a heading row and its 类/款/项 lines (the same codes in every unit)', () => {
  const table = (leafBasic: number, departmentRow = true) =>
    serious(
      [
        row([null, '合计'], [30, 20, 10]),
        ...(departmentRow ? [row([null, '某市某局'], [30, 20, 10])] : []),
        row([null, '某市某局机关'], [18, 12, 6]),
        row(['208', '社会保障和就业支出'], [18, 12, 6]),
        row(['20805', '行政事业单位养老支出'], [18, 12, 6]),
        row(['2080501', '行政单位离退休'], [10, 10, null]),
        row(['2080505', '机关事业单位基本养老保险缴费支出'], [8, 2, 6]),
        row([null, '某市某局信息中心'], [12, 8, 4]),
        row(['208', '社会保障和就业支出'], [12, 8, 4]),
        row(['20805', '行政事业单位养老支出'], [12, 8, 4]),
        row(['2080505', '机关事业单位基本养老保险缴费支出'], [12, leafBasic, 4]),
      ],
      '2021年部门支出总表',
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    );
  it('closes with and without the department row: codes are matched within their unit', () => {
    expect(table(8)).toEqual([]);
    expect(table(8, false)).toEqual([]);
  });
  it('reports a wrong leaf of one unit at its cell, within its unit only', () => {
    expect(table(9)).toEqual([
      ['sum.hierarchy', 'D13,D14', '20805 行政事业单位养老支出［基本支出］ 8.00 ≠ 下级合计 9.00（差 -1.00）'],
      [
        'sum.row',
        'C14,D14,E14',
        expect.stringMatching(/^第 14 行 2080505 机关事业单位基本养老保险缴费支出：合计 12\.00/),
      ],
    ]);
    expect(table(9, false).map(([rule, cells]) => [rule, cells])).toEqual([
      ['sum.hierarchy', 'D12,D13'],
      ['sum.row', 'C13,D13,E13'],
    ]);
  });
});

describe('unit headings the numbers do not confirm', () => {
  it('asserts no 类 = Σ款 across units and lists the parents it could not check', () => {
    const wb = workbook(
      sheet([
        ['2021年部门支出总表', null, null],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计'],
        row([null, '某市某局机关'], [99]),
        row(['208', '社会保障和就业支出'], [18]),
        row(['20805', '行政事业单位养老支出'], [18]),
        row(['2080505', '机关事业单位基本养老保险缴费支出'], [18]),
        row([null, '某市某局信息中心'], [77]),
        row(['208', '社会保障和就业支出'], [12]),
        row(['20805', '行政事业单位养老支出'], [12]),
        row(['2080505', '机关事业单位基本养老保险缴费支出'], [12]),
      ]),
    );
    const report = reviewWorkbook(wb, { ruleSet: [sumHierarchy] }).report;
    expect(report.findings).toEqual([]);
    expect(report.coverage?.notChecked).toEqual([
      expect.objectContaining({ rule: 'sum.hierarchy', reason: 'structure_unconfirmed', count: 4 }),
    ]);
  });
});
