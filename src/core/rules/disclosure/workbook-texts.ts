import { stripLeader } from '../../text/leader';
import tableSets from '../../../data/disclosure/table-sets.json';
import type { RecognisedTable } from '../../recognition/model';
import { normalizeTitle, typeFromText, type TableType } from '../../recognition/table-type';
import { cellAddress } from '../../snapshot/address';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { normalizeLabel, stripEnumeration, toHalfWidth } from '../../text/normalize';
import type { RuleContext } from '../types';

/**
 * The workbook's written text, as the disclosure-level rules (completeness, placeholders, consistency, 说明 sheets)
 * read it: every text cell once, the lines above each table (title, 编制部门, 单位), the 目录 sheet, the province and
 * 部门/单位 scope the workbook names, and the table set it must contain. Vocabulary lives in src/data/disclosure.
 */
export interface TextCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** As written, trimmed. */
  readonly text: string;
  /** normalizeLabel(text). */
  readonly norm: string;
}

export const address = (c: TextCell): string => cellAddress(c.row, c.col);

const TEXTS = new WeakMap<WorkbookSnapshot, TextCell[]>();

/** Every non-empty text cell of the workbook, in sheet, row, column order (computed once per snapshot). */
export function textCells(snapshot: WorkbookSnapshot): TextCell[] {
  const cached = TEXTS.get(snapshot);
  if (cached) return cached;
  const out: TextCell[] = [];
  for (const s of snapshot.sheets)
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (typeof cell?.value !== 'string') return;
        const text = cell.value.trim();
        if (text) out.push({ sheet: s.name, row: r, col: c, text, norm: normalizeLabel(text) });
      }),
    );
  TEXTS.set(snapshot, out);
  return out;
}

const BY_ROW = new WeakMap<WorkbookSnapshot, Map<string, TextCell[][]>>();

/**
 * The text cells in rows top…bottom and columns left…right of a sheet, in reading order, from a per-row index built
 * once per snapshot (a table's rows are read without scanning the workbook's every text, per table).
 */
export function textCellsIn(
  snapshot: WorkbookSnapshot,
  sheet: string,
  rows: readonly [number, number],
  columns: readonly [number, number],
): TextCell[] {
  let bySheet = BY_ROW.get(snapshot);
  if (!bySheet) {
    bySheet = new Map();
    for (const c of textCells(snapshot)) {
      let sheetRows = bySheet.get(c.sheet);
      if (!sheetRows) bySheet.set(c.sheet, (sheetRows = []));
      (sheetRows[c.row] ??= []).push(c);
    }
    BY_ROW.set(snapshot, bySheet);
  }
  const sheetRows = bySheet.get(sheet);
  const out: TextCell[] = [];
  if (!sheetRows) return out;
  for (let r = Math.max(rows[0], 0); r <= Math.min(rows[1], sheetRows.length - 1); r++)
    for (const c of sheetRows[r] ?? []) if (c.col >= columns[0] && c.col <= columns[1]) out.push(c);
  return out;
}

/** The text cells of a table above its header: title, part heading, 编制部门/单位, 单位：元. */
export function headTexts(snapshot: WorkbookSnapshot, table: RecognisedTable): TextCell[] {
  return textCellsIn(
    snapshot,
    table.sheet,
    [table.range.top, table.headerRows[0] - 1],
    [table.range.left, table.range.right],
  );
}

export type SetTable = { readonly type: TableType; readonly name: string; readonly required: boolean };
export interface TableSet {
  readonly id: string;
  readonly kind: 'budget' | 'final';
  readonly province: string | null;
  readonly label: string;
  readonly minPresent: number;
  readonly tables: readonly SetTable[];
}

const SETS = tableSets.sets as readonly TableSet[];
const CONTENTS_NAMES = new Set(tableSets.contents.names.map(normalizeLabel));

/** A 目录 sheet: named so, or its first text says so (decided once per sheet and snapshot: asked for every text cell). */
export function isContentsSheet(snapshot: WorkbookSnapshot, sheet: string): boolean {
  let bySheet = CONTENTS.get(snapshot);
  if (!bySheet) CONTENTS.set(snapshot, (bySheet = new Map()));
  let contents = bySheet.get(sheet);
  if (contents === undefined) bySheet.set(sheet, (contents = readsAsContents(snapshot, sheet)));
  return contents;
}

const CONTENTS = new WeakMap<WorkbookSnapshot, Map<string, boolean>>();

function readsAsContents(snapshot: WorkbookSnapshot, sheet: string): boolean {
  if (CONTENTS_NAMES.has(normalizeLabel(sheet))) return true;
  // The first text of each sheet, found once per snapshot.
  let firsts = FIRST_TEXTS.get(snapshot);
  if (!firsts) {
    firsts = new Map();
    for (const c of textCells(snapshot)) if (!firsts.has(c.sheet)) firsts.set(c.sheet, c);
    FIRST_TEXTS.set(snapshot, firsts);
  }
  const first = firsts.get(sheet);
  return first !== undefined && CONTENTS_NAMES.has(first.norm);
}

const FIRST_TEXTS = new WeakMap<WorkbookSnapshot, Map<string, TextCell>>();

/** The province whose words appear in the workbook's texts, or null. */
export function provinceOf(snapshot: WorkbookSnapshot): string | null {
  const texts = textCells(snapshot);
  for (const p of tableSets.provinces)
    if (texts.some((c) => c.text.length <= 80 && p.words.some((w) => c.norm.includes(w)))) return p.id;
  return null;
}

/** 部门 or 单位: which scope's words the titles and metadata use most. */
export function scopeOf(snapshot: WorkbookSnapshot): 'department' | 'unit' {
  const count = (words: readonly string[]) =>
    textCells(snapshot).filter((c) => c.text.length <= 80 && words.some((w) => c.norm.includes(w))).length;
  return count(SCOPE_WORDS.unit) > count(SCOPE_WORDS.department) ? 'unit' : 'department';
}

/** The scopes' words normalised once (not per text cell). */
const SCOPE_WORDS = {
  unit: tableSets.scopes.unit.map(normalizeLabel),
  department: tableSets.scopes.department.map(normalizeLabel),
};

/** The table set the workbook must contain: its kind's provincial set when the province is named, else the national. */
export function tableSetOf(ctx: RuleContext): TableSet | null {
  const kind = ctx.workbook.reportKind;
  if (!kind) return null;
  const province = provinceOf(ctx.snapshot);
  return (
    SETS.find((s) => s.kind === kind && province !== null && s.province === province) ??
    SETS.find((s) => s.kind === kind && s.province === null) ??
    null
  );
}

/** A text that reads as a table title ("…表", "…表（续）"): the table type it names, or null. */
export function titleType(text: string): TableType | null {
  // Normalisation only removes or maps characters, never writes 表: a text without it is no title (most cells).
  if (text.length > 60 || !text.includes('表')) return null;
  const t = normalizeTitle(text);
  if (!t.endsWith('表')) return null;
  const type = typeFromText(text);
  return type === 'unknown' ? null : type;
}

export interface ContentsEntry {
  readonly cell: TextCell;
  readonly type: TableType;
  /** 1-based position among the 目录's table entries. */
  readonly position: number;
  readonly text: string;
}

/** The tables a 目录 sheet lists, in order (section headings and 说明 lines are not tables). */
export function contentsEntries(snapshot: WorkbookSnapshot): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const c of textCells(snapshot)) {
    if (!isContentsSheet(snapshot, c.sheet)) continue;
    const text = stripEnumeration(stripLeader(toHalfWidth(c.text)).trim())
      .replace(/^\d{1,3}[.、]\s*/, '')
      .trim();
    const type = titleType(text);
    if (type) out.push({ cell: c, type, position: out.length + 1, text });
  }
  return out;
}

/**
 * Table types present in the workbook: recognised tables, and titles standing alone (an emptied fund table whose sheet
 * keeps only its title and statement, a heading the recogniser did not take as the title), and sheet names. The
 * 目录 does not count.
 */
export function presentTypes(ctx: RuleContext): Set<TableType> {
  const present = new Set<TableType>(ctx.workbook.tables.map((t) => t.type));
  for (const c of textCells(ctx.snapshot)) {
    if (isContentsSheet(ctx.snapshot, c.sheet)) continue;
    const type = titleType(c.text);
    if (type) present.add(type);
  }
  for (const s of ctx.snapshot.sheets) {
    if (isContentsSheet(ctx.snapshot, s.name)) continue;
    const type = titleType(s.name.endsWith('表') ? s.name : `${s.name}表`);
    if (type) present.add(type);
  }
  present.delete('unknown');
  return present;
}
