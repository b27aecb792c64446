import { type Term, blockFooter, tableViews, type TableView } from '../../model';
import { judge, onlyViewOf, reportIdentity, totalRow, viewsOf, type Identity } from './quantities';
import { columnsOfNamedGroup } from '../column-groups';
import type { Rule, RuleContext } from '../types';
import { cleanLabel, hasAny, OPERATING_COST, PUBLIC_COST, termsAt } from './vocabulary';
import { valueColumn } from './quantities';
import { IDENTITY_MESSAGES } from '../messages';

/** 机关运行经费 as a table states it: a column of its own (上海: beside the 三公 items) or a line labelled so. */
function operatingCost(ctx: RuleContext): { view: TableView; terms: Term[]; what: string } | null {
  const found: { view: TableView; terms: Term[]; what: string }[] = [];
  for (const view of tableViews(ctx)) {
    for (const block of view.blocks) {
      const col = block.amountColumns.find(
        (c) => !c.excluded && c.path.some((p) => hasAny(cleanLabel(p), OPERATING_COST)),
      );
      const row = totalRow(view, block) ?? block.rows.find((r) => r.used);
      if (col && row) {
        const terms = termsAt(view, row.row, col.col);
        if (terms.length) found.push({ view, terms, what: col.path[col.path.length - 1] ?? '' });
        continue;
      }
      const line = block.rows.find((r) => r.used && hasAny(cleanLabel(r.label), OPERATING_COST));
      if (line) {
        const terms = termsAt(view, line.row, valueColumn(block)?.col);
        if (terms.length) found.push({ view, terms, what: line.label });
      }
    }
  }
  // Stated in two places, the figures are another rule's business: this one needs one reading.
  return found.length === 1 ? (found[0] as (typeof found)[number]) : null;
}

/** 公用经费 of the 一般公共预算基本支出表: its 公用经费 column on the 合计 line, or its 公用经费 group's footer total. */
function publicCost(ctx: RuleContext): { view: TableView; terms: Term[]; what: string } | null {
  const basic = onlyViewOf(ctx, 'general_budget_basic_expenditure');
  if (!basic) return null;
  const block = basic.blocks[0];
  const total = block ? totalRow(basic, block) : null;
  if (block && total) {
    const cols = columnsOfNamedGroup(block, new RegExp(PUBLIC_COST.join('|')));
    if (cols.length === 1) return { view: basic, terms: termsAt(basic, total.row, cols[0]?.col), what: '公用经费合计' };
  }
  const footer = blockFooter(basic)?.find((t) => hasAny(cleanLabel(t.total.label), PUBLIC_COST));
  if (footer)
    return { view: basic, terms: termsAt(basic, footer.total.row, footer.column.col), what: footer.total.label };
  return null;
}

/** 机关运行经费 ≤ 一般公共预算基本支出 公用经费. */
export function operatingCostIdentities(ctx: RuleContext): Identity[] {
  if (!viewsOf(ctx, 'general_budget_basic_expenditure').length) return [];
  const a = operatingCost(ctx);
  const b = a ? publicCost(ctx) : null;
  if (!a || !b || a.view === b.view) return [];
  return [{ a, b, relation: 'le', context: '机关运行经费不应大于公用经费：' }];
}

export const operatingCostRule: Rule = {
  meta: {
    id: 'cross_table.operating_cost',
    defaultSeverity: 'info',
    title: { zh: '机关运行经费大于公用经费', en: '机关运行经费 above 公用经费' },
    description: {
      zh: '机关运行经费是行政单位和参公事业单位一般公共预算基本支出中的日常公用经费，一般不大于一般公共预算基本支出表的公用经费合计；大于时提示核对（口径可能不同，不作错误）。',
      en: '机关运行经费 is the day-to-day 公用经费 of administrative units within general-budget basic spending, so it is normally not above the 公用经费 total of the basic table; when greater, a note (definitions may differ).',
    },
    formula: '机关运行经费 ≤ 一般公共预算基本支出表.公用经费合计',
    example:
      '机关运行经费不应大于公用经费：《部门“三公”经费和机关运行经费预算表》机关运行经费预算数 313.28 大于《部门一般公共预算基本支出表》公用经费合计 213.28（超出 100.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['three_public_expenses', 'general_budget_basic_expenditure'],
  },
  check(ctx) {
    for (const identity of operatingCostIdentities(ctx)) {
      // 机关运行经费 often is the whole 公用经费: written in 万元 beside a table in 元, it may exceed it by rounding only.
      const j = judge(identity);
      if (j && (j.difference.isZero() || j.difference.abs().lte(j.envelope))) {
        const tables = [identity.a.view.table.id, identity.b.view.table.id];
        ctx.identity({ tables, sheet: identity.a.view.table.sheet, cells: [], status: 'closed' });
        continue;
      }
      reportIdentity(ctx, identity);
    }
  },
};
