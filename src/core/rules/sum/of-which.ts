import {
  addressOf,
  compareSum,
  comparisonFields,
  formatAmount,
  type Term,
  rankOf,
  tableViews,
  type BlockRow,
  type BlockView,
  readIn,
} from '../../model';
import type { Rule } from '../types';
import { columnNote, recordClosed, recordInvalid, tablesOf } from './report-sum';
import { PATTERNS as PAT } from '../../text/patterns';

/** "其中" lists: the lines from a "其中：…" line on, with the line they belong to. */
export function ofWhichGroups(block: BlockView): { parent: BlockRow; items: BlockRow[] }[] {
  const rows = block.rows.filter((r) => r.used);
  const out: { parent: BlockRow; items: BlockRow[] }[] = [];
  rows.forEach((r, i) => {
    if (r.rank !== 'of') return;
    const parent = rows
      .slice(0, i)
      .reverse()
      .find((p) => p.rank !== 'of');
    if (!parent || parent.isTotal) return;
    const itemRank = rankOf(r.label.replace(PAT.ofPrefix, ''));
    const items = [r];
    for (const next of rows.slice(i + 1)) {
      if (next.isTotal || next.rank === 'of' || next.rank !== itemRank) break;
      items.push(next);
    }
    out.push({ parent, items });
  });
  return out;
}

export const sumOfWhich: Rule = {
  meta: {
    id: 'sum.of_which',
    defaultSeverity: 'error',
    title: { zh: '“其中”项大于所属项目', en: '"其中" lines exceed their parent' },
    description: {
      zh: '“其中”各行是所属项目的一部分：每一行及其合计都不能大于所属项目（逐列核对）。',
      en: '"其中" lines are part of the line above them: neither any of them nor their sum may exceed it, per column.',
    },
    formula: 'Σ amount(其中 lines) ≤ amount(parent line)',
    example: '其中：公务用车购置费 5.00 + 公务用车运行维护费 3.00 = 8.00 > 公务用车购置及运维费 3.00',
    messages: {
      itemsExceedParent: { zh: '“其中”项之和大于所属项目', en: '“其中” items exceed their parent' },
    },
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      for (const block of view.blocks) {
        for (const { parent, items } of ofWhichGroups(block)) {
          for (const col of block.amountColumns) {
            if (col.excluded) continue;
            const p = readIn(view, parent.row, col.col);
            const terms = items.map((i) => readIn(view, i.row, col.col));
            if (p.kind !== 'term') continue;
            const invalid = terms.find((t) => t.kind === 'invalid');
            if (invalid) {
              recordInvalid(ctx, view, invalid);
              continue;
            }
            const parts = terms.flatMap((t) => (t.kind === 'term' ? [t.term] : []));
            if (parts.every((t) => t.blank)) continue;
            const c = compareSum(
              p.term,
              parts.map((term: Term) => ({ term })),
            );
            if (c.verdict !== 'mismatch' || c.difference.isPositive()) {
              recordClosed(ctx, view);
              continue;
            }
            const list = items.map(
              (i, k) =>
                `${i.label.replace(/^其中[:：]?/, '')} ${formatAmount(parts[k]?.value ?? c.expected, c.decimals)}`,
            );
            const cells = [addressOf({ row: parent.row, col: col.col }), ...parts.map(addressOf)];
            ctx.identity({
              tables: tablesOf(view),
              sheet: view.table.sheet,
              cells,
              status: 'failed',
              // parent − Σ items < 0: the parent closes it by −difference, an item by +difference.
              corrections: cells.map((_, k) => (k === 0 ? c.difference.neg() : c.difference)),
              envelope: c.envelope,
              finding: {
                sheet: view.table.sheet,
                cells,
                messageId: 'itemsExceedParent',
                message: `其中：${list.join(' + ')} = ${formatAmount(c.expected, c.decimals)} > ${parent.label}${columnNote(view, col.col)} ${formatAmount(c.actual, c.decimals)}`,
                ...comparisonFields(c),
              },
            });
          }
        }
      }
    }
  },
};
