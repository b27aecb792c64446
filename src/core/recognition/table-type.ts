import tableTypes from '../../data/table-types.json';
import { normalizeLabel } from '../text/normalize';
import { memoize } from '../util/collections';
import type { ColumnInfo } from './column-roles';
import { tableTypeId, type TableType } from './table-type-registry';
import { TRAILING_UNIT } from './vocabulary';
import { PATTERNS } from '../text/patterns';

export type { TableType } from './table-type-registry';

/* Stage 5 — the table type from its title (strong cue) or its sheet name (weak cue); "unknown" when neither says. */

interface CompiledRule {
  readonly type: TableType;
  readonly all: readonly RegExp[];
  readonly unless: readonly RegExp[];
}

const RULES: readonly CompiledRule[] = tableTypes.rules.map((r) => ({
  type: tableTypeId(r.type),
  all: r.all.map((p) => new RegExp(p)),
  unless: ((r as { unless?: string[] }).unless ?? []).map((p) => new RegExp(p)),
}));

const TITLE_YEAR = new RegExp(PATTERNS.titleYear.source, 'g');

/** A title reduced to its wording: no year, numbering, brackets, unit or "（续）". Once per distinct text. */
export const normalizeTitle: (title: string) => string = memoize((title) =>
  normalizeLabel(title)
    .replace(TRAILING_UNIT, '')
    .replace(TITLE_YEAR, '')
    .replace(PATTERNS.titleLeadingNumber, '')
    .replace(PATTERNS.titleEnumeration, '')
    .replace(PATTERNS.titleContinued, '')
    .replace(PATTERNS.titleTrailingNumber, '')
    .replace(/[()[\]]/g, ''),
);

/** The table type a title (or a sheet name) names; once per distinct text (titles recur sheet after sheet). */
export const typeFromText: (text: string) => TableType = memoize((text) => {
  const t = normalizeTitle(text);
  for (const rule of RULES) {
    if (rule.all.every((p) => p.test(t)) && !rule.unless.some((p) => p.test(t))) return rule.type;
  }
  return 'unknown';
});

export interface TypeDecision {
  readonly type: TableType;
  /** Where the decision came from. */
  readonly source: 'title' | 'sheet' | 'header' | 'numbers' | 'none';
}

interface HeaderRule extends CompiledRule {
  readonly codes?: 'function' | 'economic';
  readonly blocks?: number;
}

const HEADER_RULES: readonly HeaderRule[] = tableTypes.headerRules.rules.map((r) => {
  const rule = r as { codes?: 'function' | 'economic'; blocks?: number; unless?: string[] };
  return {
    type: tableTypeId(r.type),
    all: r.all.map((p) => new RegExp(p)),
    unless: (rule.unless ?? []).map((p) => new RegExp(p)),
    ...(rule.codes ? { codes: rule.codes } : {}),
    ...(rule.blocks ? { blocks: rule.blocks } : {}),
  };
});

/**
 * The type a table's header names when it has no title: its column labels, the classification of its code columns and
 * its side-by-side blocks, against src/data/table-types.json headerRules. Only when exactly one type's rule matches;
 * a header several types print alike is no evidence.
 */
export function typeFromHeader(columns: readonly ColumnInfo[]): TableType {
  const types = new Set(matching(HEADER_RULES, columns).map((r) => r.type));
  return types.size === 1 ? ([...types][0] as TableType) : 'unknown';
}

interface SharedHeaderRule extends Omit<HeaderRule, 'type'> {
  readonly types: readonly TableType[];
}

const SHARED_RULES: readonly SharedHeaderRule[] = tableTypes.headerRules.shared.map((r) => {
  const rule = r as { codes?: 'function' | 'economic'; blocks?: number; unless?: string[] };
  return {
    types: r.types.map(tableTypeId),
    all: r.all.map((p) => new RegExp(p)),
    unless: (rule.unless ?? []).map((p) => new RegExp(p)),
    ...(rule.codes ? { codes: rule.codes } : {}),
    ...(rule.blocks ? { blocks: rule.blocks } : {}),
  };
});

/**
 * The tables a header several of them print alike may be (headerRules.shared), when no rule of one table matches it:
 * the candidates the review decides between by the numbers. Empty when the header is no such shared one.
 */
export function sharedHeaderTypes(columns: readonly ColumnInfo[]): readonly TableType[] {
  if (matching(HEADER_RULES, columns).length > 0) return [];
  return [...new Set(matching(SHARED_RULES, columns).flatMap((r) => r.types))];
}

function matching<R extends Omit<HeaderRule, 'type'>>(rules: readonly R[], columns: readonly ColumnInfo[]): R[] {
  const labels = columns
    .filter((c) => c.role !== 'empty')
    .map((c) => c.label)
    .join('|');
  const codes = new Set(columns.map((c) => c.classification).filter((x) => x !== undefined));
  const blocks = new Set(columns.map((c) => c.block)).size;
  return rules.filter(
    (rule) =>
      (!rule.codes || codes.has(rule.codes)) &&
      (!rule.blocks || blocks === rule.blocks) &&
      rule.all.every((p) => p.test(labels)) &&
      !rule.unless.some((p) => p.test(labels)),
  );
}

export function classifyTable(title: string | null, sheetName: string): TypeDecision {
  if (title) {
    const type = typeFromText(title);
    if (type !== 'unknown') return { type, source: 'title' };
  }
  const bySheet = typeFromText(sheetName.endsWith('表') ? sheetName : `${sheetName}表`);
  if (bySheet !== 'unknown') return { type: bySheet, source: 'sheet' };
  return { type: 'unknown', source: 'none' };
}

/** 预算 or 决算, from the words of a text; once per distinct text. */
export const reportKindOf: (text: string) => 'budget' | 'final' | null = memoize((text) => {
  const t = normalizeLabel(text);
  if (tableTypes.kindWords.final.some((w) => t.includes(w))) return 'final';
  if (tableTypes.kindWords.budget.some((w) => t.includes(w))) return 'budget';
  return null;
});
