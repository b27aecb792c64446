/**
 * A pull tokenizer for the XML of SpreadsheetML parts: one forward pass, no tree, no regular expression over the
 * document. Element and attribute names are given without their namespace prefix, so `x:c` and `c`, transitional and
 * strict OOXML read alike (the parts' vocabularies do not clash within the elements we interpret). Comments,
 * processing instructions and the DOCTYPE are skipped (no entity of a DTD is ever expanded); CDATA is text.
 */

export const Token = { End: 0, Open: 1, Close: 2, Text: 3 } as const;
export type Token = (typeof Token)[keyof typeof Token];

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;
const LBRACKET = 91;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

export class XmlScanner {
  private pos = 0;
  /** Local name of the element just opened or closed. */
  name = '';
  /** The element just opened closes itself (`<c r="A1"/>`): no Close token follows. */
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;

  constructor(private readonly src: string) {}

  next(): Token {
    const src = this.src;
    const length = src.length;
    for (;;) {
      const at = this.pos;
      if (at >= length) return Token.End;
      if (src.charCodeAt(at) !== LT) {
        let end = src.indexOf('<', at);
        if (end < 0) end = length;
        this.textStart = at;
        this.textEnd = end;
        this.cdata = false;
        this.pos = end;
        return Token.Text;
      }
      const c = src.charCodeAt(at + 1);
      if (c === SLASH) {
        const end = src.indexOf('>', at + 2);
        if (end < 0) throw new Error(`XML 未结束的标签（unterminated tag at ${at}）`);
        this.name = localName(src, at + 2, end);
        this.pos = end + 1;
        return Token.Close;
      }
      if (c === BANG) {
        if (src.startsWith('<![CDATA[', at)) {
          const end = src.indexOf(']]>', at + 9);
          if (end < 0) throw new Error('XML 未结束的 CDATA');
          this.textStart = at + 9;
          this.textEnd = end;
          this.cdata = true;
          this.pos = end + 3;
          return Token.Text;
        }
        this.pos = src.startsWith('<!--', at) ? skipPast(src, at + 4, '-->') : skipDeclaration(src, at + 2);
        continue;
      }
      if (c === QUESTION) {
        this.pos = skipPast(src, at + 2, '?>');
        continue;
      }
      // Start tag: the name, then attributes up to the first '>' outside quotes.
      let i = at + 1;
      while (i < length) {
        const ch = src.charCodeAt(i);
        if (isSpace(ch) || ch === GT || ch === SLASH) break;
        i++;
      }
      this.name = localName(src, at + 1, i);
      this.attrStart = i;
      while (i < length) {
        const ch = src.charCodeAt(i);
        if (ch === QUOTE || ch === APOS) {
          const close = src.indexOf(ch === QUOTE ? '"' : "'", i + 1);
          if (close < 0) break;
          i = close + 1;
          continue;
        }
        if (ch === GT) break;
        i++;
      }
      if (i >= length) throw new Error(`XML 未结束的标签（unterminated tag at ${at}）`);
      this.selfClosing = src.charCodeAt(i - 1) === SLASH;
      this.attrEnd = this.selfClosing ? i - 1 : i;
      this.pos = i + 1;
      return Token.Open;
    }
  }

  /** The value of the current start tag's attribute with this local name (`r:id` is `id`), decoded. */
  attr(local: string): string | undefined {
    const at = this.find(local);
    if (at < 0) return undefined;
    const src = this.src;
    const valueEnd = this.valueEnd;
    // One-character values (t="s", s="0", hidden="1") without a new string each time.
    if (valueEnd === at + 1) {
      const one = ONE_CHAR[src.charCodeAt(at)];
      if (one !== undefined) return one;
    }
    return decodeEntities(normaliseAttribute(src.slice(at, valueEnd)));
  }

  /**
   * The attribute read as a cell reference's 0-based column (`AB12` → 27, -1 without letters) in place, no string
   * made; `undefined` when absent. A value that is not plain letters and digits is decoded first, as attr() would.
   */
  attrColumn(local: string): number | undefined {
    const at = this.find(local);
    if (at < 0) return undefined;
    const src = this.src;
    const end = this.valueEnd;
    let column = 0;
    let i = at;
    for (; i < end; i++) {
      const c = src.charCodeAt(i) & ~32;
      if (c < 65 || c > 90) break;
      column = column * 26 + (c - 64);
    }
    const letters = i - at;
    while (i < end && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
    if (i !== end) return columnOfText(this.attr(local)!);
    return letters === 0 ? -1 : column - 1;
  }

  /** The attribute as parseInt(value, 10) reads it, in place when it is plain digits; `undefined` when absent. */
  attrInt(local: string): number | undefined {
    const at = this.find(local);
    if (at < 0) return undefined;
    const src = this.src;
    const end = this.valueEnd;
    if (end > at && end - at <= 15) {
      let n = 0;
      let i = at;
      for (; i < end; i++) {
        const c = src.charCodeAt(i);
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      if (i === end) return n;
    }
    return parseInt(this.attr(local)!, 10);
  }

  private valueEnd = 0;

  /** Where the value of the attribute with this local name starts (its end in valueEnd), or -1. */
  private find(local: string): number {
    const src = this.src;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(src.charCodeAt(i))) i++;
      if (i >= end) return -1;
      const nameStart = i;
      while (i < end && src.charCodeAt(i) !== EQUALS && !isSpace(src.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < end && src.charCodeAt(i) !== QUOTE && src.charCodeAt(i) !== APOS) i++;
      if (i >= end) return -1;
      const quote = src.charCodeAt(i);
      const valueStart = i + 1;
      const valueEnd = src.indexOf(quote === QUOTE ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > end) return -1;
      i = valueEnd + 1;
      if (isLocalName(src, nameStart, nameEnd, local)) {
        this.valueEnd = valueEnd;
        return valueStart;
      }
    }
    return -1;
  }

  /** The current text token, entities decoded and line ends normalised as an XML parser must. */
  text(): string {
    const raw = this.src.slice(this.textStart, this.textEnd);
    return this.cdata ? normaliseLineEnds(raw) : decodeEntities(normaliseLineEnds(raw));
  }

  /** Skips the rest of the element just opened (its content and its end tag). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === Token.End) return;
      if (t === Token.Open && !this.selfClosing) depth++;
      else if (t === Token.Close && --depth === 0) return;
    }
  }
}

function localName(src: string, start: number, end: number): string {
  let e = end;
  while (e > start && isSpace(src.charCodeAt(e - 1))) e--;
  let from = e;
  while (from > start && src.charCodeAt(from - 1) !== 58) from--; // ':' ends the prefix
  if (from <= start) from = start;
  // The elements of every cell (c, v, f, row, is, t, r) are named without a new string each time.
  const length = e - from;
  if (length === 1) {
    const one = COMMON_ONE[src.charCodeAt(from)];
    if (one !== undefined) return one;
  } else if (length === 3 && src.startsWith('row', from)) return 'row';
  else if (length === 2 && src.startsWith('is', from)) return 'is';
  return src.slice(from, e);
}

const ONE_CHAR: (string | undefined)[] = [];
for (let c = 32; c < 127; c++) if (c !== 38 && c !== 60) ONE_CHAR[c] = String.fromCharCode(c); // not & or <

/** 0-based column of a reference's letters ("AB12" → 27), or -1 when it has none. */
export function columnOfText(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** 0-based row of a reference's digits after its letters ("AB12" → 11); NaN when it has none. */
export function rowOfText(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return parseInt(ref.slice(i), 10) - 1;
}

const COMMON_ONE: (string | undefined)[] = [];
for (const name of ['c', 'v', 'f', 't', 'r']) COMMON_ONE[name.charCodeAt(0)] = name;

/** Whether the name written at [start, end) has this local name (after its last ':'; `local` has none), unsliced. */
function isLocalName(src: string, start: number, end: number, local: string): boolean {
  let e = end;
  while (e > start && isSpace(src.charCodeAt(e - 1))) e--;
  const from = e - local.length;
  if (from < start || (from > start && src.charCodeAt(from - 1) !== 58)) return false;
  return src.startsWith(local, from);
}

function skipPast(src: string, from: number, terminator: string): number {
  const end = src.indexOf(terminator, from);
  if (end < 0) throw new Error('XML 未结束的注释或处理指令');
  return end + terminator.length;
}

/** `<!DOCTYPE …>` with an optional internal subset in brackets: skipped, never interpreted. */
function skipDeclaration(src: string, from: number): number {
  let i = from;
  let depth = 0;
  for (; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    if (ch === LBRACKET) depth++;
    else if (ch === 93) depth--;
    else if (ch === GT && depth <= 0) return i + 1;
  }
  throw new Error('XML 未结束的声明');
}

function normaliseLineEnds(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** Attribute-value normalisation: literal tabs and line ends are spaces (character references are kept). */
function normaliseAttribute(s: string): string {
  return /[\t\n\r]/.test(s) ? s.replace(/\r\n|[\t\n\r]/g, ' ') : s;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Predefined entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    } else ch = NAMED[ref];
    if (ch !== undefined) {
      out += s.slice(from, amp) + ch;
      from = semi + 1;
    }
    amp = s.indexOf('&', ch !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(from);
}
