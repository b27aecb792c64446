/**
 * A field as Excel reads it back: quoted when it holds a separator, and text that Excel would take for a formula
 * (= + - @, tab, carriage return first: a file named "=HYPERLINK(…).xlsx") neutralised by a leading apostrophe.
 */
export const csvField = (v: string | number | null): string => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // A plain signed number ("-0.10") stays a number; anything else starting so is text Excel must not evaluate.
  const s = /^[=+\-@\t\r]/.test(v) && !/^[-+]?\d[\d,]*(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A CSV Excel opens with its Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, every field as above. */
export const csvText = (rows: readonly (readonly (string | number | null)[])[]): string =>
  '\ufeff' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
