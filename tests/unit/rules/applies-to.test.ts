import { reviewWorkbook } from '../../../src/core/review';
import { ALL_RULES } from '../../../src/core/rules/registry';
import type { Rule, RuleContext, RuleMeta } from '../../../src/core/rules/types';
import type { TableType } from '../../../src/core/recognition/table-type';
import { budgetSet } from '../../helpers/disclosure';
import { workbook } from '../../helpers/grid';

/**
 * Issue 10 item 6: the engine filters by `meta.appliesTo`. A rule receives the table views (and their row codes) of
 * the table types it applies to and no other; a rule for 'all' receives every table.
 */
interface Seen {
  views: string[];
  mapping: string[];
  workbookTables: number;
}

function spy(appliesTo: RuleMeta['appliesTo']): { rule: Rule; seen: Seen } {
  const seen: Seen = { views: [], mapping: [], workbookTables: 0 };
  const rule: Rule = {
    meta: {
      id: `test.spy_${appliesTo === 'all' ? 'all' : appliesTo.join('_')}`,
      defaultSeverity: 'info',
      title: { zh: '测试', en: 'test' },
      description: { zh: '测试', en: 'test' },
      formula: '',
      example: '',
      appliesTo,
      messages: {},
    },
    check(ctx: RuleContext) {
      seen.views.push(...ctx.model.tables.map((v) => v.table.type));
      const typeOf = new Map(ctx.workbook.tables.map((t) => [t.id, t.type]));
      seen.mapping.push(...ctx.mapping.map((m) => typeOf.get(m.tableId) ?? '?'));
      seen.mapping.push(...ctx.model.mapping.map((m) => typeOf.get(m.tableId) ?? '?'));
      seen.workbookTables = ctx.workbook.tables.length;
    },
  };
  return { rule, seen };
}

const snapshot = workbook(...budgetSet());
const present = reviewWorkbook(snapshot).report.tables.map((t) => t.type as TableType);

describe('the engine filters table views by meta.appliesTo', () => {
  it('the workbook holds tables of several types (the test is not vacuous)', () => {
    expect(new Set(present).size).toBeGreaterThanOrEqual(6);
    expect(present).toContain('general_budget_expenditure');
    expect(present).toContain('three_public_expenses');
  });

  it('a rule for general_budget_expenditure never sees the 三公 table (nor any other type), nor its row codes', () => {
    const { rule, seen } = spy(['general_budget_expenditure']);
    reviewWorkbook(snapshot, { ruleSet: [rule] });
    expect(seen.views).toEqual(['general_budget_expenditure']);
    expect(seen.mapping.length).toBeGreaterThan(0);
    expect(new Set(seen.mapping)).toEqual(new Set(['general_budget_expenditure']));
  });

  it('a rule for two types sees exactly those, in workbook order', () => {
    const { rule, seen } = spy(['three_public_expenses', 'income_summary']);
    reviewWorkbook(snapshot, { ruleSet: [rule] });
    expect(seen.views).toEqual(present.filter((t) => t === 'income_summary' || t === 'three_public_expenses'));
  });

  it('a rule for a type the workbook lacks sees no table view; the workbook’s list of tables stays whole', () => {
    const { rule, seen } = spy(['project_expenditure']);
    reviewWorkbook(snapshot, { ruleSet: [rule] });
    expect(seen.views).toEqual([]);
    expect(seen.mapping).toEqual([]);
    // Which tables exist and where is a fact about the document (disclosure.missing_table, text outside tables).
    expect(seen.workbookTables).toBe(present.length);
  });

  it("a rule for 'all' sees every table", () => {
    const { rule, seen } = spy('all');
    reviewWorkbook(snapshot, { ruleSet: [rule] });
    expect(seen.views).toEqual(present);
  });

  it('every registered rule sees only the types it declares', () => {
    const seen = new Map<string, Set<string>>();
    const watched: Rule[] = ALL_RULES.map((r) => ({
      meta: r.meta,
      check(ctx) {
        seen.set(r.meta.id, new Set(ctx.model.tables.map((v) => v.table.type)));
        r.check.call(r, ctx);
      },
    }));
    reviewWorkbook(snapshot, { ruleSet: watched });
    const outside = ALL_RULES.flatMap((r) =>
      r.meta.appliesTo === 'all'
        ? []
        : [...(seen.get(r.meta.id) ?? [])]
            .filter((t) => !(r.meta.appliesTo as readonly string[]).includes(t))
            .map((t) => `${r.meta.id} saw ${t}`),
    );
    expect(outside).toEqual([]);
    expect(seen.size).toBe(ALL_RULES.length);
  });
});
