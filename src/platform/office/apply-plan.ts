import {
  sameCellValue,
  sameFill,
  sameNote,
  INPUT_TINT,
  type SheetLayout,
  type SkippedWrite,
  type WriteAction,
  type WritePlan,
  cellAddress,
  parseRange,
  isCellError,
  type CellValue,
} from '../../core';
import type {
  BorderEdge,
  ExcelComment,
  ExcelContext,
  ExcelFill,
  ExcelNote,
  ExcelRange,
  ExcelRunner,
  ExcelWorksheet,
  HostCapabilities,
} from './excel-api';
import { toOfficeError } from './office-errors';
import { cellValueOf } from './read-snapshot';

/**
 * Applies a write plan defensively, in few syncs: first it reads what the plan will overwrite (every block's values
 * and formulas, every marked cell's fill, every noted cell's note, which sheets exist), then it writes what still
 * holds what the plan expects — fills grouped by colour as multi-area ranges, values as blocks, notes (or comments on
 * hosts without notes), new sheets. A cell that changed since the plan was made is left alone and listed in
 * `skipped`; a write that fails (a deleted sheet) is retried alone, so it does not block the others. Requests are cut
 * below Excel on the web's 5 MB payload limit. It returns the plan as executed — only what was really written, with
 * the previous state filled in — so that its inverse restores exactly that.
 */
const ADDRESSES_PER_CALL = 200; // keeps each getRanges() address string short
/** Bytes of cell data per request: well under the 5 MB cap, leaving room for Office.js's own envelope. */
const DEFAULT_PAYLOAD_BYTES = 2_000_000;

export interface ApplyOptions {
  /** Estimated UTF-8 bytes of values, addresses and notes per sync. */
  readonly maxPayloadBytes?: number;
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** UTF-8 length of a string (Chinese text is 3 bytes a character on the wire). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Widest row of a block (a loop: spreading 100k rows into Math.max overflows the stack). */
function widthOf(values: readonly (readonly CellValue[])[]): number {
  let width = 1;
  for (const r of values) if (r.length > width) width = r.length;
  return width;
}

/**
 * A value as Office.js must receive it to store it as is. Excel parses a string written through `range.values` as if
 * typed: "=100%" becomes a formula, "-项目" an error, "0101" the number 101. A leading apostrophe is Excel's
 * documented literal form: the cell holds the text after it, as text.
 */
export function literal(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  // An error value (restored by an undo) is written as Excel reads it typed: "#REF!" is the error, not text.
  if (isCellError(v)) return v.error;
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

function pad(values: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  const width = widthOf(values);
  return values.map((r) => Array.from({ length: width }, (_, i) => literal(r[i])));
}

function previousFill(f: ExcelFill): string | null {
  return f.pattern === 'None' || !f.color ? null : f.color;
}

/** A cell holds a formula when `formulas` shows one that is not its value (a text constant "=100%" is both). */
function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

/** A value read back from Excel as the scan reads it (error text is the error), to compare with a precondition. */
function readBack(v: unknown): CellValue {
  return cellValueOf(v);
}

/** Queues requests and syncs whenever the estimated payload reaches the budget. */
class Batcher {
  private bytes = 0;
  syncs = 0;
  constructor(
    private readonly context: ExcelContext,
    private readonly budget: number,
  ) {}
  /** Call before queueing a request of `bytes`: syncs first if it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** What the read phase learnt about one action. */
interface Seen {
  values?: CellValue[][];
  formulas?: boolean[][];
  fills?: (string | null)[];
  note?: { text: string | null; handle: ExcelNote | ExcelComment | null };
  sheetExists?: boolean;
}

/** One write request, kept so that it can be replayed alone when its batch fails. */
interface WriteOp {
  readonly bytes: number;
  readonly queue: () => void;
  /** Keys of the executed fragments this op writes ("action:cell"). */
  readonly keys: readonly string[];
  readonly sheet: string;
  readonly cells: readonly string[];
}

export async function applyPlan(
  run: ExcelRunner,
  plan: WritePlan,
  caps: HostCapabilities,
  options: ApplyOptions = {},
): Promise<WritePlan> {
  const budget = options.maxPayloadBytes ?? DEFAULT_PAYLOAD_BYTES;
  try {
    return await run(async (context) => {
      const skipped: SkippedWrite[] = [];
      const seen = await readPhase(context, plan.actions, caps, budget);
      const { ops, fragments } = decide(context, plan.actions, seen, caps, skipped, budget);
      const failed = await writePhase(context, ops, budget, skipped);
      const executed = assemble(plan.actions, fragments, failed);
      return skipped.length ? { ...plan, actions: executed, skipped } : { ...plan, actions: executed };
    });
  } catch (e) {
    throw toOfficeError(e);
  }
}

/** The actions' sheets that exist (one sync), for when an optimistic read failed. */
async function existingSheets(context: ExcelContext): Promise<Set<string>> {
  const sheets = context.workbook.worksheets;
  sheets.load(['items/name']);
  await context.sync();
  return new Set(sheets.items.map((s) => s.name));
}

async function readPhase(
  context: ExcelContext,
  actions: readonly WriteAction[],
  caps: HostCapabilities,
  budget: number,
): Promise<(Seen | null)[]> {
  try {
    return await readAll(context, actions, caps, budget, null);
  } catch {
    // A sheet the plan names is gone (or renamed): read the rest, and let the writes on it be skipped as failed.
    const exist = await existingSheets(context);
    return readAll(context, actions, caps, budget, exist);
  }
}

async function readAll(
  context: ExcelContext,
  actions: readonly WriteAction[],
  caps: HostCapabilities,
  budget: number,
  exist: Set<string> | null,
): Promise<(Seen | null)[]> {
  const sheets = context.workbook.worksheets;
  const batch = new Batcher(context, budget);
  const pending: (() => void)[] = [];
  const seen: (Seen | null)[] = actions.map(() => null);
  const useComments = !caps.notes && caps.comments && actions.some((a) => a.kind === 'set_note');
  const notes = caps.notes ? context.workbook.notes : undefined;
  for (const [i, a] of actions.entries()) {
    if (a.kind === 'add_sheet' || a.kind === 'delete_sheet') {
      const ws = sheets.getItemOrNullObject(a.sheet);
      ws.load(['name']);
      pending.push(() => (seen[i] = { sheetExists: !ws.isNullObject }));
      await batch.reserve(100);
      continue;
    }
    if (a.kind === 'select') continue;
    if (exist && !exist.has(a.sheet)) {
      seen[i] = { sheetExists: false };
      continue;
    }
    const ws = sheets.getItem(a.sheet);
    if (a.kind === 'set_values') {
      const at = parseRange(a.at);
      const width = widthOf(a.values);
      const rowsPer = Math.max(1, Math.floor(budget / 40 / width));
      const parts: ExcelRange[] = [];
      for (let r = 0; r < a.values.length; r += rowsPer) {
        const range = ws.getRangeByIndexes(at.top + r, at.left, Math.min(rowsPer, a.values.length - r), width);
        range.load(['values', 'formulas']);
        parts.push(range);
        await batch.reserve(Math.min(rowsPer, a.values.length - r) * width * 40);
      }
      pending.push(() => {
        const values = parts.flatMap((p) => p.values.map((row) => row.map(readBack)));
        // A formula reads back as "=…" and differs from its value; text written as "'=100%" reads "=100%" in both.
        const formulas = parts.flatMap((p) =>
          p.formulas.map((row, r) => row.map((f, c) => isFormula(f, p.values[r]?.[c]))),
        );
        seen[i] = { values, formulas };
      });
    } else if (a.kind === 'set_fill') {
      const fills = a.cells.map((cell) => {
        const f = ws.getRange(cell).format.fill;
        f.load(['color', 'pattern']);
        return f;
      });
      await batch.reserve(a.cells.length * 60);
      pending.push(() => (seen[i] = { fills: fills.map(previousFill) }));
    } else if (a.kind === 'set_note' && notes) {
      const note = notes.getItemOrNullObject(`${quoteSheet(a.sheet)}!${a.cell}`);
      note.load(['content']);
      await batch.reserve(500);
      pending.push(
        () =>
          (seen[i] = { note: note.isNullObject ? { text: null, handle: null } : { text: note.content, handle: note } }),
      );
    }
  }
  await batch.flush();
  for (const p of pending) p();
  if (useComments) await readComments(context, actions, seen);
  return seen;
}

/** Threaded comments have no lookup by cell that tolerates an empty cell: list them with their locations. */
async function readComments(
  context: ExcelContext,
  actions: readonly WriteAction[],
  seen: (Seen | null)[],
): Promise<void> {
  const comments = context.workbook.comments;
  if (!comments) return;
  comments.load(['items/content']);
  await context.sync();
  const located = comments.items.map((c) => {
    const where = c.getLocation();
    where.load(['address']);
    return { c, where };
  });
  if (located.length) await context.sync();
  const byCell = new Map<string, ExcelComment>();
  for (const { c, where } of located) {
    const [sheet = '', cell = ''] = splitAddress(where.address);
    byCell.set(`${sheet}\u0000${cell}`, c);
  }
  for (const [i, a] of actions.entries()) {
    if (a.kind !== 'set_note' || seen[i]?.sheetExists === false) continue;
    const c = byCell.get(`${a.sheet}\u0000${a.cell}`);
    seen[i] = { note: c ? { text: c.content, handle: c } : { text: null, handle: null } };
  }
}

/** "'My ''Sheet'''!$B$3" → ["My 'Sheet'", "B3"]. */
function splitAddress(address: string): [string, string] {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'([\s\S]*)'$/, '$1')
    .replace(/''/g, "'");
  const cell =
    address
      .slice(bang + 1)
      .replace(/\$/g, '')
      .split(':')[0] ?? '';
  return [sheet, cell];
}

/** The part of an action that one op writes; actions are rebuilt from the fragments whose op succeeded. */
type Fragment =
  | { readonly kind: 'value'; readonly row: number; readonly col: number; readonly previous: CellValue }
  | { readonly kind: 'fill'; readonly cell: number; readonly previous: string | null }
  | { readonly kind: 'whole'; readonly action: WriteAction };

function decide(
  context: ExcelContext,
  actions: readonly WriteAction[],
  seen: readonly (Seen | null)[],
  caps: HostCapabilities,
  skipped: SkippedWrite[],
  budget: number,
): { ops: WriteOp[]; fragments: Map<string, Fragment> } {
  const { workbook } = context;
  const sheets = workbook.worksheets;
  const ops: WriteOp[] = [];
  const fragments = new Map<string, Fragment>();
  const byColour = new Map<string, { cell: string; key: string }[]>();
  for (const [i, a] of actions.entries()) {
    const s = seen[i];
    if (a.kind !== 'select' && a.kind !== 'add_sheet' && a.kind !== 'delete_sheet' && s?.sheetExists === false) {
      const cells = a.kind === 'set_values' ? [a.at] : a.kind === 'set_fill' ? a.cells : [a.cell];
      for (const cell of cells) skipped.push({ sheet: a.sheet, cell, reason: 'failed' });
      continue;
    }
    switch (a.kind) {
      case 'set_values': {
        const at = parseRange(a.at);
        const values = s?.values ?? [];
        const keep: [number, number][] = [];
        a.values.forEach((row, r) =>
          row.forEach((_, c) => {
            const now = values[r]?.[c] ?? null;
            const expected = a.previous[r]?.[c] ?? null;
            if (s?.formulas?.[r]?.[c] || !sameCellValue(now, expected))
              skipped.push({ sheet: a.sheet, cell: cellAddress(at.top + r, at.left + c), reason: 'changed' });
            else keep.push([r, c]);
          }),
        );
        const all = keep.length === a.values.reduce((n, row) => n + row.length, 0);
        for (const [r, c] of keep)
          fragments.set(`${i}:${r}:${c}`, { kind: 'value', row: r, col: c, previous: values[r]?.[c] ?? null });
        if (all && keep.length) {
          // The whole block, in row chunks under the payload budget.
          const width = widthOf(a.values);
          const padded = pad(a.values);
          const bytesPerRow = (r: (string | number | boolean)[]) => utf8Length(JSON.stringify(r)) + 8;
          let start = 0;
          while (start < padded.length) {
            let end = start;
            let bytes = 0;
            while (end < padded.length && (end === start || bytes + bytesPerRow(padded[end] ?? []) <= budget)) {
              bytes += bytesPerRow(padded[end] ?? []);
              end++;
            }
            const rows = padded.slice(start, end);
            const top = at.top + start;
            const first = start;
            ops.push({
              bytes: bytes * (a.numberFormat ? 2 : 1),
              queue: () => {
                const block = sheets.getItem(a.sheet).getRangeByIndexes(top, at.left, rows.length, width);
                if (a.numberFormat) block.numberFormat = rows.map((r) => r.map(() => a.numberFormat as string));
                block.values = rows;
              },
              keys: keep.filter(([r]) => r >= first && r < first + rows.length).map(([r, c]) => `${i}:${r}:${c}`),
              sheet: a.sheet,
              cells: [cellAddress(top, at.left)],
            });
            start = end;
          }
        } else {
          // Some cells changed since: write the others one by one.
          for (const [r, c] of keep) {
            const v = literal(a.values[r]?.[c] ?? null);
            const address = cellAddress(at.top + r, at.left + c);
            ops.push({
              bytes: utf8Length(String(v)) + 40,
              queue: () => {
                const cell = sheets.getItem(a.sheet).getRange(address);
                if (a.numberFormat) cell.numberFormat = [[a.numberFormat]];
                cell.values = [[v]];
              },
              keys: [`${i}:${r}:${c}`],
              sheet: a.sheet,
              cells: [address],
            });
          }
        }
        break;
      }
      case 'set_fill': {
        const now = s?.fills ?? [];
        a.cells.forEach((cell, k) => {
          if (a.previous && !sameFill(now[k], a.previous[k])) {
            skipped.push({ sheet: a.sheet, cell, reason: 'changed' });
            return;
          }
          const key = `${i}:${k}`;
          fragments.set(key, { kind: 'fill', cell: k, previous: now[k] ?? null });
          const group = `${a.sheet}\u0000${a.color ?? ''}`;
          byColour.set(group, [...(byColour.get(group) ?? []), { cell, key }]);
        });
        break;
      }
      case 'set_note': {
        const notes = caps.notes ? workbook.notes : caps.comments ? workbook.comments : undefined;
        if (!notes) break;
        const current = s?.note ?? { text: null, handle: null };
        if (a.previous !== undefined && !sameNote(current.text, a.previous)) {
          skipped.push({ sheet: a.sheet, cell: a.cell, reason: 'changed' });
          break;
        }
        const key = `${i}`;
        fragments.set(key, { kind: 'whole', action: { ...a, previous: current.text } });
        if (a.text === current.text) break;
        const address = `${quoteSheet(a.sheet)}!${a.cell}`;
        const text = a.text;
        ops.push({
          bytes: utf8Length(text ?? '') + 100,
          queue: () => {
            if (text === null) current.handle?.delete();
            else if (current.handle) current.handle.content = text;
            else notes.add(address, text);
          },
          keys: [key],
          sheet: a.sheet,
          cells: [a.cell],
        });
        break;
      }
      case 'add_sheet': {
        if (s?.sheetExists) {
          skipped.push({ sheet: a.sheet, cell: '', reason: 'changed' });
          break;
        }
        const key = `${i}`;
        fragments.set(key, { kind: 'whole', action: a });
        const padded = a.values.length ? pad(a.values) : [];
        const width = widthOf(a.values);
        const rowsPer = Math.max(
          1,
          Math.floor(
            budget / Math.max(1, utf8Length(JSON.stringify(padded.slice(0, 50))) / Math.min(50, padded.length || 1)),
          ),
        );
        const parts = chunks(padded, rowsPer);
        ops.push({
          bytes: 200,
          queue: () => void sheets.add(a.sheet),
          keys: [key],
          sheet: a.sheet,
          cells: [''],
        });
        parts.forEach((rows, n) =>
          ops.push({
            bytes: utf8Length(JSON.stringify(rows)),
            queue: () => {
              sheets.getItem(a.sheet).getRangeByIndexes(n * rowsPer, 0, rows.length, width).values = rows;
            },
            keys: [key],
            sheet: a.sheet,
            cells: [''],
          }),
        );
        const layout = a.layout;
        if (layout)
          ops.push({
            bytes: utf8Length(JSON.stringify(layout)),
            queue: () => layOut(sheets.getItem(a.sheet), layout),
            keys: [key],
            sheet: a.sheet,
            cells: [''],
          });
        break;
      }
      case 'delete_sheet':
        if (!s?.sheetExists) {
          skipped.push({ sheet: a.sheet, cell: '', reason: 'failed' });
          break;
        }
        fragments.set(`${i}`, { kind: 'whole', action: a });
        ops.push({
          bytes: 100,
          queue: () => sheets.getItem(a.sheet).delete(),
          keys: [`${i}`],
          sheet: a.sheet,
          cells: [''],
        });
        break;
      case 'select':
        fragments.set(`${i}`, { kind: 'whole', action: a });
        ops.push({
          bytes: 100,
          queue: () => {
            const ws = sheets.getItem(a.sheet);
            ws.activate();
            ws.getRange(a.range).select();
          },
          keys: [`${i}`],
          sheet: a.sheet,
          cells: [a.range],
        });
        break;
    }
  }
  // Fills: one multi-area call per sheet, colour and chunk of addresses (restoring "no fill" clears instead).
  const fillOps: WriteOp[] = [];
  for (const [group, cells] of byColour) {
    const [sheet, color] = group.split('\u0000') as [string, string];
    for (const part of chunks(cells, ADDRESSES_PER_CALL)) {
      const address = part.map((p) => p.cell).join(',');
      fillOps.push({
        bytes: utf8Length(address) + 60,
        queue: () => {
          const areas = sheets.getItem(sheet).getRanges(address);
          if (color) areas.format.fill.color = color;
          else areas.format.fill.clear();
        },
        keys: part.map((p) => p.key),
        sheet,
        cells: part.map((p) => p.cell),
      });
    }
  }
  return { ops: [...fillOps, ...ops], fragments };
}

/** Runs the writes in batches under the budget; a batch that fails is replayed op by op. Returns the failed keys. */
async function writePhase(
  context: ExcelContext,
  ops: readonly WriteOp[],
  budget: number,
  skipped: SkippedWrite[],
): Promise<Set<string>> {
  const failed = new Set<string>();
  let batch: WriteOp[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    bytes = 0;
    try {
      for (const op of current) op.queue();
      await context.sync();
    } catch {
      if (current.length === 1) return fail(current[0] as WriteOp);
      // Office.js stops at the failing request: replay each one alone (writes are idempotent) to find it.
      for (const op of current) {
        try {
          op.queue();
          await context.sync();
        } catch {
          fail(op);
        }
      }
    }
  };
  const fail = (op: WriteOp) => {
    for (const k of op.keys) failed.add(k);
    for (const cell of op.cells) skipped.push({ sheet: op.sheet, cell, reason: 'failed' });
  };
  for (const op of ops) {
    if (batch.length && bytes + op.bytes > budget) await flush();
    batch.push(op);
    bytes += op.bytes;
  }
  await flush();
  return failed;
}

/** The actions as executed: what was written, with what it overwrote. */
function assemble(
  actions: readonly WriteAction[],
  fragments: ReadonlyMap<string, Fragment>,
  failed: ReadonlySet<string>,
): WriteAction[] {
  const out: WriteAction[] = [];
  for (const [i, a] of actions.entries()) {
    if (a.kind === 'set_values') {
      const at = parseRange(a.at);
      const kept: { r: number; c: number; previous: CellValue }[] = [];
      a.values.forEach((row, r) =>
        row.forEach((_, c) => {
          const key = `${i}:${r}:${c}`;
          const f = fragments.get(key);
          if (f?.kind === 'value' && !failed.has(key)) kept.push({ r, c, previous: f.previous });
        }),
      );
      const total = a.values.reduce((n, row) => n + row.length, 0);
      if (kept.length === total && total > 0) {
        const previous = a.values.map((row, r) => row.map((_, c) => kept[indexIn(a.values, r, c)]?.previous ?? null));
        out.push({ ...a, previous });
      } else
        for (const k of kept)
          out.push({
            ...a,
            at: cellAddress(at.top + k.r, at.left + k.c),
            values: [[a.values[k.r]?.[k.c] ?? null]],
            previous: [[k.previous]],
          });
    } else if (a.kind === 'set_fill') {
      const cells: string[] = [];
      const previous: (string | null)[] = [];
      a.cells.forEach((cell, k) => {
        const key = `${i}:${k}`;
        const f = fragments.get(key);
        if (f?.kind === 'fill' && !failed.has(key)) {
          cells.push(cell);
          previous.push(f.previous);
        }
      });
      if (cells.length) out.push({ ...a, cells, previous });
    } else {
      const f = fragments.get(`${i}`);
      if (f?.kind === 'whole' && !failed.has(`${i}`)) out.push(f.action);
    }
  }
  return out;
}

/** Row-major index of (r, c) in a ragged block. */
function indexIn(values: readonly (readonly CellValue[])[], r: number, c: number): number {
  let n = 0;
  for (let i = 0; i < r; i++) n += values[i]?.length ?? 0;
  return n + c;
}

const BORDERS: readonly BorderEdge[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
];

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
