import { catalogFor, type Catalog, type CatalogEntry, type CatalogSet } from '../catalog/catalog';
import type { ColumnInfo } from '../recognition/column-roles';
import type { RecognisedTable, RecognisedWorkbook } from '../recognition/model';
import type { RowCode } from '../recognition/row-codes';
import { tableTypeInfo } from '../recognition/table-type-registry';
import type { SheetSnapshot } from '../snapshot/types';
import type { Classification } from '../text/codes';
import { pushAll } from '../util/collections';
import { PATTERNS } from '../text/patterns';

/**
 * Every data row mapped to its classification code: read from a cell, or inferred from the row's name (name-only
 * tables such as the 泉州 基本支出 table, class lines "八、社会保障和就业支出" of summary tables). Ambiguous names are
 * resolved by the hierarchy above them or left unmapped — never guessed.
 */
export interface MappedRow extends RowCode {
  readonly tableId: string;
  readonly sheet: string;
  /** (`row`, `col`: 0-based, of the code — or of the name it was inferred from.) */
  readonly nameCol: number | null;
  readonly source: 'cell' | 'inferred';
  readonly confidence: number;
}

function cellText(sheet: SheetSnapshot | undefined, row: number, col: number): string | null {
  const v = sheet?.rows[row]?.[col]?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

interface Context {
  /** Last code seen per level (1 = 类, 2 = 款). */
  readonly last: (string | null)[];
  previous: string | null;
}

/** Picks the one candidate the hierarchy allows: a 款 under the current 类, a 项 under the current 款. */
function resolve(candidates: readonly CatalogEntry[], ctx: Context): CatalogEntry | null {
  // A name only one line of the catalog carries is that line, wherever it stands (code.level judges its place).
  if (candidates.length === 1) return candidates[0] as CatalogEntry;
  const allowed = candidates.filter((c) => c.level === 1 || (c.parent !== null && c.parent === ctx.last[c.level - 1]));
  if (allowed.length === 1) return allowed[0] as CatalogEntry;
  // A child right below its parent line ("其他社会保障和就业支出" 款, then the same name as its 项).
  const child = allowed.filter((c) => c.parent !== null && c.parent === ctx.previous);
  return child.length === 1 ? (child[0] as CatalogEntry) : null;
}

function inferByName(
  table: RecognisedTable,
  sheet: SheetSnapshot | undefined,
  catalog: Catalog,
  year: number | null,
  onlyClasses: boolean,
): MappedRow[] {
  const out: MappedRow[] = [];
  const blocks = new Map<number, ColumnInfo>();
  for (const c of table.columns) if (c.role === 'name' && !blocks.has(c.block)) blocks.set(c.block, c);
  const coded = new Set(table.codes.map((c) => `${c.row}:${c.block}`));
  for (const [block, nameCol] of blocks) {
    if (onlyClasses && !PATTERNS.spending.test(nameCol.label) && blocks.size > 1) continue;
    const ctx: Context = { last: [null, null, null], previous: null };
    for (const r of table.rows) {
      if (r.kind !== 'item' || coded.has(`${r.row}:${block}`)) continue;
      const name = cellText(sheet, r.row, nameCol.col);
      if (!name) continue;
      const candidates = catalog.findByName(name, year).filter((e) => !onlyClasses || e.level === 1);
      const hit = resolve(candidates, ctx);
      if (!hit) continue;
      ctx.last[hit.level] = hit.code;
      for (let l = hit.level + 1; l < ctx.last.length; l++) ctx.last[l] = null;
      ctx.previous = hit.code;
      const verified = hit.versions.some((v) => v.verified);
      out.push({
        tableId: table.id,
        sheet: table.sheet,
        row: r.row,
        col: nameCol.col,
        block,
        code: hit.code,
        classification: catalog.classification,
        name,
        nameCol: nameCol.col,
        nameRole: 'name',
        source: 'inferred',
        confidence: (candidates.length === 1 ? 0.95 : 0.85) * (verified ? 1 : 0.9),
      });
    }
  }
  return out;
}

export function mapRows(
  workbook: RecognisedWorkbook,
  sheets: readonly SheetSnapshot[],
  catalogs: CatalogSet,
): MappedRow[] {
  const bySheet = new Map(sheets.map((s) => [s.name, s]));
  const out: MappedRow[] = [];
  for (const t of workbook.tables) {
    const rows: MappedRow[] = [];
    const nameCols = new Map(
      t.columns.filter((c) => c.role === 'name' || c.role === 'project_name').map((c) => [c.block, c.col]),
    );
    for (const c of t.codes) {
      rows.push({
        tableId: t.id,
        sheet: t.sheet,
        row: c.row,
        col: c.col,
        block: c.block,
        code: c.code,
        classification: c.classification,
        name: c.name,
        nameCol: c.nameRole === 'code_cell' ? c.col : (nameCols.get(c.block) ?? null),
        nameRole: c.nameRole,
        ...(c.codeCols ? { codeCols: c.codeCols } : {}),
        source: 'cell',
        confidence: 1,
      });
    }
    const sheet = bySheet.get(t.sheet);
    // The table type says what its name-only rows are: economic lines, function lines, or only function 类 lines.
    const rowNames = tableTypeInfo(t.type).rowNames;
    const kind: Classification | null = rowNames === null ? null : rowNames === 'economic' ? 'economic' : 'function';
    const catalog = kind ? catalogFor(catalogs, kind) : null;
    if (catalog) pushAll(rows, inferByName(t, sheet, catalog, workbook.fiscalYear, rowNames === 'function_classes'));
    pushAll(
      out,
      rows.sort((a, b) => a.row - b.row || a.col - b.col),
    );
  }
  return out;
}
