import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../../../src/adapters/xlsx/read-xlsx';
import { reviewWorkbook } from '../../../../src/core/review';
import { narrativeFigures } from '../../../../src/core/rules/disclosure/narrative';
import type { WorkbookSnapshot } from '../../../../src/core/snapshot/types';

/**
 * The Putuo department template's 说明 sheets (../shared/real-workbooks, present on the development machine, not in
 * the repository): what disclosure.narrative reads in them. As published, every amount is a placeholder (x,xxx万元,
 * XXX万元), so nothing is compared; with its placeholders filled in, every item the template quotes in a clause of its
 * own is found — and, the template's tables being blank, recorded as not checked rather than passed.
 */
const FILE = join(
  __dirname,
  '../../../../../shared/real-workbooks/shanghai-putuo-2026-department-budget-disclosure-template.xlsx',
);
const run = existsSync(FILE) ? describe : describe.skip;

run('disclosure.narrative on the Putuo department template’s 说明 sheets', () => {
  let template: WorkbookSnapshot;
  beforeAll(async () => {
    template = await readXlsx(new Uint8Array(readFileSync(FILE)), 'putuo-department-template.xlsx');
  });
  const review = (wb: WorkbookSnapshot) => reviewWorkbook(wb, { ruleSet: [narrativeFigures] }).report;

  it('as published: placeholders only, no figure attributed, no finding', () => {
    const r = review(template);
    expect(r.findings).toEqual([]);
    expect(r.coverage?.identities).toEqual({ closed: 0, failed: 0, notChecked: 0 });
  });

  it('filled in: the fourteen quoted items are found, and not checked against blank tables', () => {
    let n = 0;
    const filled: WorkbookSnapshot = {
      ...template,
      sheets: template.sheets.map((s) => ({
        ...s,
        rows: s.rows.map((row) =>
          row?.map((c) =>
            typeof c?.value === 'string'
              ? { ...c, value: c.value.replace(/x,xxx|XXX|X(?=万元)/g, () => String(100 + n++)) }
              : c,
          ),
        ),
      })),
    };
    const r = review(filled);
    expect(r.findings).toEqual([]);
    const items = (r.coverage?.notChecked ?? []).map((x) => /^说明中的(.+?)“/.exec(x.message)?.[1]);
    expect(items).toEqual([
      '收入总计',
      '财政拨款收入',
      '支出总计',
      '财政拨款支出',
      '一般公共预算财政拨款支出',
      '政府性基金预算财政拨款支出',
      '国有资本经营预算财政拨款支出',
      '“三公”经费',
      '因公出国（境）费',
      '公务用车购置及运行费',
      '公务用车购置费',
      '公务用车运行费',
      '公务接待费',
      '机关运行经费',
    ]);
    expect(r.coverage?.identities).toEqual({ closed: 0, failed: 0, notChecked: 14 });
  });
});
