import { addressOf, readIn, tableViews, type TableView } from '../../model';
import type { RuleContext } from '../types';

/** The first non-zero amount of a table, skipping columns whose header contains one of `ignore`; null when all are 0 or blank. */
export function firstNonZero(view: TableView, ignore: readonly string[] = []): string | null {
  for (const block of view.blocks) {
    const columns = block.amountColumns.filter((c) => !ignore.some((w) => c.path.join('/').includes(w)));
    for (const r of block.rows)
      for (const c of columns) {
        const reading = readIn(view, r.row, c.col);
        if (reading.kind === 'term' && !reading.term.blank && !reading.term.value.isZero())
          return addressOf(reading.term);
      }
  }
  return null;
}

const BLANK = new WeakMap<object, boolean>();

/**
 * A blank template: tables but not one non-zero amount in any of them. It is not a submission — the rules about what a
 * submitted disclosure must say (statements under empty tables, placeholders) report it once, as a template.
 */
export function isBlankTemplate(ctx: RuleContext): boolean {
  const cached = BLANK.get(ctx.mapping);
  if (cached !== undefined) return cached;
  const views = tableViews(ctx);
  const blank = views.length > 0 && views.every((v) => firstNonZero(v) === null);
  BLANK.set(ctx.mapping, blank);
  return blank;
}
