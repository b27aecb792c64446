import { cellAddress, parseRange } from '../../src/core/snapshot/address';
import type { CellRange } from '../../src/core/snapshot/types';
import type {
  ExcelCommentCollection,
  ExcelContext,
  ExcelFill,
  ExcelNoteLike,
  ExcelRange,
  ExcelRangeAreas,
  ExcelRunner,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from '../../src/platform/office/excel-api';

/**
 * An in-memory Excel for adapter tests. Like Office.js, reads and writes are queued and run in order at sync(); a
 * property read before it was loaded and synced throws. It counts syncs and can fail a sync that reads too many cells
 * (Excel on the web's 5 MB cap) or asks for more than 512 merged areas at once.
 */
export interface FakeCell {
  value: string | number | boolean;
  format?: string;
}

export interface FakeSheetData {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Record<string, FakeCell | string | number>;
  merges?: string[];
  fills?: Record<string, string>;
}

export interface FakeOptions {
  /** A sync loading more cells than this fails with RequestPayloadSizeLimitExceeded. */
  maxCellsPerSync?: number;
  notes?: boolean;
}

class Sheet {
  cells = new Map<string, FakeCell>();
  fills = new Map<string, string>();
  merges: CellRange[] = [];
  notes = new Map<string, string>();
  deleted = false;
  constructor(
    public name: string,
    public visibility: string,
  ) {}
}

class NotLoaded extends Error {}

/** A proxy's properties become readable at the sync after load(). */
class Proxy {
  protected loaded = false;
  protected check(): void {
    if (!this.loaded) throw new NotLoaded('PropertyNotLoaded: call load() and sync() first');
  }
}

export class FakeExcel {
  readonly sheets: Sheet[] = [];
  syncCount = 0;
  active: string | null = null;
  selection: string | null = null;
  private queue: (() => number)[] = [];
  /** Failure to inject at the next sync, if any. */
  failNext: { code: string; message: string } | null = null;

  constructor(
    data: FakeSheetData[],
    readonly options: FakeOptions = {},
  ) {
    for (const d of data) {
      const s = new Sheet(d.name, d.visibility ?? 'Visible');
      for (const [addr, c] of Object.entries(d.cells)) s.cells.set(addr, typeof c === 'object' ? c : { value: c });
      for (const m of d.merges ?? []) s.merges.push(parseRange(m));
      for (const [addr, color] of Object.entries(d.fills ?? {})) s.fills.set(addr, color);
      this.sheets.push(s);
    }
  }

  sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name && !x.deleted);
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
    return s;
  }

  enqueue(op: () => number): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    if (this.failNext) {
      const f = this.failNext;
      this.failNext = null;
      throw Object.assign(new Error(f.message), { code: f.code });
    }
    let cells = 0;
    const done: (() => number)[] = [];
    for (const op of ops) done.push(op);
    for (const op of done) cells += op();
    if (this.options.maxCellsPerSync !== undefined && cells > this.options.maxCellsPerSync)
      throw Object.assign(new Error('The request payload size has exceeded the limit (5 MB).'), {
        code: 'RequestPayloadSizeLimitExceeded',
      });
  }

  readonly run: ExcelRunner = async (batch) => batch(new Context(this));

  fillOf(sheet: string, address: string): string | null {
    return this.sheet(sheet).fills.get(address) ?? null;
  }
}

class Context implements ExcelContext {
  readonly workbook: ExcelWorkbook;
  constructor(private readonly excel: FakeExcel) {
    this.workbook = {
      worksheets: new Worksheets(excel),
      ...(excel.options.notes === false ? {} : { notes: new Notes(excel) }),
      comments: new Notes(excel),
    };
  }
  sync(): Promise<void> {
    return this.excel.sync();
  }
}

class Worksheets extends Proxy implements ExcelWorksheetCollection {
  private list: Worksheet[] = [];
  constructor(private readonly excel: FakeExcel) {
    super();
  }
  get items(): readonly Worksheet[] {
    this.check();
    return this.list;
  }
  load(): void {
    this.excel.enqueue(() => {
      this.list = this.excel.sheets.filter((s) => !s.deleted).map((s) => new Worksheet(this.excel, s.name, true));
      this.loaded = true;
      return 0;
    });
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.excel, name, false);
  }
  add(name: string): Worksheet {
    this.excel.enqueue(() => {
      this.excel.sheets.push(new Sheet(name, 'Visible'));
      return 0;
    });
    return new Worksheet(this.excel, name, false);
  }
}

class Worksheet extends Proxy implements ExcelWorksheet {
  constructor(
    private readonly excel: FakeExcel,
    readonly name: string,
    loaded: boolean,
  ) {
    super();
    this.loaded = loaded;
  }
  get visibility(): string {
    this.check();
    return this.excel.sheet(this.name).visibility;
  }
  load(): void {
    this.excel.enqueue(() => ((this.loaded = true), 0));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.excel, this.name, () => {
      const s = this.excel.sheet(this.name);
      const keys = [...s.cells.keys(), ...(valuesOnly ? [] : [...s.fills.keys()])];
      if (!keys.length) return null;
      const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
      for (const k of keys) {
        const r = parseRange(k);
        box.top = Math.min(box.top, r.top);
        box.left = Math.min(box.left, r.left);
        box.bottom = Math.max(box.bottom, r.bottom);
        box.right = Math.max(box.right, r.right);
      }
      return box;
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range {
    return new Range(this.excel, this.name, () => ({
      top: row,
      left: column,
      bottom: row + rowCount - 1,
      right: column + columnCount - 1,
    }));
  }
  getRange(address: string): Range {
    return new Range(this.excel, this.name, () => parseRange(address));
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(
      this.excel,
      this.name,
      address.split(',').map((a) => parseRange(a.trim())),
    );
  }
  activate(): void {
    this.excel.enqueue(() => ((this.excel.active = this.excel.sheet(this.name).name), 0));
  }
  delete(): void {
    this.excel.enqueue(() => ((this.excel.sheet(this.name).deleted = true), 0));
  }
}

const cellsOf = (r: CellRange): string[] => {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(cellAddress(row, col));
  return out;
};

class Fill extends Proxy implements ExcelFill {
  private c = '#FFFFFF';
  private p = 'None';
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: string,
    private readonly ranges: () => CellRange[],
  ) {
    super();
  }
  get color(): string {
    this.check();
    return this.c;
  }
  set color(value: string) {
    this.excel.enqueue(() => {
      for (const r of this.ranges()) for (const a of cellsOf(r)) this.excel.sheet(this.sheet).fills.set(a, value);
      return 0;
    });
  }
  get pattern(): string {
    this.check();
    return this.p;
  }
  load(): void {
    this.excel.enqueue(() => {
      const colours = new Set(
        this.ranges()
          .flatMap(cellsOf)
          .map((a) => this.excel.sheet(this.sheet).fills.get(a) ?? null),
      );
      const only = colours.size === 1 ? [...colours][0] : undefined;
      this.c = only ?? '#FFFFFF';
      this.p = only ? 'Solid' : 'None';
      this.loaded = true;
      return 0;
    });
  }
  clear(): void {
    this.excel.enqueue(() => {
      for (const r of this.ranges()) for (const a of cellsOf(r)) this.excel.sheet(this.sheet).fills.delete(a);
      return 0;
    });
  }
}

/** Formatting the tests do not inspect: accepted and ignored (merges are recorded). */
const inertFormat = () => ({
  font: { bold: false },
  columnWidth: 0,
  wrapText: false,
  borders: { getItem: () => ({ style: '' }) },
});

class Range extends Proxy implements ExcelRange {
  private box: CellRange | null = null;
  private data: { values: unknown[][]; numberFormat: unknown[][] } = { values: [], numberFormat: [] };
  readonly format: ReturnType<typeof inertFormat> & { fill: Fill };
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: string,
    private readonly locate: () => CellRange | null,
  ) {
    super();
    this.format = { ...inertFormat(), fill: new Fill(excel, sheet, () => [this.locate() as CellRange]) };
  }
  merge(): void {
    this.excel.enqueue(() => (this.excel.sheet(this.sheet).merges.push(this.locate() as CellRange), 0));
  }
  get isNullObject(): boolean {
    this.check();
    return this.box === null;
  }
  get address(): string {
    this.check();
    return `${this.sheet}!${cellAddress((this.box as CellRange).top, (this.box as CellRange).left)}:${cellAddress((this.box as CellRange).bottom, (this.box as CellRange).right)}`;
  }
  get rowIndex(): number {
    this.check();
    return (this.box as CellRange).top;
  }
  get columnIndex(): number {
    this.check();
    return (this.box as CellRange).left;
  }
  get rowCount(): number {
    this.check();
    return (this.box as CellRange).bottom - (this.box as CellRange).top + 1;
  }
  get columnCount(): number {
    this.check();
    return (this.box as CellRange).right - (this.box as CellRange).left + 1;
  }
  get values(): unknown[][] {
    this.check();
    return this.data.values;
  }
  set values(v: unknown[][]) {
    this.excel.enqueue(() => {
      const box = this.locate() as CellRange;
      const s = this.excel.sheet(this.sheet);
      v.forEach((row, i) =>
        row.forEach((value, j) => {
          const a = cellAddress(box.top + i, box.left + j);
          if (value === '' || value === null) s.cells.delete(a);
          else s.cells.set(a, { ...(s.cells.get(a) ?? {}), value: value as string | number | boolean });
        }),
      );
      return 0;
    });
  }
  get numberFormat(): unknown[][] {
    this.check();
    return this.data.numberFormat;
  }
  set numberFormat(v: unknown[][]) {
    this.excel.enqueue(() => {
      const box = this.locate() as CellRange;
      const s = this.excel.sheet(this.sheet);
      v.forEach((row, i) =>
        row.forEach((format, j) => {
          const a = cellAddress(box.top + i, box.left + j);
          const cell = s.cells.get(a);
          if (cell) s.cells.set(a, { ...cell, format: String(format) });
        }),
      );
      return 0;
    });
  }
  load(props: string | string[]): void {
    const wanted = Array.isArray(props) ? props : [props];
    this.excel.enqueue(() => {
      this.box = this.locate();
      this.loaded = true;
      if (!this.box || !wanted.some((p) => p === 'values' || p === 'numberFormat')) return 0;
      const s = this.excel.sheet(this.sheet);
      const { top, left, bottom, right } = this.box;
      this.data = { values: [], numberFormat: [] };
      for (let r = top; r <= bottom; r++) {
        const vs: unknown[] = [];
        const fs: unknown[] = [];
        for (let c = left; c <= right; c++) {
          const cell = s.cells.get(cellAddress(r, c));
          vs.push(cell?.value ?? '');
          fs.push(cell?.format ?? 'General');
        }
        this.data.values.push(vs);
        this.data.numberFormat.push(fs);
      }
      return (bottom - top + 1) * (right - left + 1);
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.excel, this.sheet, () => {
      const box = this.locate() as CellRange;
      const inside = this.excel
        .sheet(this.sheet)
        .merges.filter((m) => m.top >= box.top && m.top <= box.bottom && m.left >= box.left && m.left <= box.right);
      if (inside.length > 512) throw Object.assign(new Error('Too many merged areas'), { code: 'GeneralException' });
      return inside;
    });
  }
  select(): void {
    this.excel.enqueue(
      () => (
        (this.excel.selection = `${this.sheet}!${cellAddress((this.locate() as CellRange).top, (this.locate() as CellRange).left)}`),
        0
      ),
    );
  }
}

class RangeAreas extends Proxy implements ExcelRangeAreas {
  private list: Range[] = [];
  readonly format: { fill: Fill; font: { bold: boolean } };
  private readonly resolve: () => CellRange[];
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: string,
    ranges: CellRange[] | (() => CellRange[]),
  ) {
    super();
    this.resolve = typeof ranges === 'function' ? ranges : () => ranges;
    this.format = { fill: new Fill(excel, sheet, this.resolve), font: { bold: false } };
  }
  get isNullObject(): boolean {
    this.check();
    return this.list.length === 0;
  }
  get areas(): { items: Range[]; load: () => void } {
    this.check();
    return { items: this.list, load: () => undefined };
  }
  load(): void {
    this.excel.enqueue(() => {
      this.list = this.resolve().map((r) => {
        const range = new Range(this.excel, this.sheet, () => r);
        (range as unknown as { box: CellRange; loaded: boolean }).box = r;
        (range as unknown as { loaded: boolean }).loaded = true;
        return range;
      });
      this.loaded = true;
      return 0;
    });
  }
}

class Notes implements ExcelCommentCollection {
  constructor(private readonly excel: FakeExcel) {}
  private split(address: string): [Sheet, string] {
    const [sheet, cell] = address.split('!') as [string, string];
    return [this.excel.sheet(sheet.replace(/^'|'$/g, '').replace(/''/g, "'")), cell];
  }
  add(address: string, content: string): ExcelNoteLike {
    this.excel.enqueue(() => {
      const [s, cell] = this.split(address);
      s.notes.set(cell, content);
      return 0;
    });
    return { delete: () => this.getItemByCell(address).delete() };
  }
  getItemByCell(address: string): ExcelNoteLike {
    return {
      delete: () =>
        this.excel.enqueue(() => {
          const [s, cell] = this.split(address);
          s.notes.delete(cell);
          return 0;
        }),
    };
  }
}

export function noteOf(excel: FakeExcel, sheet: string, cell: string): string | undefined {
  return excel.sheet(sheet).notes.get(cell);
}
