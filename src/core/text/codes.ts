import codeWords from '../../data/code-words.json';
import type { Cell } from '../snapshot/types';
import { toHalfWidth } from './normalize';
import { memoize } from '../util/collections';
import { PATTERNS } from './patterns';

/**
 * Classification codes as they appear in cells: 2080505 (支出功能分类 类/款/项 = 3/5/7 digits), 30101 (部门预算支出经济分类
 * 类/款 = 3/5 digits), 50101 (政府预算支出经济分类), stored as numbers or text, alone or followed by a name
 * ("2080505-机关事业单位…", "2080505 机关…", "[2080505]机关…").
 */
export type Classification = 'function' | 'economic' | 'government_economic' | 'revenue';

export interface ParsedCode {
  readonly code: string;
  readonly classification: Classification;
  /** A name written in the same cell after the code, if any. */
  readonly name?: string;
}

/** Which classification a digit string belongs to, by its first digit and length; null if it cannot be one. */
export function classifyCode(digits: string): Classification | null {
  const len = digits.length;
  const first = digits[0];
  if (first === '2' && (len === 3 || len === 5 || len === 7)) return 'function';
  if (first === '3' && (len === 3 || len === 5)) return 'economic';
  if (first === '5' && (len === 3 || len === 5)) return 'government_economic';
  if (first === '1' && (len === 3 || len === 5 || len === 7)) return 'revenue';
  return null;
}

/** Level of a code within its classification: 1 = 类, 2 = 款, 3 = 项. */
export function codeLevel(code: string): 1 | 2 | 3 {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

/** The parent code (20805 → 208), or null for a 类. */
export function parentCode(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}

type Level = 'class' | 'section' | 'item';
const LEVEL_OF_WORD = new Map<string, Level>(
  (Object.entries(codeWords.levelWords) as [Level, string[]][]).flatMap(([level, words]) =>
    words.map((w) => [w, level] as const),
  ),
);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEVEL_WORD = [...LEVEL_OF_WORD.keys()].map(escape).join('|');
/** A level word before the digits ("类208", "款：05") or after them ("05款"), and what follows. */
const LEVEL_BEFORE = new RegExp(`^(${LEVEL_WORD})[:：\\s]*(?=\\d)`);
const LEVEL_AFTER = new RegExp(`^(\\d+)(${LEVEL_WORD})(?=\\s|$)`);
/** Digits of a code part, or code digits, per level: 类 208; 款 05 or 20805; 项 01 or 2080501. */
const LEVEL_DIGITS: Record<Level, readonly number[]> = { class: [3], section: [2, 5], item: [2, 7] };

/**
 * A code or code part written with its level word ("类208", "款05", "05款", "项 2080501 机关…"): the text without the
 * word, when the digits have that level's length; else the text as it is (a word that contradicts its digits is not
 * read away).
 */
export function withoutLevelWord(text: string): string {
  const before = LEVEL_BEFORE.exec(text);
  if (before) {
    const rest = text.slice(before[0].length);
    const digits = /^\d+/.exec(rest)?.[0] ?? '';
    const level = LEVEL_OF_WORD.get(before[1] as string) as Level;
    return LEVEL_DIGITS[level].includes(digits.length) ? rest : text;
  }
  const after = LEVEL_AFTER.exec(text);
  if (after) {
    const level = LEVEL_OF_WORD.get(after[2] as string) as Level;
    return LEVEL_DIGITS[level].includes((after[1] as string).length)
      ? (after[1] as string) + text.slice(after[0].length)
      : text;
  }
  return text;
}

/** A separator a converter or typist leaves after a code part's digits ("201.", "05、", "01 ,"): not part of the code. */
const TRAILING_SEPARATOR = /(?<=\d)\s*[.,、:;]+\s*$/;

/**
 * The digits of a code part as written, without its level word ("类208") or a trailing separator ("201.", "05、"),
 * over the half-width text; the text as it is when neither is there.
 */
export function bareCodePart(text: string): string {
  return withoutLevelWord(toHalfWidth(text).trim()).replace(TRAILING_SEPARATOR, '');
}

const UNIT_WORDS = PATTERNS.unitWord;
const CODE_WITH_NAME = /^[[(（【]?(\d{3,7})[\])）】]?\s*[-—_:：.、\s]?\s*(\D.*)?$/;

/** Parses a cell holding a full code, optionally followed by its name. */
export function parseCodeCell(cell: Cell | undefined): ParsedCode | null {
  if (!cell) return null;
  const v = cell.value;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v <= 0) return null;
    const digits = String(v);
    const classification = classifyCode(digits);
    return classification ? { code: digits, classification } : null;
  }
  if (typeof v !== 'string') return null;
  return parseCodeText(v);
}

/** A code stored as a number with a decimal format and exported as its displayed text ("201.00", "2010301.00"). */
const ZERO_DECIMALS = /^(\d{3,7})\.0+$/;
const TRAILING_ZERO_DECIMALS = /(?<=\d)\.0+$/;

/**
 * "208-05-05", "208.05.05", "208 05 05" → "2080505" (the parts of a code written with separators). No 款 or 项 is 00:
 * "201.00" is a number with two decimals, not 201-00.
 */
const SEPARATED = /^(\d{3})[-.\s](?!00)(\d{2})(?:[-.\s](?!00)(\d{2}))?(?=\D|$)/;

/** A code written as text (with a name after it, or not); once per distinct text, as codes repeat unit after unit. */
export const parseCodeText: (raw: string) => ParsedCode | null = memoize(parseCodeTextOnce);

function parseCodeTextOnce(raw: string): ParsedCode | null {
  const text = withoutLevelWord(toHalfWidth(raw).trim()).replace(
    SEPARATED,
    (_, a: string, b: string, c?: string) => a + b + (c ?? ''),
  );
  if (!text || !/^[[(（【]?\d/.test(text)) return null;
  const zeroDecimals = ZERO_DECIMALS.exec(text);
  if (zeroDecimals) {
    const digits = zeroDecimals[1] as string;
    const classification = classifyCode(digits);
    return classification ? { code: digits, classification } : null;
  }
  const m = CODE_WITH_NAME.exec(text);
  if (!m) return null;
  const digits = m[1] ?? '';
  const classification = classifyCode(digits);
  if (!classification) return null;
  const name = m[2]?.trim();
  // "2080505元", "2021年" or "208.5" are not codes: a name starts with a CJK character or letter and is not a unit.
  if (name !== undefined && name !== '' && (!/^[\u4e00-\u9fffA-Za-z]/.test(name) || UNIT_WORDS.test(name))) return null;
  return name ? { code: digits, classification, name } : { code: digits, classification };
}

/**
 * A relative code part from a split 类/款/项 column: 类 = 3 digits ("205"), 款/项 = 2 digits ("02", 5 → "05").
 * Returns the digits padded to the part's width, or null.
 */
export function parseCodePart(cell: Cell | undefined, part: 'class' | 'section' | 'item'): string | null {
  if (!cell) return null;
  const v = cell.value;
  let digits: string;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return null;
    digits = String(v);
  } else if (typeof v === 'string') {
    digits = bareCodePart(v).replace(TRAILING_ZERO_DECIMALS, '');
    if (!/^\d{1,7}$/.test(digits)) return null;
  } else return null;
  const width = part === 'class' ? 3 : 2;
  if (digits.length > width) {
    // Some templates repeat the full code in a part column (20502 under 款): keep its last digits.
    return digits.length === width + (part === 'class' ? 0 : part === 'section' ? 3 : 5) ? digits.slice(-width) : null;
  }
  return digits.padStart(width, '0');
}
