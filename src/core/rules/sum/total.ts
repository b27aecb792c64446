import { ITEMISED_CHILD, ITEMISED_PARENT } from '../../recognition/vocabulary';
import { codeLevel } from '../../text/codes';
import { groupBy, minOf } from '../../util/collections';
import {
  tableViews,
  wrappedList,
  bandOf,
  blockFooter,
  compareTerms,
  readIn,
  type Term,
  type AmountColumn,
  type BlockRow,
  type BlockView,
  type TableView,
  type WrappedLine,
} from '../../model';
import type { Rule, RuleContext } from '../types';
import { checkColumnSum, checkSum, columnNote } from './report-sum';
import { departmentRow, groupRows, type Group } from './units';
import { SUM_MESSAGES } from '../messages';

/** A block's used rows with what totalMembers asks of them per total, computed once per block (linear in rows). */
interface TotalIndex {
  readonly rows: readonly BlockRow[];
  readonly position: ReadonlyMap<BlockRow, number>;
  /** Index of the first row that is neither a total nor unlabelled (rows before it form a header band). */
  readonly firstLine: number;
  /** Index of the last row that is not a total. */
  readonly lastLine: number;
  /** For each index: the next total after it (rows.length when none), the previous total before it (-1 when none). */
  readonly nextTotal: readonly number[];
  readonly previousTotal: readonly number[];
  readonly groupOf: ReadonlyMap<BlockRow, Group>;
}

const TOTAL_INDEX = new WeakMap<BlockView, TotalIndex>();

function totalIndex(block: BlockView): TotalIndex {
  const cached = TOTAL_INDEX.get(block);
  if (cached) return cached;
  const rows = block.rows.filter((r) => r.used);
  const position = new Map(rows.map((r, i) => [r, i]));
  let firstLine = rows.findIndex((r) => !(r.isTotal || !r.label));
  if (firstLine < 0) firstLine = rows.length;
  let lastLine = rows.length - 1;
  while (lastLine >= 0 && rows[lastLine]?.isTotal) lastLine--;
  const nextTotal: number[] = new Array<number>(rows.length);
  const previousTotal: number[] = new Array<number>(rows.length);
  for (let i = rows.length - 1, next = rows.length; i >= 0; i--) {
    nextTotal[i] = next;
    if (rows[i]?.isTotal) next = i;
  }
  for (let i = 0, prev = -1; i < rows.length; i++) {
    previousTotal[i] = prev;
    if (rows[i]?.isTotal) prev = i;
  }
  const groupOf = new Map(groupRows(block).map((g) => [g.subtotal, g]));
  const index = { rows, position, firstLine, lastLine, nextTotal, previousTotal, groupOf };
  TOTAL_INDEX.set(block, index);
  return index;
}

/**
 * The rows a total row adds up. A 合计 above the lines totals the lines below it, a total below them the lines since
 * the previous total (which counts as one of them: 收入总计 = 本年收入合计 + 上年结转). Among those lines only the top
 * level counts: 类 lines when codes are present (or unit subtotals in a consolidated table), otherwise the
 * highest-ranked outline lines ("一、" before "1、"), never "其中" lines.
 */
export function totalMembers(block: BlockView, total: BlockRow): BlockRow[] {
  return membersIn(block, totalSegment(block, total));
}

/** The rows a total row covers, in order: the lines below a 合计 above them, or those since the previous total. */
export function totalSegment(block: BlockView, total: BlockRow): BlockRow[] {
  const { rows, position, firstLine, lastLine, nextTotal, previousTotal } = totalIndex(block);
  const at = position.get(total) ?? -1;
  const downward = at <= firstLine && lastLine > at;
  if (downward) return rows.slice(at + 1, at < 0 ? rows.length : nextTotal[at]);
  const prev = at < 0 ? -1 : (previousTotal[at] as number);
  const segment = rows.slice(prev + 1, at);
  if (prev >= 0) segment.unshift(rows[prev] as BlockRow);
  return segment;
}

function membersIn(block: BlockView, covered: readonly BlockRow[]): BlockRow[] {
  const { groupOf } = totalIndex(block);
  let segment = [...covered];
  const coded = segment.filter((r) => r.code && !r.isTotal);
  const unitSubtotals = segment.filter((r) => !r.code && r.unitCode && !r.isTotal);
  if (coded.length) {
    const priorTotals = segment.filter((r) => r.isTotal);
    if (unitSubtotals.length) return [...priorTotals, ...unitSubtotals];
    const groups = segment.map((r) => groupOf.get(r)).filter((g): g is Group => g !== undefined);
    if (groups.length) {
      // Lines grouped under uncoded heading rows (a unit's name, then its lines): the headings are the addends.
      const grouped = new Set(groups.flatMap((g) => g.members));
      const top = minOf(coded.map((x) => codeLevel(x.code?.code as string)));
      const loose = coded.filter((r) => !grouped.has(r) && codeLevel(r.code?.code as string) === top);
      return [...priorTotals, ...groups.map((g) => g.subtotal), ...loose].sort((a, b) => a.row - b.row);
    }
    const levels = new Set(coded.map((r) => codeLevel(r.code?.code as string)));
    const top = minOf(levels);
    // A project list also counts its uncoded lines (a project without a code); a classification list does not.
    const uncoded = block.projectList ? segment.filter((r) => !r.code && !r.isTotal && r.rank !== 'of' && r.label) : [];
    return [...priorTotals, ...coded.filter((r) => codeLevel(r.code?.code as string) === top), ...uncoded].sort(
      (a, b) => a.row - b.row,
    );
  }
  segment = withoutItemisation(segment);
  const ranks = segment.map((r) => r.rank).filter((k): k is 1 | 2 | 3 | 4 => typeof k === 'number' && k > 0);
  if (ranks.length) {
    const top = minOf(ranks);
    return segment.filter((r) => r.isTotal || r.rank === top);
  }
  return segment.filter((r) => r.rank !== 'of' && r.label);
}

/**
 * An outline without ranks ("因公出国（境）费", "公务用车购置及运行费", "其中：公务用车购置费", "公务用车运行费",
 * "公务接待费"): the 其中 line's list may go on over the unranked lines after it, and nothing says how far. The readings,
 * from the list ending with the 其中 line (what membersIn adds) to its covering every line after it; null when the
 * covered rows are ranked or coded, or hold no such list (one 其中 line, unranked lines after it).
 */
function ofWhichReadings(block: BlockView, covered: readonly BlockRow[], total: BlockRow): BlockRow[][] | null {
  if (covered.some((r) => (r.code && !r.isTotal) || (typeof r.rank === 'number' && r.rank > 0)) || block.projectList)
    return null;
  const segment = withoutItemisation(covered).filter((r) => r !== total);
  const ofRows = segment.filter((r) => r.rank === 'of');
  if (ofRows.length !== 1) return null;
  const at = segment.indexOf(ofRows[0] as BlockRow);
  const after = segment.slice(at + 1);
  if (after.length === 0 || after.some((r) => r.isTotal)) return null;
  const before = segment.slice(0, at).filter((r) => r.label);
  const readings: BlockRow[][] = [];
  for (let k = 0; k <= after.length; k++) readings.push([...before, ...after.slice(k).filter((r) => r.label)]);
  return readings;
}

/** True when the members add up to the total in every amount column (within rounding). */
function closesEveryColumn(view: TableView, block: BlockView, total: BlockRow, members: readonly BlockRow[]): boolean {
  if (members.length === 0) return false;
  let checked = 0;
  for (const col of block.amountColumns) {
    if (col.excluded) continue;
    const t = readIn(view, total.row, col.col);
    if (t.kind !== 'term') continue;
    const parts: Term[] = [];
    for (const m of members) {
      const r = readIn(view, m.row, col.col);
      if (r.kind === 'invalid') return false;
      if (r.kind === 'term') parts.push(r.term);
    }
    if (parts.length === 0) continue;
    if (compareTerms(t.term, parts).verdict === 'mismatch') return false;
    checked++;
  }
  return checked > 0;
}

/** Drops the lines that itemise the line above them by fund (年初结转和结余 → 一般公共预算财政拨款 …). */
function withoutItemisation(segment: readonly BlockRow[]): BlockRow[] {
  const out: BlockRow[] = [];
  let parent: BlockRow | null = null;
  for (const r of segment) {
    const label = r.label.replace(/\s/g, '').replace('：', ':');
    if (parent && !r.isTotal && ITEMISED_CHILD.test(label)) continue;
    parent = !r.isTotal && ITEMISED_PARENT.test(label) ? r : null;
    out.push(r);
  }
  return out;
}

/** A consolidated table's unit line (unit code, no classification code) and the coded lines of that unit. */
export function unitSubtotalGroups(block: BlockView): Group[] {
  const out: Group[] = [...totalIndex(block).groupOf.values()];
  // Each unit's coded lines, gathered in one pass (not one pass over the table per unit line).
  const linesOf = groupBy(
    block.rows.filter((r) => r.unitCode && r.code),
    (r) => r.unitCode,
  );
  for (const subtotal of block.rows) {
    if (!subtotal.unitCode || subtotal.code || subtotal.isTotal || !subtotal.used) continue;
    const lines = linesOf.get(subtotal.unitCode);
    if (!lines) continue;
    const top = minOf(lines.map((r) => codeLevel(r.code?.code as string)));
    out.push({ subtotal, members: lines.filter((r) => codeLevel(r.code?.code as string) === top) });
  }
  return out;
}

export const sumTotal: Rule = {
  meta: {
    id: 'sum.total',
    defaultSeverity: 'error',
    title: { zh: '合计行不等于所合计的行', en: 'Total row ≠ the rows it totals' },
    description: {
      zh: '合计、总计、小计行（含“合 计”“总合计：”、编码栏中的“合计”）等于其所合计各行之和，逐列核对；汇总表中的单位小计行等于该单位各科目之和。只加总最高一级（类或“一、”级），不重复计算下级和“其中”行。',
      en: 'Every 合计/总计/小计 row equals the sum of the rows it totals, per column; a unit line of a consolidated table equals that unit’s lines. Only the top level is added (类 lines or "一、" lines), never their children or "其中" lines.',
    },
    formula: 'amount(total row) = Σ amount(top-level rows it covers), per amount column',
    example: '合计［基本支出］ 576.27 ≠ 各项之和 586.27（差 -10.00）',
    messages: SUM_MESSAGES,
    appliesTo: 'all',
  },
  check(ctx) {
    for (const view of tableViews(ctx)) {
      const wrapped = wrappedList(view);
      for (const block of view.blocks) {
        const checks: { total: BlockRow; members: BlockRow[]; name: string }[] = [];
        for (const total of block.rows.filter((r) => r.isTotal && r.used)) {
          const segment = totalSegment(block, total);
          let members = membersIn(block, segment).filter((m) => m !== total);
          // Where an unranked "其中" list ends is not written: the reading the numbers close wins, if any does.
          const readings = ofWhichReadings(block, segment, total);
          if (readings) members = readings.find((m) => closesEveryColumn(view, block, total, m)) ?? members;
          // A department's own row above its units (confirmed by the numbers): 合计 = it, and it = Σ its units.
          const department = wrapped ? null : departmentRow(view, block, segment, total, members);
          if (department) {
            members = [department.row];
            checks.push({ total: department.row, members: department.units, name: department.row.label });
          }
          checks.push({ total, members, name: total.label || '合计' });
        }
        for (const g of unitSubtotalGroups(block))
          checks.push({ total: g.subtotal, members: g.members, name: g.subtotal.label });
        for (const { total, members, name } of checks) {
          if (!members.length) continue;
          if (wrapped) {
            // The 合计 of a wrapped list adds the top-level lines of every group.
            checkWrappedTotal(ctx, view, wrapped, total, name);
            continue;
          }
          for (const col of block.amountColumns) {
            if (col.excluded) continue;
            checkColumnSum(
              ctx,
              view,
              total.row,
              members,
              col.col,
              (t, sum, diff) => `${name}${columnNote(view, col.col)} ${t} ≠ 各项之和 ${sum}（差 ${diff}）`,
            );
          }
        }
      }
    }
  },
};

function checkWrappedTotal(
  ctx: RuleContext,
  view: TableView,
  lines: readonly WrappedLine[],
  total: BlockRow,
  name: string,
): void {
  const own = lines.find((l) => l.row === total);
  if (!own) return;
  // A footer on which each group carries its own total (confirmed by the group sums): each adds its own group.
  const footer = blockFooter(view)?.find((t) => t.total === total);
  if (footer) {
    const place = footer.block.amountColumns.indexOf(footer.column);
    const col = footer.column.col;
    checkSum(
      ctx,
      view,
      { row: total.row, col },
      footer.members.map((m) => ({ row: m.row, col: footer.block.amountColumns[place]?.col ?? col })),
      (t, sum, diff) => `${name}${columnNote(view, col)} ${t} ≠ 本组各项之和 ${sum}（差 ${diff}）`,
    );
    return;
  }
  if (blockFooter(view)?.some((t) => t.total.row === total.row)) return;
  // Banded groups (人员经费 | 公用经费): a "人员经费合计" adds its band's lines only, and its amount may sit under the
  // band's last group when the label is merged across (公用经费合计 … 160).
  const bands = [...new Set(view.blocks.map(bandOf))].filter(Boolean);
  const band = bands.length >= 2 ? bands.find((b) => total.label.replace(/\s/g, '').startsWith(b)) : undefined;
  const scope = band ? lines.filter((l) => bandOf(l.block) === band) : lines;
  const coded = scope.filter((l) => l.row.code && !l.row.isTotal);
  if (!coded.length) return;
  const top = minOf(coded.map((l) => codeLevel(l.row.code?.code as string)));
  const members = coded.filter((l) => codeLevel(l.row.code?.code as string) === top);
  const totalColumns = band ? amountColumnsOnRow(view, scope, total.row, own.columns) : own.columns;
  totalColumns.forEach((col, k) => {
    if (col.excluded || members.some((m) => !m.columns[k])) return;
    checkSum(
      ctx,
      view,
      { row: total.row, col: col.col },
      members.map((m) => ({ row: m.row.row, col: (m.columns[k] as AmountColumn).col })),
      (t, sum, diff) => `${name}${columnNote(view, col.col)} ${t} ≠ 各项之和 ${sum}（差 ${diff}）`,
    );
  });
}

/** The total's own amount columns, unless they are blank on its row and a later group of its band holds the amounts. */
function amountColumnsOnRow(
  view: TableView,
  scope: readonly WrappedLine[],
  row: number,
  own: readonly AmountColumn[],
): readonly AmountColumn[] {
  const filled = (cols: readonly AmountColumn[]) => cols.some((c) => !isBlankCell(view, row, c.col));
  if (filled(own)) return own;
  const groups = [...new Set(scope.map((l) => l.block))];
  return groups.map((g) => g.amountColumns).find(filled) ?? own;
}

function isBlankCell(view: TableView, row: number, col: number): boolean {
  const r = readIn(view, row, col);
  return r.kind === 'term' ? r.term.blank : r.kind !== 'invalid';
}
