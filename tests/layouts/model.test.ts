import { unitsToGroupedText, unitsToText, partition } from './model/amount';
import { functionItems } from './model/catalog';
import {
  FUNDS,
  SOURCES,
  addLines,
  classes,
  economicTotal,
  finalSummary,
  leaves,
  sumSources,
  threePublicTotal,
  type Disclosure,
} from './model/disclosure';
import { generateDisclosure } from './model/generate';

/** The disclosure model is consistent by construction: every identity the rules assert holds exactly, in integers. */
const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i * 37);

function children(d: Disclosure, code: string) {
  return d.functions.filter((l) => l.code.length === code.length + 2 && l.code.startsWith(code));
}

describe('disclosure model', () => {
  it('renders amounts from integer units without floats', () => {
    expect(unitsToText(123450, 2)).toBe('1234.50');
    expect(unitsToText(7, 4)).toBe('0.0007');
    expect(unitsToText(42, 0)).toBe('42');
    expect(unitsToGroupedText(123456789, 2)).toBe('1,234,567.89');
    const parts = partition(1001, 4, () => 0.37);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1001);
  });

  it.each(SEEDS)('seed %i: parents are exact sums, funds balance, pairs agree', (seed) => {
    const d = generateDisclosure(seed);
    expect(leaves(d).length).toBeGreaterThan(0);
    const known = new Set(functionItems(d.year).map((i) => i.item.code));
    for (const l of leaves(d)) expect(known.has(l.code)).toBe(true);
    // 类 = Σ款, 款 = Σ项, field by field.
    for (const l of d.functions.filter((x) => x.level < 3)) {
      expect(addLines(children(d, l.code).map((c) => c.amounts))).toEqual(l.amounts);
    }
    for (const l of d.functions) {
      const a = l.amounts;
      // Per fund: carry-in + income = basic + project + carry-out; non-fiscal income is the sum of its sources.
      for (const f of FUNDS) expect(a.carryIn[f] + a.income[f]).toBe(a.basic[f] + a.project[f] + a.carryOut[f]);
      expect(sumSources(a.sources)).toBe(a.income.other);
      for (const f of FUNDS)
        expect(Math.min(a.basic[f], a.project[f], a.income[f], a.carryIn[f], a.carryOut[f])).toBeGreaterThanOrEqual(0);
      for (const s of SOURCES) expect(a.sources[s]).toBeGreaterThanOrEqual(0);
      if (d.kind === 'budget') expect(a.carryOut.general + a.carryOut.other).toBe(0);
      // Basic spending is paid by the general budget or non-fiscal money only.
      expect(a.basic.gov + a.basic.state).toBe(0);
    }
    for (const f of ['gov', 'state'] as const) {
      if (!d.funds[f]) expect(classes(d).reduce((s, c) => s + c.amounts.project[f], 0)).toBe(0);
    }
    // Economic table: its total is the general basic spending; 类 = Σ款; 人员 + 公用 = total.
    const basicGeneral = classes(d).reduce((s, c) => s + c.amounts.basic.general, 0);
    expect(economicTotal(d)).toBe(basicGeneral);
    expect(economicTotal(d, true) + economicTotal(d, false)).toBe(basicGeneral);
    for (const e of d.economics.filter((x) => x.level === 1)) {
      const members = d.economics.filter((x) => x.level === 2 && x.code.startsWith(e.code));
      expect(members.reduce((s, m) => s + m.amount, 0)).toBe(e.amount);
      expect(e.personnel).toBe(e.code === '301' || e.code === '303');
    }
    // cross_classification pairs: 30108 = 2080505, 30109 = 2080506, 30113 = 2210201 (basic, general budget).
    const econ = (c: string) => d.economics.find((e) => e.code === c)?.amount ?? 0;
    const fn = (c: string) => d.functions.find((l) => l.code === c)?.amounts.basic.general ?? 0;
    expect(econ('30108')).toBe(fn('2080505'));
    expect(econ('30109')).toBe(fn('2080506'));
    expect(econ('30113')).toBe(fn('2210201'));
    expect(econ('30110')).toBe(fn('2101101') + fn('2101102'));
    // 三公 items cover their economic lines; projects share the project spending exactly.
    expect(d.threePublic.abroad).toBeGreaterThanOrEqual(econ('30212'));
    expect(d.threePublic.reception).toBeGreaterThanOrEqual(econ('30217'));
    expect(d.threePublic.vehicleRunning).toBeGreaterThanOrEqual(econ('30231'));
    expect(d.threePublic.vehiclePurchase).toBeGreaterThanOrEqual(econ('31013'));
    expect(threePublicTotal(d.threePublic)).toBeGreaterThanOrEqual(0);
    const projectTotal = classes(d).reduce((s, c) => s + FUNDS.reduce((a, f) => a + c.amounts.project[f], 0), 0);
    expect(d.projects.reduce((s, p) => s + p.fiscal + p.other, 0)).toBe(projectTotal);
    // 机关运行经费 is part of the 公用经费; each 绩效目标表 carries its project's money, at most the 项目支出 together.
    expect(d.runningCosts).toBeGreaterThanOrEqual(0);
    expect(d.runningCosts).toBeLessThanOrEqual(economicTotal(d, false));
    for (const f of d.targetForms) {
      const p = d.projects[f.project]!;
      expect(f.funds).toBe(p.fiscal + p.other);
      expect(f.midTerm).toBeGreaterThanOrEqual(f.funds);
    }
    expect(d.targetForms.reduce((s, f) => s + f.funds, 0)).toBeLessThanOrEqual(projectTotal);
    // 收入支出决算总表: both sides balance; 使用非财政拨款结余 never exceeds the non-fiscal carry-in.
    const s = finalSummary(d);
    expect(s.total).toBe(s.spending + s.distribution + s.carryOut);
    expect(s.carryIn).toBeGreaterThanOrEqual(0);
    if (d.kind === 'budget') expect(d.useOfNonFiscalBalance).toBe(0);
  });

  it('is reproducible: the same seed gives the same disclosure', () => {
    expect(generateDisclosure(77)).toEqual(generateDisclosure(77));
    expect(generateDisclosure(77)).not.toEqual(generateDisclosure(78));
  });

  it('honours the requested kind, unit, decimals, funds and size', () => {
    const d = generateDisclosure(5, {
      kind: 'final',
      unit: '元',
      decimals: 0,
      items: 12,
      funds: { gov: false, state: false },
    });
    expect([d.kind, d.unit, d.decimals, d.funds.gov, d.funds.state]).toEqual(['final', '元', 0, false, false]);
    expect(leaves(d)).toHaveLength(12);
  });
});
