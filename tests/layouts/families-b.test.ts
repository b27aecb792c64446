import knownFailures from './known-failures.json';
import { checkConsistent, checkLeafSlip, describeFinding } from './properties';
import { H9B_FAMILIES } from './render/families-b';

/**
 * The metamorphic properties on h9b's layout families (platform export, …): for a fixed seed list per family, a
 * consistent workbook has no error and no warning, every table typed, every code read; a slipped leaf amount is caught
 * at its cell. A seed listed in known-failures.json must still fail the way it says (the list is asserted exactly).
 */
const SEEDS = Array.from({ length: 12 }, (_, i) => 3 + i * 13);

const known = (family: string, property: string) =>
  new Map(
    knownFailures.failures.filter((k) => k.family === family && k.property === property).map((k) => [k.seed, k.rule]),
  );

/** What a known failure's `rule` names: a rule id, or 'typing' (tables not typed as drawn) or 'codes' (codes unread). */
const failsAs = (r: ReturnType<typeof checkConsistent>): string[] => [
  ...(r.typing.length > 0 ? ['typing'] : []),
  ...(r.unreadCodes.length > 0 ? ['codes'] : []),
  ...r.falseFindings.map((f) => f.rule),
];

describe.each(H9B_FAMILIES.map((f) => [f.name, f] as const))('layouts: %s', (name, family) => {
  const consistentKnown = known(name, 'consistent → 0 errors and 0 warnings');
  const slipKnown = known(name, 'leaf slip caught at its cell');

  it.each(SEEDS)(
    'seed %i: a consistent workbook has 0 errors, 0 warnings, every table typed, every code read',
    (seed) => {
      const r = checkConsistent(family, seed);
      const problems = [...r.typing, ...r.unreadCodes, ...r.falseFindings.map(describeFinding)];
      const rule = consistentKnown.get(seed);
      if (rule !== undefined) expect(failsAs(r)).toContain(rule);
      else expect({ features: r.features, problems }).toEqual({ features: r.features, problems: [] });
    },
  );

  it.each(SEEDS)('seed %i: a slipped leaf amount of the 支出总表 is caught at its cell', (seed) => {
    const r = checkLeafSlip(family, seed);
    if (slipKnown.has(seed)) expect(r.caught).toBe(false);
    else
      expect({ features: r.features, where: r.where, caught: r.caught }).toEqual({
        features: r.features,
        where: r.where,
        caught: true,
      });
  });

  it('declares what it varies; its known failures are all on the seed list (so none is stale)', () => {
    expect(family.varies.length).toBeGreaterThan(0);
    for (const k of knownFailures.failures.filter((f) => f.family === name)) expect(SEEDS).toContain(k.seed);
  });
});
