import type { Term, TableView } from '../../model';
import { counterpart, onlyViewOf, reportIdentity, type Identity } from './quantities';
import type { Rule, RuleContext } from '../types';
import { buildIdentities } from './cross-rule';
import { FISCAL_MEMBERS, sourceColumns, sourceLabel, sourceLines, type SourceId } from './vocabulary';
import { IDENTITY_MESSAGES } from '../messages';

type Amounts = Map<SourceId, Term[]>;

/** 财政拨款 as a whole where one table shows it so and the other only by fund (一般公共预算 + 政府性基金 + 国有资本经营). */
function withFiscalTotal(own: Amounts, other: Amounts): Amounts {
  if (own.has('fiscal') || !other.has('fiscal')) return own;
  const members = FISCAL_MEMBERS.filter((m) => own.has(m));
  if (!members.length) return own;
  const out = new Map(own);
  out.set(
    'fiscal',
    members.flatMap((m) => own.get(m) as Term[]),
  );
  for (const m of members) if (!other.has(m)) out.delete(m);
  return out;
}

/** 收支总表 income lines ↔ the 收入总表 合计 line, source by source. */
export function incomeSourceIdentities(ctx: RuleContext): Identity[] {
  const summary = onlyViewOf(ctx, 'income_expenditure_summary');
  const income = counterpart(ctx, 'income_summary', summary, '收支总表各项收入 = 收入总表各来源');
  if (!summary || !income) return [];
  const lines = sourceLines(summary);
  const columns = sourceColumns(income);
  const l0: Amounts = new Map([...lines].map(([id, l]) => [id, l.terms]));
  const c0: Amounts = new Map([...columns].map(([id, c]) => [id, c.terms]));
  const l = withFiscalTotal(l0, c0);
  const c = withFiscalTotal(c0, l0);
  const out: Identity[] = [];
  for (const [id, terms] of l) {
    const other = c.get(id);
    if (id === 'carry' || !other) continue;
    const name = lines.get(id)?.row.label ?? sourceLabel(id);
    out.push({
      a: { view: summary, terms, what: name },
      b: { view: income as TableView, terms: other, what: `合计［${sourceLabel(id)}］` },
      relation: 'eq',
    });
  }
  return out;
}

export const incomeSources: Rule & { identities: typeof incomeSourceIdentities } = {
  meta: {
    id: 'cross_table.income_sources',
    defaultSeverity: 'error',
    title: {
      zh: '收支总表各项收入与收入总表各来源不一致',
      en: 'Income sources of the 收支总表 ≠ the 收入总表 columns',
    },
    description: {
      zh: '收支总表收入方列示的每一项收入来源（财政拨款收入及其中一般公共预算、政府性基金、国有资本经营预算，事业收入，事业单位经营收入，其他收入等）等于收入总表合计行对应来源列的金额；一方只列财政拨款合计、另一方分资金列示时，按三项之和比较。上年结转不比较。',
      en: 'Each income source on the 收支总表’s income side equals the 收入总表 合计 line in that source’s column; 财政拨款 shown as one figure on one side is compared with the sum of the three funds on the other. Carry-over is not compared.',
    },
    formula: '收支总表[来源] = 收入总表.合计[来源] for each source',
    example: '《部门收支总表》二、事业收入 120.00 ≠ 《部门收入总表》合计［事业收入］ 100.00（差 +20.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['income_expenditure_summary', 'income_summary'],
  },
  identities: incomeSourceIdentities,
  check(ctx) {
    for (const identity of buildIdentities(incomeSourceIdentities, ctx)) reportIdentity(ctx, identity);
  },
};
