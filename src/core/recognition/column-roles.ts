import columnRoles from '../../data/column-roles.json';
import { bareCodePart, parseCodeText, type Classification } from '../text/codes';
import type { TypedCell, TypedSheet } from './cell-typing';
import { unitFromText } from './metadata';
import { PATTERNS } from '../text/patterns';

/** Stage 6 — what each column of a table holds, from its header path and confirmed by its data cells. */
export type ColumnRole =
  | 'seq'
  | 'line_no'
  | 'function_code'
  | 'economic_code'
  | 'code_part'
  | 'unit_code'
  | 'unit_name'
  | 'name'
  | 'project_name'
  | 'indicator_level1'
  | 'indicator_level2'
  | 'indicator_level3'
  | 'indicator_value'
  | 'amount'
  | 'text'
  | 'empty';

export type CodePart = 'class' | 'section' | 'item';

export interface ColumnInfo {
  readonly col: number;
  readonly role: ColumnRole;
  /** Header path joined with "/" ("本年收入/财政拨款收入"). */
  readonly label: string;
  /** For split code columns: 类, 款 or 项. */
  readonly part?: CodePart;
  /** For code columns: which classification the codes belong to. */
  readonly classification?: Classification;
  /** Index of the side-by-side block the column belongs to (收入 | 支出, or repeated 编码|名称|金额 groups). */
  readonly block: number;
}

interface RoleRule {
  readonly role: ColumnRole;
  readonly part?: CodePart;
  readonly leaf: RegExp;
}

const RULES: readonly RoleRule[] = columnRoles.rules.map((r) => ({
  role: r.role as ColumnRole,
  part: (r as { part?: CodePart }).part,
  leaf: new RegExp(r.leaf),
}));

export interface ColumnStats {
  nonEmpty: number;
  numeric: number;
  /** Excel error values (#REF!, #DIV/0!): only a formula yields one, and a table's formulas compute amounts. */
  errors: number;
  codes: number;
  economicCodes: number;
  /** One- or two-digit numbers (款/项 parts), and digits written with their level word ("类208", "款05"). */
  parts: number;
  texts: number;
  /** Texts that hold a run of three digits but read as no code ("2O8", "208-"): codes written unreadably. */
  digitTexts: number;
}

/** Cells enough to tell what a column holds: all of them up to this many, else an even sample across the rows. */
const STATS_SAMPLE = 400;

const THREE_DIGITS = /\d{3}/;

function statsOf(all: readonly TypedCell[]): ColumnStats {
  const s: ColumnStats = {
    nonEmpty: 0,
    numeric: 0,
    errors: 0,
    codes: 0,
    economicCodes: 0,
    parts: 0,
    texts: 0,
    digitTexts: 0,
  };
  const step = Math.max(1, Math.floor(all.length / STATS_SAMPLE));
  for (let k = 0; k < all.length; k += step) {
    const c = all[k] as TypedCell;
    if (c.kind === 'placeholder') continue;
    s.nonEmpty++;
    // Digits with their level word ("类208", "款05") or a separator after them ("201.") are a code part as much as
    // the digits alone, not an amount.
    const bare = c.kind === 'text' ? bareCodePart(c.text) : c.text;
    const marked = bare !== c.text && /^\d+$/.test(bare);
    if (c.kind === 'number' || c.kind === 'numeric_text') s.numeric++;
    if (c.kind === 'text' && !marked) s.texts++;
    if (c.kind === 'error') s.errors++;
    // Amounts with decimals are the bulk of a table: only integers and text can be codes.
    const n = c.num;
    const mayBeCode = n === null ? c.kind === 'text' || c.kind === 'numeric_text' : Number.isInteger(n) && n >= 100;
    if (marked || (n === null ? /^\d{1,2}$/.test(c.text) : Number.isInteger(n) && n >= 0 && n < 100)) s.parts++;
    const parsed = mayBeCode ? parseCodeText(c.text) : null;
    if (parsed) {
      s.codes++;
      if (parsed.classification !== 'function' && parsed.classification !== 'revenue') s.economicCodes++;
    } else if (c.kind === 'text' && THREE_DIGITS.test(c.text)) s.digitTexts++;
  }
  return s;
}

export function roleFromHeader(path: readonly string[]): { role: ColumnRole; part?: CodePart } | null {
  const leaf = path[path.length - 1];
  if (leaf === undefined) return null;
  for (const rule of RULES) if (rule.leaf.test(leaf)) return { role: rule.role, part: rule.part };
  return null;
}

const AMOUNT_HEADER = new RegExp(columnRoles.amountHeader);

/** Columns that open a side-by-side block when they follow an amount column. */
const BLOCK_OPENERS = new Set<ColumnRole>([
  'function_code',
  'economic_code',
  'name',
  'project_name',
  'seq',
  'unit_code',
]);

/** Columns whose text labels a row (its name, code, unit or description): where 合计/总计 and "一、" are read. */
export const ROW_LABEL_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'name',
  'project_name',
  'function_code',
  'economic_code',
  'code_part',
  'unit_name',
  'text',
]);

/** Column cells of the data rows, grouped by column. */
export function dataCellsByColumn(
  sheet: TypedSheet,
  rows: readonly [number, number] | null,
  left: number,
  right: number,
): TypedCell[][] {
  const out: TypedCell[][] = [];
  for (let c = left; c <= right; c++) out.push([]);
  if (!rows) return out;
  for (let r = rows[0]; r <= rows[1]; r++) {
    for (const cell of sheet.rows[r] ?? []) if (cell.col >= left && cell.col <= right) out[cell.col - left]?.push(cell);
  }
  return out;
}

export function assignColumnRoles(
  paths: readonly (readonly string[])[],
  columnCells: readonly (readonly TypedCell[])[],
  left: number,
  /** Per column, whether a header label starts in it (ownHeaderColumns); absent: every column has its own. */
  ownHeader?: readonly boolean[],
): ColumnInfo[] {
  const infos: Omit<ColumnInfo, 'block'>[] = paths.map((path, i) => {
    const col = left + i;
    const label = path.join('/');
    const stats = statsOf(columnCells[i] ?? []);
    const fromHeader = roleFromHeader(path);
    const economicPath = PATTERNS.economicHeader.test(label);
    // A spacer column (no value in any data row, no label of its own, only a parent spanning over it) is empty.
    // So is a column with no value whose only head is the unit of amounts ("单位：万元" written at the end of the
    // header row, past the last column): a statement about the table, not a column's name.
    const leaf = path[path.length - 1];
    const spacer =
      stats.nonEmpty === 0 && (ownHeader?.[i] === false || (leaf !== undefined && unitFromText(leaf) !== null));
    let role: ColumnRole = spacer ? 'empty' : (fromHeader?.role ?? 'empty');
    let part = spacer ? undefined : fromHeader?.part;
    if (role === 'function_code' || role === 'economic_code') {
      // A "代码" column holding names (the 泉州 基本支出 table) is a name column.
      // Unless its texts are codes written unreadably ("2O8"): then it stays the code column, its codes unread, and
      // the rows are mapped by their names.
      const names = stats.texts > stats.codes && stats.digitTexts + stats.codes < stats.nonEmpty * 0.5;
      if (stats.nonEmpty > 0 && stats.codes < stats.nonEmpty * 0.5 && names) role = 'name';
      else if (economicPath || stats.economicCodes > stats.codes / 2) role = 'economic_code';
    }
    if (role === 'code_part' && stats.nonEmpty > 0 && stats.numeric + stats.parts < stats.nonEmpty * 0.5) role = 'name';
    if (!fromHeader && !spacer) {
      // Content may name a code column only when no header label speaks for it: under an amount header,
      // 13466 is money even though it has the shape of a code.
      const headerSaysCode = path.length === 0 || PATTERNS.codeHeader.test(label);
      if (stats.nonEmpty === 0) role = path.length > 0 ? 'amount' : 'empty';
      else if (headerSaysCode && stats.codes >= stats.nonEmpty * 0.6 && stats.codes >= 2)
        role = stats.economicCodes > stats.codes / 2 ? 'economic_code' : 'function_code';
      // A column of error values is an amount column with invalid values (format.invalid_amount reports them).
      else if (stats.numeric + stats.errors >= stats.nonEmpty * 0.6) role = 'amount';
      else if (AMOUNT_HEADER.test(label) && stats.numeric >= stats.nonEmpty * 0.3) role = 'amount';
      else role = 'text';
    }
    if (role !== 'code_part') part = undefined;
    const classification: Classification | undefined =
      role === 'function_code'
        ? 'function'
        : role === 'economic_code'
          ? 'economic'
          : role === 'code_part'
            ? economicPath
              ? 'economic'
              : 'function'
            : undefined;
    return { col, role, label, ...(part ? { part } : {}), ...(classification ? { classification } : {}) };
  });
  return withBlocks(infos);
}

/** Splits columns into side-by-side blocks: a label column after an amount column opens a new block. */
function withBlocks(infos: readonly Omit<ColumnInfo, 'block'>[]): ColumnInfo[] {
  let block = 0;
  let sawAmount = false;
  return infos.map((info) => {
    const opensLabel = BLOCK_OPENERS.has(info.role) || (info.role === 'code_part' && info.part === 'class');
    if (opensLabel && sawAmount) {
      block++;
      sawAmount = false;
    }
    if (info.role === 'amount') sawAmount = true;
    return { ...info, block };
  });
}
