import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { snapshotOf, toCellValue } from '../../src/adapters/xlsx/read-xlsx';
import { applyPlanToSnapshot } from '../../src/core/plans/apply-to-snapshot';
import { sameCellValue } from '../../src/core/plans/preconditions';
import { invertPlan, type SkippedWrite, type WriteAction, type WritePlan } from '../../src/core/plans/types';
import { cellAddress, parseRange } from '../../src/core/snapshot/address';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { ExcelJsPlatform } from '../../src/adapters/xlsx/exceljs-platform';
import { ModelPlatform } from '../../src/adapters/xlsx/model-platform';
import { rowOfKey, colOfKey } from '../../src/adapters/xlsx/workbook-model';
import { applyPlan } from '../../src/platform/office/apply-plan';
import { readWorkbookSnapshot } from '../../src/platform/office/read-snapshot';
import { FakeExcel, type FakeCell, type FakeSheetData } from '../helpers/fake-excel';

/**
 * Issue 12 item 6: a fast-check campaign over random grids and random write plans, applied, inverted and re-applied
 * through the three adapters — the Office one against the typed fake Excel, the ExcelJS one (`fill`, downloads) on an
 * in-memory workbook, the preview's model read from that workbook's file. 40 runs a property in CI (about 5 s); `npm run fuzz` (FUZZ_BUDGET=nightly: 2,000 runs) or
 * FUZZ_RUNS=n for a nightly-size run, FUZZ_SEED=s to replay one.
 *
 * Properties:
 * - apply then invert restores exactly the cells (values, formulas, fills, notes) and the sheet list;
 * - re-applying the plan after its inverse gives the same workbook as the first apply, and the same executed plan;
 * - a cell the user changed between the scan and the apply, or between the apply and the undo, is skipped and listed
 *   ("changed"), never overwritten, and every other cell is written;
 * - the values the Office adapter wrote are what applyPlanToSnapshot says a plan writes.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.FUZZ_BUDGET === 'nightly' ? 2000 : 40));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

const ROWS = 6;
const COLS = 5;
const SHEETS = ['甲', "O'Brien 表"];
const PALETTE = ['#F4B6B6', '#FFD8A8', '#C5DDF6', '#00B050', '#123456'];

type GridCell =
  { kind: 'value'; value: Exclude<CellValue, null> } | { kind: 'formula'; value: number; formula: string };

interface Grid {
  /** sheet → address → cell */
  cells: Record<string, Record<string, GridCell>>;
  fills: Record<string, Record<string, string>>;
  notes: Record<string, Record<string, string>>;
}

const TRICKY_TEXT = ['=100%', '-项目支出', '+1', '@x', '0101', "'引号", ' 12 ', '合计', '2080505', 'TRUE'];
const text = fc.oneof(
  fc.constantFrom(...TRICKY_TEXT),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && !/^[#'=+\-@]/.test(s) && !isNumeric(s)),
);
function isNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s) || /^(true|false)$/i.test(s);
}
const value: fc.Arbitrary<Exclude<CellValue, null>> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  text,
  fc.boolean(),
  fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }),
);
const gridCell: fc.Arbitrary<GridCell> = fc.oneof(
  { weight: 6, arbitrary: value.map((v) => ({ kind: 'value' as const, value: v })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => ({ kind: 'formula' as const, value: n, formula: `=${n}+0` })),
  },
);
const addresses = Array.from({ length: ROWS * COLS }, (_, i) => cellAddress(Math.floor(i / COLS), i % COLS));
const sparse = <T>(arb: fc.Arbitrary<T>) =>
  fc.dictionary(fc.constantFrom(...addresses), arb, { maxKeys: ROWS * COLS }) as fc.Arbitrary<Record<string, T>>;
const perSheet = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(...SHEETS.map(() => sparse(arb))).map((xs) => Object.fromEntries(SHEETS.map((s, i) => [s, xs[i] ?? {}])));
/** Each sheet also holds one value outside the plans' reach (an empty workbook is not reviewed). */
const ANCHOR = cellAddress(ROWS, COLS);
const grid: fc.Arbitrary<Grid> = fc.record({
  cells: perSheet(gridCell).map((bySheet) =>
    Object.fromEntries(
      Object.entries(bySheet).map(([s, cells]) => [s, { ...cells, [ANCHOR]: { kind: 'value' as const, value: '锚' } }]),
    ),
  ),
  fills: perSheet(fc.constantFrom(...PALETTE)),
  notes: perSheet(fc.string({ minLength: 1, maxLength: 8 })),
});

/** A plan as the core makes them, from what a scan read: blocks of values, fills by colour, notes, a new sheet. */
interface PlanSeed {
  blocks: { sheet: number; top: number; left: number; rows: number; cols: number; values: (CellValue | null)[][] }[];
  fills: { sheet: number; cells: string[]; color: string }[];
  notes: { sheet: number; cell: string; text: string | null; knowsPrevious: boolean }[];
  addSheet: (CellValue | null)[][] | null;
}
const planSeed: fc.Arbitrary<PlanSeed> = fc.record({
  blocks: fc.array(
    fc
      .record({
        sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
        top: fc.integer({ min: 0, max: ROWS - 1 }),
        left: fc.integer({ min: 0, max: COLS - 1 }),
        rows: fc.integer({ min: 1, max: 3 }),
        cols: fc.integer({ min: 1, max: 3 }),
      })
      .chain((b) =>
        fc
          .array(fc.array(fc.option(value, { nil: null }), { minLength: b.cols, maxLength: b.cols }), {
            minLength: b.rows,
            maxLength: b.rows,
          })
          .map((values) => ({ ...b, values })),
      ),
    { maxLength: 4 },
  ),
  fills: fc.array(
    fc.record({
      sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
      cells: fc.uniqueArray(fc.constantFrom(...addresses), { minLength: 1, maxLength: 8 }),
      color: fc.constantFrom(...PALETTE.slice(0, 3)),
    }),
    { maxLength: 3 },
  ),
  notes: fc.array(
    fc.record({
      sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
      cell: fc.constantFrom(...addresses),
      text: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
      knowsPrevious: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  addSheet: fc.option(fc.array(fc.array(fc.option(value, { nil: null }), { maxLength: 4 }), { maxLength: 4 }), {
    nil: null,
  }),
});

/** The plan of a seed against what the scan read; cells touched twice by one kind of write are dropped. */
function planOf(seed: PlanSeed, scan: WorkbookSnapshot, notesNow: (sheet: string, cell: string) => string | null) {
  const actions: WriteAction[] = [];
  const taken = { value: new Set<string>(), fill: new Set<string>(), note: new Set<string>() };
  const claim = (kind: keyof typeof taken, sheet: string, cells: string[]) => {
    if (cells.some((c) => taken[kind].has(`${sheet}!${c}`))) return false;
    for (const c of cells) taken[kind].add(`${sheet}!${c}`);
    return true;
  };
  for (const b of seed.blocks) {
    const sheet = SHEETS[b.sheet] as string;
    const rows = Math.min(b.rows, ROWS - b.top);
    const cols = Math.min(b.cols, COLS - b.left);
    const cells = Array.from({ length: rows * cols }, (_, i) =>
      cellAddress(b.top + Math.floor(i / cols), b.left + (i % cols)),
    );
    if (!claim('value', sheet, cells)) continue;
    const read = scan.sheets.find((s) => s.name === sheet);
    actions.push({
      kind: 'set_values',
      sheet,
      at: cellAddress(b.top, b.left),
      values: b.values.slice(0, rows).map((r) => r.slice(0, cols)),
      previous: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => read?.rows[b.top + r]?.[b.left + c]?.value ?? null),
      ),
    });
  }
  for (const f of seed.fills) {
    const sheet = SHEETS[f.sheet] as string;
    const cells = f.cells.filter((c) => !taken.fill.has(`${sheet}!${c}`));
    if (cells.length && claim('fill', sheet, cells)) actions.push({ kind: 'set_fill', sheet, cells, color: f.color });
  }
  for (const n of seed.notes) {
    const sheet = SHEETS[n.sheet] as string;
    if (!claim('note', sheet, [n.cell])) continue;
    actions.push({
      kind: 'set_note',
      sheet,
      cell: n.cell,
      text: n.text,
      ...(n.knowsPrevious ? { previous: notesNow(sheet, n.cell) } : {}),
    });
  }
  if (seed.addSheet) actions.push({ kind: 'add_sheet', sheet: '审核报告', values: seed.addSheet });
  return { title: '随机计划', actions } satisfies WritePlan;
}

/** What a user can do to one cell between two operations. */
type Edit =
  | { kind: 'value'; sheet: string; cell: string; value: Exclude<CellValue, null> }
  | { kind: 'fill'; sheet: string; cell: string; color: string }
  | { kind: 'note'; sheet: string; cell: string; text: string };

/** Cells as data: what the properties compare. */
interface State {
  sheets: string[];
  cells: Record<string, { value: CellValue; formula?: string }>;
  fills: Record<string, string>;
  notes: Record<string, string>;
}

/** One adapter and its workbook, behind the same few operations. */
interface World {
  scan(): Promise<WorkbookSnapshot>;
  apply(plan: WritePlan): Promise<WritePlan>;
  state(): State;
  edit(e: Edit): void;
}

const errorText = (v: string) => (/^#(REF!|DIV\/0!)$/.test(v) ? { error: v } : v);

class OfficeWorld implements World {
  readonly excel: FakeExcel;
  constructor(g: Grid) {
    this.excel = new FakeExcel(
      SHEETS.map((name): FakeSheetData => ({
        name,
        cells: Object.fromEntries(
          Object.entries(g.cells[name] ?? {}).map(([a, c]): [string, FakeCell] => [
            a,
            c.kind === 'formula'
              ? { value: c.value, formula: c.formula }
              : { value: typeof c.value === 'object' ? (c.value?.error as string) : c.value },
          ]),
        ),
        fills: { ...g.fills[name] },
        notes: { ...g.notes[name] },
      })),
    );
  }
  scan() {
    return readWorkbookSnapshot(this.excel.run, { name: 'fuzz.xlsx' });
  }
  apply(plan: WritePlan) {
    return applyPlan(this.excel.run, plan, { notes: true, comments: true });
  }
  state(): State {
    const out: State = { sheets: [], cells: {}, fills: {}, notes: {} };
    for (const s of this.excel.sheets.filter((x) => !x.deleted)) {
      out.sheets.push(s.name);
      for (const [a, c] of s.cells)
        out.cells[`${s.name}!${a}`] = {
          value: typeof c.value === 'string' ? errorText(c.value) : c.value,
          ...(c.formula ? { formula: c.formula } : {}),
        };
      for (const [a, f] of s.fills) out.fills[`${s.name}!${a}`] = f.toUpperCase();
      for (const [a, n] of s.notes) out.notes[`${s.name}!${a}`] = n;
    }
    return out;
  }
  edit(e: Edit): void {
    const s = this.excel.sheet(e.sheet);
    if (e.kind === 'value')
      s.cells.set(e.cell, { value: typeof e.value === 'object' ? (e.value?.error as string) : e.value });
    else if (e.kind === 'fill') s.fills.set(e.cell, e.color);
    else s.notes.set(e.cell, e.text);
  }
}

const argb = (color: string) => `FF${color.slice(1).toUpperCase()}`;

class ExcelJsWorld implements World {
  readonly workbook = new ExcelJS.Workbook();
  readonly platform: ExcelJsPlatform;
  constructor(g: Grid) {
    for (const name of SHEETS) {
      const ws = this.workbook.addWorksheet(name);
      for (const [a, c] of Object.entries(g.cells[name] ?? {}))
        ws.getCell(a).value =
          c.kind === 'formula'
            ? { formula: c.formula.slice(1), result: c.value }
            : typeof c.value === 'object'
              ? { error: c.value.error as ExcelJS.CellErrorValue['error'] }
              : c.value;
      for (const [a, color] of Object.entries(g.fills[name] ?? {}))
        ws.getCell(a).style = {
          ...ws.getCell(a).style,
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } },
        };
      for (const [a, n] of Object.entries(g.notes[name] ?? {})) ws.getCell(a).note = n;
    }
    this.platform = new ExcelJsPlatform(this.workbook, 'fuzz.xlsx', 'zh-CN');
  }
  scan() {
    return Promise.resolve(snapshotOf(this.workbook, 'fuzz.xlsx'));
  }
  apply(plan: WritePlan) {
    return this.platform.applyPlan(plan);
  }
  state(): State {
    const out: State = { sheets: [], cells: {}, fills: {}, notes: {} };
    for (const ws of this.workbook.worksheets) {
      out.sheets.push(ws.name);
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          const key = `${ws.name}!${c.address}`;
          const v = c.value as ExcelJS.CellValue;
          if (v !== null && v !== undefined) {
            const formula = typeof v === 'object' && 'formula' in v ? `=${String(v.formula)}` : undefined;
            out.cells[key] = { value: toCellValue(v as never), ...(formula ? { formula } : {}) };
          }
          const fill = c.fill;
          if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
            out.fills[key] = `#${fill.fgColor.argb.slice(-6).toUpperCase()}`;
          const note = c.note;
          if (typeof note === 'string') out.notes[key] = note;
          else if (note && typeof note === 'object' && 'texts' in note)
            out.notes[key] = (note.texts ?? []).map((t) => t.text).join('');
        }),
      );
    }
    return out;
  }
  edit(e: Edit): void {
    const c = this.workbook.getWorksheet(e.sheet)?.getCell(e.cell) as ExcelJS.Cell;
    if (e.kind === 'value')
      c.value = typeof e.value === 'object' ? { error: e.value.error as ExcelJS.CellErrorValue['error'] } : e.value;
    else if (e.kind === 'fill')
      c.style = { ...c.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(e.color) } } };
    else c.note = e.text;
  }
}

/** The preview's model platform, read from the file the ExcelJS world's workbook saves as. */
class ModelWorld implements World {
  private constructor(readonly platform: ModelPlatform) {}
  static async of(g: Grid): Promise<ModelWorld> {
    const bytes = new Uint8Array(await new ExcelJsWorld(g).workbook.xlsx.writeBuffer());
    return new ModelWorld(ModelPlatform.read(bytes, 'fuzz.xlsx', 'zh-CN'));
  }
  scan() {
    return this.platform.readSnapshot({});
  }
  apply(plan: WritePlan) {
    return this.platform.applyPlan(plan);
  }
  state(): State {
    const out: State = { sheets: [], cells: {}, fills: {}, notes: {} };
    for (const s of this.platform.model.sheets) {
      out.sheets.push(s.name);
      for (const [k, c] of s.cells) {
        const key = `${s.name}!${cellAddress(rowOfKey(k), colOfKey(k))}`;
        if (c.value !== null) out.cells[key] = { value: c.value, ...(c.formula ? { formula: '=' } : {}) };
        if (c.fill?.startsWith('#')) out.fills[key] = c.fill.toUpperCase();
        if (c.note !== undefined) out.notes[key] = c.note;
      }
    }
    return out;
  }
  edit(e: Edit): void {
    const { top, left } = parseRange(e.cell);
    const m = this.platform.model;
    if (e.kind === 'value') m.setValue(e.sheet, top, left, e.value, undefined);
    else if (e.kind === 'fill') m.setFill(e.sheet, top, left, e.color);
    else m.setNote(e.sheet, top, left, e.text);
  }
}

const WORLDS: [string, (g: Grid) => World | Promise<World>][] = [
  ['Office adapter (fake Excel)', (g) => new OfficeWorld(g)],
  ['ExcelJS adapter', (g) => new ExcelJsWorld(g)],
  ["preview's model platform", (g) => ModelWorld.of(g)],
];

/** Every cell an executed plan wrote, by kind, with what it wrote. */
function written(plan: WritePlan): Edit[] {
  const out: Edit[] = [];
  for (const a of plan.actions) {
    if (a.kind === 'set_values') {
      const at = parseRange(a.at);
      a.values.forEach((row, r) =>
        row.forEach((v, c) =>
          out.push({ kind: 'value', sheet: a.sheet, cell: cellAddress(at.top + r, at.left + c), value: v ?? '' }),
        ),
      );
    } else if (a.kind === 'set_fill')
      for (const cell of a.cells) out.push({ kind: 'fill', sheet: a.sheet, cell, color: a.color ?? '' });
    else if (a.kind === 'set_note') out.push({ kind: 'note', sheet: a.sheet, cell: a.cell, text: a.text ?? '' });
  }
  return out;
}

/** An edit of the user's to a written cell: something neither the plan nor the cell before held. */
function userEdit(w: Edit, pick: number): Edit {
  if (w.kind === 'value') return { ...w, value: `用户改${pick}` };
  if (w.kind === 'fill') return { ...w, color: PALETTE[3 + (pick % 2)] as string };
  return { ...w, text: `用户批注${pick}` };
}

const sortSkipped = (s: readonly SkippedWrite[] | undefined) =>
  [...(s ?? [])].map((x) => `${x.reason}:${x.sheet}!${x.cell}`).sort();

/** The state a set of edits makes of `base`, cell by cell. */
function withEdits(base: State, edits: readonly Edit[]): State {
  const out: State = { ...base, cells: { ...base.cells }, fills: { ...base.fills }, notes: { ...base.notes } };
  for (const e of edits) {
    const key = `${e.sheet}!${e.cell}`;
    if (e.kind === 'value') out.cells[key] = { value: e.value };
    else if (e.kind === 'fill') out.fills[key] = e.color.toUpperCase();
    else out.notes[key] = e.text;
  }
  return out;
}

describe.each(WORLDS)('write plans, fuzzed: %s', (_name, make) => {
  it('apply then invert restores every cell; re-applying gives the first result again', async () => {
    await fc.assert(
      fc.asyncProperty(grid, planSeed, async (g, seed) => {
        const world = await make(g);
        const before = world.state();
        const scan = await world.scan();
        const plan = planOf(seed, scan, (s, c) => g.notes[s]?.[c] ?? null);
        const done = await world.apply(plan);
        const after = world.state();
        const undone = await world.apply(invertPlan(done));
        expect(undone.skipped).toBeUndefined();
        expect(world.state()).toEqual(before);
        const again = await world.apply(plan);
        expect(world.state()).toEqual(after);
        expect(again).toEqual(done);
        // Only formulas (never overwritten) are skipped on a workbook nobody touched.
        for (const s of done.skipped ?? []) {
          expect(s.reason).toBe('changed');
          expect(before.cells[`${s.sheet}!${s.cell}`]?.formula).toBeDefined();
        }
      }),
      params,
    );
  });

  it('a cell the user changed after the apply is left as the user made it, and listed, at undo', async () => {
    await fc.assert(
      fc.asyncProperty(grid, planSeed, fc.array(fc.nat(), { maxLength: 6 }), async (g, seed, picks) => {
        const world = await make(g);
        const before = world.state();
        const done = await world.apply(planOf(seed, await world.scan(), (s, c) => g.notes[s]?.[c] ?? null));
        const targets = written(done);
        fc.pre(targets.length > 0);
        const edits = [
          ...new Map(picks.map((p) => targets[p % targets.length] as Edit).map((t) => [JSON.stringify(t), t])).values(),
        ].map((t, i) => userEdit(t, i));
        for (const e of edits) world.edit(e);
        const undone = await world.apply(invertPlan(done));
        expect(sortSkipped(undone.skipped)).toEqual(edits.map((e) => `changed:${e.sheet}!${e.cell}`).sort());
        // The user's edits stand; every other written cell is back as it was.
        expect(world.state()).toEqual(withEdits(before, edits));
      }),
      params,
    );
  });

  it('a cell the user changed between the scan and the apply is not overwritten, and is listed', async () => {
    await fc.assert(
      fc.asyncProperty(grid, planSeed, fc.array(fc.nat(), { maxLength: 6 }), async (g, seed, picks) => {
        const world = await make(g);
        const scan = await world.scan();
        const plan = planOf(seed, scan, (s, c) => g.notes[s]?.[c] ?? null);
        // Cells the plan expects something of: its value blocks, and the notes whose previous text it knows.
        const guarded = written(plan).filter(
          (w) =>
            w.kind === 'value' ||
            (w.kind === 'note' &&
              plan.actions.some(
                (a) => a.kind === 'set_note' && a.cell === w.cell && a.sheet === w.sheet && 'previous' in a,
              )),
        );
        fc.pre(guarded.length > 0);
        const edits = [
          ...new Map(
            picks.map((p) => guarded[p % guarded.length] as Edit).map((t) => [`${t.kind}${t.sheet}${t.cell}`, t]),
          ).values(),
        ].map((t, i) => userEdit(t, i));
        for (const e of edits) world.edit(e);
        const edited = world.state();
        const done = await world.apply(plan);
        const after = world.state();
        for (const e of edits) {
          const key = `${e.sheet}!${e.cell}`;
          if (e.kind === 'value') expect(after.cells[key]).toEqual(edited.cells[key]);
          else expect(after.notes[key]).toEqual(edited.notes[key]);
        }
        const skipped = sortSkipped(done.skipped);
        for (const e of edits) expect(skipped).toContain(`changed:${e.sheet}!${e.cell}`);
        // Undoing what was really done gives the edited workbook back.
        await world.apply(invertPlan(done));
        expect(world.state()).toEqual(edited);
      }),
      params,
    );
  });
});

describe('the Office adapter writes what applyPlanToSnapshot says a plan writes', () => {
  it('holds for random grids and plans', async () => {
    await fc.assert(
      fc.asyncProperty(grid, planSeed, async (g, seed) => {
        const world = new OfficeWorld(g);
        const scan = await world.scan();
        const done = await world.apply(planOf(seed, scan, (s, c) => g.notes[s]?.[c] ?? null));
        const expected = applyPlanToSnapshot(scan, done);
        const actual = await world.scan();
        const values = (w: WorkbookSnapshot) =>
          w.sheets.map((s) => ({
            name: s.name,
            cells: s.rows.flatMap((r, i) => (r ?? []).flatMap((c, j) => (c ? [[cellAddress(i, j), c.value]] : []))),
          }));
        const a = values(actual);
        const e = values(expected);
        expect(a.map((s) => s.name)).toEqual(e.map((s) => s.name));
        a.forEach((s, i) => {
          const want = new Map((e[i]?.cells ?? []) as [string, CellValue][]);
          expect(s.cells.length).toBe(want.size);
          for (const [addr, v] of s.cells as [string, CellValue][]) expect(sameCellValue(v, want.get(addr))).toBe(true);
        });
      }),
      params,
    );
  });
});
