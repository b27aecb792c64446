import { cellAddress, parseRange } from '../snapshot/address';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import type { WritePlan } from './types';

/** The values a plan writes, applied to a snapshot (pure): lets the preview and tests see the result of a plan. */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const sheets = new Map<string, SheetSnapshot>(snapshot.sheets.map((s) => [s.name, s]));
  const order = snapshot.sheets.map((s) => s.name);
  for (const a of plan.actions) {
    if (a.kind === 'set_values') {
      const base = sheets.get(a.sheet);
      if (!base) throw new Error(`No sheet ${a.sheet}`);
      const at = parseRange(a.at);
      const rows = base.rows.map((r) => (r ? [...r] : r));
      let columnCount = base.columnCount;
      a.values.forEach((line, i) =>
        line.forEach((value, j) => {
          const r = at.top + i;
          const c = at.left + j;
          const row: (Cell | undefined)[] = (rows[r] ??= []) as (Cell | undefined)[];
          const format = row[c]?.format;
          // The written value replaces whatever was there, a formula included (uncalculated or not).
          row[c] = value === null ? undefined : format ? { value, format } : { value };
          if (value !== null) columnCount = Math.max(columnCount, c + 1);
        }),
      );
      sheets.set(a.sheet, { ...base, rows, columnCount });
    } else if (a.kind === 'add_sheet') {
      const formats = new Map((a.layout?.numberFormats ?? []).map((f) => [f.cell, f.format]));
      sheets.set(a.sheet, {
        name: a.sheet,
        rows: a.values.map((line, r) =>
          line.map((value, c) => {
            if (value === null) return undefined;
            const format = formats.get(cellAddress(r, c));
            return format ? { value, format } : { value };
          }),
        ),
        columnCount: a.values.reduce((n, l) => Math.max(n, l.length), 0),
        merges: (a.layout?.merges ?? []).map((m) => parseRange(m)),
      });
      order.push(a.sheet);
    } else if (a.kind === 'delete_sheet') {
      sheets.delete(a.sheet);
      order.splice(order.indexOf(a.sheet), 1);
    }
  }
  return { ...snapshot, sheets: order.map((n) => sheets.get(n) as SheetSnapshot) };
}
