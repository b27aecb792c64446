import { parentCode } from '../../text/codes';
import { groupBy } from '../../util/collections';
import {
  tableViews,
  wrappedList,
  type AmountColumn,
  type BlockRow,
  type BlockView,
  type TableView,
  type WrappedLine,
} from '../../model';
import type { Rule, RuleContext } from '../types';
import { checkColumnSum, checkSum, columnNote } from './report-sum';
import { headingScopes } from './units';
import { SUM_MESSAGES } from '../messages';

/**
 * Children of each parent line: coded lines by code, uncoded outline lines ("一、" over "1、") by rank. A consolidated
 * table repeats codes per unit: codes match within one unit's rows — its unit code, or the heading row that scopes its
 * lines (units.ts, confirmed by the numbers). A parent code that still occurs twice in one scope is not asserted: which
 * children are its own the table does not say (it goes to `unresolved`).
 */
export function hierarchyGroups(
  view: TableView,
  block: BlockView,
  unresolved: BlockRow[] = [],
): { parent: BlockRow; children: BlockRow[] }[] {
  const groups: { parent: BlockRow; children: BlockRow[] }[] = [];
  const rows = block.rows.filter((r) => r.used && !r.isTotal);
  const scopes = headingScopes(view, block);
  const scopeOf = (r: BlockRow) => `${r.unitCode ?? ''}|${scopes?.get(r)?.row ?? ''}`;
  const coded = rows.filter((r) => r.code);
  const byParent = groupBy(
    coded.filter((r) => (r.code?.code as string).length > 3),
    (r) => `${scopeOf(r)}|${parentCode(r.code?.code as string)}`,
  );
  const parents = groupBy(coded, (r) => `${scopeOf(r)}|${r.code?.code as string}`);
  for (const parent of coded) {
    const code = parent.code?.code as string;
    if (code.length > 5) continue;
    const key = `${scopeOf(parent)}|${code}`;
    const children = byParent.get(key);
    if (!children?.length) continue;
    if ((parents.get(key)?.length ?? 0) < 2) groups.push({ parent, children });
    else unresolved.push(parent);
  }
  // Uncoded outline: a ranked line and the deeper-ranked lines under it, up to the next line of its rank or above.
  const plain = rows.filter((r) => !r.code);
  plain.forEach((parent, i) => {
    if (typeof parent.rank !== 'number') return;
    // An unnumbered heading right above numbered lines ("基本支出" over "1、工资福利支出", where the office does not
    // number the first level) is their parent, as a "一、" line would be.
    const next = plain[i + 1];
    // Only a list that starts there ("1、", "(1)"): "3、公务接待费" after a line goes on a list begun above it.
    const heading =
      parent.rank === 0 &&
      !parent.isTotal &&
      !!parent.label &&
      typeof next?.rank === 'number' &&
      next.rank >= 3 &&
      FIRST_OF_LIST.test(next.label.trim());
    const rank = heading ? (next?.rank as number) - 1 : parent.rank;
    if (rank === 0) return;
    const children: BlockRow[] = [];
    for (let j = i + 1; j < plain.length; j++) {
      const r = plain[j] as BlockRow;
      if (r.rank === 'of' || r.rank === 0) break;
      if (r.rank <= rank) break;
      if (children.length === 0 || r.rank === children[0]?.rank) children.push(r);
    }
    if (children.length) groups.push({ parent, children });
  });
  return groups;
}

/** The first line of a numbered list: "1、", "1.", "(1)", "（1）" (digits 1, not 10 or 11). */
const FIRST_OF_LIST = /^[(（]?0?1(?!\d)/;

export const sumHierarchy: Rule = {
  meta: {
    id: 'sum.hierarchy',
    defaultSeverity: 'error',
    title: { zh: '上级科目不等于下级之和', en: 'Parent line ≠ sum of its children' },
    description: {
      zh: '类 = Σ款，款 = Σ项（功能分类和经济分类，含按名称识别的行），以及“一、基本支出”等于其下“1、2、3、”各行之和，逐个金额列核对。差额在显示精度的取整范围内时仅作提示。',
      en: 'Each 类 equals the sum of its 款 and each 款 the sum of its 项 (function and economic codes, also rows mapped by name), and an outline line ("一、") the sum of the lines under it, in every amount column. Differences within display rounding are notes.',
    },
    formula: 'amount(parent) = Σ amount(children), per amount column',
    example: '20805 行政事业单位养老支出 54.25 ≠ 下级合计 54.35（差 -0.10）',
    messages: SUM_MESSAGES,
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      const wrapped = wrappedList(view);
      if (wrapped) {
        checkWrapped(ctx, view, wrapped);
        continue;
      }
      for (const block of view.blocks) {
        const unresolved: BlockRow[] = [];
        const groups = hierarchyGroups(view, block, unresolved);
        if (unresolved.length)
          ctx.notChecked({
            tables: [view.table.id],
            sheet: view.table.sheet,
            reason: 'structure_unconfirmed',
            message: `${unresolved.length} 行上级科目的编码在表中重复出现（如各单位各列一次），金额未能确认其所属单位，未核对其与下级之和`,
            count: unresolved.length,
          });
        for (const { parent, children } of groups) {
          const name = parent.code ? `${parent.code.code} ${parent.code.name ?? ''}`.trim() : parent.label;
          for (const col of block.amountColumns) {
            if (col.excluded) continue;
            checkColumnSum(
              ctx,
              view,
              parent.row,
              children,
              col.col,
              (total, sum, diff) => `${name}${columnNote(view, col.col)} ${total} ≠ 下级合计 ${sum}（差 ${diff}）`,
            );
          }
        }
      }
    }
  },
};

/** 类 = Σ款 across the groups of a wrapped list: column k of each group holds the same quantity. */
function checkWrapped(ctx: RuleContext, view: TableView, lines: readonly WrappedLine[]): void {
  const coded = lines.filter((l) => l.row.code && !l.row.isTotal);
  const byParent = groupBy(
    coded.filter((l) => (l.row.code?.code as string).length > 3),
    (l) => parentCode(l.row.code?.code as string) as string,
  );
  for (const parent of coded) {
    const code = parent.row.code?.code as string;
    const children = byParent.get(code);
    if (!children?.length || code.length > 5) continue;
    parent.columns.forEach((col, k) => {
      if (col.excluded || children.some((c) => !c.columns[k])) return;
      checkSum(
        ctx,
        view,
        { row: parent.row.row, col: col.col },
        children.map((c) => ({ row: c.row.row, col: (c.columns[k] as AmountColumn).col })),
        (total, sum, diff) =>
          `${code} ${parent.row.code?.name ?? ''}`.trim() +
          `${columnNote(view, col.col)} ${total} ≠ 下级合计 ${sum}（差 ${diff}）`,
      );
    });
  }
}
