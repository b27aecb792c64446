import knownFailures from './known-failures.json';
import {
  checkConsistent,
  checkSlip,
  checkUnitChange,
  failureKey,
  findingsByMeaning,
  modelFor,
  seedsOf,
  variantOf,
  type KnownFailure,
} from './check';
import { FAMILIES, type LayoutFamily } from './families';
import { SLIP_IDS, slipsOf, type SlipId } from './slips';

/**
 * The metamorphic properties of issue 9 over every registered layout family, on a fixed seed list (the CI subset):
 *  - consistent → 0 errors and 0 warnings, every table typed, every code read;
 *  - one injected slip of each kind → caught at its cell (a removed table: named);
 *  - the same model in two layouts of a family → the same findings modulo cell addresses.
 * Each property collects its failures over the seeds and compares them with known-failures.json exactly: a new failure
 * fails the suite, and so does a known failure that now passes (remove it: the list only shrinks honestly).
 */
const SEEDS = Array.from({ length: 16 }, (_, i) => 3 + i * 17);
const KNOWN_LIST = (knownFailures.failures as KnownFailure[]).filter((k) => FAMILIES.some((f) => f.id === k.family));
const KNOWN = KNOWN_LIST.flatMap((k) => {
  const family = FAMILIES.find((f) => f.id === k.family);
  return family
    ? seedsOf(k).map((seed) =>
        failureKey({ family: k.family, variant: variantOf(family, seed, k.property).id, property: k.property, seed }),
      )
    : [];
});

function seedsFor(family: LayoutFamily, property: string): number[] {
  const listed = KNOWN_LIST.filter((k) => k.family === family.id && k.property === property).flatMap(seedsOf);
  return [...new Set([...SEEDS.slice(0, family.ciSeeds ?? SEEDS.length), ...listed])].sort((a, b) => a - b);
}

const knownFor = (family: LayoutFamily, property: string, seeds: readonly number[]) =>
  seeds
    .map((seed) => failureKey({ family: family.id, variant: variantOf(family, seed, property).id, property, seed }))
    .filter((k) => KNOWN.includes(k))
    .sort();

describe.each(FAMILIES.map((f) => [f.id, f] as const))('layout family %s', (_id, family) => {
  it('declares what it varies and the features of each variant', () => {
    expect(family.varies.length).toBeGreaterThan(0);
    expect(family.variants.length).toBeGreaterThan(0);
    for (const v of family.variants) expect(v.features.length).toBeGreaterThan(0);
  });

  it('consistent → 0 errors and 0 warnings, every table typed, every code read', () => {
    const seeds = seedsFor(family, 'consistent');
    const failures: string[] = [];
    const details: string[] = [];
    for (const seed of seeds) {
      const v = variantOf(family, seed);
      const r = checkConsistent(family, v, modelFor(family, seed));
      if (r.falseFindings.length + r.untyped.length + r.unreadCodes.length === 0) continue;
      failures.push(failureKey({ family: family.id, variant: v.id, property: 'consistent', seed }));
      const f = r.falseFindings[0];
      details.push(
        `seed ${seed} [${v.features.join('; ')}] ${f ? `${f.rule} ${f.sheet}!${f.cells.join(',')} ${f.message}` : ''} ${r.untyped.join(' ')} ${r.unreadCodes.slice(0, 3).join(' ')}`,
      );
    }
    expect({ failures: failures.sort(), details }).toEqual({
      failures: knownFor(family, 'consistent', seeds),
      details: expect.any(Array) as unknown,
    });
  });

  it.each(slipsOf(family).map((s) => [s]))('a %s slip is caught at its cell', (slip: SlipId) => {
    const property = `slip:${slip}`;
    const seeds = seedsFor(family, property);
    const failures: string[] = [];
    const details: string[] = [];
    let applied = 0;
    for (const seed of seeds) {
      const v = variantOf(family, seed);
      const r = checkSlip(family, v, modelFor(family, seed), slip);
      if (!r.target) continue;
      applied++;
      if (r.caught) continue;
      failures.push(failureKey({ family: family.id, variant: v.id, property, seed }));
      details.push(`seed ${seed} [${v.features.join('; ')}] ${r.target.description}`);
    }
    expect(applied).toBeGreaterThan(0);
    expect({ failures: failures.sort(), details }).toEqual({
      failures: knownFor(family, property, seeds),
      details: expect.any(Array) as unknown,
    });
  });

  it('元 with 0 decimals ↔ 万元 with 4 (the same money, the same slip) → the same findings', () => {
    const property = 'unit-change';
    const seeds = seedsFor(family, property).filter((s, i) => i < 4 || !SEEDS.includes(s));
    const outcomes = seeds.map((seed) => [seed, checkUnitChange(family, variantOf(family, seed), seed)] as const);
    const failures = outcomes
      .filter(([, o]) => o === 'different')
      .map(([seed]) => failureKey({ family: family.id, variant: variantOf(family, seed).id, property, seed }));
    expect(outcomes.filter(([, o]) => o !== 'no leaf').length).toBeGreaterThan(0);
    expect(failures.sort()).toEqual(knownFor(family, property, seeds));
  });

  const last = family.variants[family.variants.length - 1]!;
  const pairs = family.variants.length >= 2 ? [[family.variants[0]!, last] as const] : [];
  it.each(pairs.map(([a, b]) => [a.id, b.id, a, b] as const))(
    'the same model in %s and %s → the same findings modulo addresses (consistent and with a leaf slip)',
    (_a, _b, a, b) => {
      const property = 'two-layouts';
      const seeds = seedsFor(family, property).filter((s, i) => i < 12 || !SEEDS.includes(s));
      const failures: string[] = [];
      for (const seed of seeds) {
        const d = modelFor(family, seed);
        const ra = checkSlip(family, a, d, 'leaf');
        const rb = checkSlip(family, b, d, 'leaf');
        if (!ra.target || !rb.target) continue;
        const same =
          JSON.stringify(findingsByMeaning(ra.rendered, ra.findings)) ===
          JSON.stringify(findingsByMeaning(rb.rendered, rb.findings));
        if (!same) failures.push(failureKey({ family: family.id, variant: a.id, property, seed }));
      }
      expect(failures.sort()).toEqual(knownFor(family, property, seeds));
    },
  );
});

it('every known failure of a registered family names a property, with seeds and a reason', () => {
  for (const k of KNOWN_LIST) {
    expect(['consistent', 'two-layouts', 'unit-change', ...SLIP_IDS.map((s) => `slip:${s}`)]).toContain(k.property);
    expect(seedsOf(k).length).toBeGreaterThan(0);
    expect(k.reason.length).toBeGreaterThan(10);
  }
  expect(new Set(KNOWN).size).toBe(KNOWN.length);
});
