import type { Cell, CellRange, CellValue, SheetSnapshot } from '../../core';
import type { CellStyles } from './number-formats';
import { readStringItem } from './shared-strings';
import { columnOfText, rowOfText, Token, XmlScanner } from './xml-scanner';

/**
 * One worksheet part → a sheet snapshot, in one pass over its XML. The used range counts only cells holding a value
 * (templates style whole columns out to IV). The rules for what a cell holds follow the ExcelJS path the reports
 * were built on (see tests/adapters/fast-reader-differential.test.ts for where and why the two readers differ).
 */

export interface SheetContext {
  readonly strings: readonly (string | undefined)[];
  readonly styles: CellStyles;
  readonly date1904: boolean;
  /** Most cells holding a value this sheet may add (see SizeLimits.sheetCells); beyond it CellBudgetExceeded. */
  readonly maxCells?: number;
}

/** A sheet holding more cells than the review's budget: reported as too_large before memory runs out. */
export class CellBudgetExceeded extends Error {
  constructor(
    readonly sheet: string,
    readonly limit: number,
  ) {
    super(`工作表“${sheet}”的单元格超过 ${limit.toLocaleString('en-US')} 个`);
    this.name = 'CellBudgetExceeded';
  }
}

interface RowData {
  hidden: boolean;
  /** Whether a cell of the row holds anything at all (ExcelJS's "row has values"), even a formula without result. */
  occupied: boolean;
  cells: (Cell | undefined)[];
}

interface ColumnSpec {
  min: number;
  max: number;
  hidden: boolean;
}

const UNCALCULATED: Cell = { value: null, uncalculated: true };
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/**
 * A date-formatted serial as the ExcelJS path yields it: through a Date at millisecond precision, in the 1900 date
 * system (a 1904 workbook's serials move by 1462 days).
 */
function dateSerial(serial: number, date1904: boolean): number {
  const ms = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS)).getTime();
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

const columnOf = columnOfText;
const rowOf = rowOfText;

export function parseRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.trim().split(':');
  if (!a || !b) return undefined;
  const r1 = rowOf(a);
  const r2 = rowOf(b);
  const c1 = columnOf(a);
  const c2 = columnOf(b);
  if (!(r1 >= 0 && r2 >= 0 && c1 >= 0 && c2 >= 0)) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Reads the cell whose `<c>` start tag was just returned; `null` value = the cell holds nothing to review. */
export class CellReader {
  value: CellValue = null;
  format: string | undefined = undefined;
  occupied = false;
  /** A formula the file holds no result for (never calculated): not blank, not 0. */
  uncalculated = false;
  /** The cell holds a formula (with or without a cached result). */
  formula = false;
  /** The cell's style (its index in the styles' cellXfs). */
  styleIndex = 0;

  constructor(private readonly ctx: SheetContext) {}

  read(sc: XmlScanner): void {
    const type = sc.attr('t');
    const styleIndex = sc.attrInt('s') || 0;
    let formula = false;
    let hasResult = false;
    let raw: string | undefined;
    let inline: string | undefined;
    if (!sc.selfClosing) {
      for (let t = sc.next(); t !== Token.End; t = sc.next()) {
        if (t === Token.Close) {
          if (sc.name === 'c') break;
          continue;
        }
        if (t !== Token.Open) continue;
        if (sc.name === 'v') {
          hasResult = true;
          raw = readContent(sc, raw);
        } else if (sc.name === 'f') {
          if (sc.attr('t') !== undefined) formula = true;
          if (readContent(sc, undefined)) formula = true;
        } else if (sc.name === 'is') inline = readStringItem(sc, 'is');
        else sc.skipElement();
      }
    }
    const style = this.ctx.styles.of(styleIndex);
    this.formula = formula;
    this.styleIndex = styleIndex;
    this.format = undefined;
    this.value = null;
    this.uncalculated = formula && !hasResult;
    if (formula) {
      // A cached result is the formula's value, 0 and FALSE included (ExcelJS drops falsy results).
      this.occupied = true;
      if (raw) this.value = this.typed(type, raw, style.isDate);
    } else if (type === 'inlineStr') {
      this.occupied = !!inline || raw !== undefined;
      this.value = inline ?? raw ?? null;
    } else if (raw !== undefined) {
      this.occupied = true;
      this.value = this.typed(type, raw, style.isDate);
    } else this.occupied = false;
    if (typeof this.value === 'number' && style.format !== 'General') this.format = style.format;
  }

  private typed(type: string | undefined, raw: string, isDate: boolean): CellValue {
    switch (type) {
      case 's':
        return this.ctx.strings[parseInt(raw, 10)] ?? null;
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return parseInt(raw, 10) !== 0;
      case 'e':
        return { error: raw };
      case 'd': {
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
        return Number.isNaN(ms) ? raw : (ms - EXCEL_EPOCH_MS) / DAY_MS;
      }
      default: {
        const n = parseFloat(raw);
        return isDate ? dateSerial(n, this.ctx.date1904) : n;
      }
    }
  }
}

/** The text content of the element just opened (undefined when it has none), appended to `previous`. */
export function readContent(sc: XmlScanner, previous: string | undefined): string | undefined {
  let text = previous;
  if (sc.selfClosing) return text;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t === Token.Text) text = (text ?? '') + sc.text();
    else if (t === Token.Close) break;
    else if (t === Token.Open) sc.skipElement();
  }
  return text;
}

export function readWorksheet(name: string, xml: string, ctx: SheetContext): SheetSnapshot {
  const sc = new XmlScanner(xml);
  const rows: (RowData | undefined)[] = [];
  const merges: CellRange[] = [];
  const columns: ColumnSpec[] = [];
  const cell = new CellReader(ctx);
  let previousRow = -1;
  let current: RowData | undefined;
  let previousCol = -1;
  let stored = 0;
  const maxCells = ctx.maxCells ?? Infinity;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t === Token.Close) {
      if (sc.name === 'row') current = undefined;
      continue;
    }
    if (t !== Token.Open) continue;
    switch (sc.name) {
      case 'row': {
        const r = sc.attrInt('r');
        const index = r === undefined ? previousRow + 1 : r - 1;
        previousRow = index;
        previousCol = -1;
        current = { hidden: isTrue(sc.attr('hidden')), occupied: false, cells: [] };
        if (index >= 0) rows[index] = current;
        if (sc.selfClosing) current = undefined;
        break;
      }
      case 'c': {
        const ref = sc.attrColumn('r');
        const col = ref === undefined ? previousCol + 1 : ref;
        previousCol = col;
        cell.read(sc);
        if (!current || col < 0) break;
        if (cell.occupied) current.occupied = true;
        if (cell.uncalculated) current.cells[col] = UNCALCULATED;
        else if (cell.value === null || cell.value === '') {
          delete current.cells[col];
          break;
        } else current.cells[col] = cell.format ? { value: cell.value, format: cell.format } : { value: cell.value };
        if (++stored > maxCells) throw new CellBudgetExceeded(name, maxCells);
        break;
      }
      case 'mergeCell': {
        const range = parseRange(sc.attr('ref') ?? '');
        if (range) merges.push(range);
        break;
      }
      case 'col':
        columns.push({
          min: parseInt(sc.attr('min') ?? '0', 10),
          max: parseInt(sc.attr('max') ?? '0', 10),
          hidden: isTrue(sc.attr('hidden')),
        });
        break;
      case 'extLst':
      case 'AlternateContent':
        sc.skipElement();
        break;
    }
  }
  return toSnapshot(name, rows, merges, columns);
}

function toSnapshot(
  name: string,
  rows: (RowData | undefined)[],
  merges: CellRange[],
  columns: ColumnSpec[],
): SheetSnapshot {
  // A merged area's followers hold nothing (their stored values are not shown); they still occupy their rows.
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      if (r > m.top || m.right > m.left) row.occupied = true;
      const right = Math.min(m.right, row.cells.length - 1);
      for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) delete row.cells[c];
    }
  }
  const out: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let lastRow = -1;
  let columnCount = 0;
  rows.forEach((row, r) => {
    if (!row?.occupied) return;
    if (row.hidden) hiddenRows.push(r);
    let width = 0;
    row.cells.forEach((_, c) => (width = c + 1));
    if (width === 0) return;
    row.cells.length = width;
    out[r] = row.cells;
    lastRow = r;
    if (width > columnCount) columnCount = width;
  });
  out.length = lastRow + 1;
  const kept = merges.filter((m) => m.top <= lastRow && m.left < columnCount);
  return { name, rows: out, columnCount, merges: kept, hiddenRows, hiddenColumns: hiddenColumns(columns, columnCount) };
}

/** Hidden columns among the used ones; overlapping `<col>` ranges: the one starting first wins (as ExcelJS reads). */
function hiddenColumns(columns: ColumnSpec[], columnCount: number): number[] {
  const hidden: number[] = [];
  let next = 1;
  for (const col of [...columns].sort((a, b) => a.min - b.min)) {
    next = Math.max(next, col.min);
    for (; next <= col.max && next <= columnCount; next++) if (col.hidden) hidden.push(next - 1);
    next = Math.max(next, col.max + 1);
  }
  return hidden;
}
