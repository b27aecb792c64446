import { columnsOfGroup } from '../column-groups';
import { tableViews, type AmountColumn, type BlockView } from '../../model';
import type { Rule } from '../types';
import { checkSum } from './report-sum';
import { PATTERNS as PAT } from '../../text/patterns';
import { SUM_MESSAGES } from '../messages';

/**
 * Column identities read from the header tree: a 合计/小计 column under a parent equals its siblings (本年收入/小计 =
 * Σ 本年收入/*; 一般公共预算基本支出/合计 = 人员经费 + 公用经费), and a leading 合计 column equals the other top-level
 * columns (合计 = 基本支出 + 项目支出 (+ 经营支出 …); 收入预算数 = Σ 资金来源).
 */
export interface ColumnIdentity {
  readonly total: AmountColumn;
  readonly parts: readonly AmountColumn[];
  readonly describe: string;
}

const LEADING_TOTAL = PAT.totalRowLabel;

const key = (path: readonly string[]) => path.join('/');

export function columnIdentities(block: BlockView): ColumnIdentity[] {
  const cols = block.amountColumns;
  const out: ColumnIdentity[] = [];
  // 1. A 合计/小计 child equals its siblings.
  for (const total of cols.filter((c) => c.isTotal && c.path.length >= 2 && !c.excluded)) {
    const parent = total.path.slice(0, -1);
    const siblings = [
      ...new Set(
        cols
          .filter(
            (c) => c !== total && c.path.length > parent.length && key(c.path.slice(0, parent.length)) === key(parent),
          )
          .map((c) => c.path[parent.length] as string),
      ),
    ];
    // Within this parent only: the same leaf label recurs under others (预算数/合计 … 决算数/合计).
    const parts = siblings.flatMap((s) => columnsOfGroup(cols, [...parent, s]));
    if (parts.length >= 1 && siblings.length >= 1)
      out.push({ total, parts, describe: `${parent.join('/')}/${total.path[total.path.length - 1]}` });
  }
  // 2. The first amount column, a top-level total, equals the other top-level columns (unless they are totals too,
  //    as in "2020年预算数 | 2021年预算数").
  const first = cols[0];
  if (first && first.path.length === 1 && !first.excluded && LEADING_TOTAL.test(first.path[0] as string)) {
    const tops = [...new Set(cols.slice(1).map((c) => c.path[0] as string))];
    const rivals = cols
      .slice(1)
      .some((c) => c.path.length === 1 && LEADING_TOTAL.test(c.path[0] as string) && !c.excluded);
    const parts = tops.flatMap((t) => columnsOfGroup(cols, [t]));
    if (!rivals && parts.length >= 2) out.push({ total: first, parts, describe: first.path[0] as string });
  }
  return out;
}

export const sumRow: Rule = {
  meta: {
    id: 'sum.row',
    defaultSeverity: 'error',
    title: { zh: '合计列不等于各组成列之和', en: 'Total column ≠ sum of its component columns' },
    description: {
      zh: '按表头结构逐行核对：合计 = 基本支出 + 项目支出（+ 经营支出、上缴上级、对附属单位补助），本年收入小计 = 各收入来源之和，合计 = 人员经费 + 公用经费，小计 = 购置费 + 运行费，上级表头 = 其下各列之和。“其中”列、比率和增减列不参与。',
      en: 'Row by row, by header structure: 合计 = 基本支出 + 项目支出 (+ …), 本年收入小计 = Σ income sources, 合计 = 人员经费 + 公用经费, 小计 = 购置费 + 运行费, a parent header = Σ its child columns. "其中", rate and change columns take no part.',
    },
    formula: 'amount(row, total column) = Σ amount(row, component columns)',
    example: '第 11 行 2080506 机关事业单位职业年金缴费支出：合计 2.02 ≠ 基本支出 + 项目支出 … = 2.20（差 -0.18）',
    messages: SUM_MESSAGES,
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      for (const block of view.blocks) {
        const identities = columnIdentities(block);
        if (!identities.length) continue;
        // Per identity once, not per row: the parts' names (a message needs them only when a row does not close).
        const named = identities.map((id) => ({
          id,
          parts: id.parts.map((p) => p.path[p.path.length - 1]).join(' + '),
        }));
        for (const r of block.rows) {
          if (!r.used) continue;
          const who = () => (r.code ? `${r.code.code} ${r.code.name ?? ''}`.trim() : r.label || '本行');
          for (const { id, parts } of named) {
            checkSum(
              ctx,
              view,
              { row: r.row, col: id.total.col },
              id.parts.map((p) => ({ row: r.row, col: p.col })),
              (t, sum, diff) => `第 ${r.row + 1} 行 ${who()}：${id.describe} ${t} ≠ ${parts} = ${sum}（差 ${diff}）`,
            );
          }
        }
      }
    }
  },
};
