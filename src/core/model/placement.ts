import type { RecognisedTable } from '../recognition/model';
import { pushTo } from '../util/collections';

/**
 * Where the recognised tables sit, for rules that ask of a text cell which table holds it: an index by sheet and row
 * built once per review (linear in the tables' rows), so asking for every text cell of a workbook of thousands of
 * tables costs one lookup each instead of a scan of every table.
 */
export interface TablePlacement {
  /** The tables of a sheet, in recognition order. */
  on(sheet: string): readonly RecognisedTable[];
  /** The tables whose rows include `row` of `sheet` (side-by-side tables share rows). */
  atRow(sheet: string, row: number): readonly RecognisedTable[];
  /** The tables whose range holds the cell. */
  at(sheet: string, row: number, col: number): readonly RecognisedTable[];
  /** The table with this id. */
  byId(id: string): RecognisedTable | undefined;
}

const NONE: readonly RecognisedTable[] = Object.freeze([]);

export function buildPlacement(tables: readonly RecognisedTable[]): TablePlacement {
  const bySheet = new Map<string, RecognisedTable[]>();
  const rows = new Map<string, Map<number, RecognisedTable[]>>();
  const ids = new Map<string, RecognisedTable>();
  for (const t of tables) {
    pushTo(bySheet, t.sheet, t);
    ids.set(t.id, t);
    let sheetRows = rows.get(t.sheet);
    if (!sheetRows) rows.set(t.sheet, (sheetRows = new Map()));
    for (let r = t.range.top; r <= t.range.bottom; r++) pushTo(sheetRows, r, t);
  }
  const atRow = (sheet: string, row: number) => rows.get(sheet)?.get(row) ?? NONE;
  return Object.freeze({
    on: (sheet: string) => bySheet.get(sheet) ?? NONE,
    atRow,
    at: (sheet: string, row: number, col: number) => {
      const inRow = atRow(sheet, row);
      return inRow.length === 0 ? NONE : inRow.filter((t) => t.range.left <= col && col <= t.range.right);
    },
    byId: (id: string) => ids.get(id),
  });
}
