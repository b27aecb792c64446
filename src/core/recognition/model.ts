import type { CellRange } from '../snapshot/types';
import type { ColumnInfo } from './column-roles';
import type { AmountUnit } from './metadata';
import type { RowCode } from './row-codes';
import type { TableType } from './table-type';

/**
 * What a data row is, for the checks: a line item, a 合计/总计/小计 row, a "**" placeholder row, the table's header
 * repeated inside its data (a page break of the source), or a page-number line left between two pages: the last two
 * are skipped by every check.
 */
export type DataRowKind = 'item' | 'total' | 'placeholder' | 'repeated_header' | 'page_furniture';

/** Row kinds that are layout, not content: every check skips them. */
export const SKIPPED_ROW_KINDS: ReadonlySet<DataRowKind> = new Set(['repeated_header', 'page_furniture']);

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
  readonly typeSource: 'title' | 'sheet' | 'header' | 'numbers' | 'none';
  /**
   * A table without a title whose header several tables print alike (headerRules.shared): the types it may be, which
   * the review decides between by its numbers (type-by-numbers.ts). Absent for any other table.
   */
  readonly typeCandidates?: readonly TableType[];
  readonly title: string | null;
  readonly titleRow: number | null;
  /** A part heading above the title ("…2024年度部门决算表" over "收入支出决算总表"): kept, never taken as the title. */
  readonly heading?: string | null;
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
