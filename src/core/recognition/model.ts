import type { CellRange } from '../snapshot/types';
import type { ColumnInfo } from './column-roles';
import type { AmountUnit } from './metadata';
import type { RowCode } from './row-codes';
import type { TableType } from './table-type';

/** What a data row is, for the checks: a line item, a 合计/总计/小计 row, or a "**" placeholder row. */
export type DataRowKind = 'item' | 'total' | 'placeholder';

export interface DataRow {
  readonly row: number;
  readonly kind: DataRowKind;
}

export interface RecognisedTable {
  readonly id: string;
  readonly sheet: string;
  /** Whole block: title, metadata, header, data and notes (0-based). */
  readonly range: CellRange;
  readonly type: TableType;
  readonly typeSource: 'title' | 'sheet' | 'none';
  readonly title: string | null;
  readonly titleRow: number | null;
  readonly unit: AmountUnit | null;
  readonly headerRows: readonly [number, number];
  readonly dataRows: readonly [number, number] | null;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly DataRow[];
  readonly codes: readonly RowCode[];
  readonly notes: readonly string[];
}

export interface RecognisedWorkbook {
  readonly name: string;
  readonly fiscalYear: number | null;
  readonly reportKind: 'budget' | 'final' | null;
  readonly tables: readonly RecognisedTable[];
}
