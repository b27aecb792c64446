import { PATTERNS } from './patterns';

/**
 * Text normalisation for matching labels written by hand: full-width forms, stray spaces ("合 计", "项  目"),
 * curly quotes (“三公”), Chinese brackets and colons.
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space → their ASCII forms. */
export function toHalfWidth(text: string): string {
  let i = 0;
  // Most texts have none: returned as they are, without copying them character by character.
  while (i < text.length && !isFullWidth(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const isFullWidth = (code: number) => (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;

/** The whitespace of a regular expression's \s (and U+00A0, U+3000). */
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** “ ” ‘ ’ " ' 「 」 『 』. */
const isQuote = (c: number) =>
  c === 0x201c ||
  c === 0x201d ||
  c === 0x2018 ||
  c === 0x2019 ||
  c === 0x22 ||
  c === 0x27 ||
  (c >= 0x300c && c <= 0x300f);

/**
 * A label reduced for comparison: half-width, no whitespace, no quotes, ASCII brackets (【】 → []) and colons. One
 * pass over the text (it is asked for every text cell), equal to toHalfWidth then removing \s+ and quotes and
 * mapping 【】：; a text with nothing to change is returned as it is.
 */
export function normalizeLabel(text: string): string {
  let out = '';
  let from = 0; // start of the run of characters kept as they are
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let c = code;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    else if (c === 0x3010)
      c = 0x5b; // 【
    else if (c === 0x3011) c = 0x5d; // 】
    const dropped = isSpace(c) || isQuote(c);
    if (!dropped && c === code) continue;
    out += text.slice(from, i);
    if (!dropped) out += String.fromCharCode(c);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Leading enumeration such as "一、", "（十）", "1、", "2.", "(1)", "其中：" removed. */
export function stripEnumeration(label: string): string {
  return (
    label
      .replace(PATTERNS.ofPrefix, '')
      // An enumeration has brackets or a separator: the 一 of 一般公共服务支出 is part of the word.
      .replace(PATTERNS.enumerationNumeral, '')
      .replace(/^(?:[(（]\d{1,3}[)）][、.．]?|\d{1,3}[、.．](?!\d))/, '')
      .replace(/^[:：]/, '')
  );
}
