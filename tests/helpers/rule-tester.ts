import { reviewWorkbook } from '../../src/core/review';
import type { CatalogData } from '../../src/core/catalog/catalog';
import type { ReportFinding } from '../../src/core/report/report';
import type { Rule } from '../../src/core/rules/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';

/**
 * ESLint-style tests for one rule: `valid` workbooks produce no finding of the rule, each `invalid` workbook produces
 * exactly the listed findings (rule, severity, cells; message matched by a pattern).
 */
export interface InvalidCase {
  readonly name: string;
  readonly workbook: WorkbookSnapshot;
  readonly catalogs?: readonly CatalogData[];
  readonly fiscalYear?: number;
  readonly findings: readonly {
    severity: ReportFinding['severity'];
    sheet?: string;
    cells?: string[];
    message?: RegExp;
  }[];
}

export interface ValidCase {
  readonly name: string;
  readonly workbook: WorkbookSnapshot;
  readonly catalogs?: readonly CatalogData[];
  readonly fiscalYear?: number;
}

export function findingsOf(rule: Rule, c: ValidCase): ReportFinding[] {
  return reviewWorkbook(c.workbook, { ruleSet: [rule], catalogs: c.catalogs, fiscalYear: c.fiscalYear }).report
    .findings;
}

export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^[a-z_]+\.[a-z_]+$/);
      for (const text of [m.title.zh, m.title.en, m.description.zh, m.description.en, m.formula, m.example])
        expect(text.length).toBeGreaterThan(3);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = findingsOf(rule, c);
        expect(got).toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => {
          const f = got[i] as ReportFinding;
          expect(f.rule).toBe(rule.meta.id);
          expect(f.severity).toBe(want.severity);
          if (want.sheet) expect(f.sheet).toBe(want.sheet);
          if (want.cells) expect(f.cells).toEqual(want.cells);
          if (want.message) expect(f.message).toMatch(want.message);
        });
      });
    }
  });
}
