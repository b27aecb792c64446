import {
  cellAddress,
  isCellError,
  parseRange,
  sameCellValue,
  sameFill,
  sameNote,
  type CellValue,
  type SheetLayout,
  type SkippedWrite,
  type WriteAction,
  type WritePlan,
} from '../../core';

/**
 * How a write plan is applied to a workbook held in memory — one algorithm for every in-memory workbook (an ExcelJS
 * workbook for `fill` and downloads, the preview's own model), so that they check the same preconditions, skip the
 * same cells and return the same executed plan. Rows and columns are 0-based.
 */
export interface PlanTarget {
  /** Sheet names in order. A sheet is found by its exact name. */
  sheetNames(): readonly string[];
  /** What the cell shows as a value (a merged area's follower: its anchor's), and whether it holds a formula. */
  value(sheet: string, row: number, col: number): CellValue;
  isFormula(sheet: string, row: number, col: number): boolean;
  setValue(sheet: string, row: number, col: number, value: CellValue, numberFormat: string | undefined): void;
  /** "#RRGGBB" for a solid colour, another non-null key for any other fill (restored as is), null for none. */
  fill(sheet: string, row: number, col: number): string | null;
  setFill(sheet: string, row: number, col: number, key: string | null): void;
  note(sheet: string, row: number, col: number): string | null;
  setNote(sheet: string, row: number, col: number, text: string | null): void;
  addSheet(sheet: string, values: readonly (readonly CellValue[])[], layout: SheetLayout | undefined): void;
  deleteSheet(sheet: string): void;
}

export interface Selection {
  readonly sheet: string;
  readonly range: string;
}

/**
 * Applies a plan as the Office adapter does: a cell that no longer holds what the plan expects (its `previous` value,
 * fill or note) is left alone and listed in `skipped`, a formula is never overwritten, an action on a missing sheet
 * is skipped as failed, and the returned plan holds only what was written. The selection is the plan's own, else the
 * first sheet it inserted.
 */
export function writePlan(target: PlanTarget, plan: WritePlan): { executed: WritePlan; selection: Selection | null } {
  let selection: Selection | null = null;
  const skipped: SkippedWrite[] = [];
  const executed: WriteAction[] = [];
  const has = (sheet: string) => target.sheetNames().includes(sheet);
  const missing = (sheet: string, cells: readonly string[]) => {
    for (const cell of cells) skipped.push({ sheet, cell, reason: 'failed' });
  };
  for (const a of plan.actions) {
    switch (a.kind) {
      case 'set_fill': {
        if (!has(a.sheet)) {
          missing(a.sheet, a.cells);
          break;
        }
        const cells: string[] = [];
        const previous: (string | null)[] = [];
        a.cells.forEach((cell, i) => {
          const { top, left } = parseRange(cell);
          const now = target.fill(a.sheet, top, left);
          if (a.previous && !sameFill(now, a.previous[i])) {
            skipped.push({ sheet: a.sheet, cell, reason: 'changed' });
            return;
          }
          target.setFill(a.sheet, top, left, a.color);
          cells.push(cell);
          previous.push(now);
        });
        if (cells.length) executed.push({ ...a, cells, previous });
        break;
      }
      case 'set_note': {
        if (!has(a.sheet)) {
          missing(a.sheet, [a.cell]);
          break;
        }
        const { top, left } = parseRange(a.cell);
        const previous = target.note(a.sheet, top, left);
        if (a.previous !== undefined && !sameNote(previous, a.previous)) {
          skipped.push({ sheet: a.sheet, cell: a.cell, reason: 'changed' });
          break;
        }
        target.setNote(a.sheet, top, left, a.text);
        executed.push({ ...a, previous });
        break;
      }
      case 'set_values': {
        if (!has(a.sheet)) {
          missing(a.sheet, [a.at]);
          break;
        }
        const at = parseRange(a.at);
        const written: { r: number; c: number; previous: CellValue }[] = [];
        a.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const r = at.top + i;
            const c = at.left + j;
            const old = target.value(a.sheet, r, c);
            if (target.isFormula(a.sheet, r, c) || !sameCellValue(old, a.previous[i]?.[j] ?? null)) {
              skipped.push({ sheet: a.sheet, cell: cellAddress(r, c), reason: 'changed' });
              return;
            }
            // An error value (restored by an undo) goes back as the error it was, not as an empty cell.
            target.setValue(a.sheet, r, c, v === null ? null : isCellError(v) ? { error: v.error } : v, a.numberFormat);
            written.push({ r: i, c: j, previous: old });
          }),
        );
        const total = a.values.reduce((n, row) => n + row.length, 0);
        if (written.length === total) {
          let k = 0;
          executed.push({ ...a, previous: a.values.map((row) => row.map(() => written[k++]?.previous ?? null)) });
        } else
          for (const w of written)
            executed.push({
              ...a,
              at: cellAddress(at.top + w.r, at.left + w.c),
              values: [[a.values[w.r]?.[w.c] ?? null]],
              previous: [[w.previous]],
            });
        break;
      }
      case 'add_sheet': {
        if (target.sheetNames().some((name) => name.toLowerCase() === a.sheet.toLowerCase())) {
          skipped.push({ sheet: a.sheet, cell: '', reason: 'changed' });
          break;
        }
        target.addSheet(a.sheet, a.values, a.layout);
        executed.push(a);
        break;
      }
      case 'delete_sheet': {
        if (!has(a.sheet)) {
          missing(a.sheet, ['']);
          break;
        }
        target.deleteSheet(a.sheet);
        executed.push(a);
        break;
      }
      case 'select':
        selection = { sheet: a.sheet, range: a.range };
        executed.push(a);
        break;
    }
  }
  // Sheets just inserted (绩效目标表) are shown: the first of them, unless the plan selects something itself.
  const added = executed.find((a) => a.kind === 'add_sheet');
  if (!selection && added) selection = { sheet: added.sheet, range: 'A1' };
  return {
    executed: skipped.length ? { ...plan, actions: executed, skipped } : { ...plan, actions: executed },
    selection,
  };
}
