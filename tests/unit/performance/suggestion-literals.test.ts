import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import library from '../../../src/data/performance/indicator-library.json';
import { parseIndicatorValue } from '../../../src/core/performance/indicator-value';

/**
 * Excel parses a typed or `range.values`-written string starting with = + - @ as a formula ("=100%" becomes the
 * number 1, "-项目" a #NAME? error). Every built-in string the add-in inserts into a sheet must therefore not start
 * with one of them, whatever the adapter does to write text as text.
 */
const FORMULA_START = /^[=+\-@]/;

function stringsOf(value: unknown, path: string, out: { path: string; text: string }[]) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) stringsOf(v, `${path}.${k}`, out);
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : [];
  });
}

describe('built-in suggestions hold no value Excel would read as a formula', () => {
  it('no string in the performance data (indicator library, templates) starts with = + - @', () => {
    const offenders = jsonFiles(join(__dirname, '../../../src/data/performance')).flatMap((file) =>
      stringsOf(JSON.parse(readFileSync(file, 'utf8')), file, []).filter((s) => FORMULA_START.test(s.text)),
    );
    expect(offenders).toEqual([]);
  });

  it('the suggested "equal to" targets still read as an equality target', () => {
    const values = [...library.project, ...library.department].map((s) => s.value).filter((v) => v.includes('100'));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values)
      expect(parseIndicatorValue(v)).toMatchObject({ kind: 'numeric', operator: '=', value: '100' });
  });
});
