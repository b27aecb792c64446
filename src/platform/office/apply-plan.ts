import { parseRange } from '../../core/snapshot/address';
import type { CellValue } from '../../core/snapshot/types';
import { INPUT_TINT, type SheetLayout, type WriteAction, type WritePlan } from '../../core/plans/types';
import type { ExcelContext, ExcelFill, ExcelRange, ExcelRunner, ExcelWorksheet, HostCapabilities } from './excel-api';
import { pushTo } from '../../core/util/collections';
import { toOfficeError } from './office-errors';

/**
 * Applies a write plan in two syncs: first it reads what the plan will overwrite (every marked cell's fill, every
 * block's values), then it writes — fills grouped by colour as multi-area ranges, values as blocks, notes (or comments
 * on hosts without notes), new sheets as one 2-D array. It returns the plan as executed, with the previous state filled
 * in, so that its inverse restores the workbook exactly.
 */
const ADDRESSES_PER_CALL = 200; // keeps each getRanges() address string short

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Widest row of a block (a loop: spreading 100k rows into Math.max overflows the stack). */
function widthOf(values: readonly (readonly CellValue[])[]): number {
  let width = 1;
  for (const r of values) if (r.length > width) width = r.length;
  return width;
}

function pad(values: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  const width = widthOf(values);
  return values.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i];
      return v === null || v === undefined || typeof v === 'object' ? '' : v;
    }),
  );
}

export async function applyPlan(run: ExcelRunner, plan: WritePlan, caps: HostCapabilities): Promise<WritePlan> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      // 1. Read what will be overwritten.
      const fills = plan.actions.map((a) =>
        a.kind === 'set_fill' && !a.previous
          ? a.cells.map((cell) => {
              const f = sheets.getItem(a.sheet).getRange(cell).format.fill;
              f.load(['color', 'pattern']);
              return f;
            })
          : null,
      );
      const blocks = plan.actions.map((a) => {
        if (a.kind !== 'set_values') return null;
        const at = parseRange(a.at);
        const r = sheets.getItem(a.sheet).getRangeByIndexes(at.top, at.left, a.values.length, widthOf(a.values));
        r.load(['values']);
        return r;
      });
      if (fills.some(Boolean) || blocks.some(Boolean)) await context.sync();
      const executed: WriteAction[] = plan.actions.map((a, i) => {
        if (a.kind === 'set_fill' && fills[i]) return { ...a, previous: (fills[i] as ExcelFill[]).map(previousFill) };
        if (a.kind === 'set_values' && blocks[i])
          return { ...a, previous: (blocks[i] as ExcelRange).values.map((row) => row.map(readBack)) };
        return a;
      });
      // 2. Write.
      write(context, executed, caps);
      await context.sync();
      return { ...plan, actions: executed };
    });
  } catch (e) {
    throw toOfficeError(e);
  }
}

function previousFill(f: ExcelFill): string | null {
  return f.pattern === 'None' || !f.color ? null : f.color;
}

function readBack(v: unknown): CellValue {
  return v === '' || v === undefined ? null : (v as CellValue);
}

function write(context: ExcelContext, actions: readonly WriteAction[], caps: HostCapabilities): void {
  const { workbook } = context;
  const sheets = workbook.worksheets;
  // Fills: one multi-area call per sheet, colour and chunk of addresses (restoring "no fill" clears instead).
  const byColour = new Map<string, string[]>();
  for (const a of actions) {
    if (a.kind !== 'set_fill') continue;
    for (const cell of a.cells) pushTo(byColour, `${a.sheet}\u0000${a.color ?? ''}`, cell);
  }
  for (const [key, cells] of byColour) {
    const [sheet, color] = key.split('\u0000') as [string, string];
    for (const part of chunks(cells, ADDRESSES_PER_CALL)) {
      const areas = sheets.getItem(sheet).getRanges(part.join(','));
      if (color) areas.format.fill.color = color;
      else areas.format.fill.clear();
    }
  }
  const notes = caps.notes ? workbook.notes : caps.comments ? workbook.comments : undefined;
  for (const a of actions) {
    switch (a.kind) {
      case 'set_values': {
        const at = parseRange(a.at);
        const block = sheets.getItem(a.sheet).getRangeByIndexes(at.top, at.left, a.values.length, widthOf(a.values));
        block.values = pad(a.values);
        if (a.numberFormat) block.numberFormat = pad(a.values).map((r) => r.map(() => a.numberFormat as string));
        break;
      }
      case 'set_note':
        if (!notes) break;
        if (a.text === null) notes.getItemByCell(`${quoteSheet(a.sheet)}!${a.cell}`).delete();
        else notes.add(`${quoteSheet(a.sheet)}!${a.cell}`, a.text);
        break;
      case 'add_sheet': {
        const ws = sheets.add(a.sheet);
        if (a.values.length) ws.getRangeByIndexes(0, 0, a.values.length, widthOf(a.values)).values = pad(a.values);
        if (a.layout) layOut(ws, a.layout);
        break;
      }
      case 'delete_sheet':
        sheets.getItem(a.sheet).delete();
        break;
      case 'select': {
        const ws = sheets.getItem(a.sheet);
        ws.activate();
        ws.getRange(a.range).select();
        break;
      }
      case 'set_fill':
        break;
    }
  }
}

const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

/** A form's layout in one go: merges, widths (characters → points), bold labels, tinted inputs, borders, formats. */
function layOut(ws: ExcelWorksheet, layout: SheetLayout): void {
  if (layout.borders) {
    const box = ws.getRange(layout.borders);
    for (const edge of BORDERS) box.format.borders.getItem(edge).style = 'Continuous';
    box.format.wrapText = true;
  }
  for (const m of layout.merges ?? []) ws.getRange(m).merge(false);
  (layout.columnWidths ?? []).forEach(
    (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 7.5)),
  );
  for (const part of chunks(layout.bold ?? [], ADDRESSES_PER_CALL))
    ws.getRanges(part.join(',')).format.font.bold = true;
  for (const part of chunks(layout.inputs ?? [], ADDRESSES_PER_CALL))
    ws.getRanges(part.join(',')).format.fill.color = INPUT_TINT;
  for (const f of layout.numberFormats ?? []) ws.getRange(f.cell).numberFormat = [[f.format]];
}
