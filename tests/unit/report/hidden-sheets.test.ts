import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readXlsxSnapshot } from '../../../src/adapters/xlsx/snapshot-reader';
import { summarise } from '../../../src/cli/summary';
import { renderHtmlReport } from '../../../src/core/report/html';
import { reviewWorkbook } from '../../../src/core/review';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

/**
 * Issue 12 item 5: a hidden sheet is reviewed like any other (the same tables, rows and findings as when it is
 * shown), and every report says that its tables are on a hidden sheet.
 */
const bytes = readFileSync(resolve(__dirname, '../../fixtures/quanzhou-2021-budget.xlsx'));
const shown = readXlsxSnapshot(new Uint8Array(bytes), 'q.xlsx');

function hiding(snapshot: WorkbookSnapshot, names: ReadonlySet<string>): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (names.has(s.name) ? { ...s, hidden: true } : s)) };
}

describe('hidden sheets in the review', () => {
  const typed = reviewWorkbook(shown).report.tables.filter((t) => t.type !== 'unknown');
  const hiddenNames = new Set([typed[0]?.sheet as string, typed[2]?.sheet as string]);
  const plain = reviewWorkbook(shown);
  const hidden = reviewWorkbook(hiding(shown, hiddenNames));

  it('reads the same tables and finds the same things when some sheets are hidden', () => {
    expect(typed.length).toBeGreaterThan(2);
    const strip = (r: typeof plain.report) => ({
      ...r,
      tables: r.tables.map(({ hidden: _h, ...t }) => t),
    });
    expect(strip(hidden.report)).toEqual(strip(plain.report));
  });

  it('marks exactly the tables of the hidden sheets', () => {
    for (const t of hidden.report.tables) expect(t.hidden ?? false).toBe(hiddenNames.has(t.sheet));
    expect(plain.report.tables.some((t) => t.hidden)).toBe(false);
  });

  it('says so in the HTML report and in the CLI table list', () => {
    const html = renderHtmlReport(hidden.report);
    const [first] = [...hiddenNames];
    expect(html).toContain(`<td>${first}<small>（隐藏工作表）</small></td>`);
    expect(renderHtmlReport(plain.report)).not.toContain('隐藏工作表');
    const text = summarise(hidden.workbook, hidden.report, { verbose: true });
    expect(text).toContain(`[${first}（隐藏工作表）]`);
    expect(text.match(/隐藏工作表/g)?.length).toBe(hidden.report.tables.filter((t) => t.hidden).length);
  });
});
