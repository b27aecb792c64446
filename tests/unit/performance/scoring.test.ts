import { gradeOf, qualitativeShare } from '../../../src/core/performance/framework';
import { parseIndicatorValue as v } from '../../../src/core/performance/indicator-value';
import { completionRatio, executionRate, scoreFor } from '../../../src/core/performance/scoring';

describe('completion ratio respects the operator', () => {
  it('≥ targets: actual over target', () => {
    expect(completionRatio(v('≥90%'), v('81%'))).toBeCloseTo(0.9);
    expect(completionRatio(v('≥90%'), v('95%'))).toBeCloseTo(95 / 90);
  });
  it('≤ targets: met at or below, inverted beyond (11.95% against ≤10% is not 119.5%)', () => {
    expect(completionRatio(v('≤10%'), v('8%'))).toBe(1);
    expect(completionRatio(v('≤10%'), v('11.95%'))).toBeCloseTo(10 / 11.95);
  });
  it('ranges and qualitative results', () => {
    expect(completionRatio(v('6-9个月'), v('7个月'))).toBe(1);
    expect(completionRatio(v('6-9个月'), v('12个月'))).toBeCloseTo(0.75);
    expect(completionRatio(v('按时完成'), v('已完成'))).toBe(1);
    expect(completionRatio(v('优'), v('良'))).toBe(0.8);
    expect(completionRatio(v('有效缓解'), v('未完成'))).toBe(0);
    expect(qualitativeShare('部分完成')).toBe(0.5);
  });
});

describe('points and grades', () => {
  it('scores proportionally, never above the points', () => {
    expect(scoreFor(10, 0.9)).toBe(9);
    expect(scoreFor(10, 1.2)).toBe(10);
    expect(scoreFor(5, 10 / 11.95)).toBe(4.18);
  });
  it('grades 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
    expect([94, 90, 89.99, 80, 79, 60, 59.5].map((t) => gradeOf(t))).toEqual([
      '优',
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
    ]);
    expect(
      gradeOf(75, [
        { min: 60, label: '合格' },
        { min: 0, label: '不合格' },
      ]),
    ).toBe('合格');
  });
  it('execution rate', () => {
    expect(executionRate(200, 190)).toBeCloseTo(0.95);
    expect(executionRate(0, 5)).toBeNull();
  });
});
