import columnRoles from '../../data/column-roles.json';
import rowVocabulary from '../../data/row-vocabulary.json';

/** Compiled vocabularies from the data files (compiled once; matching is on normalised labels). */
const compile = (patterns: readonly string[]): RegExp => new RegExp(patterns.map((p) => `(?:${p})`).join('|'));

export const META_PATTERN = compile(rowVocabulary.meta);
export const NOTE_PATTERN = compile(rowVocabulary.notes);
export const TOTAL_PATTERN = compile(rowVocabulary.totals);
export const UNIT_PATTERN = new RegExp(rowVocabulary.unitPattern);
/** The unit of amounts written at the end of a title ("收入决算表（单位：万元）"): a statement about the amounts. */
export const TRAILING_UNIT = new RegExp(`\\(?${rowVocabulary.unitPattern}\\)?$`);
/** How a table's name ends (…表, …表(续)): title-like lines, and the line that closes a wrapped title. */
export const TITLE_ENDING = new RegExp(rowVocabulary.titleEnding.pattern);
export const ITEMISED_PARENT = new RegExp(rowVocabulary.itemisedBy.parent);
export const ITEMISED_CHILD = new RegExp(rowVocabulary.itemisedBy.child);
export const LINE_NO_LABELS = new Set(rowVocabulary.lineNoLabels);
export const HEADER_TERMS = compile(columnRoles.headerTerms);
export const PAGE_NUMBER_PATTERN = new RegExp(rowVocabulary.pageNumbers.patterns.map((p) => `(?:${p})`).join('|'), 'i');
export const CONTINUATION_MARK_PATTERN = compile(rowVocabulary.continuationMarks.patterns);
