import { reviewWorkbook } from '../../../src/core/review';
import { crossSummary } from '../../../src/core/rules/cross_table/summary';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

/**
 * 收支总表 ↔ 收入总表 when the 收支总表 has no 本年收入合计 line (some provinces print only 收入总计): its 收入总计 is
 * this year's income unless one of its lines shows a carry-over, and then the identity is not checked.
 */
const summary = (grand: number, opts: { carry?: number } = {}) => {
  const carry = opts.carry ?? 0;
  const rows: GridValue[][] = [
    ['2021年部门收支总表'],
    ['编制部门：某市教育局', null, null, '单位：万元'],
    ['收入', null, '支出', null],
    ['项目', '预算数', '项目', '预算数'],
    ['一、财政拨款收入', grand - carry, '一、教育支出', grand],
    ['二、事业收入', null, null, null],
    ...(carry ? [['上年结转', carry, null, null] as GridValue[]] : []),
    ['收入总计', grand, '支出总计', grand],
  ];
  return sheet(rows, { name: '收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] });
};

const income = (total: number) =>
  sheet(
    [
      ['2021年部门收入总表'],
      ['编制部门：某市教育局', null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '财政拨款收入'],
      ['205', '教育支出', total, total],
      [null, '合计', total, total],
    ],
    { name: '收入总表', merges: ['A1:D1'] },
  );

testRule(crossSummary, {
  valid: [
    {
      name: 'no 本年收入合计 line, no carry-over: 收入总计 = 收入总表合计',
      workbook: workbook(summary(100), income(100)),
    },
  ],
  invalid: [
    {
      name: 'no 本年收入合计 line, no carry-over: 收入总计 ≠ 收入总表合计',
      workbook: workbook(summary(110), income(100)),
      findings: [{ severity: 'error', message: /收入总计 110/ }],
    },
  ],
});

describe('cross_table.summary without a 本年收入合计 line', () => {
  const coverageOf = (wb: ReturnType<typeof workbook>) => {
    const { coverage, findings } = reviewWorkbook(wb, { ruleSet: [crossSummary] }).report;
    if (!coverage) throw new Error('report without coverage');
    return { coverage, findings: findings.filter((f) => f.rule === crossSummary.meta.id) };
  };

  it('compares 收入总计 when no line shows a carry-over (the identity closes)', () => {
    const { coverage } = coverageOf(workbook(summary(100), income(100)));
    const aboutIncome = coverage.notChecked.filter((n) => n.rule === crossSummary.meta.id && /收入/.test(n.message));
    expect(aboutIncome).toEqual([]);
    expect(coverage.identities.closed).toBeGreaterThan(0);
  });

  it('does not check it when a line shows a carry-over, and says so', () => {
    const { coverage, findings } = coverageOf(workbook(summary(105, { carry: 5 }), income(100)));
    expect(findings).toEqual([]);
    const mine = coverage.notChecked.filter((n) => n.rule === crossSummary.meta.id);
    expect(mine.map((n) => n.reason)).toContain('column_not_found');
    expect(mine.some((n) => /本年收入合计/.test(n.message))).toBe(true);
  });
});
