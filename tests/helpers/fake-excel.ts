import { cellAddress, parseRange } from '../../src/core/snapshot/address';
import type { CellRange } from '../../src/core/snapshot/types';
import type {
  ExcelComment,
  ExcelCommentCollection,
  ExcelContext,
  ExcelFill,
  ExcelNote,
  ExcelNoteCollection,
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
 * (Excel on the web's 5 MB cap) or asks for more than 512 merged areas at once. It implements exactly the structural
 * types of src/platform/office/excel-api.ts, which are checked against @types/office-js, so a member the real API
 * lacks cannot be faked here either. Values written through `range.values` are parsed as Excel parses them: a leading
 * apostrophe makes the rest literal text; otherwise "=…" (and "+…", "-…", "@…" that are not numbers) become formulas
 * and numeric text becomes a number.
 */
export interface FakeCell {
  value: string | number | boolean;
  format?: string;
  /** A formula ("=SUM(A1:A3)"); `value` is then its cached result. */
  formula?: string;
}

/** How Excel stores a value written through range.values. */
export function parseAsExcel(value: string | number | boolean): FakeCell {
  if (typeof value !== 'string') return { value };
  if (value.startsWith("'")) return { value: value.slice(1) };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value)) return { value: Number(value) };
  if (/^[=+\-@]/.test(value)) return { value: '#NAME?', formula: value.startsWith('=') ? value : `=${value}` };
  return { value };
}

export interface FakeSheetData {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Record<string, FakeCell | string | number>;
  merges?: string[];
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  comments?: Record<string, string>;
}

export interface FakeOptions {
  /** A sync loading more cells than this fails with RequestPayloadSizeLimitExceeded. */
  maxCellsPerSync?: number;
  /** A sync whose written values, addresses and notes exceed this many UTF-8 bytes is rejected whole (5 MB). */
  maxPayloadBytes?: number;
  notes?: boolean;
}

class Sheet {
  cells = new Map<string, FakeCell>();
  fills = new Map<string, string>();
  merges: CellRange[] = [];
  notes = new Map<string, string>();
  comments = new Map<string, string>();
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
  private payload = 0;
  /** The largest write payload a sync carried (bytes). */
  maxPayloadSeen = 0;
  /** Ranges whose values, formulas or number formats were read, and how many cells they held. */
  rangeReads = 0;
  cellsRead = 0;
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
      for (const [addr, text] of Object.entries(d.notes ?? {})) s.notes.set(addr, text);
      for (const [addr, text] of Object.entries(d.comments ?? {})) s.comments.set(addr, text);
      this.sheets.push(s);
    }
  }

  sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name && !x.deleted);
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
    return s;
  }

  enqueue(op: () => number, payload = 0): void {
    this.queue.push(op);
    this.payload += payload;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    const payload = this.payload;
    this.queue = [];
    this.payload = 0;
    this.maxPayloadSeen = Math.max(this.maxPayloadSeen, payload);
    if (this.options.maxPayloadBytes !== undefined && payload > this.options.maxPayloadBytes)
      throw Object.assign(new Error('The request payload size has exceeded the limit (5 MB).'), {
        code: 'RequestPayloadSizeLimitExceeded',
      });
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
      comments: new Comments(excel),
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
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.excel, name, false, true);
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
  private missing = false;
  constructor(
    private readonly excel: FakeExcel,
    readonly name: string,
    loaded: boolean,
    private readonly orNull = false,
  ) {
    super();
    this.loaded = loaded;
  }
  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    this.check();
    return this.excel.sheet(this.name).visibility as 'Visible' | 'Hidden' | 'VeryHidden';
  }
  get isNullObject(): boolean {
    this.check();
    return this.missing;
  }
  load(): void {
    this.excel.enqueue(() => {
      if (this.orNull) this.missing = !this.excel.sheets.some((s) => s.name === this.name && !s.deleted);
      else this.excel.sheet(this.name);
      this.loaded = true;
      return 0;
    });
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

/** Cells → rectangles: each row's runs of adjacent cells, a run extended down while the next row has the same run. */
function rectangles(cells: [number, number][]): CellRange[] {
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const done: CellRange[] = [];
  let open = new Map<string, CellRange>();
  let i = 0;
  while (i < cells.length) {
    const row = (cells[i] as [number, number])[0];
    const next = new Map<string, CellRange>();
    while (i < cells.length && (cells[i] as [number, number])[0] === row) {
      const left = (cells[i] as [number, number])[1];
      let right = left;
      while (i + 1 < cells.length && cells[i + 1]?.[0] === row && cells[i + 1]?.[1] === right + 1) {
        right++;
        i++;
      }
      i++;
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        open.delete(key);
        next.set(key, { ...above, bottom: row });
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

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
    }, 60);
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
  private data: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][] } = {
    values: [],
    formulas: [],
    numberFormat: [],
  };
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
    this.excel.enqueue(
      () => {
        const box = this.locate() as CellRange;
        const s = this.excel.sheet(this.sheet);
        v.forEach((row, i) =>
          row.forEach((value, j) => {
            const a = cellAddress(box.top + i, box.left + j);
            if (value === '' || value === null) s.cells.delete(a);
            else {
              const { format } = s.cells.get(a) ?? {};
              const parsed = parseAsExcel(value as string | number | boolean);
              s.cells.set(a, format === undefined ? parsed : { ...parsed, format });
            }
          }),
        );
        return 0;
      },
      Buffer.byteLength(JSON.stringify(v)),
    );
  }
  get formulas(): unknown[][] {
    this.check();
    return this.data.formulas;
  }
  get numberFormat(): unknown[][] {
    this.check();
    return this.data.numberFormat;
  }
  set numberFormat(v: unknown[][]) {
    this.excel.enqueue(
      () => {
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
      },
      Buffer.byteLength(JSON.stringify(v)),
    );
  }
  load(props: string | string[]): void {
    const wanted = Array.isArray(props) ? props : [props];
    this.excel.enqueue(() => {
      this.box = this.locate();
      this.loaded = true;
      if (!this.box || !wanted.some((p) => p === 'values' || p === 'numberFormat' || p === 'formulas')) return 0;
      const s = this.excel.sheet(this.sheet);
      const { top, left, bottom, right } = this.box;
      this.data = { values: [], formulas: [], numberFormat: [] };
      for (let r = top; r <= bottom; r++) {
        const vs: unknown[] = [];
        const fo: unknown[] = [];
        const fs: unknown[] = [];
        for (let c = left; c <= right; c++) {
          const cell = s.cells.get(cellAddress(r, c));
          vs.push(cell?.value ?? '');
          fo.push(cell?.formula ?? cell?.value ?? '');
          fs.push(cell?.format ?? 'General');
        }
        this.data.values.push(vs);
        this.data.formulas.push(fo);
        this.data.numberFormat.push(fs);
      }
      this.excel.rangeReads++;
      this.excel.cellsRead += (bottom - top + 1) * (right - left + 1);
      return (bottom - top + 1) * (right - left + 1);
    });
  }
  /** The cells holding constants (or formulas) inside the range, as rectangles: row runs stacked where they align. */
  getSpecialCellsOrNullObject(cellType: 'Constants' | 'Formulas'): RangeAreas {
    return new RangeAreas(this.excel, this.sheet, () => {
      const box = this.locate() as CellRange;
      const hits: [number, number][] = [];
      for (const [a, cell] of this.excel.sheet(this.sheet).cells) {
        const { top, left } = parseRange(a);
        if (top < box.top || top > box.bottom || left < box.left || left > box.right || cell.value === '') continue;
        if ((cell.formula !== undefined) === (cellType === 'Formulas')) hits.push([top, left]);
      }
      return rectangles(hits);
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

/** "'My ''Sheet'''!B3" → the sheet and "B3". */
function splitAddress(excel: FakeExcel, address: string): [Sheet, string] {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'([\s\S]*)'$/, '$1')
    .replace(/''/g, "'");
  return [excel.sheet(sheet), address.slice(bang + 1)];
}

/** A note or a comment, found by its cell: content and delete act on the cell's note at sync time. */
class FakeNote extends Proxy implements ExcelNote, ExcelComment {
  private text: string | null = null;
  constructor(
    private readonly excel: FakeExcel,
    private readonly address: string,
    private readonly store: 'notes' | 'comments',
    known?: string,
  ) {
    super();
    if (known !== undefined) {
      this.text = known;
      this.loaded = true;
    }
  }
  private where(): [Sheet, string] {
    return splitAddress(this.excel, this.address);
  }
  private map(s: Sheet): Map<string, string> {
    return this.store === 'notes' ? s.notes : s.comments;
  }
  get isNullObject(): boolean {
    this.check();
    return this.text === null;
  }
  get content(): string {
    this.check();
    if (this.text === null) throw new Error('InvalidOperation: the note is a null object');
    return this.text;
  }
  set content(value: string) {
    this.excel.enqueue(() => {
      const [s, cell] = this.where();
      if (!this.map(s).has(cell)) throw Object.assign(new Error('ItemNotFound: no note'), { code: 'ItemNotFound' });
      this.map(s).set(cell, value);
      return 0;
    }, Buffer.byteLength(value));
  }
  load(): void {
    this.excel.enqueue(() => {
      const [s, cell] = this.where();
      this.text = this.map(s).get(cell) ?? null;
      this.loaded = true;
      return 0;
    });
  }
  delete(): void {
    this.excel.enqueue(() => {
      const [s, cell] = this.where();
      if (!this.map(s).delete(cell)) throw Object.assign(new Error('ItemNotFound: no note'), { code: 'ItemNotFound' });
      return 0;
    });
  }
  getLocation(): Range {
    const [s, cell] = this.where();
    return new Range(this.excel, s.name, () => parseRange(cell));
  }
}

class Notes implements ExcelNoteCollection {
  constructor(private readonly excel: FakeExcel) {}
  add(address: string, content: string): FakeNote {
    this.excel.enqueue(() => {
      const [s, cell] = splitAddress(this.excel, address);
      if (s.notes.has(cell)) throw Object.assign(new Error('The cell already has a note'), { code: 'InvalidArgument' });
      s.notes.set(cell, content);
      return 0;
    }, Buffer.byteLength(content));
    return new FakeNote(this.excel, address, 'notes');
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.excel, address, 'notes');
  }
}

class Comments extends Proxy implements ExcelCommentCollection {
  private list: FakeNote[] = [];
  constructor(private readonly excel: FakeExcel) {
    super();
  }
  get items(): readonly FakeNote[] {
    this.check();
    return this.list;
  }
  load(): void {
    this.excel.enqueue(() => {
      this.list = this.excel.sheets
        .filter((s) => !s.deleted)
        .flatMap((s) =>
          [...s.comments].map(
            ([cell, text]) => new FakeNote(this.excel, `'${s.name.replace(/'/g, "''")}'!${cell}`, 'comments', text),
          ),
        );
      this.loaded = true;
      return 0;
    });
  }
  add(address: string, content: string): FakeNote {
    this.excel.enqueue(() => {
      const [s, cell] = splitAddress(this.excel, address);
      if (s.comments.has(cell))
        throw Object.assign(new Error('The cell already has a comment'), { code: 'InvalidArgument' });
      s.comments.set(cell, content);
      return 0;
    }, Buffer.byteLength(content));
    return new FakeNote(this.excel, address, 'comments');
  }
}

export function noteOf(excel: FakeExcel, sheet: string, cell: string): string | undefined {
  return excel.sheet(sheet).notes.get(cell);
}

export function commentOf(excel: FakeExcel, sheet: string, cell: string): string | undefined {
  return excel.sheet(sheet).comments.get(cell);
}
