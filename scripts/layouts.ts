/**
 * `npm run layouts -- --seeds N` reviews N generated disclosures in each layout of the national-budget family (consistent,
 * then with one slipped leaf amount) and prints the failing seeds with their layout features and the offending finding;
 * `npm run layouts -- --seed 123 --out DIR` writes that seed's workbooks to DIR to open in the preview.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotOf } from '../src/adapters/xlsx/read-xlsx';
import { columnLetter, reviewWorkbook } from '../src/core';
import { unitsToNumber } from '../tests/layouts/model/amount';
import { generateDisclosure } from '../tests/layouts/model/generate';
import { checkConsistent, checkLeafSlip, describeFinding, modelFor } from '../tests/layouts/properties';
import { H9B_FAMILIES } from '../tests/layouts/render/families-b';
import {
  PER_SHEET,
  layoutFeatures,
  renderNationalBudget,
  type BudgetLayout,
} from '../tests/layouts/render/national-budget';

const LAYOUTS: Record<string, BudgetLayout> = {
  'per-sheet': PER_SHEET,
  'per-sheet-shifted': { placement: 'per-sheet', origin: [3, 2] },
  stacked: { placement: 'stacked', origin: [1, 1] },
};

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  const single = arg('--seed');
  const out = arg('--out');
  const seeds = single ? [Number(single)] : Array.from({ length: Number(arg('--seeds') ?? 100) }, (_, i) => i + 1);
  const started = Date.now();
  let workbooks = 0;
  const stats = new Map<string, { consistent: number; falseFindings: number; slips: number; caught: number }>();
  for (const seed of seeds) {
    const d = generateDisclosure(seed, { kind: 'budget' });
    for (const [family, layout] of Object.entries(LAYOUTS)) {
      const s = stats.get(family) ?? { consistent: 0, falseFindings: 0, slips: 0, caught: 0 };
      stats.set(family, s);
      const clean = renderNationalBudget(d, layout);
      if (out) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `seed${seed}-${family}.xlsx`), new Uint8Array(await clean.wb.xlsx.writeBuffer()));
      }
      const bad = reviewWorkbook(snapshotOf(clean.wb, `seed${seed}.xlsx`)).report.findings.filter(
        // 5 of the 8 national tables are drawn: the missing-table warnings are true findings.
        (f) => f.severity !== 'info' && f.rule !== 'disclosure.missing_table',
      );
      s.consistent++;
      s.falseFindings += bad.length;
      workbooks++;
      if (bad[0])
        console.log(
          `FAIL consistent seed ${seed} ${family} [${layoutFeatures(layout).join('; ')}] ${bad[0].rule} ${bad[0].sheet}!${bad[0].cells.join(',')} ${bad[0].message}`,
        );
      const slipped = renderNationalBudget(d, layout);
      const body = slipped.bodies.get('支出总表')!;
      const row = body.row + 1 + d.functions.findIndex((l) => l.level === 3);
      const column = body.column + 2;
      const cell = slipped.wb.getWorksheet(body.sheet)!.getCell(row, column);
      const before = Math.round(Number(cell.value ?? 0) * 10 ** d.decimals);
      cell.value = unitsToNumber(before + 7 * 10 ** (d.decimals + 1), d.decimals);
      const address = `${columnLetter(column - 1)}${row}`;
      const findings = reviewWorkbook(snapshotOf(slipped.wb, `seed${seed}-slip.xlsx`)).report.findings;
      const caught = findings.some((f) => f.severity !== 'info' && f.sheet === body.sheet && f.cells.includes(address));
      s.slips++;
      workbooks++;
      if (caught) s.caught++;
      else
        console.log(
          `FAIL slip seed ${seed} ${family} [${layoutFeatures(layout).join('; ')}] leaf amount at ${body.sheet}!${address} not caught`,
        );
    }
  }
  // h9b's families: the same two properties, plus tables typed and codes read.
  for (const family of H9B_FAMILIES) {
    const s = { consistent: 0, falseFindings: 0, slips: 0, caught: 0 };
    stats.set(family.name, s);
    for (const seed of seeds) {
      if (out) {
        mkdirSync(out, { recursive: true });
        const r = family.render(modelFor(family, seed), seed);
        writeFileSync(join(out, `seed${seed}-${family.name}.xlsx`), new Uint8Array(await r.wb.xlsx.writeBuffer()));
      }
      const c = checkConsistent(family, seed);
      s.consistent++;
      s.falseFindings += c.falseFindings.length;
      workbooks++;
      const problems = [...c.typing, ...c.unreadCodes, ...c.falseFindings.map(describeFinding)];
      if (problems[0])
        console.log(
          `FAIL consistent seed ${seed} ${family.name} [${c.features.join('; ')}] ${problems[0]} (${problems.length} problems)`,
        );
      const slip = checkLeafSlip(family, seed);
      s.slips++;
      workbooks++;
      if (slip.caught) s.caught++;
      else
        console.log(
          `FAIL slip seed ${seed} ${family.name} [${slip.features.join('; ')}] leaf amount at ${slip.where} not caught`,
        );
    }
  }
  console.log('| family | consistent workbooks | false errors+warnings per workbook | slips | caught at cell |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [family, s] of stats)
    console.log(
      `| ${family} | ${s.consistent} | ${(s.falseFindings / s.consistent).toFixed(3)} | ${s.slips} | ${s.caught} |`,
    );
  console.log(`${workbooks} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
