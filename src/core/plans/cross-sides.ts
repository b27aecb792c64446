import type { ReportFinding } from '../report/report';

/** One side of a cross-table finding: its sheet and its cells there. */
export interface Side {
  readonly sheet: string;
  readonly cells: readonly string[];
}

/**
 * Which side of a cross-table finding to mark. The cells of a finding on two sheets are split by sheet ("D11" on the
 * finding's own sheet, "支出总表!D11" on the other); a side is suspect when a finding of another kind — its own table
 * breaking an identity — names one of its cells. One suspect side is marked as the cell in question; otherwise (both
 * or neither) both sides are marked "to compare", never only the side that may well be right.
 */
export function sidesOf(f: ReportFinding, split: (cell: string) => { sheet: string; cell: string }): Side[] {
  const bySheet = new Map<string, string[]>();
  for (const c of f.cells) {
    const { sheet, cell } = split(c);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), cell]);
  }
  return [...bySheet].map(([sheet, cells]) => ({ sheet, cells }));
}

export type Verdict = { readonly kind: 'suspect'; readonly side: Side } | { readonly kind: 'compare' };

export function judgeSides(
  f: ReportFinding,
  sides: readonly Side[],
  all: readonly ReportFinding[],
  split: (cell: string, sheet: string) => { sheet: string; cell: string },
): Verdict {
  const family = (x: ReportFinding) => x.rule.split('.')[0];
  const evidence = new Set<string>();
  for (const x of all)
    if (x !== f && x.severity !== 'info' && family(x) !== family(f))
      for (const c of x.cells) {
        const { sheet, cell } = split(c, x.sheet);
        evidence.add(`${sheet}\u0000${cell}`);
      }
  const suspect = sides.filter((s) => s.cells.some((c) => evidence.has(`${s.sheet}\u0000${c}`)));
  return suspect.length === 1 ? { kind: 'suspect', side: suspect[0] as Side } : { kind: 'compare' };
}
