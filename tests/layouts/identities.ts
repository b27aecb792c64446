import { snapshotOf } from '../../src/adapters/xlsx/read-xlsx';
import { ALL_RULES, reviewWorkbook, type Rule } from '../../src/core';
import type { Rendered } from './families';

/**
 * Which identities of docs/rules.md a layout exercises: the rules wrapped so that every identity they record on the
 * coverage ledger (closed or failed) and every finding they report is counted per rule id. A rule with closed
 * identities on consistent workbooks and findings on slipped ones is exercised both ways (IDENTITIES.md).
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

/** Reviews `r` with the counting rules, adding to `tally`. */
export function tallyReview(r: Rendered, name: string, tally: Tally): void {
  reviewWorkbook(snapshotOf(r.wb, name), { ruleSet: counted(ALL_RULES, tally) });
}
