import { codeLevel } from '../../text/codes';
import { minOf } from '../../util/collections';
import { compareTerms, type Term, readIn, type BlockRow, type BlockView, type TableView } from '../../model';

/**
 * Consolidated tables: a department that lists its units. Two layouts admit two readings each, and the numbers decide:
 *  - per unit an uncoded heading row (the unit's name and totals) followed by its 类/款/项 lines: the heading scopes the
 *    lines below it (the same code appears once per unit, so codes match within a unit only) when the headings' amounts
 *    are the sums of their segments' top-level lines;
 *  - a row above the units whose amounts are the sum of the units' rows (the department's own row): it is the parent of
 *    its units, not one of their peers, when that reading closes more identities than the peer reading.
 * Where the numbers confirm neither, nothing is asserted that depends on the reading.
 */

/** An uncoded heading row and the coded lines under it: `members` its top-level lines, `lines` all of them. */
export interface Group {
  readonly subtotal: BlockRow;
  readonly members: BlockRow[];
  readonly lines?: readonly BlockRow[];
}

/**
 * Heading rows of a classification list: an uncoded, labelled row followed by coded rows (a unit named in the name
 * column, then its lines) totals the lines up to the next such row. Project lists have no headings: every row is a
 * project; a table with a unit-code column names its units in that column instead.
 */
export function groupRows(block: BlockView): Group[] {
  if (block.projectList || block.rows.some((r) => r.unitCode)) return [];
  const rows = block.rows.filter((r) => r.used && !r.isTotal);
  const out: Group[] = [];
  rows.forEach((r, i) => {
    // A heading has no code and no enumeration ("八、…" is a line of the list, not a heading).
    if (r.code || !r.label || r.rank !== 0) return;
    const run: BlockRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const next = rows[j] as BlockRow;
      if (!next.code || next.code.source !== 'cell') break;
      run.push(next);
    }
    if (!run.length) return;
    const top = minOf(run.map((x) => codeLevel(x.code?.code as string)));
    out.push({ subtotal: r, members: run.filter((x) => codeLevel(x.code?.code as string) === top), lines: run });
  });
  return out;
}

/** Per amount column: does `total` equal the sum of `parts`? Columns blank throughout are left out. */
function closures(view: TableView, block: BlockView, total: BlockRow, parts: readonly BlockRow[]): boolean[] {
  const out: boolean[] = [];
  for (const col of block.amountColumns) {
    if (col.excluded) continue;
    const t = readIn(view, total.row, col.col);
    if (t.kind !== 'term') continue;
    const terms: Term[] = [];
    let blank = t.term.blank;
    for (const p of parts) {
      const r = readIn(view, p.row, col.col);
      if (r.kind !== 'term') continue;
      terms.push(r.term);
      if (!r.term.blank) blank = false;
    }
    if (blank) continue;
    out.push(compareTerms(t.term, terms).verdict !== 'mismatch');
  }
  return out;
}

const score = (c: readonly boolean[]): number => c.reduce((a, ok) => a + (ok ? 1 : -1), 0);

/** The total's amounts are the sum of the parts' in more columns than not (a slip breaks one column, not most). */
export function closesOver(view: TableView, block: BlockView, total: BlockRow, parts: readonly BlockRow[]): boolean {
  return score(closures(view, block, total, parts)) > 0;
}

const SCOPES = new WeakMap<BlockView, ReadonlyMap<BlockRow, BlockRow> | null>();

/**
 * The heading that scopes each coded line, when the block's headings are confirmed by the numbers (at least half of
 * them equal the sum of their segment's top-level lines, so one slip does not undo the reading); null otherwise.
 */
export function headingScopes(view: TableView, block: BlockView): ReadonlyMap<BlockRow, BlockRow> | null {
  if (SCOPES.has(block)) return SCOPES.get(block) ?? null;
  const groups = groupRows(block);
  const confirmed = groups.filter((g) => closesOver(view, block, g.subtotal, g.members)).length;
  let scopes: Map<BlockRow, BlockRow> | null = null;
  if (groups.length && confirmed > 0 && 2 * confirmed >= groups.length) {
    scopes = new Map();
    for (const g of groups) for (const l of g.lines ?? g.members) scopes.set(l, g.subtotal);
  }
  SCOPES.set(block, scopes);
  return scopes;
}

/**
 * A department's own row among the rows a total adds up: the first row of the total's segment, uncoded and unmarked,
 * followed by the rows it would total (its units). Taken when the reading "合计 = the department row = Σ units" closes
 * more of the table's identities than the reading "合计 = Σ of them all, the department row a peer"; null otherwise.
 */
export function departmentRow(
  view: TableView,
  block: BlockView,
  segment: readonly BlockRow[],
  total: BlockRow,
  members: readonly BlockRow[],
): { row: BlockRow; units: BlockRow[] } | null {
  const first = segment.find((r) => r !== total && !r.isTotal && r.used && r.label);
  if (!first || first.code || first.rank !== 0 || first.unitCode) return null;
  if (members.some((m) => m.isTotal && m !== total)) return null;
  const units = members.filter((m) => m !== first && m !== total && !m.isTotal && m.row > first.row);
  if (!units.length) return null;
  const parent = closures(view, block, first, units);
  const department = [...closures(view, block, total, [first]), ...parent];
  const peer = closures(view, block, total, [first, ...units]);
  return score(parent) > 0 && score(department) > score(peer) ? { row: first, units } : null;
}
