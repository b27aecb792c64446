import { invertPlan, type WritePlan } from '../../core';
import { ExcelJsPlatform } from './exceljs-platform';
import { loadXlsx } from './read-xlsx';

/**
 * The workbook a user downloads from the preview: the original file loaded with ExcelJS and every plan applied in the
 * order the pane applied it, then written out — what the preview produced when it kept an ExcelJS workbook. An undo
 * is replayed as the inverse of what ExcelJS itself executed for the plan it undoes (ExcelJS names fills its own way),
 * so the file is the same as if the pane had undone it in ExcelJS. Imported only when 下载工作簿 is clicked.
 */
export interface ReplayedPlan {
  readonly requested: WritePlan;
  /** What the preview's model executed (an undo's plan is the inverse of an earlier one of these). */
  readonly executed: WritePlan;
}

export async function replayedWorkbook(
  bytes: Uint8Array,
  name: string,
  plans: readonly ReplayedPlan[],
): Promise<Uint8Array<ArrayBuffer>> {
  const platform = new ExcelJsPlatform(await loadXlsx(bytes, name), name, 'zh-CN');
  const inverses = plans.map((p) => inverseKey(p.executed));
  const excelExecuted: WritePlan[] = [];
  const undone = new Set<number>();
  for (const [i, p] of plans.entries()) {
    const key = JSON.stringify(p.requested);
    let of = -1;
    for (let j = i - 1; j >= 0; j--)
      if (!undone.has(j) && inverses[j] === key) {
        of = j;
        break;
      }
    let plan = p.requested;
    if (of >= 0) {
      undone.add(of);
      plan = invertPlan(excelExecuted[of] as WritePlan);
    }
    excelExecuted.push(await platform.applyPlan(plan));
  }
  return new Uint8Array(await platform.workbook.xlsx.writeBuffer());
}

/** The inverse of an executed plan as text (to recognise an undo), or null for a plan no undo can come from. */
function inverseKey(plan: WritePlan): string | null {
  try {
    return JSON.stringify(invertPlan(plan));
  } catch {
    return null;
  }
}
