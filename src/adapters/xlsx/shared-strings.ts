import { Token, XmlScanner } from './xml-scanner';

/**
 * Rich and plain strings of a SpreadsheetML string item (`<si>` of the shared strings, `<is>` of an inline string):
 * the text of its runs, or of its single `<t>`; phonetic guides (`rPh`) are not part of the text.
 */

/** `_xHHHH_` stands for the UTF-16 unit HHHH (how SpreadsheetML writes control characters); `_x005F_` for "_". */
export function decodeEscapes(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    if (at + 6 < s.length && s.charCodeAt(at + 6) === 95 && isUpperHex(s, at + 2)) {
      out += s.slice(from, at) + String.fromCharCode(parseInt(s.slice(at + 2, at + 6), 16));
      from = at + 7;
      at = s.indexOf('_x', from);
    } else at = s.indexOf('_x', at + 1);
  }
  return out + s.slice(from);
}

function isUpperHex(s: string, from: number): boolean {
  for (let i = from; i < from + 4; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/**
 * Reads a string item whose start tag (`si` or `is`) was just returned by the scanner, up to its end tag. Returns
 * undefined for an item with neither runs nor text.
 */
export function readStringItem(sc: XmlScanner, tag: string): string | undefined {
  if (sc.selfClosing) return undefined;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t === Token.Open) {
      if (sc.name === 't') {
        const text = readText(sc);
        if (inRun) (runs ??= []).push(text);
        else plain = text;
      } else if (sc.name === 'r') {
        inRun = !sc.selfClosing;
        runs ??= [];
      } else sc.skipElement();
    } else if (t === Token.Close) {
      if (sc.name === 'r') inRun = false;
      else if (sc.name === tag) break;
    }
  }
  return runs ? runs.join('') : plain;
}

/** The text of a `<t>` element just opened, escapes decoded. */
function readText(sc: XmlScanner): string {
  if (sc.selfClosing) return '';
  let text = '';
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t === Token.Text) text += sc.text();
    else if (t === Token.Close) break;
    else if (t === Token.Open) sc.skipElement();
  }
  return decodeEscapes(text);
}

export function readSharedStrings(xml: string): (string | undefined)[] {
  const strings: (string | undefined)[] = [];
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t !== Token.End; t = sc.next())
    if (t === Token.Open && sc.name === 'si') strings.push(readStringItem(sc, 'si'));
  return strings;
}
