import { COMPARE_COLOR, MARK_COLORS, planMarks } from '../../../src/core/plans/marks';
import type { ReportFinding } from '../../../src/core/report/report';
import type { WriteAction } from '../../../src/core/plans/types';

const cross: ReportFinding = {
  rule: 'cross_table.by_code',
  severity: 'error',
  sheet: '收入总表',
  cells: ['D11', '支出总表!D11'],
  message: '2080506 《收入总表》 2.20 ≠ 《支出总表》 2.02（差 +0.18）',
};
const inner: ReportFinding = {
  rule: 'sum.hierarchy',
  severity: 'error',
  sheet: '支出总表',
  cells: ['D8', 'D9', 'D10', 'D11'],
  message: '20805 行政事业单位养老支出 54.25 ≠ 下级合计 54.07（差 +0.18）',
};

const fills = (actions: readonly WriteAction[]) =>
  actions.flatMap((a) => (a.kind === 'set_fill' ? a.cells.map((c) => `${a.sheet}!${c} ${a.color}`) : []));
const notes = (actions: readonly WriteAction[]) =>
  actions.flatMap((a) => (a.kind === 'set_note' ? [`${a.sheet}!${a.cell}`] : []));

describe('marking cross-table findings', () => {
  it('marks the side whose own table breaks an identity too, not the side that is right', () => {
    const plan = planMarks([cross], { context: [cross, inner] });
    expect(fills(plan.actions)).toEqual([`支出总表!D11 ${MARK_COLORS.error.main}`]);
    expect(notes(plan.actions)).toEqual(['支出总表!D11']);
  });

  it('marks both sides "to compare" when the evidence is even', () => {
    const plan = planMarks([cross]);
    expect(fills(plan.actions).sort()).toEqual([`支出总表!D11 ${COMPARE_COLOR}`, `收入总表!D11 ${COMPARE_COLOR}`]);
    const texts = plan.actions.flatMap((a) => (a.kind === 'set_note' ? [a.text ?? ''] : []));
    expect(texts).toHaveLength(2);
    for (const t of texts) expect(t).toMatch(/待核对/);
  });

  it('a finding on one sheet is marked as before', () => {
    const plan = planMarks([inner]);
    expect(fills(plan.actions)[0]).toBe(`支出总表!D8 ${MARK_COLORS.error.main}`);
  });
});
