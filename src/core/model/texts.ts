import type { RecognisedTable } from '../recognition/model';
import type { WorkbookSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { memoize } from '../util/collections';

/** normalizeLabel once per distinct text: labels, headers and notes repeat across sheets and workbooks. */
const normalizedLabel = memoize(normalizeLabel);

/** A non-empty text cell of the workbook: titles, metadata lines, notes, 说明 sheets' paragraphs, labels. */
export interface TextCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** As written, trimmed. */
  readonly text: string;
  /** normalizeLabel(text). */
  readonly norm: string;
}

/** The workbook's written text as the text rules read it, with its indexes (each built once, when first asked). */
export interface WorkbookTexts {
  /** Every text cell, in sheet, row, column order. */
  readonly all: readonly TextCell[];
  /** The text cells in rows top…bottom and columns left…right of a sheet, in reading order. */
  inRange(sheet: string, rows: readonly [number, number], columns: readonly [number, number]): TextCell[];
  /** The text cells of a table above its header: title, part heading, 编制部门/单位, 单位：元. */
  head(table: RecognisedTable): TextCell[];
  /** The first text of a sheet. */
  first(sheet: string): TextCell | undefined;
  /** Whether a row of a sheet holds a number cell. */
  rowHasNumber(sheet: string, row: number): boolean;
}

export function buildTexts(snapshot: WorkbookSnapshot): WorkbookTexts {
  const all: TextCell[] = [];
  for (const s of snapshot.sheets)
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (typeof cell?.value !== 'string') return;
        const text = cell.value.trim();
        if (text) all.push({ sheet: s.name, row: r, col: c, text, norm: normalizedLabel(text) });
      }),
    );
  let byRow: Map<string, TextCell[][]> | null = null;
  let firsts: Map<string, TextCell> | null = null;
  const numberRows = new Map<string, Set<number>>();
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const inRange: WorkbookTexts['inRange'] = (sheet, rows, columns) => {
    if (!byRow) {
      byRow = new Map();
      for (const c of all) {
        let sheetRows = byRow.get(c.sheet);
        if (!sheetRows) byRow.set(c.sheet, (sheetRows = []));
        (sheetRows[c.row] ??= []).push(c);
      }
    }
    const sheetRows = byRow.get(sheet);
    const out: TextCell[] = [];
    if (!sheetRows) return out;
    for (let r = Math.max(rows[0], 0); r <= Math.min(rows[1], sheetRows.length - 1); r++)
      for (const c of sheetRows[r] ?? []) if (c.col >= columns[0] && c.col <= columns[1]) out.push(c);
    return out;
  };
  return {
    all,
    inRange,
    head: (table) =>
      inRange(table.sheet, [table.range.top, table.headerRows[0] - 1], [table.range.left, table.range.right]),
    first(sheet) {
      if (!firsts) {
        firsts = new Map();
        for (const c of all) if (!firsts.has(c.sheet)) firsts.set(c.sheet, c);
      }
      return firsts.get(sheet);
    },
    rowHasNumber(sheet, row) {
      let rows = numberRows.get(sheet);
      if (!rows) {
        rows = new Set();
        sheets.get(sheet)?.rows.forEach((cells, r) => {
          if (cells?.some((x) => typeof x?.value === 'number')) rows?.add(r);
        });
        numberRows.set(sheet, rows);
      }
      return rows.has(row);
    },
  };
}
