import { crossBasic } from '../cross_table/basic';
import { crossByCode } from '../cross_table/by-code';
import { crossFiscal } from '../cross_table/fiscal';
import { crossProject } from '../cross_table/project';
import { crossSummary } from '../cross_table/summary';
import { crossThreePublic } from '../cross_table/three-public';
import { builtIdentities } from '../cross_table/cross-rule';
import { cellsOf, judge, tableLabel, unitMixupExplains } from '../cross_table/quantities';
import { fiscalIncome } from '../cross_table/fiscal-income';
import { incomeSources } from '../cross_table/income-sources';
import type { Rule } from '../types';

/**
 * The cross-table rules whose identities this rule reads again, in catalogue order: every registered rule that declares
 * identities. Listed, not taken from the registry, which imports this rule (a cycle); tests/unit/rules/
 * balance-cross-format.test.ts holds the list to the registry, so a new identity rule is read here or the test fails.
 */
const IDENTITY_RULES = [
  crossSummary,
  crossFiscal,
  crossBasic,
  crossByCode,
  crossProject,
  crossThreePublic,
  fiscalIncome,
  incomeSources,
];

/** The ids of the rules whose identities format.unit reads (for the test that holds the list to the registry). */
export const IDENTITY_RULE_IDS: readonly string[] = IDENTITY_RULES.map((r) => r.meta.id);

/**
 * Two quantities that must agree differ by ×10,000 and the identity between them fails as written but holds under that
 * reading: one table is in 元 where the other is in 万元.
 */
export const unitMixup: Rule = {
  meta: {
    id: 'format.unit',
    defaultSeverity: 'warning',
    title: { zh: '金额单位疑似不一致', en: 'Units look inconsistent' },
    description: {
      zh: '本应相等的两个金额相差约一万倍，通常是一张表按“元”填写、另一张按“万元”填写，或表头单位标注错误。',
      en: 'Two amounts that should be equal differ by about 10,000×: one table is in 元 and the other in 万元, or a unit line is wrong.',
    },
    formula: 'amount(a) ≈ 10,000 × amount(b) for an identity a = b',
    example: '《收入总表》合计与《收支总表》收入总计相差约一万倍：请核对金额单位（元/万元）',
    messages: {
      unitMixup: { zh: '两表金额相差约一万倍', en: 'Amounts differ by about 10,000×' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    const seen = new Set<string>();
    // The pairs each cross rule checked (its coverage entries are its own: nothing is recorded here).
    for (const rule of IDENTITY_RULES) {
      for (const identity of builtIdentities(rule.identities, ctx)) {
        const j = judge(identity);
        if (!j || !unitMixupExplains(identity, j)) continue;
        const key = [identity.a.view.table.id, identity.b.view.table.id].sort().join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        const { a, b } = identity;
        ctx.report({
          sheet: a.view.table.sheet,
          cells: cellsOf(identity),
          messageId: 'unitMixup',
          message: `${tableLabel(a.view)}${a.what}（单位：${a.view.unit ?? '未注明'}）与${tableLabel(b.view)}${b.what}（单位：${b.view.unit ?? '未注明'}）相差约一万倍：请核对金额单位（元/万元）`,
        });
      }
    }
  },
};
