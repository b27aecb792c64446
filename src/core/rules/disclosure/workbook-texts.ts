import { stripLeader } from '../../text/leader';
import tableSets from '../../../data/disclosure/table-sets.json';
import type { RecognisedTable } from '../../recognition/model';
import { normalizeTitle, typeFromText, type TableType } from '../../recognition/table-type';
import { tableTypeId } from '../../recognition/table-type-registry';
import { cellAddress, type DocumentModel, type TextCell } from '../../model';
import { normalizeLabel, stripEnumeration, toHalfWidth } from '../../text/normalize';
import type { RuleContext } from '../types';
import { memoize } from '../../util/collections';

/**
 * The workbook's written text, as the disclosure-level rules (completeness, placeholders, consistency, 说明 sheets)
 * read it: every text cell once, the lines above each table (title, 编制部门, 单位), the 目录 sheet, the province and
 * 部门/单位 scope the workbook names, and the table set it must contain. Vocabulary lives in src/data/disclosure.
 */
export type { TextCell };

export const address = (c: TextCell): string => cellAddress(c.row, c.col);

/** Every non-empty text cell of the workbook, in sheet, row, column order (the document model's). */
export function textCells(model: DocumentModel): readonly TextCell[] {
  return model.texts.all;
}

/** The text cells in rows top…bottom and columns left…right of a sheet, in reading order (the model's index). */
export function textCellsIn(
  model: DocumentModel,
  sheet: string,
  rows: readonly [number, number],
  columns: readonly [number, number],
): TextCell[] {
  return model.texts.inRange(sheet, rows, columns);
}

/** The text cells of a table above its header: title, part heading, 编制部门/单位, 单位：元. */
export function headTexts(model: DocumentModel, table: RecognisedTable): TextCell[] {
  return model.texts.head(table);
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

const SETS: readonly TableSet[] = tableSets.sets.map((s) => ({
  ...(s as Omit<TableSet, 'tables'>),
  tables: s.tables.map((t) => ({ ...t, type: tableTypeId(t.type) })),
}));
const CONTENTS_NAMES = new Set(tableSets.contents.names.map(normalizeLabel));

/** Per model, per sheet: whether it is a 目录 (asked for every text cell of the workbook). */
const CONTENTS_SHEETS = new WeakMap<DocumentModel, Map<string, boolean>>();

/** A 目录 sheet: named so, or its first text says so. Decided once per sheet. */
export function isContentsSheet(model: DocumentModel, sheet: string): boolean {
  let sheets = CONTENTS_SHEETS.get(model);
  if (!sheets) CONTENTS_SHEETS.set(model, (sheets = new Map()));
  let contents = sheets.get(sheet);
  if (contents === undefined) {
    const first = model.texts.first(sheet);
    contents = CONTENTS_NAMES.has(normalizeLabel(sheet)) || (first !== undefined && CONTENTS_NAMES.has(first.norm));
    sheets.set(sheet, contents);
  }
  return contents;
}

/** The province whose words appear in the workbook's texts, or null. */
export function provinceOf(model: DocumentModel): string | null {
  const texts = textCells(model);
  for (const p of tableSets.provinces)
    if (texts.some((c) => c.text.length <= 80 && p.words.some((w) => c.norm.includes(w)))) return p.id;
  return null;
}

/** 部门 or 单位: which scope's words the titles and metadata use most. */
export function scopeOf(model: DocumentModel): 'department' | 'unit' {
  let unit = 0;
  let department = 0;
  for (const c of textCells(model)) {
    if (c.text.length > 80) continue;
    const says = scopeWordsIn(c.norm);
    if (says & UNIT) unit++;
    if (says & DEPARTMENT) department++;
  }
  return unit > department ? 'unit' : 'department';
}

const UNIT = 1;
const DEPARTMENT = 2;
/** Which scopes' words a normalised text holds (UNIT | DEPARTMENT bits), once per distinct text. */
const scopeWordsIn = memoize(
  (norm: string): number =>
    (SCOPE_WORDS.unit.some((w) => norm.includes(w)) ? UNIT : 0) |
    (SCOPE_WORDS.department.some((w) => norm.includes(w)) ? DEPARTMENT : 0),
);

/** The scopes' words normalised once (not per text cell). */
const SCOPE_WORDS = {
  unit: tableSets.scopes.unit.map(normalizeLabel),
  department: tableSets.scopes.department.map(normalizeLabel),
};

/** The table set the workbook must contain: its kind's provincial set when the province is named, else the national. */
export function tableSetOf(ctx: RuleContext): TableSet | null {
  const kind = ctx.workbook.reportKind;
  if (!kind) return null;
  const province = provinceOf(ctx.model);
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
  return titleTypeOf(text);
}

/** titleType of a short text with 表 in it (normalizeTitle and typeFromText each keep their results per text). */
function titleTypeOf(text: string): TableType | null {
  if (!normalizeTitle(text).endsWith('表')) return null;
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
export function contentsEntries(model: DocumentModel): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const c of textCells(model)) {
    if (!isContentsSheet(model, c.sheet)) continue;
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
  for (const c of textCells(ctx.model)) {
    if (isContentsSheet(ctx.model, c.sheet)) continue;
    const type = titleType(c.text);
    if (type) present.add(type);
  }
  for (const name of ctx.model.sheetNames) {
    if (isContentsSheet(ctx.model, name)) continue;
    const type = titleType(name.endsWith('表') ? name : `${name}表`);
    if (type) present.add(type);
  }
  present.delete('unknown');
  return present;
}
