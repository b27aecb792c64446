import { type Term, tableViews, type BlockView, type TableView } from '../../model';
import { valueColumn, reportIdentity, termAt, type Identity } from '../cross_table/quantities';
import type { Rule } from '../types';
import { PATTERNS as PAT } from '../../text/patterns';
import { IDENTITY_MESSAGES } from '../messages';

const termsOf = (view: TableView, rows: readonly number[], col: number): Term[] =>
  rows.flatMap((r) => {
    const t = termAt(view, r, col);
    return t ? [t] : [];
  });

/** 基本支出表: 人员经费 = 301 + 303 and 公用经费 = 302 + 310 (+ 307, 309, 399), on the 合计 line. */
function personnelIdentities(view: TableView): Identity[] {
  const out: Identity[] = [];
  for (const block of view.blocks) {
    const total = block.rows.find((r) => r.isTotal && r.used);
    const amount = valueColumn(block);
    if (!total || !amount) continue;
    const rowsOf = (codes: readonly string[]) =>
      block.rows.filter((r) => r.code && codes.includes(r.code.code)).map((r) => r.row);
    const groups = [
      { column: PAT.personnelCost, codes: ['301', '303'], what: '301 + 303' },
      { column: PAT.publicCost, codes: ['302', '307', '309', '310', '399'], what: '302 + 310（+307/309/399）' },
    ];
    for (const g of groups) {
      const col = block.amountColumns.find((c) => g.column.test(c.path[c.path.length - 1] ?? ''));
      const rows = rowsOf(g.codes);
      if (!col || !rows.length) continue;
      const a = termAt(view, total.row, col.col);
      if (!a) continue;
      out.push({
        a: { view, terms: [a], what: `合计行${col.path[col.path.length - 1]}` },
        b: { view, terms: termsOf(view, rows, amount.col), what: `${g.what}` },
        relation: 'eq',
      });
    }
  }
  return out;
}

/** “三公”经费表 (rows): 公务用车购置及运行(维护)费 = 购置费 + 运行(维护)费, per column. */
function vehicleIdentities(view: TableView): Identity[] {
  const out: Identity[] = [];
  for (const block of view.blocks as BlockView[]) {
    const rows = block.rows.filter((r) => r.used);
    const at = rows.findIndex((r) => PAT.purchaseAndOperation.test(r.label));
    if (at < 0) continue;
    const after = rows.slice(at + 1, at + 4);
    const buy = after.find(
      (r) => PAT.purchaseCost.test(r.label.replace(PAT.ofPrefix, '')) && !PAT.operationWord.test(r.label),
    );
    const run = after.find((r) => PAT.operationCost.test(r.label) && !PAT.purchaseWord.test(r.label));
    if (!buy || !run) continue;
    for (const col of block.amountColumns.filter((c) => !c.excluded)) {
      const a = termAt(view, (rows[at] as { row: number }).row, col.col);
      if (!a) continue;
      out.push({
        a: { view, terms: [a], what: (rows[at] as { label: string }).label },
        b: { view, terms: termsOf(view, [buy.row, run.row], col.col), what: '购置费 + 运行费' },
        relation: 'eq',
      });
    }
  }
  return out;
}

export const balanceLines: Rule = {
  meta: {
    id: 'balance.lines',
    defaultSeverity: 'error',
    title: {
      zh: '人员经费、公用经费或公务用车费用构成不符',
      en: 'Personnel/public funds or vehicle costs do not add up',
    },
    description: {
      zh: '基本支出表：人员经费 = 工资福利支出(301) + 对个人和家庭的补助(303)，公用经费 = 商品和服务支出(302) + 资本性支出(310)（及 307、309、399）；“三公”经费表：公务用车购置及运行维护费 = 购置费 + 运行维护费。',
      en: 'Basic expenditure table: 人员经费 = 301 + 303 and 公用经费 = 302 + 310 (+307/309/399); 三公 table: vehicle purchase and running = purchase + running.',
    },
    formula: '人员经费 = Σ(301, 303); 公用经费 = Σ(302, 310, 307, 309, 399); 公务用车购置及运行费 = 购置费 + 运行费',
    example: '《基本支出表》合计行人员经费 536.65 ≠ 《基本支出表》301 + 303 541.65（差 -5.00）',
    messages: IDENTITY_MESSAGES,
    appliesTo: ['general_budget_basic_expenditure', 'three_public_expenses'],
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      const ids =
        view.table.type === 'general_budget_basic_expenditure'
          ? personnelIdentities(view)
          : view.table.type === 'three_public_expenses'
            ? vehicleIdentities(view)
            : [];
      for (const id of ids) reportIdentity(ctx, id);
    }
  },
};
