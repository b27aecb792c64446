import Decimal from 'decimal.js';
import structure from '../../data/structure.json';
import type { CheckedIdentity } from './ledger';
import { pushAll } from '../util/collections';

/**
 * Is a table's reading confirmed by its numbers? In a correct table almost every identity closes, and a real slip —
 * one wrong cell, or one row written wrong — breaks only the identities through it, all needing the same change of
 * that cell. So the failures of a table are "explained" by a few slips; a misread table (a column taken for another,
 * a heading taken for data) instead breaks identities that share no cell and no row. A table is unconfirmed when its
 * failures need at least `minSlips` separate slips to explain and they are a sizeable share of its identities.
 */
export const ABSTENTION = structure.abstention as {
  readonly minSlips: number;
  readonly minFailureShare: number;
};

interface Failure {
  /** Sheet-qualified cells with the change that would alone close the identity (null: unknown). */
  readonly cells: readonly { key: string; row: string; change: Decimal | null }[];
  readonly envelope: Decimal | null;
}

const ROW_OF = /(\d+)$/;
const ZERO = new Decimal(0);

function failureOf(i: CheckedIdentity): Failure {
  return {
    cells: i.cells.map((c, k) => {
      const key = c.includes('!') ? c : `${i.sheet}!${c}`;
      const at = key.lastIndexOf('!');
      return {
        key,
        row: `${key.slice(0, at)}!${ROW_OF.exec(key.slice(at + 1))?.[1] ?? ''}`,
        change: i.corrections?.[k] ?? null,
      };
    }),
    envelope: i.envelope ?? null,
  };
}

type Seed = { index: number; change: Decimal | null; envelope: Decimal | null };

/**
 * Candidate slips: each cell with one change it would need (failures agreeing on it), and each row. A cell's
 * failures are clustered by the change they need without comparing every pair: seeds that need the same change (and
 * envelope) share one cluster, and a seed's cluster is found in a window of the failures sorted by change (only
 * those within its tolerance plus the largest envelope can agree; the window is widened by a float margin and every
 * member is then checked exactly). A later duplicate of a cluster never wins the greedy cover, so it is not listed.
 */
function candidates(failures: readonly Failure[]): Set<number>[] {
  const out: Set<number>[] = [];
  const byCell = new Map<string, Seed[]>();
  const byRow = new Map<string, Set<number>>();
  failures.forEach((f, index) => {
    for (const c of f.cells) {
      const list = byCell.get(c.key) ?? [];
      list.push({ index, change: c.change, envelope: f.envelope });
      byCell.set(c.key, list);
      const row = byRow.get(c.row) ?? new Set<number>();
      row.add(index);
      byRow.set(c.row, row);
    }
  });
  for (const list of byCell.values()) pushAll(out, clusters(list));
  pushAll(out, byRow.values());
  return out;
}

/** One value of the cell must close every failure it explains: each seed's cluster of agreeing failures, in order. */
function clusters(list: readonly Seed[]): Set<number>[] {
  const out: Set<number>[] = [];
  const unknown = list.filter((o) => !o.change).map((o) => o.index);
  const known = list
    .filter((o) => o.change)
    .map((o) => ({ seed: o, at: o.change!.toNumber(), env: o.envelope ? o.envelope.toNumber() : 0 }))
    .sort((a, b) => a.at - b.at);
  const maxEnv = known.reduce((m, k) => Math.max(m, k.env), 0);
  const firstAt = (x: number) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid]!.at < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<string>();
  for (const seed of list) {
    if (!seed.change) {
      if (!seen.has('*')) out.push(new Set(list.map((o) => o.index)));
      seen.add('*');
      continue;
    }
    const key = `${seed.change.toString()}|${seed.envelope?.toString() ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = seed.change.toNumber();
    const reach = (seed.envelope ? seed.envelope.toNumber() : 0) + maxEnv;
    const margin = 1e-9 * (Math.abs(at) + reach + 1);
    const agree = new Set<number>(unknown);
    for (let k = firstAt(at - reach - margin); k < known.length && known[k]!.at <= at + reach + margin; k++)
      if (sameChange(seed, known[k]!.seed)) agree.add(known[k]!.seed.index);
    out.push(agree);
  }
  return out;
}

function sameChange(a: Seed, b: Seed): boolean {
  if (!a.change || !b.change) return true;
  const tolerance = (a.envelope ?? ZERO).plus(b.envelope ?? ZERO);
  return a.change.minus(b.change).abs().lte(tolerance);
}

/**
 * The number of separate slips (cells or rows) needed to explain every failure, by greedy cover; counting stops at
 * `enough` (the answer is then `enough`: at least that many).
 */
export function slipsNeeded(failed: readonly CheckedIdentity[], enough = Infinity): number {
  const failures = failed.map(failureOf);
  const sets = candidates(failures);
  const left = new Set(failures.map((_, i) => i));
  let slips = 0;
  while (left.size) {
    if (slips >= enough) return enough;
    let best: Set<number> | null = null;
    let gain = 0;
    for (const s of sets) {
      let g = 0;
      for (const i of s) if (left.has(i)) g++;
      if (g > gain) {
        gain = g;
        best = s;
      }
    }
    if (!best) return Math.min(enough, slips + left.size);
    for (const i of best) left.delete(i);
    slips++;
  }
  return slips;
}

/** Whether a table whose own identities ended so is unconfirmed (see ABSTENTION). */
export function readingUnconfirmed(closed: number, failed: readonly CheckedIdentity[]): boolean {
  if (failed.length < ABSTENTION.minSlips) return false;
  if (failed.length < ABSTENTION.minFailureShare * (closed + failed.length)) return false;
  return slipsNeeded(failed, ABSTENTION.minSlips) >= ABSTENTION.minSlips;
}
