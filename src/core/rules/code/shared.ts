import { catalogFor, type Catalog } from '../../catalog/catalog';
import { canonicalName } from '../../catalog/names';
import type { MappedRow } from '../../mapping/map-rows';
import { cellAddress } from '../../model';
import type { RuleContext } from '../types';

/** Rows whose code was read from a cell and whose name is a classification name (not a project name). */
export function namedCellRows(ctx: RuleContext): MappedRow[] {
  return ctx.mapping.filter(
    (m) => m.source === 'cell' && m.name && (m.nameRole === 'name' || m.nameRole === 'code_cell'),
  );
}

export function catalogOf(ctx: RuleContext, row: MappedRow): Catalog | null {
  return catalogFor(ctx.catalogs, row.classification);
}

/**
 * The code cell first (split 类/款/项 columns: the cells the code was read from on this row, its own level's part first),
 * then the name cell when it is another cell.
 */
export function rowCells(row: MappedRow): string[] {
  const codeCols = row.codeCols?.length ? row.codeCols : [row.col];
  const cells = codeCols.map((col) => cellAddress(row.row, col));
  if (row.nameCol !== null && !codeCols.includes(row.nameCol)) cells.push(cellAddress(row.row, row.nameCol));
  return cells;
}

/** 《表名》 for messages: the table's sheet, or its title when a sheet holds several tables. */
export function tableName(ctx: RuleContext, row: MappedRow): string {
  const t = ctx.model.placement.byId(row.tableId);
  const sameSheet = ctx.model.placement.on(row.sheet).length;
  return `《${sameSheet > 1 && t?.title ? t.title : row.sheet}》`;
}

export const nameOf = (row: MappedRow): string => canonicalName(row.name ?? '');
