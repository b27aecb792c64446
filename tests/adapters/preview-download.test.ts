import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExcelJsPlatform, ExcelJsTarget } from '../../src/adapters/xlsx/exceljs-platform';
import { ModelPlatform } from '../../src/adapters/xlsx/model-platform';
import { loadXlsx } from '../../src/adapters/xlsx/read-xlsx';
import { replayedWorkbook, type ReplayedPlan } from '../../src/adapters/xlsx/replay';
import type { PlanTarget } from '../../src/adapters/xlsx/plan-writer';
import { cellAddress, invertPlan, type WritePlan } from '../../src/core';
import { DEFAULT_SETTINGS, type WorkbookPlatform } from '../../src/platform/types';
import { ReviewSession } from '../../src/taskpane/engine/session';
import { defaultFilter } from '../../src/taskpane/finding-filter';

/**
 * 下载工作簿 without an ExcelJS workbook behind the preview: the file downloaded (the original replayed with ExcelJS,
 * replay.ts) is the file the preview used to save from the ExcelJS workbook it kept, after the same session of a
 * user's — scan, mark, insert 绩效目标表, fill codes, undo the insert, clear the marks, mark again — and the preview's
 * model shows what that file holds.
 */
const ROOT = resolve(__dirname, '../..');
const SAMPLES = ['quanzhou-2021-budget.xlsx', 'sample-budget.xlsx'];

/** The pane's session on a platform: each plan as asked, each undo the inverse of what this platform executed. */
async function session(platform: WorkbookPlatform, bytes: Uint8Array, log?: ReplayedPlan[]) {
  const review = new ReviewSession();
  review.loadBytes(bytes, 'w.xlsx');
  review.review(DEFAULT_SETTINGS);
  const apply = async (plan: WritePlan) => {
    const executed = await platform.applyPlan(plan);
    log?.push({ requested: plan, executed });
    review.applied(executed);
    return executed;
  };
  const filter = { ...defaultFilter(true) };
  const marks = await apply(review.markPlan(filter, 'zh-CN').plan);
  const projects = review.summary().projects;
  const insert = await apply(review.insertPlans('targets', projects).add);
  review.review(DEFAULT_SETTINGS);
  await apply(review.fillCodesPlan());
  await apply(invertPlan(insert));
  review.review(DEFAULT_SETTINGS);
  await apply(invertPlan(marks));
  await apply(review.markPlan(filter, 'zh-CN').plan);
  return { marks: marks.actions.length, inserted: insert.actions.filter((a) => a.kind === 'add_sheet').length };
}

/** Every cell of every sheet, as the plan writer sees it. */
function cellsOf(target: PlanTarget, addresses: (sheet: string) => Iterable<[number, number]>) {
  const out: Record<string, unknown> = {};
  for (const sheet of target.sheetNames())
    for (const [r, c] of addresses(sheet))
      out[`${sheet}!${cellAddress(r, c)}`] = {
        value: target.value(sheet, r, c),
        fill: target.fill(sheet, r, c),
        note: target.note(sheet, r, c),
      };
  return out;
}

const excelAddresses = (wb: ExcelJS.Workbook) => (sheet: string) => {
  const at: [number, number][] = [];
  wb.getWorksheet(sheet)?.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (_c, c) => at.push([r - 1, c - 1])),
  );
  return at;
};

const reload = async (data: ArrayBuffer | Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
};

describe('下载工作簿 replays the preview’s plans with ExcelJS', () => {
  it.each(SAMPLES)('%s: the downloaded file is the one the ExcelJS preview saved', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'assets', 'samples', file)));

    const old = new ExcelJsPlatform(await loadXlsx(bytes, file), file, 'zh-CN');
    const done = await session(old, bytes);
    expect(done.marks).toBeGreaterThan(0);
    const before = await reload(await old.workbook.xlsx.writeBuffer());

    const log: ReplayedPlan[] = [];
    const preview = ModelPlatform.read(bytes, file, 'zh-CN');
    await session(preview, bytes, log);
    const after = await reload(await replayedWorkbook(bytes, file, log));

    const addresses = excelAddresses(before);
    const expected = cellsOf(new ExcelJsTarget(before), addresses);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    expect(cellsOf(new ExcelJsTarget(after), addresses)).toEqual(expected);
    expect(cellsOf(new ExcelJsTarget(after), excelAddresses(after))).toEqual(
      cellsOf(new ExcelJsTarget(before), excelAddresses(after)),
    );
    // What the preview shows is what the file holds: values and notes alike, solid fills alike.
    const shown = cellsOf(preview.model, addresses) as Record<string, { fill: string | null }>;
    for (const [k, v] of Object.entries(expected as Record<string, { fill: string | null }>)) {
      expect({ ...shown[k], fill: shown[k]?.fill?.startsWith('#') ? shown[k]?.fill : null }).toEqual({
        ...v,
        fill: v.fill?.startsWith('#') ? v.fill.toUpperCase() : null,
      });
    }
  });
});
