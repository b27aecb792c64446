import type { ReportCoverage, ReportFinding, ReportStructure, Severity } from '../report/report';
import { readingUnconfirmed } from './abstention';
import { coverageOf, Ledger, type CheckedIdentity, type NotCheckedEntry } from './ledger';
import { describeReading, unconfirmedNote } from './structure/reading';
import { structureUnconfirmed } from './structure/unconfirmed';
import type { FindingDraft, Rule, RuleConfig, RuleContext, RuleMeta, RuleSetting } from './types';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function settingOf(setting: RuleSetting | undefined): {
  severity: Severity | 'off' | null;
  params: Record<string, unknown>;
} {
  if (setting === undefined) return { severity: null, params: {} };
  if (typeof setting === 'string') return { severity: setting, params: {} };
  return { severity: setting.severity ?? null, params: setting.params ?? {} };
}

export interface RuleRun {
  readonly findings: ReportFinding[];
  readonly coverage: ReportCoverage;
  /** Per table id: the reading taken and whether the table's own identities confirm it. */
  readonly structures: ReadonlyMap<string, ReportStructure>;
}

type Base = Omit<RuleContext, 'report' | 'params' | 'identity' | 'notChecked'>;

/**
 * The model as one rule sees it: only the table views (and their row codes) of the table types the rule applies to,
 * so that `meta.appliesTo` is what the rule reads, not a comment. The recognised workbook stays whole: which tables
 * exist and where they sit is a fact about the document (a missing table, a text outside every table), not a table
 * the rule checks. Rules sharing a scope share one view.
 */
function scopeOf(base: Base, appliesTo: RuleMeta['appliesTo'], cache: Map<string, Base>): Base {
  if (appliesTo === 'all') return base;
  const key = [...appliesTo].sort().join(',');
  let scoped = cache.get(key);
  if (!scoped) {
    const types: ReadonlySet<string> = new Set(appliesTo);
    const tables = Object.freeze(base.model.tables.filter((v) => types.has(v.table.type)));
    const ids = new Set(tables.map((v) => v.table.id));
    const mapping = Object.freeze(base.mapping.filter((m) => ids.has(m.tableId)));
    scoped = { ...base, mapping, model: Object.freeze({ ...base.model, tables, mapping }) };
    cache.set(key, scoped);
  }
  return scoped;
}

/**
 * Runs every rule. A rule's findings take its configured severity, except that evidence-based downgrades (a finding
 * the rule reports as info) are never raised by configuration. A rule switched off still walks its identities, so
 * that the coverage says what was not checked; its findings are dropped. Then each table's own identities confirm its
 * reading or not: a table whose failures no few slips explain gets one note, and every identity through it is listed
 * as not checked (structure_unconfirmed) instead of reported.
 */
export function runRules(rules: readonly Rule[], base: Base, config: RuleConfig = {}): RuleRun {
  const emitted: ReportFinding[] = [];
  const ledger = new Ledger();
  const offCounts = new Map<string, { rule: Rule; n: number }>();
  const scopes = new Map<string, Base>();
  for (const rule of rules) {
    const setting = settingOf(config[rule.meta.id]);
    const off = setting.severity === 'off';
    const configured: Severity =
      setting.severity === null || setting.severity === 'off' ? rule.meta.defaultSeverity : setting.severity;
    const params = Object.fromEntries(
      Object.entries(rule.meta.params ?? {}).map(([k, p]) => [k, (setting.params[k] as typeof p.default) ?? p.default]),
    );
    const id = rule.meta.id;
    const toFinding = (d: FindingDraft): ReportFinding => {
      if (!Object.hasOwn(rule.meta.messages, d.messageId))
        throw new Error(`${id} reported messageId "${d.messageId}", which its meta.messages does not declare`);
      const severity = d.severity && RANK[d.severity] < RANK[configured] ? d.severity : configured;
      return {
        rule: id,
        messageId: d.messageId,
        severity,
        sheet: d.sheet,
        cells: [...d.cells],
        message: d.message,
        ...(d.expected !== undefined ? { expected: d.expected } : {}),
        ...(d.actual !== undefined ? { actual: d.actual } : {}),
        ...(d.difference !== undefined ? { difference: d.difference } : {}),
      };
    };
    const countOff = (n: number) => {
      const have = offCounts.get(id) ?? { rule, n: 0 };
      have.n += n;
      offCounts.set(id, have);
    };
    rule.check({
      ...scopeOf(base, rule.meta.appliesTo, scopes),
      params,
      report: (d) => {
        if (!off) emitted.push(toFinding(d));
      },
      identity: (i) => {
        if (off) return countOff(1);
        if (i.status === 'closed' && !i.finding) return ledger.addClosed(id, i.tables, i.sheet);
        const finding = i.finding ? toFinding(i.finding) : undefined;
        ledger.identities.push({ ...i, rule: id, finding });
        if (finding) emitted.push(finding);
      },
      notChecked: (n) => {
        if (off) return countOff(n.count ?? 1);
        ledger.notChecked.push({ ...n, rule: id });
      },
    });
  }
  const abstain = settingOf(config[structureUnconfirmed.meta.id]).severity !== 'off';
  return settle(base, ledger, emitted, offCounts, abstain);
}

function settle(
  base: Base,
  ledger: Ledger,
  emitted: ReportFinding[],
  offCounts: ReadonlyMap<string, { rule: Rule; n: number }>,
  abstain: boolean,
): RuleRun {
  // Each table's own identities: how many closed, which failed.
  const own = new Map<string, { closed: number; failed: CheckedIdentity[] }>();
  const ownOf = (t: string) => {
    let o = own.get(t);
    if (!o) own.set(t, (o = { closed: 0, failed: [] }));
    return o;
  };
  for (const g of ledger.closedGroups()) if (g.tables.length === 1) ownOf(g.tables[0] as string).closed += g.n;
  for (const i of ledger.identities) {
    if (i.tables.length !== 1) continue;
    if (i.status === 'closed') ownOf(i.tables[0] as string).closed++;
    else ownOf(i.tables[0] as string).failed.push(i);
  }
  const unconfirmed = new Set<string>();
  if (abstain) for (const [table, o] of own) if (readingUnconfirmed(o.closed, o.failed)) unconfirmed.add(table);

  const tables = new Map(base.workbook.tables.map((t) => [t.id, t]));
  const suppressed = new Set<ReportFinding>();
  const notChecked: NotCheckedEntry[] = [...ledger.notChecked];
  const paused = (ids: readonly string[]) => ids.find((t) => unconfirmed.has(t));
  const pausedEntry = (rule: string, table: string, n: number): NotCheckedEntry => {
    const t = tables.get(table);
    return {
      rule,
      sheet: t?.sheet,
      reason: 'structure_unconfirmed',
      message: `${t?.title ?? t?.sheet ?? ''}结构未能确认，本表的勾稽关系未核对`,
      count: n,
    };
  };
  let closed = 0;
  let failed = 0;
  for (const g of ledger.closedGroups()) {
    const p = paused(g.tables);
    if (p) notChecked.push(pausedEntry(g.rule, p, g.n));
    else closed += g.n;
  }
  for (const i of ledger.identities) {
    const p = paused(i.tables);
    if (p) {
      notChecked.push(pausedEntry(i.rule, p, 1));
      if (i.finding) suppressed.add(i.finding);
    } else if (i.status === 'closed') closed++;
    else failed++;
  }
  for (const [id, { rule, n }] of offCounts)
    notChecked.push({ rule: id, reason: 'rule_off', message: `规则“${rule.meta.title.zh}”已关闭`, count: n });

  const findings = emitted.filter((f) => !suppressed.has(f));
  const structures = new Map<string, ReportStructure>();
  for (const t of base.workbook.tables) {
    const o = own.get(t.id) ?? { closed: 0, failed: [] };
    const { reading, alternatives } = describeReading(base, t);
    const confirmed = !unconfirmed.has(t.id);
    structures.set(t.id, {
      confirmed,
      reading,
      identities: { closed: o.closed, failed: o.failed.length },
      alternatives,
    });
    if (!confirmed) findings.push(unconfirmedNote(t, reading, o.closed, o.failed.length));
  }
  const sheetOrder = new Map(base.model.sheetNames.map((s, i) => [s, i]));
  findings.sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
  return { findings, coverage: coverageOf(closed, failed, notChecked), structures };
}

/**
 * The identities `rules` check, with their outcome and the tables they join, and nothing else (no finding, no ledger):
 * what a reading under trial (a table's type decided by its numbers) would give.
 */
export function probeIdentities(
  rules: readonly Rule[],
  base: Base,
): { readonly tables: readonly string[]; readonly status: 'closed' | 'failed' }[] {
  const out: { tables: readonly string[]; status: 'closed' | 'failed' }[] = [];
  const scopes = new Map<string, Base>();
  for (const rule of rules) {
    rule.check({
      ...scopeOf(base, rule.meta.appliesTo, scopes),
      params: Object.fromEntries(Object.entries(rule.meta.params ?? {}).map(([k, p]) => [k, p.default])),
      report: () => {},
      identity: (i) => out.push({ tables: i.tables, status: i.status }),
      notChecked: () => {},
    });
  }
  return out;
}
