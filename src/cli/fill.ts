import { randomBytes } from 'node:crypto';
import { readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../adapters/xlsx/input-error';
import { loadXlsx, snapshotOf } from '../adapters/xlsx/read-xlsx';
import {
  planFillSelfEvaluation,
  formsOf,
  targetsOfProjects,
  planSelfEvaluations,
  departmentOf,
  planDepartmentTargets,
  planProjectTargets,
  projectsOf,
  planFillCodes,
  type WritePlan,
  reviewWorkbook,
} from '../core';
import { ExcelJsPlatform } from '../adapters/xlsx/exceljs-platform';
import type { FillOptions } from './args';

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realTarget(path: string): Promise<string | null> {
  const full = resolve(path);
  const real = await realpath(full).catch(() => null);
  if (real) return real;
  const folder = await realpath(dirname(full)).catch(() => null);
  return folder === null ? null : join(folder, basename(full));
}

/** Why `fill` must not write to `out` (a Chinese sentence), or null when it may. */
async function outputProblem(file: string, out: string, bytes: Uint8Array): Promise<string | null> {
  if (extname(out).toLowerCase() !== '.xlsx') return `输出文件须为 .xlsx：${out}（--out must be an .xlsx file）`;
  // ExcelJS drops the VBA project: writing a macro workbook would silently lose its macros.
  if (extname(file).toLowerCase() === '.xlsm' || containsPart(bytes, 'xl/vbaProject.bin'))
    return '这是含宏的工作簿（.xlsm），写入副本会丢失其中的宏，已停止。请在 Excel 中另存为 .xlsx 后再填写（macro workbooks are refused: their macros would be lost）';
  const target = await realTarget(out);
  if (target === null)
    return `输出文件夹不存在：${dirname(resolve(out))}，请先创建该文件夹（output folder does not exist）`;
  const folder = await stat(dirname(target)).catch(() => null);
  if (!folder?.isDirectory()) return `输出位置不是文件夹：${dirname(target)}（output folder is not a folder）`;
  const [outInfo, inInfo] = await Promise.all([stat(target).catch(() => null), stat(file).catch(() => null)]);
  const sameFile = !!outInfo && !!inInfo && outInfo.dev === inInfo.dev && outInfo.ino === inInfo.ino;
  if (sameFile || target === (await realTarget(file)))
    return `输出文件与原文件相同：${out}。请用 --out 指定另一个文件，原文件不会被改写（--out must differ from the input）`;
  return null;
}

/** Whether a zip holds a part of this name (its local or central directory header names it; ASCII names only). */
function containsPart(bytes: Uint8Array, name: string): boolean {
  const needle = Array.from(name, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Writes next to the target and renames over it: an interrupted write never leaves a half-written workbook. */
async function writeAtomically(out: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(resolve(out)), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** `budget-review fill`: derives what it can (codes, self-evaluation scores, target sheets) into a copy of the workbook. */
export async function fill(opts: FillOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(opts.file);
  } catch {
    process.stderr.write(`✗ ${opts.file}: ${new InputError('not_found', opts.file).message}\n`);
    return 2;
  }
  const problem = await outputProblem(opts.file, opts.out, bytes);
  if (problem) {
    process.stderr.write(`✗ ${problem}\n`);
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
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    try {
      await writeAtomically(opts.out, data);
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e);
      process.stderr.write(`✗ 无法写入 ${opts.out}（${reason}），原文件未改动\n`);
      return 2;
    }
    process.stdout.write(`已写入 ${opts.out}（原文件未改动）\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`✗ ${opts.file}: ${e.message}\n`);
    return 2;
  }
}
