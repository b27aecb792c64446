/**
 * Text normalisation for matching labels written by hand: full-width forms, stray spaces ("合 计", "项  目"),
 * curly quotes (“三公”), Chinese brackets and colons.
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space → their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const QUOTES = /[“”‘’"'「」『』]/g;
const WHITESPACE = /[\s\u00a0\u3000]+/g;

/** A label reduced for comparison: half-width, no whitespace, no quotes, ASCII brackets and colons. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(WHITESPACE, '')
    .replace(QUOTES, '')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .replace(/：/g, ':');
}

/** Leading enumeration such as "一、", "（十）", "1、", "2.", "(1)", "其中：" removed. */
export function stripEnumeration(label: string): string {
  return (
    label
      .replace(/^其中[:：]?/, '')
      // An enumeration has brackets or a separator: the 一 of 一般公共服务支出 is part of the word.
      .replace(/^(?:[(（][一二三四五六七八九十百]+[)）][、.．]?|[一二三四五六七八九十百]+[、.．])/, '')
      .replace(/^(?:[(（]\d{1,3}[)）][、.．]?|\d{1,3}[、.．](?!\d))/, '')
      .replace(/^[:：]/, '')
  );
}
