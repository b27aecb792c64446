import type { MappedRow } from '../mapping/map-rows';
import type { RecognisedWorkbook } from '../recognition/model';
import { cellAddress, columnLetter } from '../snapshot/address';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';
import type { WriteAction, WritePlan } from './types';
import { pushTo } from '../util/collections';
import { tableTypeInfo } from '../recognition/table-type-registry';

/** A fill-codes plan, and the sheets of the tables it left without a new code column (their official form has none). */
export interface FillCodesPlan extends WritePlan {
  readonly withoutCodeColumn: readonly string[];
}

/**
 * "填写科目编码": writes the codes inferred from names into the table — into its empty code cells when it has a code
 * column, otherwise into the first column right of the table that is empty on all the table's rows, under a header
 * "科目编码（推断）". Cells that hold anything are never touched. A two-sided summary (收支总表, 财政拨款收支总表:
 * rows named by 类 only) gets codes only in a code column it already has: its official form has no codes, so no column
 * is added to it; those tables are named in `withoutCodeColumn` for the pane to say so.
 */
export function planFillCodes(
  snapshot: WorkbookSnapshot,
  workbook: RecognisedWorkbook,
  mapping: readonly MappedRow[],
): FillCodesPlan {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const actions: WriteAction[] = [];
  const withoutCodeColumn: string[] = [];
  for (const table of workbook.tables) {
    const inferred = mapping.filter((m) => m.tableId === table.id && m.source === 'inferred');
    const sheet = sheets.get(table.sheet);
    if (!inferred.length || !sheet || !table.dataRows) continue;
    const valueAt = (r: number, c: number): CellValue => sheet.rows[r]?.[c]?.value ?? null;
    // A cell of a merged area shows its master's value: only the master of an empty area on this row may be
    // written (a follower of a vertically merged code column looks empty but the write would land on the master).
    const mergeAt = (r: number, c: number) =>
      sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
    const isEmpty = (r: number, c: number) => {
      const m = mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) return false;
      // A formula without a cached result holds no value yet, but it is not an empty cell to write into.
      if (sheet.rows[r]?.[c]?.uncalculated) return false;
      const v = valueAt(r, c);
      return v === null || (typeof v === 'string' && !v.trim());
    };
    const codeColumns = new Map(
      table.columns
        .filter((c) => c.role === 'function_code' || c.role === 'economic_code')
        .map((c) => [c.block, c.col]),
    );
    const byColumn = new Map<number, MappedRow[]>();
    const noNewColumn = tableTypeInfo(table.type).rowNames === 'function_classes';
    let spare: number | null = null;
    for (const m of inferred) {
      let col = codeColumns.get(m.block);
      if (col === undefined || !isEmpty(m.row, col)) {
        if (noNewColumn) {
          if (!withoutCodeColumn.includes(table.sheet)) withoutCodeColumn.push(table.sheet);
          continue;
        }
        if (spare === null) {
          spare = table.range.right + 1;
          while (
            [...Array(table.range.bottom - table.headerRows[0] + 1).keys()].some(
              (i) => !isEmpty(table.headerRows[0] + i, spare as number),
            )
          )
            spare++;
          actions.push({
            kind: 'set_values',
            sheet: table.sheet,
            at: cellAddress(table.headerRows[0], spare),
            values: [['科目编码（推断）']],
            previous: [[null]],
          });
        }
        col = spare;
      }
      pushTo(byColumn, col, m);
    }
    for (const [col, rows] of byColumn) {
      for (const m of rows) {
        actions.push({
          kind: 'set_values',
          sheet: table.sheet,
          at: `${columnLetter(col)}${m.row + 1}`,
          values: [[m.code]],
          previous: [[valueAt(m.row, col)]],
        });
      }
    }
  }
  return { title: '填写推断的科目编码', actions, withoutCodeColumn };
}
