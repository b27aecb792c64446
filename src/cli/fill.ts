import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../adapters/xlsx/input-error';
import { loadXlsx, snapshotOf } from '../adapters/xlsx/read-xlsx';
import { planFillSelfEvaluation } from '../core/performance/fill-in-place';
import { formsOf, targetsOfProjects } from '../core/performance/find-forms';
import { planSelfEvaluations } from '../core/performance/insert-self-evaluation';
import {
  departmentOf,
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
} from '../core/performance/insert-targets';
import { planFillCodes } from '../core/plans/fill-codes';
import type { WritePlan } from '../core/plans/types';
import { reviewWorkbook } from '../core/review';
import { ExcelJsPlatform } from '../platform/exceljs/exceljs-platform';
import type { FillOptions } from './args';

/** `budget-review fill`: derives what it can (codes, self-evaluation scores, target sheets) into a copy of the workbook. */
export async function fill(opts: FillOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(opts.file);
  } catch {
    process.stderr.write(`✗ ${opts.file}: ${new InputError('not_found', opts.file).message}\n`);
    return 2;
  }
  try {
    const name = basename(opts.file);
    const workbook = await loadXlsx(bytes, name);
    const platform = new ExcelJsPlatform(workbook, name, 'zh-CN');
    const snapshot = snapshotOf(workbook, name);
    const review = reviewWorkbook(snapshot);
    const existing = () => workbook.worksheets.map((w) => w.name);
    const plans: WritePlan[] = [];
    if (opts.codes) plans.push(planFillCodes(snapshot, review.workbook, review.mapping));
    if (opts.selfEvaluation) plans.push(planFillSelfEvaluation(snapshot, review.workbook));
    const year = review.workbook.fiscalYear;
    if (opts.targets) {
      const projects = projectsOf(snapshot, review.workbook, review.mapping);
      if (!projects.length) process.stderr.write('未识别到项目支出表，未插入项目绩效目标表\n');
      else
        plans.push(
          planProjectTargets(projects, {
            year,
            department: departmentOf(snapshot, review.workbook).name,
            existingSheets: existing(),
          }),
        );
    }
    for (const plan of plans) {
      await platform.applyPlan(plan);
      process.stdout.write(`${plan.title}：${plan.actions.length} 处\n`);
    }
    if (opts.selfEvaluationSheets) {
      // Self-evaluations copy the indicators of the target sheets as they now stand (including ones just inserted).
      const now = snapshotOf(workbook, name);
      const recognised = reviewWorkbook(now);
      const pairs = targetsOfProjects(
        now,
        formsOf(now, recognised.workbook),
        projectsOf(now, recognised.workbook, recognised.mapping),
      );
      const plan = planSelfEvaluations(pairs, {
        year,
        department: departmentOf(now, recognised.workbook).name,
        existingSheets: existing(),
      });
      await platform.applyPlan(plan);
      process.stdout.write(`${plan.title}\n`);
    }
    if (opts.department) {
      const plan = planDepartmentTargets(
        departmentOf(snapshot, review.workbook),
        projectsOf(snapshot, review.workbook, review.mapping),
        { year, existingSheets: existing() },
      );
      await platform.applyPlan(plan);
      process.stdout.write(`${plan.title}\n`);
    }
    await workbook.xlsx.writeFile(opts.out);
    process.stdout.write(`已写入 ${opts.out}（原文件未改动）\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`✗ ${opts.file}: ${e.message}\n`);
    return 2;
  }
}
