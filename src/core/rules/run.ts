import type { ReportFinding, Severity } from '../report/report';
import type { Rule, RuleConfig, RuleContext, RuleSetting } from './types';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function settingOf(setting: RuleSetting | undefined): {
  severity: Severity | 'off' | null;
  params: Record<string, unknown>;
} {
  if (setting === undefined) return { severity: null, params: {} };
  if (typeof setting === 'string') return { severity: setting, params: {} };
  return { severity: setting.severity ?? null, params: setting.params ?? {} };
}

/**
 * Runs every rule that is not switched off. A rule's findings take its configured severity, except that evidence-based
 * downgrades (a finding the rule reports as info) are never raised by configuration.
 */
export function runRules(
  rules: readonly Rule[],
  base: Omit<RuleContext, 'report' | 'params'>,
  config: RuleConfig = {},
): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const rule of rules) {
    const setting = settingOf(config[rule.meta.id]);
    if (setting.severity === 'off') continue;
    const configured = setting.severity ?? rule.meta.defaultSeverity;
    const params = Object.fromEntries(
      Object.entries(rule.meta.params ?? {}).map(([k, p]) => [k, (setting.params[k] as typeof p.default) ?? p.default]),
    );
    rule.check({
      ...base,
      params,
      report: (d) => {
        const severity = d.severity && RANK[d.severity] < RANK[configured] ? d.severity : configured;
        findings.push({
          rule: rule.meta.id,
          severity,
          sheet: d.sheet,
          cells: [...d.cells],
          message: d.message,
          ...(d.expected !== undefined ? { expected: d.expected } : {}),
          ...(d.actual !== undefined ? { actual: d.actual } : {}),
          ...(d.difference !== undefined ? { difference: d.difference } : {}),
        });
      },
    });
  }
  const sheetOrder = new Map(base.snapshot.sheets.map((s, i) => [s.name, i]));
  return findings.sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
