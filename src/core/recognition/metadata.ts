import { toHalfWidth } from '../text/normalize';
import { UNIT_PATTERN } from './vocabulary';
import { memoize } from '../util/collections';
import { PATTERNS } from '../text/patterns';

/** Units amounts are stated in. */
export type AmountUnit = '元' | '千元' | '万元' | '亿元';

/** "单位：万元", "金额单位:万元(保留2位)", "单位:元" → the unit, or null. */
export function unitFromText(norm: string): AmountUnit | null {
  const m = UNIT_PATTERN.exec(norm);
  return m ? (m[1] as AmountUnit) : null;
}

/**
 * A fiscal year written in a title or metadata: "2021年", "2021年度", "预算年度：2021". Four digits after a digit and a
 * decimal point or group separator are part of a number ("308.2052", "1,2052" stored as text), not a year.
 */
/** The fiscal year a text names; once per distinct text (workbookFacts reads up to 2,000 texts per sheet). */
export const yearFromText: (text: string) => number | null = memoize((text) => {
  const t = toHalfWidth(text);
  const m = PATTERNS.yearInText.exec(t) ?? PATTERNS.yearLabelled.exec(t);
  return m ? Number(m[1]) : null;
});

/** The most frequent value, ties going to the first seen; null for an empty list. */
export function vote<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
