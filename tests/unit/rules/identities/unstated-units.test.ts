import { reviewWorkbook } from '../../../../src/core/review';
import { sheet, workbook } from '../../../helpers/grid';

/**
 * Two tables that state no unit are compared as if in the same one. When a failing identity holds once a table without
 * a unit is read in the other unit (元 for 万元) and its two sides are then nearer in magnitude, the failure rests on
 * that assumption, not on the numbers: it is reported as not checked, never as an error. (A converter that dropped the
 * 单位 lines: the 三公 table is in 万元, the basic table in 元, and 30217 185,000 ≤ 公务接待费 28.50 holds only in
 * those units.) A mild excess is nearest as written and stays an error.
 */
const basic = (unit: string | null, reception: number) =>
  sheet(
    [
      ['2025年部门一般公共预算基本支出表', null, null, null, null],
      ['编制部门：某区政府办公室', null, null, null, unit ? `单位：${unit}` : null],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['302', '商品和服务支出', reception + 15000, null, reception + 15000],
      ['30201', '办公费', 15000, null, 15000],
      ['30217', '公务接待费', reception, null, reception],
      [null, '合计', reception + 15000, null, reception + 15000],
    ],
    { name: '基本支出表', merges: ['A1:E1'] },
  );

const threePublic = (unit: string | null, reception: number) =>
  sheet(
    [
      ['2025年部门“三公”经费预算表', null, null, null, null],
      ['编制部门：某区政府办公室', null, null, null, unit ? `单位：${unit}` : null],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', null],
      [reception, 0, reception, 0, null],
    ],
    { name: '三公经费表', merges: ['A1:E1'] },
  );

const review = (...sheets: ReturnType<typeof sheet>[]) => reviewWorkbook(workbook(...sheets)).report;
const threePublicFindings = (r: ReturnType<typeof review>) =>
  r.findings.filter((f) => f.rule === 'cross_table.three_public');
const unitNotChecked = (r: ReturnType<typeof review>) =>
  (r.coverage?.notChecked ?? []).filter((e) => e.rule === 'cross_table.three_public' && e.reason === 'other');

describe('identities between tables that state no unit', () => {
  it('neither table states a unit, and the bound holds in 元 vs 万元: not checked, no error', () => {
    const r = review(basic(null, 185000), threePublic(null, 28.5));
    expect(threePublicFindings(r)).toEqual([]);
    expect(unitNotChecked(r)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /30217.*未注明金额单位：按同一单位比较不符，若一表为元、一表为万元则相符，无法判断，未核对/,
        ),
      }),
    ]);
  });

  it('one table states 元, the other none: the same', () => {
    const r = review(basic('元', 185000), threePublic(null, 28.5));
    expect(threePublicFindings(r)).toEqual([]);
    expect(unitNotChecked(r)).toHaveLength(1);
    expect(unitNotChecked(r)[0]?.message).toMatch(/《部门“三公”经费预算表》未注明金额单位/);
  });

  it('a mild excess (15 over 10, no units): nearest in magnitude as written, so an error still', () => {
    const r = review(basic(null, 15), threePublic(null, 10));
    expect(threePublicFindings(r).map((f) => f.severity)).toEqual(['error']);
    expect(unitNotChecked(r)).toEqual([]);
  });

  it('a failure under every reading of the units is an error still', () => {
    // 185,000 > 0.50 万元 = 5,000 元: wrong whatever the units.
    const r = review(basic(null, 185000), threePublic(null, 0.5));
    expect(threePublicFindings(r).map((f) => f.severity)).toEqual(['error']);
    expect(unitNotChecked(r)).toEqual([]);
  });

  it('both units stated: compared in them, as before (holds; and a real excess is an error)', () => {
    expect(threePublicFindings(review(basic('元', 185000), threePublic('万元', 28.5)))).toEqual([]);
    const wrong = review(basic('元', 185000), threePublic('元', 28.5));
    expect(threePublicFindings(wrong).map((f) => f.severity)).toEqual(['error']);
    expect(unitNotChecked(wrong)).toEqual([]);
  });
});
