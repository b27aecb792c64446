import type { RecognisedTable } from '../recognition/model';
import type { Cell, CellValue, SheetSnapshot } from '../snapshot/types';
import { isDateFormat, parseAmount } from '../text/amount';
import { toHalfWidth } from '../text/normalize';
import { sheetOf, type TableView } from './tables';

/**
 * What the format rules ask about how a cell is written (not what it says: amounts are `readIn`'s, labels the rows'):
 * a number stored as text, a one-digit 款/项 code without its zero, a date shown as its serial number. Answered by
 * the model from its own sheets; a rule never holds a cell.
 */
export interface CellFacts {
  /** An amount of the view stored as text ("23,047.39"): the text as written, else null. */
  amountAsText(view: TableView, row: number, col: number): string | null;
  /** A 款/项 part written as one digit (the number 3 without a "00" format, or the text "3"): the digit, else null. */
  digitWithoutZero(table: RecognisedTable, row: number, col: number): string | null;
  /** An integer within Excel's date serials of 1954–2119 not formatted as a date: the number, else null. */
  dateSerial(table: RecognisedTable, row: number, col: number): number | null;
  /** A text value as written (untrimmed) in a table's cell, else null. */
  rawText(table: RecognisedTable, row: number, col: number): string | null;
}

const MIN_SERIAL = 20000; // 1954-10-03
const MAX_SERIAL = 80000; // 2119-01-10

function missingZero(cell: Cell | undefined): string | null {
  const v = cell?.value;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > 9) return null;
    // A "00" number format shows the zero.
    return (cell?.format ?? '').replace(/"[^"]*"/g, '').includes('00') ? null : String(v);
  }
  if (typeof v === 'string') {
    const t = toHalfWidth(v).trim();
    return t.length === 1 && t >= '0' && t <= '9' ? t : null;
  }
  return null;
}

export function buildCellFacts(sheets: ReadonlyMap<string, SheetSnapshot>): CellFacts {
  const cellOf = (table: RecognisedTable, row: number, col: number) => sheets.get(table.sheet)?.rows[row]?.[col];
  return {
    amountAsText(view, row, col) {
      const cell = sheetOf(view).rows[row]?.[col];
      if (typeof cell?.value !== 'string') return null;
      const a = parseAmount(cell);
      return a.kind === 'number' && a.fromText ? cell.value : null;
    },
    digitWithoutZero: (table, row, col) => missingZero(cellOf(table, row, col)),
    dateSerial(table, row, col) {
      const cell = cellOf(table, row, col);
      const v = cell?.value;
      return typeof v !== 'number' ||
        v < MIN_SERIAL ||
        v > MAX_SERIAL ||
        !Number.isInteger(v) ||
        isDateFormat(cell?.format)
        ? null
        : v;
    },
    rawText(table, row, col) {
      const v: CellValue | undefined = cellOf(table, row, col)?.value;
      return typeof v === 'string' ? v : null;
    },
  };
}
