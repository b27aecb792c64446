import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Issue 12 item 1: `Excel.run((ctx) => batch(ctx as never))` hid that NoteCollection has no getItemByCell, so the
 * tests passed and Excel failed. The adapter is compiled against @types/office-js (excel-api.ts checks each structural
 * type against the real one); this keeps any cast that could hide a mismatch out of src/platform/office.
 */
const DIR = resolve(__dirname, '../../src/platform/office');
const HIDING = /\bas\s+never\b|\bas\s+unknown\b|\bas\s+any\b|:\s*any\b|<any>|@ts-ignore|@ts-expect-error|@ts-nocheck/;

describe('src/platform/office', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s has no cast that could hide an Office.js mismatch', (file) => {
    const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
    expect(lines.filter((l) => HIDING.test(l))).toEqual([]);
  });

  it('hands the real request context to the adapter as it is', () => {
    const source = readFileSync(join(DIR, 'office-platform.ts'), 'utf8');
    expect(source).toMatch(/Excel\.run\(\(context\) => batch\(context\)\)/);
    expect(readFileSync(join(DIR, 'excel-api.ts'), 'utf8')).toMatch(/Real<Excel\.NoteCollection, ExcelNoteCollection>/);
  });
});
