import type { Cell } from '../snapshot/types';
import { classifyCode, parseCodeCell, parseCodePart, parseCodeText, type Classification } from '../text/codes';
import type { TypedSheet } from './cell-typing';
import type { ColumnInfo } from './column-roles';

/** Stage 7 — the classification code of every data row, per block, as written in the cells. */
export interface RowCode {
  readonly row: number;
  /** Column the code was read from (the 类 column for split codes). */
  readonly col: number;
  readonly block: number;
  readonly code: string;
  readonly classification: Classification;
  /** The row's name in the same block, if any: a 科目名称, or a project name in project tables. */
  readonly name: string | null;
  /** Where the name came from: a classification-name column, a project-name column, or the code cell itself. */
  readonly nameRole: 'name' | 'project_name' | 'code_cell' | null;
  /**
   * Split 类/款/项 columns: the columns whose cells this row's code was read from on this row, the part of the code's own
   * level first (a 项 line's 项 cell; parents filled down from rows above are not cells of this row).
   */
  readonly codeCols?: readonly number[];
}

interface BlockColumns {
  full?: ColumnInfo;
  parts: Partial<Record<'class' | 'section' | 'item', ColumnInfo>>;
  /** Name columns in order: a code column left empty by a converter that wrote "201 一般公共服务支出" in the next one
   * is read as a name column too, so a row's name is the first of them that holds text on the row. */
  names: ColumnInfo[];
}

function blocksOf(columns: readonly ColumnInfo[]): Map<number, BlockColumns> {
  const blocks = new Map<number, BlockColumns>();
  for (const c of columns) {
    const b = blocks.get(c.block) ?? { parts: {}, names: [] };
    if ((c.role === 'function_code' || c.role === 'economic_code') && !b.full) b.full = c;
    else if (c.role === 'code_part' && c.part && !b.parts[c.part]) b.parts[c.part] = c;
    else if (c.role === 'name' || c.role === 'project_name') b.names.push(c);
    blocks.set(c.block, b);
  }
  return blocks;
}

function textOf(cell: Cell | undefined): string | null {
  if (!cell || cell.value === null) return null;
  const t = String(cell.value).trim();
  return t || null;
}

export function extractRowCodes(sheet: TypedSheet, columns: readonly ColumnInfo[], rows: readonly number[]): RowCode[] {
  const grid = sheet.grid;
  const out: RowCode[] = [];
  for (const [block, cols] of blocksOf(columns)) {
    // Split 类/款/项 columns: parents may be left blank under their first row, so fill down within the table.
    let lastClass: string | null = null;
    let lastSection: string | null = null;
    for (const row of rows) {
      const nameCol = cols.names.find((c) => textOf(grid.cell(row, c.col)) !== null) ?? cols.names[0];
      const nameText = nameCol ? textOf(grid.cell(row, nameCol.col)) : null;
      const nameRole = nameText && nameCol ? (nameCol.role === 'project_name' ? 'project_name' : 'name') : null;
      if (cols.full) {
        const parsed = parseCodeCell(grid.cell(row, cols.full.col));
        if (parsed) {
          out.push({
            row,
            col: cols.full.col,
            block,
            code: parsed.code,
            classification: parsed.classification,
            name: parsed.name ?? nameText,
            nameRole: parsed.name ? 'code_cell' : nameRole,
          });
          continue;
        }
      }
      const { class: cls, section, item } = cols.parts;
      if (cls || section || item) {
        const c = cls ? parseCodePart(grid.cell(row, cls.col), 'class') : null;
        const s = section ? parseCodePart(grid.cell(row, section.col), 'section') : null;
        const i = item ? parseCodePart(grid.cell(row, item.col), 'item') : null;
        if (c) {
          lastClass = c;
          lastSection = null;
        }
        if (s) lastSection = s;
        let code: string | null = null;
        if (i && lastClass && lastSection) code = lastClass + lastSection + i;
        else if (s && lastClass) code = lastClass + s;
        else if (c) code = c;
        const classification = code ? classifyCode(code) : null;
        if (code && classification) {
          const anchor = (cls ?? section ?? item) as ColumnInfo;
          // Own level first: the 项 part of a 项 code, the 款 part of a 款 code, then the parents written on this row.
          const level = code.length === 3 ? 0 : code.length === 5 ? 1 : 2;
          const written = [c && cls, s && section, i && item].map((x) => (x ? x.col : null));
          const own = written[level] ?? null;
          const codeCols = [own, ...written.slice(0, level)].filter((x): x is number => x !== null);
          out.push({ row, col: anchor.col, block, code, classification, name: nameText, nameRole, codeCols });
          continue;
        }
      }
      // "2080505 机关事业单位…" written in the name column.
      if (nameText && nameCol) {
        const parsed = parseCodeText(nameText);
        if (parsed?.name)
          out.push({
            row,
            col: nameCol.col,
            block,
            code: parsed.code,
            classification: parsed.classification,
            name: parsed.name,
            nameRole: 'code_cell',
          });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
