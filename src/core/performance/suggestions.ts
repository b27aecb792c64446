import library from '../../data/performance/indicator-library.json';

/** The level-3 names of the indicators the add-in suggests on the target sheets it inserts ("（请填写）完成数量"). */
const SUGGESTED = new Map([...library.project, ...library.department].map((s) => [s.level3, s.basis]));
const SUGGESTED_NAMES = new Set(SUGGESTED.keys());

/**
 * An indicator still as the add-in suggested it, without a target: the add-in's own placeholder, reported once per
 * sheet by disclosure.placeholder — not a user's indicator missing its value, and nothing to copy into a self-evaluation.
 */
export const isUnrewrittenSuggestion = (level3: string, target: string | null | undefined): boolean =>
  SUGGESTED_NAMES.has(level3) && !target?.trim();

/** The "建议指标，请按项目填写" mark of a suggested indicator, copied along with it so the sheet still says so. */
export const suggestionMark = (level3: string): string | null => SUGGESTED.get(level3) ?? null;
