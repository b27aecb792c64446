import pairs from '../../../data/cross-classification.json';
import { addressOf, formatAmount, formatDifference, type Term, type BlockView } from '../../model';
import {
  amountsByCode,
  columnMatching,
  counterpart,
  judge,
  onlyViewOf,
  tableLabel,
  valuesByCode,
  type Identity,
} from '../cross_table/quantities';
import type { Rule } from '../types';
import { PATTERNS as PAT } from '../../text/patterns';

interface Pair {
  readonly function: readonly string[];
  readonly economic: readonly string[];
  readonly what: string;
  readonly severity: 'warning' | 'info';
  /** A warning only when the function figure is the larger; the other way is a note. */
  readonly warnWhen?: 'function_larger';
}

export const functionEconomic: Rule = {
  meta: {
    id: 'cross_classification.basic_pairs',
    defaultSeverity: 'warning',
    title: { zh: '功能分类与经济分类对应科目不一致', en: 'Function and economic lines that should agree do not' },
    description: {
      zh: '按基本支出比较应当一致的功能分类与经济分类科目：2080505 ↔ 30108、2080506 ↔ 30109、2210201 ↔ 30113，医疗类 2101101+2101102 ↔ 30110、2101103 ↔ 30111（医疗类仅作提示；2210201 ↔ 30113 仅当功能分类金额较大时为警告，否则为提示）。二者可能因项目支出、口径不同而合理不同，请核实。',
      en: 'Compares, on basic-expenditure money, function lines and the economic lines paying for them: 2080505 ↔ 30108, 2080506 ↔ 30109, 2210201 ↔ 30113, and the medical lines (notes only; 2210201 ↔ 30113 is a warning only when the function figure is the larger). Legitimate differences exist; a person must look.',
    },
    formula: '一般公共预算支出表[基本支出](function codes) = 基本支出表(economic codes)',
    example: '2080505 基本支出 44.90 ≠ 30108 机关事业单位基本养老保险缴费 46.90（差 -2.00），二者通常一致，请核实',
    messages: {
      pairDiffers: { zh: '功能分类与经济分类对应科目金额不同', en: 'Function and economic amounts of a pair differ' },
    },
    appliesTo: ['general_budget_expenditure', 'general_budget_basic_expenditure'],
  },
  check(ctx) {
    const what = '功能分类与经济分类对应科目';
    const general = counterpart(
      ctx,
      'general_budget_expenditure',
      onlyViewOf(ctx, 'general_budget_basic_expenditure'),
      what,
    );
    const basic = counterpart(
      ctx,
      'general_budget_basic_expenditure',
      onlyViewOf(ctx, 'general_budget_expenditure'),
      what,
    );
    if (!general || !basic) return;
    const tables = [general.table.id, basic.table.id];
    const gCol = columnMatching(general.blocks[0] as BlockView, PAT.basicSpending)?.col;
    if (gCol === undefined) {
      ctx.notChecked({
        tables,
        sheet: general.table.sheet,
        reason: 'column_not_found',
        message: `${tableLabel(general)}未找到“基本支出”列，未核对${what}`,
        count: pairs.pairs.length,
      });
      return;
    }
    const byFunction = amountsByCode(general, gCol);
    const byEconomic = valuesByCode(basic);
    for (const pair of pairs.pairs as Pair[]) {
      const a = pair.function.flatMap((c) => byFunction.get(c) ?? []);
      const b = pair.economic.flatMap((c) => byEconomic.get(c) ?? []);
      if (!a.length || !b.length) continue;
      const identity: Identity = {
        a: { view: general, terms: a, what: '' },
        b: { view: basic, terms: b, what: '' },
        relation: 'eq',
      };
      const j = judge(identity);
      if (!j) continue;
      const cells = a.map((t: Term) => addressOf(t));
      if (j.difference.isZero() || j.difference.abs().lte(j.envelope)) {
        ctx.identity({ tables, sheet: general.table.sheet, cells, status: 'closed' });
        continue;
      }
      const d = j.decimals;
      // Some pairs differ legitimately one way (money of the economic line booked under other function codes): only
      // the other way is worth a warning.
      const expectedWay = pair.warnWhen === 'function_larger' && !j.difference.isPositive();
      ctx.identity({
        tables,
        sheet: general.table.sheet,
        cells,
        status: 'failed',
        finding: {
          severity: pair.severity === 'info' || expectedWay ? 'info' : undefined,
          sheet: general.table.sheet,
          cells,
          expected: j.b.toFixed(d),
          actual: j.a.toFixed(d),
          difference: j.difference.toFixed(d),
          messageId: 'pairDiffers',
          message: `${pair.function.join('+')} 基本支出 ${formatAmount(j.a, d)} ≠ ${tableLabel(basic)}${pair.economic.join('+')} ${pair.what} ${formatAmount(j.b, d)}（差 ${formatDifference(j.difference, d)}），二者通常一致，请核实`,
        },
      });
    }
  },
};
