import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleMeta } from '../../src/core';
import { DEFAULT_SETTINGS } from '../../src/platform/types';
import { ReviewSession } from '../../src/taskpane/engine/session';

/**
 * What the review engine answers for the pane beyond the review itself, so that the pane's thread needs neither the
 * readers, the catalogs nor the report renderer: a catalog import from the file's bytes, the HTML report, the names
 * of the table types found.
 */
const SAMPLE = join(__dirname, '../../assets/samples/sample-budget.xlsx');

describe('the review session answers the pane', () => {
  it('imports an official catalog from an .xlsx file’s bytes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('功能分类');
    ws.addRows([
      ['2024年政府收支分类科目（支出功能分类）', null],
      ['科目编码', '科目名称'],
      ['208', '社会保障和就业支出'],
      ['20805', '行政事业单位养老支出'],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const catalogs = new ReviewSession().importCatalog(bytes, '2024科目.xlsx');
    const fn = catalogs.find((c) => c.classification === 'function');
    expect(Object.keys(fn?.sources ?? {})).toEqual(['导入：2024科目.xlsx']);
    expect(fn?.entries.map((e) => [e.code, e.versions[0]?.name, e.versions[0]?.validFrom])).toEqual([
      ['208', '社会保障和就业支出', 2024],
      ['20805', '行政事业单位养老支出', 2024],
    ]);
  });

  it('renders the HTML report with rules named by their Chinese titles, and names the table types found', () => {
    const session = new ReviewSession();
    session.loadBytes(new Uint8Array(readFileSync(SAMPLE)), 'sample-budget.xlsx');
    const summary = session.review(DEFAULT_SETTINGS);
    expect(summary.typeNames).toMatchObject({ income_expenditure_summary: '收支总表', income_summary: '收入总表' });
    expect(Object.keys(summary.typeNames).sort()).toEqual([...new Set(summary.tables.map((t) => t.type))].sort());
    const html = session.htmlReport();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(summary.rules.length).toBeGreaterThan(0);
    const rule = summary.rules[0] as string;
    expect(html).toContain(ruleMeta(rule)?.title.zh);
  });
});
