import { type ReportFinding, type Severity, RULE_METADATA, ruleMeta } from '../core';
import type { Language } from './i18n';

/**
 * What the findings list shows: severities, a search text, one sheet, one rule, and the order. 标记问题 and 导出问题清单
 * act on exactly this list, so that what is marked or exported is what the user sees.
 */
export interface FindingFilter {
  readonly shown: Readonly<Record<Severity, boolean>>;
  readonly query: string;
  readonly sheet: string | null;
  readonly rule: string | null;
  readonly sort: 'severity' | 'sheet';
}

export const defaultFilter = (showInfo: boolean): FindingFilter => ({
  shown: { error: true, warning: true, info: showInfo },
  query: '',
  sheet: null,
  rule: null,
  sort: 'severity',
});

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A rule's title in the user's language; the id only for a rule the registry does not know. */
export function ruleTitle(rule: string, language: Language = 'zh-CN'): string {
  const meta = ruleMeta(rule);
  return meta ? (language === 'en-US' ? meta.title.en : meta.title.zh) : rule;
}

export const ruleTitles = (language: Language = 'zh-CN'): Record<string, string> =>
  Object.fromEntries(RULE_METADATA.map((m) => [m.id, language === 'en-US' ? m.title.en : m.title.zh]));

/** Findings that pass every filter but the severity one (what the severity buttons count). */
export function matching(findings: readonly ReportFinding[], f: FindingFilter, language: Language): ReportFinding[] {
  const q = f.query.trim().toLowerCase();
  return findings.filter(
    (x) =>
      (f.sheet === null || x.sheet === f.sheet) &&
      (f.rule === null || x.rule === f.rule) &&
      (!q || `${x.message} ${x.sheet} ${x.cells.join(' ')} ${ruleTitle(x.rule, language)}`.toLowerCase().includes(q)),
  );
}

/** The listed findings, in display order. */
export function listed(findings: readonly ReportFinding[], f: FindingFilter, language: Language): ReportFinding[] {
  const out = matching(findings, f, language).filter((x) => f.shown[x.severity]);
  const order = (x: ReportFinding) => (f.sort === 'sheet' ? x.sheet : '');
  return out
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        order(a.x).localeCompare(order(b.x), 'zh-CN') ||
        RANK[a.x.severity] - RANK[b.x.severity] ||
        a.x.rule.localeCompare(b.x.rule) ||
        a.i - b.i,
    )
    .map(({ x }) => x);
}
