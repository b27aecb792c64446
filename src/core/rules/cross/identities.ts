import carryover from '../../../data/carryover.json';
import { codeLevel } from '../../text/codes';
import {
  type Term,
  bandOf,
  blockFooter,
  wrappedList,
  type AmountColumn,
  type BlockView,
  type TableView,
} from '../../model';
import type { RuleContext } from '../types';
import {
  valuesByCode,
  columnMatching,
  counterpart,
  onlyViewOf,
  rowLabelled,
  valueColumn,
  termAt,
  totalRow,
  type Identity,
} from './quantities';
import { columnsOfNamedGroup } from '../column-groups';
import { showsCarryOver } from '../identities/vocabulary';
import { minOf, pushTo } from '../../util/collections';
import { PATTERNS as PAT } from '../../text/patterns';

/**
 * The cross-table identities of a budget disclosure, each between tables the engine typed and that are alone of their
 * type in the workbook. Rules report the ones that fail; format.unit looks at the same pairs for ×10,000 slips.
 */

const termOf = (view: TableView, row: number | undefined, col: number | undefined): Term[] => {
  if (row === undefined || col === undefined) return [];
  const t = termAt(view, row, col);
  return t ? [t] : [];
};

/** A table's grand total, in its first amount column unless told which. */
function grandTotal(view: TableView, pick: (b: BlockView) => AmountColumn | null = valueColumn): Term[] {
  const block = view.blocks[0] as BlockView;
  const total = totalRow(view, block);
  const band = bandOf(block);
  const wrapped = wrappedList(view);
  // Side-by-side groups each totalled on the footer (人员经费合计 | 公用经费合计): the table's total is their sum.
  const footer = blockFooter(view);
  if (footer) return footer.flatMap((t) => termOf(view, t.total.row, t.column.col));
  if (wrapped && total && band && total.label.replace(/\s/g, '').startsWith(band)) {
    // Banded groups (人员经费 | 公用经费) each with its own 合计: the table's total is the sum of its top-level lines.
    const coded = wrapped.filter((l) => l.row.code && !l.row.isTotal);
    const top = minOf(coded.map((l) => codeLevel(l.row.code?.code as string)));
    return coded
      .filter((l) => codeLevel(l.row.code?.code as string) === top)
      .flatMap((l) => termOf(view, l.row.row, l.columns[0]?.col));
  }
  return termOf(view, total?.row, pick(block)?.col);
}

/** The line of a 收支总表-like table labelled `pattern`, in the first amount column of its block. */
function labelled(view: TableView, pattern: RegExp): Term[] {
  for (const block of view.blocks) {
    const row = rowLabelled(block, pattern);
    if (row) return termOf(view, row.row, valueColumn(block)?.col);
  }
  return [];
}

/** 收支总表 ↔ 收入总表 / 支出总表: totals and class lines. */
export function summaryIdentities(ctx: RuleContext): Identity[] {
  const summary = onlyViewOf(ctx, 'income_expenditure_summary');
  if (!summary) {
    const present = onlyViewOf(ctx, 'income_summary') ?? onlyViewOf(ctx, 'expenditure_summary');
    counterpart(ctx, 'income_expenditure_summary', present, '收支总表与收入总表、支出总表的合计');
    return [];
  }
  const out: Identity[] = [];
  const income = counterpart(ctx, 'income_summary', summary, '收支总表本年收入合计 = 收入总表合计');
  if (income) {
    // A 收入总表 with a 上年结转 column totals all income (= 收入总计); otherwise this year's (= 本年收入合计).
    const withCarry = income.blocks.some((b) => columnMatching(b, PAT.carryOverIn));
    const yearIncome = withCarry ? [] : labelled(summary, PAT.incomeTotal);
    // No 本年收入合计 line: its 收入总计 is this year's income when no line of the 收支总表 shows a carry-over.
    const useGrand = withCarry || (!yearIncome.length && !showsCarryOver(summary));
    out.push({
      a: { view: income, terms: grandTotal(income), what: '合计' },
      b: {
        view: summary,
        terms: useGrand ? labelled(summary, PAT.incomeGrandTotal) : yearIncome,
        what: useGrand ? '收入总计' : '本年收入合计',
      },
      relation: 'eq',
    });
  }
  const spending = counterpart(ctx, 'expenditure_summary', summary, '收支总表本年支出合计 = 支出总表合计');
  if (spending) {
    const b = labelled(summary, PAT.spendingTotal);
    out.push({
      a: { view: spending, terms: grandTotal(spending), what: '合计' },
      b: { view: summary, terms: b.length ? b : labelled(summary, PAT.spendingGrandTotal), what: '本年支出合计' },
      relation: 'eq',
    });
    // Class lines of the summary ("八、社会保障和就业支出") = the 类 lines of the 支出总表.
    const byCode = valuesByCode(spending);
    for (const block of summary.blocks) {
      const amount = valueColumn(block)?.col;
      for (const r of block.rows) {
        const code = r.code?.code;
        if (!code || codeLevel(code) !== 1 || r.code?.classification !== 'function' || amount === undefined) continue;
        const terms = byCode.get(code) as Term[] | undefined;
        if (!terms) continue;
        out.push({
          a: { view: summary, terms: termOf(summary, r.row, amount), what: r.label },
          b: { view: spending, terms, what: `${code} 合计` },
          relation: 'eq',
        });
      }
    }
  }
  return out;
}

const FUNDS: {
  pattern: RegExp;
  type: 'general_budget_expenditure' | 'government_fund_expenditure' | 'state_capital_expenditure';
}[] = [
  { pattern: PAT.generalBudget, type: 'general_budget_expenditure' },
  { pattern: PAT.governmentFund, type: 'government_fund_expenditure' },
  { pattern: PAT.stateCapital, type: 'state_capital_expenditure' },
];

/** 财政拨款收支总表 fund columns ↔ the 一般公共预算 / 政府性基金 / 国有资本经营 tables, in total and per 类. */
export function fiscalIdentities(ctx: RuleContext): Identity[] {
  const fiscal = onlyViewOf(ctx, 'fiscal_appropriation_summary');
  if (!fiscal) {
    const general = onlyViewOf(ctx, 'general_budget_expenditure');
    counterpart(ctx, 'fiscal_appropriation_summary', general, '财政拨款收支总表与一般公共预算支出表的合计');
    return [];
  }
  const spending = fiscal.blocks.find((b) => PAT.spending.test(b.caption)) ?? fiscal.blocks[fiscal.blocks.length - 1];
  if (!spending) return [];
  const totalLine = rowLabelled(spending, PAT.spendingTotal) ?? rowLabelled(spending, PAT.spendingGrandTotal);
  const out: Identity[] = [];
  for (const fund of FUNDS) {
    const table =
      fund.type === 'general_budget_expenditure'
        ? counterpart(ctx, fund.type, fiscal, '财政拨款收支总表一般公共预算列 = 一般公共预算支出表')
        : onlyViewOf(ctx, fund.type);
    let col = columnMatching(spending, fund.pattern)?.col;
    // A single 支出 column stands for 一般公共预算 only when the other funds bring no income.
    if (col === undefined && fund.type === 'general_budget_expenditure' && spending.amountColumns.length === 1) {
      const others = fiscal.blocks.flatMap((b) =>
        b.rows
          .filter((r) => PAT.fundOrStateCapital.test(r.label))
          .map((r) => termOf(fiscal, r.row, valueColumn(b)?.col)[0]),
      );
      if (others.every((t) => !t || t.blank || t.value.isZero())) col = spending.amountColumns[0]?.col;
    }
    if (!table || col === undefined) continue;
    const what = `［${fund.pattern.source}］`;
    if (totalLine)
      out.push({
        a: { view: fiscal, terms: termOf(fiscal, totalLine.row, col), what: `${what}本年支出合计` },
        b: { view: table, terms: table.table.dataRows ? grandTotal(table, valueColumn) : [], what: '合计' },
        relation: 'eq',
      });
    const byCode = valuesByCode(table);
    for (const r of spending.rows) {
      const code = r.code?.code;
      if (!code || codeLevel(code) !== 1) continue;
      const a = termOf(fiscal, r.row, col);
      const b = byCode.get(code) ?? [];
      if (a.length && (b.length || !a[0]?.blank))
        out.push({
          a: { view: fiscal, terms: a, what: `${r.label}${what}` },
          b: { view: table, terms: b, what: `${code} 合计` },
          relation: 'eq',
        });
    }
  }
  return out;
}

/** 一般公共预算支出表 基本支出 ↔ 基本支出经济分类表; 经济分类表 ↔ 一般公共预算支出表 and the basic table per 类. */
export function basicIdentities(ctx: RuleContext): Identity[] {
  const general = onlyViewOf(ctx, 'general_budget_expenditure');
  const basic = onlyViewOf(ctx, 'general_budget_basic_expenditure');
  const economic = onlyViewOf(ctx, 'general_budget_economic');
  const out: Identity[] = [];
  const what = '一般公共预算支出表基本支出合计 = 基本支出表合计';
  if (!basic) counterpart(ctx, 'general_budget_basic_expenditure', general, what);
  if (!general) counterpart(ctx, 'general_budget_expenditure', basic, what);
  if (general && basic) {
    const block = general.blocks[0] as BlockView;
    const basicCol = columnMatching(block, PAT.basicSpending);
    if (basicCol)
      out.push({
        a: { view: basic, terms: grandTotal(basic), what: '合计' },
        b: { view: general, terms: termOf(general, totalRow(general)?.row, basicCol.col), what: '基本支出合计' },
        relation: 'eq',
      });
  }
  if (economic) {
    const classes = [...valuesByCode(economic)].filter(([code]) => code.length === 3);
    if (general && classes.length)
      out.push({
        a: { view: economic, terms: classes.flatMap(([, t]) => t), what: '各类合计' },
        b: { view: general, terms: grandTotal(general), what: '合计' },
        relation: 'eq',
      });
    if (basic) {
      const basicByCode = valuesByCode(basic);
      for (const [code, terms] of classes) {
        const b = basicByCode.get(code);
        if (b)
          out.push({
            a: { view: basic, terms: b, what: `${code}` },
            b: { view: economic, terms, what: `${code}` },
            relation: 'le',
            context: '基本支出不应大于全部支出：',
          });
      }
    }
  }
  return out;
}

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

/** 项目支出表 合计 = 支出总表 合计行的项目支出. */
export function projectIdentities(ctx: RuleContext): Identity[] {
  const what = '项目支出表合计 = 支出总表项目支出合计';
  const project = counterpart(ctx, 'project_expenditure', onlyViewOf(ctx, 'expenditure_summary'), what);
  const spending = counterpart(ctx, 'expenditure_summary', onlyViewOf(ctx, 'project_expenditure'), what);
  if (!project || !spending) return [];
  const block = spending.blocks[0] as BlockView;
  const total = totalRow(spending, block);
  const cols = columnsOfNamedGroup(block, PAT.projectSpending);
  if (!total || !cols.length) return [];
  const terms = cols.flatMap((c) => termOf(spending, total.row, c.col));
  const lastTotal = [...(project.blocks[0]?.rows ?? [])].reverse().find((r) => r.isTotal);
  const pTerms = termOf(project, lastTotal?.row, valueColumn(project.blocks[0] as BlockView)?.col);
  return [
    {
      a: { view: project, terms: pTerms, what: '合计' },
      b: { view: spending, terms, what: '项目支出合计' },
      relation: 'eq',
    },
  ];
}

const THREE_PUBLIC = [
  { code: '30212', item: PAT.travelAbroad },
  { code: '30217', item: PAT.officialReception },
  { code: '30231', item: PAT.vehicleOperation },
  { code: '31013', item: PAT.vehiclePurchase },
];

/** 三公 items ≥ their economic lines in the basic table (30212 ≤ 出国, 30217 ≤ 接待, 30231 ≤ 车运行, 31013 ≤ 车购置). */
export function threePublicIdentities(ctx: RuleContext): Identity[] {
  const what = '“三公”经费与基本支出表对应科目';
  const three = counterpart(ctx, 'three_public_expenses', onlyViewOf(ctx, 'general_budget_basic_expenditure'), what);
  const basic = counterpart(ctx, 'general_budget_basic_expenditure', onlyViewOf(ctx, 'three_public_expenses'), what);
  if (!three || !basic) return [];
  const byCode = valuesByCode(basic);
  const block = three.blocks[0] as BlockView;
  const out: Identity[] = [];
  for (const { code, item } of THREE_PUBLIC) {
    const line = byCode.get(code);
    if (!line) continue;
    let terms: Term[] = [];
    const row = block.rows.find(
      (r) =>
        r.used &&
        item.test(r.label.replace(PAT.ofPrefix, '').replace(/^[(（]?\d+[)）]?/, '')) &&
        !PAT.purchaseAndOperationJoined.test(r.label),
    );
    if (row) terms = termOf(three, row.row, valueColumn(block)?.col);
    else {
      const total = totalRow(three, block) ?? block.rows.find((r) => r.used);
      // Horizontal 预算数 | 决算数 groups: the basic table's lines are what was spent.
      const items = block.amountColumns.filter((c) => item.test(c.path[c.path.length - 1] ?? ''));
      const col = items.find((c) => c.path.some((p) => PAT.finalAccounts.test(p))) ?? items[0];
      terms = termOf(three, total?.row, col?.col);
    }
    if (terms.length)
      out.push({
        a: { view: basic, terms: line, what: `${code}` },
        b: { view: three, terms, what: '对应项目' },
        relation: 'le',
        context: '“三公”经费：',
      });
  }
  return out;
}
