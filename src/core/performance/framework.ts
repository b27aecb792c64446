import framework from '../../data/performance/framework.json';
import { normalizeLabel } from '../text/normalize';

/** The indicator frameworks (data): canonical 一级/二级 names, default weights, grades, qualitative scoring. */
const key = (s: string) => normalizeLabel(s).replace(/[()（）]/g, '');

const LEVEL1 = new Map<string, string>();
for (const l of framework.level1) for (const n of [l.name, ...l.aliases]) LEVEL1.set(key(n), l.name);
const LEVEL2 = new Map<string, { name: string; level1: string }>();
for (const l of framework.level2)
  for (const n of [l.name, ...(l.aliases ?? [])]) LEVEL2.set(key(n), { name: l.name, level1: l.level1 });

export const canonicalLevel1 = (name: string): string | null => LEVEL1.get(key(name)) ?? null;
export const canonicalLevel2 = (name: string): { name: string; level1: string } | null => LEVEL2.get(key(name)) ?? null;

export const REQUIRED_LEVEL1: readonly string[] = framework.required;
/** The 2021 framework's cost 一级, and the 一级 whose points it shares. */
export const COST_LEVEL1: string = framework.cost;
export const COST_SHARES_WITH: string = framework.costSharesWith;
const NEGATION = new RegExp(framework.qualitative.negation);
const PARTIAL = new RegExp(framework.qualitative.partial);
export const RATE_WORDS = new RegExp(framework.rateWords);

export interface Grade {
  readonly min: number;
  readonly label: string;
}

export const DEFAULT_GRADES: readonly Grade[] = framework.grades;

/** 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (labels configurable, e.g. 合格/不合格). */
export function gradeOf(total: number, grades: readonly Grade[] = DEFAULT_GRADES): string {
  return (
    [...grades].sort((a, b) => b.min - a.min).find((g) => total >= g.min)?.label ?? (grades.at(-1)?.label as string)
  );
}

/** Share of points a qualitative completion earns (1 = full), or null when the words say nothing known. */
export function qualitativeShare(text: string): number | null {
  const t = key(text);
  const bands = framework.qualitative.bands as Record<string, number>;
  if (bands[t] !== undefined) return bands[t] as number;
  if (NEGATION.test(t)) return PARTIAL.test(t) ? 0.5 : 0;
  return framework.qualitative.full.some((w) => t.includes(key(w))) ? 1 : null;
}
