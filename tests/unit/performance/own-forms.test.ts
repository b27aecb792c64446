import { join } from 'node:path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/read-file';
import { formsOf, targetsOfProjects } from '../../../src/core/performance/find-forms';
import { planSelfEvaluations } from '../../../src/core/performance/insert-self-evaluation';
import {
  departmentOf,
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
} from '../../../src/core/performance/insert-targets';
import { applyPlanToSnapshot } from '../../../src/core/plans/apply-to-snapshot';
import { reviewWorkbook } from '../../../src/core/review';

describe('the forms the add-in inserts', () => {
  it('raise no finding of their own beyond one note-worthy line per sheet still holding suggestions', async () => {
    let snap = await readWorkbookFile(join(__dirname, '../../fixtures/quanzhou-2021-budget.xlsx'));
    let review = reviewWorkbook(snap);
    const projects = projectsOf(snap, review.workbook, review.mapping);
    const dept = departmentOf(snap, review.workbook);
    expect(dept.name).toBe('泉州市医疗保障局');
    const names = () => snap.sheets.map((s) => s.name);
    const year = review.workbook.fiscalYear;
    snap = applyPlanToSnapshot(
      snap,
      planProjectTargets(projects, { year, department: dept.name, existingSheets: names() }),
    );
    snap = applyPlanToSnapshot(snap, planDepartmentTargets(dept, projects, { year, existingSheets: names() }));
    review = reviewWorkbook(snap);
    const pairs = targetsOfProjects(snap, formsOf(snap, review.workbook), projects);
    snap = applyPlanToSnapshot(
      snap,
      planSelfEvaluations(pairs, { year, department: dept.name, existingSheets: names() }),
    );
    const added = new Set(names().filter((n) => /^(绩效|部门整体)/.test(n)));
    const own = reviewWorkbook(snap).report.findings.filter((f) => f.severity !== 'info' && added.has(f.sheet));
    // Per sheet at most the one "suggestions not yet rewritten" line; nothing about the department form's funds.
    const bySheet = new Map<string, string[]>();
    for (const f of own) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f.message]);
    for (const [, messages] of bySheet) {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/本助手插入的建议指标未改写/);
    }
    expect(
      reviewWorkbook(snap).report.findings.filter((f) => /张项目支出绩效目标表的资金总额/.test(f.message)),
    ).toEqual([]);
  });
});
