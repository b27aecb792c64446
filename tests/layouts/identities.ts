import { snapshotOf } from '../../src/adapters/xlsx/read-xlsx';
import { ALL_RULES, reviewWorkbook, type ReportFinding, type Rule } from '../../src/core';
import { isCaught, modelFor, variantOf } from './check';
import { FAMILIES, type Rendered } from './families';
import { slipById, slipRng, slipsOf } from './slips';

/**
 * Which identities of docs/rules.md the layout properties exercise: the rules wrapped so that every identity they
 * record on the coverage ledger (closed or failed) and every finding they report is counted per rule id. A rule with
 * closed identities on consistent workbooks ("0 errors and 0 warnings" covers them) or findings that catch a slip at its
 * cell ("caught at its cell" needs them) is exercised; IDENTITIES.md is written from this measurement
 * (`npm run layouts -- --identities --seeds 3 --write-identities`), with a stated reason (identity-reasons.json) for
 * every rule that is neither.
 */
export interface RuleTally {
  closed: number;
  failed: number;
  notChecked: number;
  findings: number;
}

export type Tally = Map<string, RuleTally>;

const tallyOf = (t: Tally, id: string): RuleTally => {
  let x = t.get(id);
  if (!x) t.set(id, (x = { closed: 0, failed: 0, notChecked: 0, findings: 0 }));
  return x;
};

function counted(rules: readonly Rule[], tally: Tally): Rule[] {
  return rules.map((rule) => ({
    meta: rule.meta,
    check: (ctx) =>
      rule.check({
        ...ctx,
        report: (d) => {
          tallyOf(tally, rule.meta.id).findings++;
          ctx.report(d);
        },
        identity: (i) => {
          const x = tallyOf(tally, rule.meta.id);
          if (i.status === 'closed') x.closed++;
          else x.failed++;
          if (i.finding) x.findings++;
          ctx.identity(i);
        },
        notChecked: (n) => {
          tallyOf(tally, rule.meta.id).notChecked += n.count ?? 1;
          ctx.notChecked(n);
        },
      }),
  }));
}

/** Reviews `r` with the counting rules, adding to `tally`; returns the report's findings. */
export function tallyReview(r: Rendered, name: string, tally: Tally): readonly ReportFinding[] {
  return reviewWorkbook(snapshotOf(r.wb, name), {
    ruleSet: counted(ALL_RULES, tally),
  }).report.findings;
}

/** Per rule id: what the properties saw of it. */
export interface RuleMeasure {
  /** Identities closed / failed on consistent workbooks. */
  closed: number;
  failed: number;
  /** Errors and warnings it reported on consistent workbooks (false findings, or a family's declared partial set). */
  serious: number;
  /** Notes (提示) it reported on consistent workbooks. */
  notes: number;
  /** Per slip kind: slipped workbooks where one of its findings is at the slip's cell (or names the removed table). */
  catches: Map<string, number>;
  /** Families where it closed an identity on a consistent workbook or caught a slip. */
  families: Set<string>;
}

export interface IdentityMeasurement {
  readonly seeds: number;
  readonly workbooks: number;
  readonly seconds: number;
  readonly rules: Map<string, RuleMeasure>;
}

/** `seedCount` seeds per family (1…N, each in the variant the suites give it), the consistent workbook and every slip. */
export function measureIdentities(seedCount: number): IdentityMeasurement {
  const started = Date.now();
  const rules = new Map<string, RuleMeasure>();
  const of = (id: string): RuleMeasure => {
    let m = rules.get(id);
    if (!m)
      rules.set(
        id,
        (m = {
          closed: 0,
          failed: 0,
          serious: 0,
          notes: 0,
          catches: new Map(),
          families: new Set(),
        }),
      );
    return m;
  };
  let workbooks = 0;
  for (const family of FAMILIES) {
    const partialSet = (family.trueOnConsistent ?? []).includes('disclosure.missing_table');
    for (let seed = 1; seed <= seedCount; seed++) {
      const d = modelFor(family, seed);
      const v = variantOf(family, seed);
      const tally: Tally = new Map();
      const findings = tallyReview(v.render(d), `${family.id}-${seed}.xlsx`, tally);
      workbooks++;
      for (const [id, x] of tally) {
        const m = of(id);
        m.closed += x.closed;
        m.failed += x.failed;
        if (x.closed > 0) m.families.add(family.id);
      }
      for (const f of findings) {
        const m = of(f.rule);
        if (f.severity === 'info') m.notes++;
        else m.serious++;
      }
      for (const slip of slipsOf(family)) {
        const r = v.render(d);
        const target = slipById(slip).apply(r, d, slipRng(seed, slip));
        if (!target) continue;
        workbooks++;
        const slipped = tallyReview(r, `${family.id}-${seed}-${slip}.xlsx`, new Map());
        for (const id of new Set(slipped.filter((f) => isCaught(target, [f], partialSet)).map((f) => f.rule))) {
          const m = of(id);
          m.catches.set(slip, (m.catches.get(slip) ?? 0) + 1);
          m.families.add(family.id);
        }
      }
    }
  }
  return {
    seeds: seedCount,
    workbooks,
    seconds: (Date.now() - started) / 1000,
    rules,
  };
}

export const catchCount = (m: RuleMeasure | undefined): number =>
  m ? [...m.catches.values()].reduce((a, b) => a + b, 0) : 0;

/** A rule the properties exercise: an identity closed on a consistent workbook, or a slip caught at its cell. */
export const isExercised = (m: RuleMeasure | undefined): boolean => !!m && (m.closed > 0 || catchCount(m) > 0);

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** IDENTITIES.md: every rule of the registry, in its order, with the measurement and, when not exercised, the reason. */
export function identitiesMarkdown(m: IdentityMeasurement, reasons: Readonly<Record<string, string>>): string {
  const all = FAMILIES.map((f) => f.id);
  const familyList = (s: Set<string>) =>
    s.size === all.length
      ? 'every family'
      : s.size > all.length / 2
        ? `every family but ${all.filter((f) => !s.has(f)).join(', ')}`
        : all.filter((f) => s.has(f)).join(', ');
  const rows = ALL_RULES.map((rule) => {
    const id = rule.meta.id;
    const x = m.rules.get(id);
    const catches = x ? [...x.catches].map(([k, n]) => `${k} ${n}`).join(', ') : '';
    const why = isExercised(x) ? '' : (reasons[id] ?? '**no reason stated**');
    return `| [\`${id}\`](../../docs/rules.md#${id.replace(/[._]/g, '')}) | ${LEVEL[rule.meta.defaultSeverity]} | ${
      x?.closed ?? 0
    } | ${x?.failed ?? 0} | ${x?.serious ?? 0} | ${x?.notes ?? 0} | ${catchCount(x)}${catches ? ` (${catches})` : ''} | ${
      x && x.families.size ? familyList(x.families) : '—'
    } | ${why} |`;
  });
  const exercised = ALL_RULES.filter((r) => isExercised(m.rules.get(r.meta.id))).length;
  return [
    '# Identities of docs/rules.md against the layout properties',
    '',
    '<!-- Generated by `npm run layouts -- --identities --seeds 3 --write-identities` from the measurement and',
    '     tests/layouts/identity-reasons.json; do not edit by hand. -->',
    '',
    `Measured on ${m.seeds} seeds per family (${FAMILIES.length} families, each seed in the variant the suites give it): the`,
    `consistent workbook and every slip kind the family has a place for, ${m.workbooks} workbooks in ${m.seconds.toFixed(0)} s. Every`,
    'rule of the registry (src/core/rules/registry.ts) is listed, in its order; the rules wrapped so that each identity they',
    'record on the coverage ledger is counted.',
    '',
    '- **closed / failed**: identities the rule closed or failed on consistent workbooks (the property “0 errors and 0',
    '  warnings” covers the closed ones; a failed one is a false finding or a known failure, known-failures.json).',
    '- **errors+warnings / notes**: what it reported on consistent workbooks (errors and warnings there are false, bar a',
    '  family’s declared partial set: disclosure.missing_table on the five-table families).',
    '- **slips caught**: slipped workbooks where a finding of the rule is at the slip’s cell (a removed table: names it), per',
    '  slip kind — the property “caught at its cell”.',
    '- **reason**: why a rule that closes nothing and catches no slip is not exercised (identity-reasons.json, which holds',
    '  reasons for such rules only).',
    '',
    `${exercised} of ${ALL_RULES.length} rules are exercised by a property; the others state their reason.`,
    '',
    '| rule | level | closed | failed | errors+warnings (consistent) | notes (consistent) | slips caught | exercised in | reason |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
