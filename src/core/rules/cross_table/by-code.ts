import carryover from '../../../data/carryover.json';
import type { Term, BlockView, TableView } from '../../model';
import type { RuleContext } from '../types';
import {
  valuesByCode,
  columnMatching,
  counterpart,
  onlyViewOf,
  valueColumn,
  termAt,
  totalRow,
  type Identity,
} from './quantities';
import { pushTo } from '../../util/collections';
import { PATTERNS as PAT } from '../../text/patterns';
import { termOf } from './table-totals';
import { crossRule } from './cross-rule';
import { IDENTITY_MESSAGES } from '../messages';

/** Per code: 一般公共预算支出表 ≤ 支出总表 (= when all income is 一般公共预算); 收入总表 = 支出总表 without carry-over. */
export function codeIdentities(ctx: RuleContext): Identity[] {
  const spending = onlyViewOf(ctx, 'expenditure_summary');
  if (!spending) {
    const present = onlyViewOf(ctx, 'general_budget_expenditure') ?? onlyViewOf(ctx, 'income_summary');
    counterpart(ctx, 'expenditure_summary', present, '按科目与支出总表的比较');
    return [];
  }
  const out: Identity[] = [];
  const sCol = valueColumn(spending.blocks[0] as BlockView)?.col;
  if (sCol === undefined) return [];
  const spent = valuesByCode(spending);
  const general = onlyViewOf(ctx, 'general_budget_expenditure');
  const income = onlyViewOf(ctx, 'income_summary');
  let allGeneral = false;
  if (income) {
    const block = income.blocks[0] as BlockView;
    const total = totalRow(income, block);
    const gb = columnMatching(block, PAT.generalOrFiscal);
    const all = valueColumn(block);
    if (total && gb && all) {
      const a = termAt(income, total.row, all.col);
      const b = termAt(income, total.row, gb.col);
      allGeneral = !!a && !!b && !a.blank && a.value.eq(b.value) && !PAT.fiscalAppropriation.test(gb.path.join('/'));
      // "财政拨款" covers 政府性基金 too: all-一般公共预算 then needs the fiscal table to show no other fund.
      if (a && b && !a.blank && a.value.eq(b.value) && PAT.fiscalAppropriation.test(gb.path.join('/'))) {
        const fiscal = onlyViewOf(ctx, 'fiscal_appropriation_summary');
        const others = fiscal?.blocks.flatMap((bl) =>
          bl.rows
            .filter((r) => PAT.fundOrStateCapital.test(r.label) && r.rank !== 0)
            .map((r) => termAt(fiscal, r.row, valueColumn(bl)?.col ?? -1)),
        );
        allGeneral = !!others && others.every((t) => !t || t.blank || t.value.isZero());
      }
    }
  }
  // 决算: carry-in or the use of non-fiscal balances parts the three per code; only a 收支总表 showing neither (typed,
  // alone of its type) lets them be equal — a missing one means "unknown", not "no carry-over".
  const final = ctx.workbook.reportKind === 'final';
  const carryUnknown = final ? finalCarryShown(ctx) : false;
  if (general) {
    for (const [code, terms] of valuesByCode(general)) {
      const s = spent.get(code);
      if (s)
        out.push({
          a: { view: general, terms, what: '' },
          b: { view: spending, terms: s, what: '' },
          relation: allGeneral && carryUnknown === false ? 'eq' : 'le',
          context: `${code} `,
        });
    }
  }
  if (income) {
    const block = income.blocks[0] as BlockView;
    const iCol = valueColumn(block)?.col;
    const carry = columnMatching(block, PAT.carryOverIn);
    // Without a carry column, balances shown only in the 收支总表 (上年结转, 年末结转和结余 in 决算) still part income
    // from spending: which codes they touch is unknown, so no code is compared.
    // 决算 without a 收支总表: whether balances part income from spending is unknown, so nothing is asserted.
    const balancesElsewhere =
      (final && carryUnknown === null) || (!carry && (summaryShowsBalances(ctx) || carryUnknown === true));
    if (final && carryUnknown === null)
      ctx.notChecked({
        tables: [income.table.id, spending.table.id],
        sheet: income.table.sheet,
        reason: 'table_missing',
        message: '未找到收支总表，无法确定有无年初结转和结余，未按科目核对收入决算表与支出决算表',
      });
    const unitOf = (v: TableView) =>
      new Map(v.blocks[0]?.rows.filter((r) => r.code).map((r) => [r.row, `${r.unitCode ?? ''}|${r.code?.code}`]));
    if (iCol !== undefined && !balancesElsewhere) {
      const spentRows = new Map<string, Term[]>();
      for (const [row, key] of unitOf(spending)) {
        const t = termAt(spending, row, sCol);
        if (t) pushTo(spentRows, key, t);
      }
      const incomeRows = new Map<string, Term[]>();
      const carried = new Set<string>();
      for (const [row, key] of unitOf(income)) {
        const t = termAt(income, row, iCol);
        if (t) pushTo(incomeRows, key, t);
        const c = carry ? termAt(income, row, carry.col) : null;
        if (c && !c.blank && !c.value.isZero()) carried.add(key);
      }
      for (const [key, terms] of incomeRows) {
        const s = spentRows.get(key);
        if (!s || carried.has(key)) continue;
        const [unit, code] = key.split('|');
        out.push({
          a: { view: income, terms, what: '' },
          b: { view: spending, terms: s, what: '' },
          relation: 'eq',
          context: `${unit ? `${unit} ` : ''}${code} `,
        });
      }
    }
  }
  return out;
}

const SUMMARY_PREFIX = new RegExp(carryover.summaryLines.labelPrefix);
const SUMMARY_CARRY = carryover.terms
  .filter((t) => carryover.summaryLines.terms.includes(t.name))
  .map((t) => new RegExp(t.pattern));

/**
 * 决算: does the 收支总表 show carry-in or the use of non-fiscal balances (a non-zero 年初结转和结余 / 使用非财政拨款结余
 * line)? null when there is no 收支总表 to say.
 */
function finalCarryShown(ctx: RuleContext): boolean | null {
  const summary = onlyViewOf(ctx, 'income_expenditure_summary');
  if (!summary) return null;
  return summary.blocks.some((b) =>
    b.rows.some((r) => {
      const label = r.label.replace(/\s/g, '').replace(SUMMARY_PREFIX, '');
      if (!r.used || !SUMMARY_CARRY.some((p) => p.test(label))) return false;
      return b.amountColumns.some((c) => {
        const t = termOf(summary, r.row, c.col)[0];
        return !!t && !t.blank && !t.value.isZero();
      });
    }),
  );
}

/** A nonzero 上年结转 / 年初结转和结余 / 年末结转和结余 line in the 收支总表. */
function summaryShowsBalances(ctx: RuleContext): boolean {
  const summary = onlyViewOf(ctx, 'income_expenditure_summary');
  return !!summary?.blocks.some((b) =>
    b.rows.some((r) => {
      if (!r.used || !PAT.carryOverOrBalance.test(r.label) || PAT.balanceUse.test(r.label)) return false;
      const t = termOf(summary, r.row, valueColumn(b)?.col)[0];
      return !!t && !t.blank && !t.value.isZero();
    }),
  );
}

export const crossByCode = crossRule(
  {
    id: 'cross_table.by_code',
    title: { zh: '同一科目在不同表中金额不一致', en: 'The same code differs between tables' },
    description: {
      zh: '按科目编码（汇总表中按单位和科目）比较：一般公共预算支出表不大于支出总表，全部收入均为一般公共预算时二者相等；没有上年结转时，收入总表与支出总表同一科目的金额相等。',
      en: 'Per code (and unit): the general budget table does not exceed the 支出总表, and equals it when all income is 一般公共预算; without carry-over, the 收入总表 equals the 支出总表.',
    },
    formula:
      '一般公共预算支出表[code] ≤ 支出总表[code] (= when all income is 一般公共预算); 收入总表[unit, code] = 支出总表[unit, code] when no carry-over',
    example: '2080506 《一般公共预算支出表》 2.20 ≠ 《支出总表》 2.02（差 +0.18）',
    // Which relation holds is read from two more tables: the 收支总表 (carry-over or not) and the 财政拨款收支总表
    // (whether "财政拨款" income holds another fund than 一般公共预算).
    messages: IDENTITY_MESSAGES,
    appliesTo: [
      'general_budget_expenditure',
      'expenditure_summary',
      'income_summary',
      'income_expenditure_summary',
      'fiscal_appropriation_summary',
    ],
  },
  codeIdentities,
);
