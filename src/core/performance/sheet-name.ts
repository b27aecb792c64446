import { uniqueSheetName } from '../plans/sheet-names';

/**
 * Sheet names for inserted forms: Excel allows 31 characters and no []:*?/\. A long project name is cut at a clean
 * place — never leaving a bracket open ("（市级配") — and room is kept for a " (2)" suffix.
 */
export const MAX_SHEET_NAME = 31;
const SUFFIX_ROOM = 4;
const OPENING = '（([【《〔「';
const CLOSING: Record<string, string> = {
  '（': '）',
  '(': ')',
  '[': ']',
  '【': '】',
  '《': '》',
  '〔': '〕',
  '「': '」',
};

const strip = (s: string) => s.replace(/[[\]:*?/\\]/g, '').trim();

/** `text` cut to at most `max` characters, before any bracket the cut would leave open; trailing separators dropped. */
export function cutClean(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const open: number[] = [];
  for (let i = 0; i < cut.length; i++) {
    const c = cut[i] as string;
    if (OPENING.includes(c)) open.push(i);
    else if (open.length && CLOSING[cut[open[open.length - 1] as number] as string] === c) open.pop();
  }
  const tidy = (t: string) => t.replace(/[-_、，,.。·\s]+$/, '');
  const at = open[0];
  if (at === undefined) return tidy(cut);
  // Before the bracket when that keeps most of the name; else the bracket is closed after an ellipsis, so that
  // "上年结转（医疗服务与保障能力提升补助资金…）" does not shrink to a meaningless "上年结转".
  if (at >= max / 2 || open.length > 1) return tidy(cut.slice(0, at));
  return `${tidy(text.slice(0, max - 2))}…${CLOSING[text[at] as string] ?? ''}`;
}

/**
 * A sheet name from a template such as "绩效目标-{项目简称}": the fixed part kept, the name cut cleanly to fit, and a
 * free " (n)" suffix when the name is taken.
 */
export function formSheetName(template: string, name: string, existing: readonly string[]): string {
  const fixed = strip(template.replace('{项目简称}', ''));
  const room = MAX_SHEET_NAME - SUFFIX_ROOM - fixed.length;
  const base = strip(template.replace('{项目简称}', cutClean(strip(name), Math.max(1, room))));
  // Valid (no leading/trailing apostrophe, not "History") and free regardless of case, as Excel requires.
  return uniqueSheetName(existing, base);
}
