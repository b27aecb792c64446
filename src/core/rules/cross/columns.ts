import type { AmountColumn, BlockView } from '../table-view';

/** The columns that make up a header group ("项目支出"): its 小计/合计 column if it has one, else its leaves. */
export function contributionOf(block: BlockView, group: RegExp): AmountColumn[] {
  const inGroup = block.amountColumns.filter((c) => !c.excluded && c.path.some((p) => group.test(p)));
  const depth = (c: AmountColumn) => c.path.findIndex((p) => group.test(p));
  const own = inGroup.find((c) => c.isTotal && c.path.length === depth(c) + 2);
  if (own) return [own];
  const leaf = inGroup.find((c) => c.path.length === depth(c) + 1);
  return leaf ? [leaf] : inGroup.filter((c) => !c.isTotal);
}
