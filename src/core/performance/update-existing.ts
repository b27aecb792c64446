import { parseRange, cellAddress } from '../snapshot/address';
import type { WriteAction, WritePlan } from '../plans/types';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';
import { PLAN_VERBS } from './form';

/**
 * A second 插入 of a form that is already there: the pane asks, then either adds a new sheet or updates the one there.
 * Updating writes only the form's facts — the head of the form (project, department, funds), cell by cell where the
 * workbook differs — never the cells the user fills in (the form's inputs) nor the indicators below the head.
 */
export function collidingSheets(plan: WritePlan, snapshot: WorkbookSnapshot): string[] {
  const names = new Set(snapshot.sheets.map((s) => s.name));
  return plan.actions.flatMap((a) => (a.kind === 'add_sheet' && names.has(a.sheet) ? [a.sheet] : []));
}

const same = (a: CellValue, b: CellValue) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

/** The plan with each add_sheet whose sheet exists turned into updates of its first `headRows` rows. */
export function planUpdateExisting(plan: WritePlan, snapshot: WorkbookSnapshot, headRows: number): WritePlan {
  const actions: WriteAction[] = [];
  for (const a of plan.actions) {
    const sheet = a.kind === 'add_sheet' ? snapshot.sheets.find((s) => s.name === a.sheet) : undefined;
    if (a.kind !== 'add_sheet' || !sheet) {
      actions.push(a);
      continue;
    }
    const inputs = new Set(a.layout?.inputs ?? []);
    // A merged area's value sits in its top-left cell; the others are never written.
    const followers = new Set<string>();
    for (const m of a.layout?.merges ?? []) {
      const r = parseRange(m);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          if (row !== r.top || col !== r.left) followers.add(cellAddress(row, col));
    }
    a.values.slice(0, headRows).forEach((row, r) =>
      row.forEach((value, c) => {
        const at = cellAddress(r, c);
        const current = sheet.rows[r]?.[c]?.value ?? null;
        if (value === null || inputs.has(at) || followers.has(at) || same(value, current)) return;
        actions.push({ kind: 'set_values', sheet: a.sheet, at, values: [[value]], previous: [[current]] });
      }),
    );
  }
  const { insert, update } = PLAN_VERBS;
  return { title: plan.title.startsWith(insert) ? update + plan.title.slice(insert.length) : plan.title, actions };
}
