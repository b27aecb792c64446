import synonyms from '../../data/name-synonyms.json';
import { normalizeLabel, stripEnumeration } from '../text/normalize';

/** Shortest first: the fold a regex `(.{2,})(?:…)$` would make, without its quadratic backtracking on long text. */
const FOLDED_SUFFIXES = [...synonyms.foldedSuffixes].sort((a, b) => a.length - b.length);

function foldSuffix(key: string): string {
  for (const suffix of FOLDED_SUFFIXES)
    if (key.endsWith(suffix) && key.length - suffix.length >= 2) return key.slice(0, key.length - suffix.length);
  return key;
}

/**
 * The comparison key of a classification name: normalised, without "八、" or "（十）" prefixes, ASCII brackets, and
 * without an ending offices drop (社会保障和就业支出 = 社会保障和就业).
 */
export function nameKey(name: string): string {
  const key = stripEnumeration(normalizeLabel(name)).replace(/（/g, '(').replace(/）/g, ')');
  return foldSuffix(key);
}

const CANONICAL = new Map<string, string>();
for (const group of synonyms.groups) {
  const first = nameKey(group[0] as string);
  for (const n of group) CANONICAL.set(nameKey(n), first);
}

/** The key a name is compared by, synonyms folded together (城镇职工基本医疗保险缴费 = 职工基本医疗保险缴费). */
const MEMO = new Map<string, string>();

export function canonicalName(name: string): string {
  let key = MEMO.get(name);
  if (key === undefined) {
    const k = nameKey(name);
    key = CANONICAL.get(k) ?? k;
    if (MEMO.size > 50_000) MEMO.clear();
    MEMO.set(name, key);
  }
  return key;
}

export function sameName(a: string, b: string): boolean {
  return canonicalName(a) === canonicalName(b);
}
