import Decimal from 'decimal.js';
import { slipsNeeded } from '../../../src/core/rules/abstention';
import { reviewWorkbook } from '../../../src/core/review';
import { crossBasic } from '../../../src/core/rules/cross_table/basic';
import { sumHierarchy } from '../../../src/core/rules/sum/hierarchy';
import { sumRow } from '../../../src/core/rules/sum/row';
import { sumTotal } from '../../../src/core/rules/sum/total';
import { coverageLine } from '../../../src/core/report/coverage-text';
import type { Cell } from '../../../src/core/snapshot/types';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

const money = (value: number) => ({ value, format: '#,##0.00' });
const line = (code: string, name: string, total: number, basic: number | null, project: number | null): GridValue[] => [
  code,
  name,
  money(total),
  basic === null ? null : money(basic),
  project === null ? null : money(project),
];
const fnSheet = (lines: GridValue[][]) =>
  sheet(
    [
      ['2021年一般公共预算支出表', null, null, null, null],
      ['单位：万元', null, null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ...lines,
    ],
    { name: '一般公共预算支出表', merges: ['A1:E1'] },
  );

/** 208 = 20805 + 20899 in three columns, 20805 = 2080505 and 20899 = 2089999 in two filled columns each. */
const clean = () => [
  line('208', '社会保障和就业支出', 60.25, 54.25, 6),
  line('20805', '行政事业单位养老支出', 54.25, 54.25, null),
  line('2080505', '机关事业单位基本养老保险缴费支出', 54.25, 54.25, null),
  line('20899', '其他社会保障和就业支出', 6, null, 6),
  line('2089999', '其他社会保障和就业支出', 6, null, 6),
];
const sums = [sumHierarchy, sumRow];

describe('coverage ledger', () => {
  it('counts every identity that closed, and none that had nothing filled in', () => {
    const { coverage } = reviewWorkbook(workbook(fnSheet(clean())), { ruleSet: sums }).report;
    // Hierarchy: 3 columns of 208 + 2 filled columns of 20805 and of 20899 (their blank project/basic column is not a
    // check); rows: 合计 = 基本 + 项目 on 5 lines.
    expect(coverage?.identities).toEqual({ closed: 12, failed: 0, notChecked: 0 });
  });

  it('a failed identity is counted as failed and reported', () => {
    const lines = clean();
    lines[2] = line('2080505', '机关事业单位基本养老保险缴费支出', 54.35, 54.35, null);
    const { report } = reviewWorkbook(workbook(fnSheet(lines)), { ruleSet: sums });
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.cells[0])).toEqual(['C5', 'D5']);
    expect(report.coverage?.identities).toEqual({ closed: 10, failed: 2, notChecked: 0 });
  });

  it('a rule switched off lists what it would have checked as not checked (rule_off), and reports nothing', () => {
    const lines = clean();
    lines[1] = line('20805', '行政事业单位养老支出', 54.25, 50.25, null);
    const { report } = reviewWorkbook(workbook(fnSheet(lines)), { ruleSet: sums, rules: { 'sum.row': 'off' } });
    expect(report.findings.some((f) => f.rule === 'sum.row')).toBe(false);
    expect(report.coverage?.notChecked).toEqual([
      { rule: 'sum.row', reason: 'rule_off', message: expect.stringContaining('已关闭'), count: 5 },
    ]);
  });

  it('an identity through a formula without a computed result is not checked (formula_not_calculated)', () => {
    const s = fnSheet(clean());
    // 2080505 合计 (C6) holds a formula the file never calculated.
    (s.rows[5] as (Cell | undefined)[])[2] = { value: null, uncalculated: true };
    const { report } = reviewWorkbook(workbook(s), { ruleSet: sums });
    expect(report.findings).toEqual([]);
    // 20805 = 2080505 in 合计, and 合计 = 基本 + 项目 on that line.
    expect(report.coverage?.notChecked).toEqual([
      expect.objectContaining({ rule: 'sum.hierarchy', reason: 'formula_not_calculated' }),
      expect.objectContaining({ rule: 'sum.row', reason: 'formula_not_calculated' }),
    ]);
    expect(report.coverage?.identities).toEqual({ closed: 10, failed: 0, notChecked: 2 });
  });

  it('a counterpart table that is missing is a not-checked entry naming the table', () => {
    const { coverage } = reviewWorkbook(workbook(fnSheet(clean())), { ruleSet: [crossBasic] }).report;
    expect(coverage?.notChecked).toEqual([
      {
        rule: 'cross_table.basic',
        sheet: '一般公共预算支出表',
        reason: 'table_missing',
        message: expect.stringMatching(/^未找到一般公共预算基本支出表，未核对/),
      },
    ]);
    expect(coverage?.identities.notChecked).toBe(1);
  });

  it('says "已核对 N 项勾稽关系，M 项未能核对" with the reasons', () => {
    expect(
      coverageLine({
        identities: { closed: 40, failed: 1, notChecked: 3 },
        notChecked: [
          { rule: 'a.b', reason: 'column_not_found', message: 'x', count: 2 },
          { rule: 'c.d', reason: 'table_missing', message: 'y' },
        ],
      }),
    ).toBe('已核对 41 项勾稽关系（其中 1 项不成立），3 项未能核对（未找到所需的行或列 2、缺少对应的表 1）');
  });

  it('the report carries each table’s structure: the reading and its identities', () => {
    const { report } = reviewWorkbook(workbook(fnSheet(clean())), { ruleSet: [...sums, sumTotal] });
    expect(report.tables[0]?.structure).toEqual({
      confirmed: true,
      reading: '表头第 3 行；数据第 4–8 行',
      identities: { closed: 12, failed: 0 },
      alternatives: 0,
    });
  });
});

describe('abstention: a reading the numbers do not confirm is paused, a real slip is still reported', () => {
  /** A table whose 合计 column is not 基本 + 项目 on any line (it holds something else): a misreading, not five slips. */
  const misread = () => [
    line('208', '社会保障和就业支出', 70.25, 54.25, 6),
    line('20805', '行政事业单位养老支出', 61.25, 54.25, null),
    line('2080505', '机关事业单位基本养老保险缴费支出', 61.25, 54.25, null),
    line('20899', '其他社会保障和就业支出', 9, null, 6),
    line('2089999', '其他社会保障和就业支出', 9, null, 6),
  ];

  it('one slip: an error at its cell, the table confirmed', () => {
    const lines = clean();
    lines[2] = line('2080505', '机关事业单位基本养老保险缴费支出', 54.25, 50.25, null);
    const { report } = reviewWorkbook(workbook(fnSheet(lines)), { ruleSet: sums });
    expect(report.findings.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
      ['sum.hierarchy', 'error', 'D5'],
      ['sum.row', 'error', 'C6'],
    ]);
    expect(report.tables[0]?.structure?.confirmed).toBe(true);
  });

  it('a zeroed row breaks its parents in every column: one slip (a row), still reported', () => {
    const lines = clean();
    lines[1] = line('20805', '行政事业单位养老支出', 0, 0, null);
    const { report } = reviewWorkbook(workbook(fnSheet(lines)), { ruleSet: sums });
    expect(report.findings.filter((f) => f.severity === 'error')).toHaveLength(4);
    expect(report.tables[0]?.structure?.confirmed).toBe(true);
  });

  it('a misread table: one note, no cascade, its identities listed as not checked', () => {
    const { report } = reviewWorkbook(workbook(fnSheet(misread())), { ruleSet: sums });
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'structure.unconfirmed',
        severity: 'info',
        sheet: '一般公共预算支出表',
        cells: ['A1'],
        message: expect.stringMatching(/^本表结构未能确认，已暂停本表的勾稽检查：.*5 项勾稽关系不成立/),
      }),
    ]);
    expect(report.tables[0]?.structure).toMatchObject({ confirmed: false, identities: { failed: 5 } });
    expect(report.coverage?.identities).toMatchObject({ closed: 0, failed: 0 });
    expect(report.coverage?.notChecked.every((e) => e.reason === 'structure_unconfirmed')).toBe(true);
    expect(report.coverage?.identities.notChecked).toBe(12);
  });
});

describe('slipsNeeded', () => {
  const failed = (cells: string[], corrections: number[]) => ({
    rule: 'sum.total',
    tables: ['t'],
    sheet: 'S',
    cells,
    status: 'failed' as const,
    corrections: corrections.map((c) => new Decimal(c)),
    envelope: new Decimal(0.01),
  });

  it('failures sharing a cell that one change closes need one slip', () => {
    // C5 is a part of C4's sum (+2 closes) and the total of C6:C7 (−2 … as part it needs +2 too).
    expect(slipsNeeded([failed(['C4', 'C5', 'C9'], [-2, 2, 2]), failed(['C6', 'C5'], [3, 2])])).toBe(1);
  });

  it('a shared cell needing two different changes does not explain both', () => {
    expect(
      slipsNeeded([failed(['C4', 'C5'], [-2, 2]), failed(['D6', 'D7'], [-3, 3]), failed(['C8', 'E5'], [1, 5])]),
    ).toBe(2);
  });

  it('failures on different rows and columns need one slip each', () => {
    expect(
      slipsNeeded([failed(['C4', 'D4'], [1, -1]), failed(['C6', 'D6'], [2, -2]), failed(['C8', 'D8'], [3, -3])]),
    ).toBe(3);
  });
});

describe('structure.unconfirmed switched off', () => {
  it('pauses no table: the failures are reported as they are', () => {
    const lines = [
      line('208', '社会保障和就业支出', 70.25, 54.25, 6),
      line('20805', '行政事业单位养老支出', 61.25, 54.25, null),
      line('2080505', '机关事业单位基本养老保险缴费支出', 61.25, 54.25, null),
      line('20899', '其他社会保障和就业支出', 9, null, 6),
      line('2089999', '其他社会保障和就业支出', 9, null, 6),
    ];
    const { report } = reviewWorkbook(workbook(fnSheet(lines)), {
      ruleSet: sums,
      rules: { 'structure.unconfirmed': 'off' },
    });
    expect(report.findings.filter((f) => f.rule === 'sum.row')).toHaveLength(5);
    expect(report.tables[0]?.structure?.confirmed).toBe(true);
  });
});
