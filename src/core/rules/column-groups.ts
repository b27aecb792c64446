import type { AmountColumn, BlockView } from '../model';

/**
 * Header groups of amount columns ("本年支出" over 小计 | 基本支出 | 项目支出): which columns stand for a group when
 * it is added to something else. Shared by the row identities (sum.row), the carry-over identity and the cross-table
 * checks, so that all of them read a group the same way.
 */
const key = (path: readonly string[]) => path.join('/');

/** The columns a group adds: its own 合计/小计 column, else each child's columns in turn (never an excluded column). */
export function contribution(columns: readonly AmountColumn[], prefix: readonly string[]): AmountColumn[] {
  const inside = columns.filter(
    (c) => !c.excluded && c.path.length > prefix.length && key(c.path.slice(0, prefix.length)) === key(prefix),
  );
  const own = inside.find((c) => c.path.length === prefix.length + 1 && c.isTotal);
  if (own) return [own];
  const children = [...new Set(inside.map((c) => c.path[prefix.length] as string))];
  return children.flatMap((child) => columnsOfGroup(columns, [...prefix, child]));
}

/** The columns standing for the group at `prefix`: the group's single column, else its contribution. */
export function columnsOfGroup(columns: readonly AmountColumn[], prefix: readonly string[]): AmountColumn[] {
  const single = columns.find((c) => !c.excluded && key(c.path) === key(prefix));
  return single ? [single] : contribution(columns, prefix);
}

/** The columns of the first group whose header matches `group`, at any depth ("项目支出", "本年支出"). */
export function columnsOfNamedGroup(block: BlockView, group: RegExp): AmountColumn[] {
  const first = block.amountColumns.find((c) => !c.excluded && c.path.some((p) => group.test(p)));
  if (!first) return [];
  return columnsOfGroup(block.amountColumns, first.path.slice(0, first.path.findIndex((p) => group.test(p)) + 1));
}
