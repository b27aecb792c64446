/**
 * `npm run layouts -- --seeds N` reviews N generated disclosures across the registered layout families
 * (tests/layouts/families.ts), seed s in family s mod F (`--every-family`: every seed in every family; `--family ID`:
 * all seeds in one family): per seed, the consistent workbook (0 errors/warnings, every table typed, every code read)
 * and one slip (the kinds the family has a place for in turn, seed by seed; `--slips all`: every kind). It prints every
 * failing seed with the layout features and the offending finding, then a table per family.
 * `npm run layouts -- --identities [--seeds N] [--write-identities]` counts, per rule of the registry (docs/rules.md), the
 * identities closed and failed on consistent workbooks of every family and the slips its findings catch at their cell
 * (N seeds per family, default 3); `--write-identities` writes tests/layouts/IDENTITIES.md from that measurement, with
 * the reasons of tests/layouts/identity-reasons.json for the rules no property exercises.
 * `npm run layouts -- --seed 123 --out DIR` writes that seed's workbooks (every family and variant, consistent and with
 * each slip) to DIR to open in the preview.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConsistent, checkSlip, modelFor } from '../tests/layouts/check';
import { FAMILIES } from '../tests/layouts/families';
import { ALL_RULES } from '../src/core';
import { identitiesMarkdown, isExercised, measureIdentities } from '../tests/layouts/identities';
import identityReasons from '../tests/layouts/identity-reasons.json';
import { slipById, slipRng, slipsOf } from '../tests/layouts/slips';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Stats {
  consistent: number;
  falseFindings: number;
  failing: number;
  slips: Map<string, { applied: number; caught: number }>;
}

async function writeSeed(seed: number, out: string) {
  mkdirSync(out, { recursive: true });
  for (const family of FAMILIES) {
    const d = modelFor(family, seed);
    for (const v of family.variants) {
      const name = `seed${seed}-${family.id}-${v.id}`;
      writeFileSync(join(out, `${name}.xlsx`), new Uint8Array(await v.render(d).wb.xlsx.writeBuffer()));
      for (const slip of slipsOf(family)) {
        const r = v.render(d);
        const target = slipById(slip).apply(r, d, slipRng(seed, slip));
        if (!target) continue;
        writeFileSync(join(out, `${name}-${slip}.xlsx`), new Uint8Array(await r.wb.xlsx.writeBuffer()));
        console.log(`${name}-${slip}.xlsx: ${target.description}`);
      }
    }
  }
}

/** Per rule: identities closed/failed on consistent workbooks, slips caught, families; `--write-identities` writes IDENTITIES.md. */
function identities(seedCount: number, write: boolean) {
  const m = measureIdentities(seedCount);
  const reasons = (identityReasons as { reasons: Record<string, string> }).reasons;
  const md = identitiesMarkdown(m, reasons);
  if (write) writeFileSync(join(__dirname, '../tests/layouts/IDENTITIES.md'), md);
  console.log(md);
  const missing = ALL_RULES.map((r) => r.meta.id).filter((id) => !isExercised(m.rules.get(id)) && !reasons[id]);
  if (missing.length) console.log(`not exercised and no reason stated: ${missing.join(', ')}`);
}

async function main() {
  if (process.argv.includes('--identities'))
    return identities(Number(arg('--seeds') ?? 3), process.argv.includes('--write-identities'));
  const single = arg('--seed');
  const out = arg('--out');
  if (single && out) return writeSeed(Number(single), out);
  const seeds = single ? [Number(single)] : Array.from({ length: Number(arg('--seeds') ?? 100) }, (_, i) => i + 1);
  const oneSlip = arg('--slips') !== 'all';
  const families = FAMILIES.filter((f) => !arg('--family') || f.id === arg('--family'));
  const started = Date.now();
  let workbooks = 0;
  const stats = new Map<string, Stats>();
  const everyFamily = process.argv.includes('--every-family');
  for (const seed of seeds) {
    for (const family of everyFamily ? families : [families[seed % families.length]!]) {
      const s = stats.get(family.id) ?? {
        consistent: 0,
        falseFindings: 0,
        failing: 0,
        slips: new Map(),
      };
      stats.set(family.id, s);
      const d = modelFor(family, seed);
      // Spread over F families, seed s is the (s div F)-th of its family: variants and slip kinds take turns by that.
      const turn = everyFamily ? seed : Math.floor(seed / families.length);
      const v = family.variants[turn % family.variants.length]!;
      const features = `[${v.id}: ${v.features.join('; ')}]`;
      const c = checkConsistent(family, v, d);
      s.consistent++;
      workbooks++;
      s.falseFindings += c.falseFindings.length;
      if (c.falseFindings.length + c.untyped.length + c.unreadCodes.length > 0) {
        s.failing++;
        const f = c.falseFindings[0];
        console.log(
          `FAIL consistent ${family.id} seed ${seed} ${features}`,
          f ? `${f.rule} ${f.severity} ${f.sheet}!${f.cells.join(',')} ${f.message}` : '',
          c.untyped.length ? `untyped: ${c.untyped.join('; ')}` : '',
          c.unreadCodes.length ? `unread codes: ${c.unreadCodes.slice(0, 5).join(' ')}` : '',
        );
      }
      const kinds = slipsOf(family);
      // Slip kinds take turns over the variant's turns, so that every kind meets every variant (a kind that only one
      // variant has a place for, as 机关运行经费 beside item columns, would otherwise never come round to it).
      const kindTurn = Math.floor(turn / family.variants.length);
      for (const slip of oneSlip ? [kinds[kindTurn % kinds.length]!] : kinds) {
        const r = checkSlip(family, v, d, slip);
        if (!r.target) continue;
        workbooks++;
        const k = s.slips.get(slip) ?? { applied: 0, caught: 0 };
        s.slips.set(slip, k);
        k.applied++;
        if (r.caught) k.caught++;
        else {
          const near = r.findings.filter((f) => f.severity !== 'info').slice(0, 2);
          console.log(
            `FAIL slip:${slip} ${family.id} seed ${seed} ${features} ${r.target.description} not caught`,
            near.map((f) => `(${f.rule} ${f.sheet}!${f.cells.join(',')})`).join(' '),
          );
        }
      }
    }
  }
  console.log(
    '\n| family | consistent workbooks | false errors+warnings per workbook | workbooks with a false finding | slips caught at their cell |',
  );
  console.log('|---|---:|---:|---:|---|');
  for (const [id, s] of stats) {
    const slips = [...s.slips].map(([k, v]) => `${k} ${v.caught}/${v.applied}`).join(', ');
    console.log(
      `| ${id} | ${s.consistent} | ${(s.falseFindings / s.consistent).toFixed(3)} | ${s.failing} | ${slips} |`,
    );
  }
  console.log(`\n${workbooks} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
