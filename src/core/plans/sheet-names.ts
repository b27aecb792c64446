/**
 * Sheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe,
 * not "History" (reserved), and unique regardless of case ("Sheet1" and "sheet1" clash). A project name copied from
 * a workbook can break any of these; ExcelJS and Excel reject such a name with an exception.
 */
export const MAX_SHEET_NAME = 31;
const INVALID = new Set(['[', ']', ':', '*', '?', '/', '\\']);
const RESERVED = 'history';

/** `name` made valid (characters dropped, apostrophes trimmed, cut to 31); `fallback` when nothing is left. */
export function validSheetName(name: string, fallback = '工作表'): string {
  let s = '';
  for (const ch of name) if (!INVALID.has(ch) && ch >= ' ') s += ch;
  s = trimApostrophes(s);
  if (s.length > MAX_SHEET_NAME) s = trimApostrophes(cutUnits(s, MAX_SHEET_NAME));
  return s && s.toLowerCase() !== RESERVED ? s : fallback;
}

/** The first `max` UTF-16 units, never half of a surrogate pair. */
function cutUnits(s: string, max: number): string {
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function trimApostrophes(s: string): string {
  let start = 0;
  let end = s.length;
  const skip = (ch: string | undefined) => ch === "'" || (ch !== undefined && /\s/.test(ch));
  while (start < end && skip(s[start])) start++;
  while (end > start && skip(s[end - 1])) end--;
  return s.slice(start, end);
}

/** A valid name not yet taken (case-insensitively): `base`, else "base (2)", "base (3)", … cut to fit 31 characters. */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const name = validSheetName(base);
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${validSheetName(cutUnits(name, MAX_SHEET_NAME - suffix.length))}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
