import { codeLevel } from '../text/codes';
import { PATTERNS } from '../text/patterns';
import { compareTerms, type Term } from './amounts';
import { readIn, type AmountColumn, type BlockRow, type BlockView, type TableView } from './tables';

/** A line of a list wrapped across side-by-side groups, with the amount columns of its own group. */
export interface WrappedLine {
  readonly block: BlockView;
  readonly row: BlockRow;
  readonly columns: readonly AmountColumn[];
}

const CODE_ROLES = new Set(['function_code', 'economic_code', 'code_part']);

/**
 * The lines of a table whose side-by-side groups repeat the same columns, a code column among them (编码|名称|金额 ×3):
 * one list wrapped across the page, in reading order. Null for any other table (收入 | 支出 blocks have no codes).
 */
export function wrappedList(view: TableView): WrappedLine[] | null {
  if (view.blocks.length < 2) return null;
  const signature = (b: number) =>
    view.table.columns
      // Empty (spacer) columns do not change a group's shape, nor a 序号 or 行次 column numbering the lines (in some
      // groups only: the first, at the table's left, or after the first group's names).
      .filter((c) => c.block === b && c.role !== 'empty' && c.role !== 'seq' && c.role !== 'line_no')
      .map((c) => c.role)
      .join(',');
  const first = signature(0);
  // Codes in a code column, or written with the names ("301 工资福利支出") when the code column was left empty.
  const hasCode =
    view.table.columns.some((c) => c.block === 0 && CODE_ROLES.has(c.role)) ||
    (view.blocks[0]?.rows.some((r) => r.code) ?? false);
  if (!hasCode || view.blocks.some((b) => signature(b.block) !== first)) return null;
  return view.blocks.flatMap((b) =>
    b.rows.filter((r) => r.used).map((row) => ({ block: b, row, columns: b.amountColumns })),
  );
}

/**
 * The header a wrapped group sits under when groups are banded (人员经费 | 公用经费 over 编码|名称|金额 groups): the
 * first header label shared by all its amount columns, or '' when the group has a one-row header.
 */
export function bandOf(block: BlockView): string {
  const first = block.amountColumns[0]?.path;
  if (!first || first.length < 2) return '';
  return block.amountColumns.every((c) => c.path.length >= 2 && c.path[0] === first[0]) ? (first[0] as string) : '';
}

/** One side-by-side block's own total on a footer row. */
export interface BlockTotal {
  readonly block: BlockView;
  readonly total: BlockRow;
  readonly column: AmountColumn;
  /** The block's top-level coded lines the total adds up. */
  readonly members: readonly BlockRow[];
}

/**
 * A footer row of a wrapped list on which each side-by-side group carries its own total (人员经费合计 | 公用经费合计, each
 * in its own group): two readings are possible — each total sums its own group, or the first is a grand total — and the
 * numbers decide. Null when the row has fewer than two group totals, the groups are banded in the header (bandOf
 * handles those), or the grand-total reading closes more sums than the per-group one (or as many, the totals being
 * labelled alike).
 */
export function blockFooter(view: TableView): readonly BlockTotal[] | null {
  const cached = FOOTERS.get(view);
  if (cached !== undefined) return cached;
  const found = findBlockFooter(view);
  FOOTERS.set(view, found);
  return found;
}

const FOOTERS = new WeakMap<TableView, readonly BlockTotal[] | null>();

function findBlockFooter(view: TableView): readonly BlockTotal[] | null {
  const lines = wrappedList(view);
  if (!lines || new Set(view.blocks.map(bandOf).filter(Boolean)).size >= 2) return null;
  const termAt = (row: number, col: number | undefined): Term | null => {
    if (col === undefined) return null;
    const r = readIn(view, row, col);
    return r.kind === 'term' ? r.term : null;
  };
  const topLevel = (block: BlockView | null): WrappedLine[] => {
    const coded = lines.filter((l) => (block === null || l.block === block) && l.row.code && !l.row.isTotal);
    if (!coded.length) return [];
    const top = Math.min(...coded.map((l) => codeLevel(l.row.code?.code as string)));
    return coded.filter((l) => codeLevel(l.row.code?.code as string) === top);
  };
  /** The total closes over the lines (exactly or within rounding), in the same place of each line's group. */
  const closesOver = (total: Term, members: readonly WrappedLine[], place: number): boolean => {
    const parts: Term[] = [];
    for (const m of members) {
      const t = termAt(m.row.row, m.block.amountColumns[place]?.col);
      if (t) parts.push(t);
    }
    return parts.length > 0 && compareTerms(total, parts).verdict !== 'mismatch';
  };
  const rows = [...new Set(lines.filter((l) => l.row.isTotal).map((l) => l.row.row))].reverse();
  for (const row of rows) {
    const totals: BlockTotal[] = [];
    for (const block of view.blocks) {
      const total = block.rows.find((r) => r.row === row && r.isTotal && r.used);
      const column = footerColumn(block);
      const value = column ? termAt(row, column.col) : null;
      if (!total || !column || !value || value.blank) continue;
      totals.push({ block, total, column, members: topLevel(block).map((l) => l.row) });
    }
    if (totals.length < 2) continue;
    // Per-group reading: each total against its own group's lines; grand reading: each against all groups' lines.
    const all = topLevel(null);
    let perGroup = 0;
    let grand = 0;
    for (const t of totals) {
      const place = t.block.amountColumns.indexOf(t.column);
      const value = termAt(row, t.column.col) as Term;
      if (closesOver(value, topLevel(t.block), place)) perGroup++;
      if (closesOver(value, all, place)) grand++;
    }
    // On a tie, totals labelled differently name their own groups: that reading assumes less than two grand totals.
    const distinct = new Set(totals.map((t) => t.total.label)).size === totals.length;
    return perGroup > grand || (perGroup === grand && distinct) ? totals : null;
  }
  return null;
}

/** The column a group's footer total is read in: its 决算数 when it shows 年初预算数 | 调整预算数 | 决算数, else its first. */
function footerColumn(block: BlockView): AmountColumn | undefined {
  const columns = block.amountColumns.filter((c) => !c.excluded);
  const final = columns.filter((c) => PATTERNS.finalAmountHeader.test(c.path[c.path.length - 1] ?? ''));
  return final.length === 1 ? final[0] : columns[0];
}
