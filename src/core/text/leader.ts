/**
 * Dot leaders and page numbers after a 目录 entry ("一般公共预算支出表…………12"), removed before the entry is read as a
 * title. Exactly what `/[F\s]{2,}[\d\s]*$|[D]+\d*$/` removes (F: leader characters, D: dots), computed in one pass from
 * the end: that regex backtracks quadratically (cubically on spaces) on a long line, and a cell holds 32,767 characters.
 */
const LEADER = new Set(['.', '…', '·', '．', '_', '—', '-']);
const DOTS = new Set(['.', '…', '·', '．']);
const isSpace = (ch: string) => /\s/.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** Start of the trailing run of characters satisfying `test` before `end`. */
function runStart(text: string, end: number, test: (ch: string) => boolean): number {
  let i = end;
  while (i > 0 && test(text[i - 1] as string)) i--;
  return i;
}

/** Where the leader starts, or -1 when the text has none. */
function leaderStart(text: string): number {
  const n = text.length;
  const isLeaderOrSpace = (ch: string) => LEADER.has(ch) || isSpace(ch);
  let start = -1;
  // ≥ 2 leader characters or spaces, then digits and spaces to the end.
  const tail = runStart(text, n, (ch) => isDigit(ch) || isSpace(ch));
  let spacesEnd = tail;
  while (spacesEnd < n && isSpace(text[spacesEnd] as string)) spacesEnd++;
  const first = runStart(text, tail, isLeaderOrSpace);
  if (spacesEnd - first >= 2) start = first;
  else {
    // Else the first run of ≥ 2 spaces inside the digits-and-spaces tail.
    for (let i = spacesEnd; i < n;) {
      if (!isSpace(text[i] as string)) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && isSpace(text[j] as string)) j++;
      if (j - i >= 2) {
        start = i;
        break;
      }
      i = j;
    }
  }
  // Or ≥ 1 dot, then digits to the end.
  const digits = runStart(text, n, isDigit);
  if (digits > 0 && DOTS.has(text[digits - 1] as string)) {
    const dots = runStart(text, digits, (ch) => DOTS.has(ch));
    if (start < 0 || dots < start) start = dots;
  }
  return start;
}

export function stripLeader(text: string): string {
  const start = leaderStart(text);
  return start < 0 ? text : text.slice(0, start);
}
