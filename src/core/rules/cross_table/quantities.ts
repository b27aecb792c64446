import Decimal from 'decimal.js';
import type { TableType } from '../../recognition/table-type';
import type { AmountUnit } from '../../recognition/metadata';
import {
  addressOf,
  formatAmount,
  formatDifference,
  halfUnit,
  UNIT_FACTOR,
  type Term,
  readIn,
  tableViews,
  wrappedList,
  type AmountColumn,
  type BlockRow,
  type BlockView,
  type TableView,
} from '../../model';
import { columnsOfNamedGroup } from '../column-groups';
import type { RuleContext } from '../types';
import { TABLE_TYPE_NAMES } from '../../recognition/table-type-registry';
import { maxOf, pushTo } from '../../util/collections';
import { PATTERNS as PAT } from '../../text/patterns';

/**
 * Quantities read across tables: a table's 合计 line, a column found by its header words, amounts per code. Every
 * comparison converts units (元/千元/万元) and says which tables it compared; a difference of ×10,000 is reported as a
 * unit mix-up (format.unit) rather than as two numbers that disagree.
 */
export function viewsOf(ctx: RuleContext, type: TableType): TableView[] {
  return tableViews(ctx).filter((v) => v.table.type === type);
}

/** Only one table of the type: comparing with "the" 收入总表 is meaningless when a workbook holds several. */
export function onlyViewOf(ctx: RuleContext, type: TableType): TableView | null {
  const all = viewsOf(ctx, type);
  return all.length === 1 ? (all[0] as TableView) : null;
}

/** The table's grand total line: its first 合计/总计 row (the top one when the 合计 comes first). */
export function totalRow(view: TableView, block: BlockView = view.blocks[0] as BlockView): BlockRow | null {
  return block?.rows.find((r) => r.isTotal && r.used) ?? null;
}

export function rowLabelled(block: BlockView, pattern: RegExp): BlockRow | null {
  return block.rows.find((r) => r.used && pattern.test(r.label)) ?? null;
}

export function columnMatching(block: BlockView, pattern: RegExp): AmountColumn | null {
  return block.amountColumns.find((c) => !c.excluded && pattern.test(c.path.join('/'))) ?? null;
}

export function firstAmountColumn(block: BlockView): AmountColumn | null {
  return block.amountColumns.find((c) => !c.excluded) ?? null;
}

export function termAt(view: TableView, row: number, col: number | undefined): Term | null {
  if (col === undefined) return null;
  const r = readIn(view, row, col);
  return r.kind === 'term' ? r.term : null;
}

/**
 * Amounts per code in one column, summed over units (a consolidated table lists a code once per unit). In a list
 * wrapped across side-by-side groups (编码|名称|金额 ×3) every group is read, in its own column of the same place.
 */
export function amountsByCode(view: TableView, col: number, minLevel = 1): Map<string, Term[]> {
  const out = new Map<string, Term[]>();
  const home = view.blocks.find((b) => b.amountColumns.some((c) => c.col === col));
  const place = home ? home.amountColumns.findIndex((c) => c.col === col) : -1;
  const wrapped = place >= 0 && wrappedList(view) !== null;
  for (const block of view.blocks) {
    const column = block === home ? col : wrapped ? block.amountColumns[place]?.col : undefined;
    if (column === undefined) continue;
    for (const r of block.rows) {
      const code = r.code?.code;
      if (!code || code.length < (minLevel === 1 ? 3 : minLevel === 2 ? 5 : 7)) continue;
      const t = termAt(view, r.row, column);
      if (t) pushTo(out, code, t);
    }
  }
  return out;
}

/**
 * The column a table's amount is read from when it is compared with another table: its 本年支出 group (决算 fund tables
 * lead with 年初结转和结余), else its 决算数 (a 决算 table showing 预算数 | 决算数), else — when the columns are years
 * ("2023年预算数 | 2024年预算数") — the latest year, else the first amount column.
 */
export function valueColumn(block: BlockView): AmountColumn | null {
  for (const group of [PAT.currentYearSpendingPrefix, PAT.finalAmountHeader]) {
    const cols = columnsOfNamedGroup(block, group);
    if (cols.length === 1) return cols[0] as AmountColumn;
  }
  const dated = block.amountColumns
    .filter((c) => !c.excluded)
    .map((c) => ({ c, year: Number(PAT.yearMention.exec(c.path.join('/'))?.[1] ?? 0) }))
    .filter((d) => d.year > 0);
  if (new Set(dated.map((d) => d.year)).size > 1) {
    const latest = maxOf(dated.map((d) => d.year));
    return dated.find((d) => d.year === latest)?.c ?? null;
  }
  return firstAmountColumn(block);
}

/** A table's amounts per code, read from its value column (see valueColumn). */
export function valuesByCode(view: TableView): Map<string, Term[]> {
  const col = valueColumn(view.blocks[0] as BlockView)?.col;
  return col === undefined ? new Map() : amountsByCode(view, col);
}

export const tableLabel = (view: TableView): string =>
  `《${view.table.title?.replace(/^\d{4}年(度)?/, '') ?? view.table.sheet}》`;

function factorOf(view: TableView, fallback: TableView): Decimal {
  const unit = view.unit ?? fallback.unit ?? '万元';
  return new Decimal(UNIT_FACTOR[unit]);
}

export interface Side {
  readonly view: TableView;
  readonly terms: readonly Term[];
  /** What the quantity is, for the message ("本年收入合计"). */
  readonly what: string;
}

/** Two quantities of two tables that must agree: a = b, or a ≤ b. */
export interface Identity {
  readonly a: Side;
  readonly b: Side;
  readonly relation: 'eq' | 'le';
  /** Message prefix ("2080505 ", "一般公共预算："). */
  readonly context?: string;
}

interface Judgement {
  readonly a: Decimal;
  readonly b: Decimal;
  readonly difference: Decimal;
  readonly envelope: Decimal;
  readonly decimals: number;
  readonly unit: string;
}

const UNIT_NAMES = new Map([
  [1, '元'],
  [1e3, '千元'],
  [1e4, '万元'],
  [1e8, '亿元'],
]);

/** Both sides in the smaller of their two units, with the rounding envelope of all their terms. */
export function judge(identity: Identity): Judgement | null {
  const { a, b } = identity;
  if (!a.terms.length || !b.terms.length) return null;
  if (a.terms.every((t) => t.blank) && b.terms.every((t) => t.blank)) return null;
  // Most identities hold exactly: decided on scaled integers, the decimals built only if a caller asks for them.
  return equalOnIntegers(identity) ? new EqualJudgement(identity) : judgeInDecimals(identity);
}

const ZERO = new Decimal(0);

/** An identity whose sides are equal (difference exactly zero); its sums and envelope in decimals when asked for. */
class EqualJudgement implements Judgement {
  readonly difference = ZERO;
  private full: Judgement | null = null;
  constructor(private readonly identity: Identity) {}
  private get whole(): Judgement {
    return (this.full ??= judgeInDecimals(this.identity) as Judgement);
  }
  get a(): Decimal {
    return this.whole.a;
  }
  get b(): Decimal {
    return this.whole.b;
  }
  get envelope(): Decimal {
    return this.whole.envelope;
  }
  get decimals(): number {
    return this.whole.decimals;
  }
  get unit(): string {
    return this.whole.unit;
  }
}

const unitFactor = (view: TableView, fallback: TableView): number => UNIT_FACTOR[view.unit ?? fallback.unit ?? '万元'];
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * True when both sides sum to the same value exactly, on integers (each term scaled to the common decimals, each side
 * in the smaller unit); false when a term does not fit a safe integer or the sums differ (decimal.js then decides).
 */
function equalOnIntegers({ a, b }: Identity): boolean {
  const fa = unitFactor(a.view, b.view);
  const fb = unitFactor(b.view, a.view);
  const base = Math.min(fa, fb);
  let scale = 0;
  for (const side of [a, b])
    for (const t of side.terms) {
      if (t.scaled === null) return false;
      if (t.decimals > scale) scale = t.decimals;
    }
  if (scale > 8) return false;
  const sum = (terms: readonly Term[], ratio: number): number | null => {
    let s = 0;
    for (const t of terms) {
      s += (t.scaled as number) * (POW10[scale - t.decimals] as number) * ratio;
      if (!Number.isSafeInteger(s)) return null;
    }
    return s;
  };
  const av = sum(a.terms, fa / base);
  return av !== null && av === sum(b.terms, fb / base);
}

/** `readAs`: the two sides' units to read them in, instead of what their tables state (see dependsOnUnstatedUnit). */
function judgeInDecimals(identity: Identity, readAs?: readonly [AmountUnit, AmountUnit]): Judgement {
  const { a, b } = identity;
  const fa = readAs ? new Decimal(UNIT_FACTOR[readAs[0]]) : factorOf(a.view, b.view);
  const fb = readAs ? new Decimal(UNIT_FACTOR[readAs[1]]) : factorOf(b.view, a.view);
  const base = Decimal.min(fa, fb);
  // Each side's factor over the base, divided once per side (was once per term: the same quotient every time).
  const sum = (terms: readonly Term[], f: Decimal) => {
    const ratio = f.div(base);
    return terms.reduce((s, t) => s.plus(t.value.times(ratio)), new Decimal(0));
  };
  const env = (terms: readonly Term[], f: Decimal) => {
    const ratio = f.div(base);
    return terms.reduce((s, t) => s.plus(halfUnit(t.decimals).times(ratio)), new Decimal(0));
  };
  // Shown to the finest term's digits; a term coarser than whole units (a converted 1.2万元) shows whole units.
  const decimals = Math.max(0, maxOf([...a.terms, ...b.terms].map((t) => t.decimals)));
  const av = sum(a.terms, fa);
  const bv = sum(b.terms, fb);
  return {
    a: av,
    b: bv,
    difference: av.minus(bv),
    envelope: env(a.terms, fa).plus(env(b.terms, fb)),
    decimals,
    unit: UNIT_NAMES.get(base.toNumber()) ?? '',
  };
}

/**
 * True when a 元/万元 mix-up is the reading the numbers support: the identity fails as written (beyond rounding) and
 * holds once one side is read ×10,000 or ÷10,000. A ratio alone is not evidence — a ≤ relation that holds (a line far
 * smaller than the quantity bounding it) says nothing about units.
 */
export function unitMixupExplains(identity: Identity, j: Judgement): boolean {
  if (j.difference.isZero()) return false;
  const holds =
    j.difference.isZero() ||
    (identity.relation === 'le' && j.difference.isNegative()) ||
    j.difference.abs().lte(j.envelope);
  return !holds && looksLikeUnitMixup(j);
}

/** True when one side is about 10,000 times the other: 元 written where 万元 is meant, or the reverse. */
export function looksLikeUnitMixup(j: Judgement): boolean {
  if (j.a.isZero() || j.b.isZero()) return false;
  const ratio = j.a.div(j.b).abs();
  return (
    ratio
      .minus(1e4)
      .abs()
      .lte(1e4 * 0.01) || ratio.times(1e4).minus(1).abs().lte(0.01)
  );
}

/** Both sides' cells, the other table's sheet-qualified ("支出总表!D11") when it is on another sheet. */
export const cellsOf = (i: Identity): string[] => {
  const other = i.b.view.table.sheet;
  const same = i.a.view.table.sheet === other;
  return [...i.a.terms.map(addressOf), ...i.b.terms.map((t) => (same ? addressOf(t) : `${other}!${addressOf(t)}`))];
};

/**
 * The table of `type` to compare `present` with, or null, recording why not when it is missing, not typed or not
 * alone of its type (`what`: the identity, "收支总表本年收入合计 = 收入总表合计").
 */
export function counterpart(
  ctx: RuleContext,
  type: TableType,
  present: TableView | null,
  what: string,
): TableView | null {
  const all = viewsOf(ctx, type);
  if (all.length === 1) return all[0] as TableView;
  if (!present) return null;
  const name = TABLE_TYPE_NAMES[type] ?? type;
  const untyped = ctx.workbook.tables.some((t) => t.type === 'unknown');
  ctx.notChecked({
    tables: [present.table.id],
    sheet: present.table.sheet,
    reason: all.length > 1 ? 'other' : untyped ? 'table_unknown_type' : 'table_missing',
    message:
      all.length > 1
        ? `有 ${all.length} 张${name}，无法确定比较对象，未核对${what}`
        : `未找到${name}${untyped ? '（有未能识别类型的表）' : ''}，未核对${what}`,
  });
  return null;
}

const tableIds = (i: Identity): readonly string[] =>
  i.a.view === i.b.view ? [i.a.view.table.id] : [i.a.view.table.id, i.b.view.table.id];

/** Why an identity with a side that has nothing to compare was not checked, or null when both sides are blank. */
function unreadable(identity: Identity): { reason: 'blank' | 'column_not_found'; message: string } | null {
  const { a, b } = identity;
  const empty = [a, b].find((s) => !s.terms.length);
  if (!empty) return null;
  const name = `${tableLabel(empty.view)}${empty.what || ''}`;
  const other = empty === a ? b : a;
  return empty.view.table.dataRows
    ? { reason: 'column_not_found', message: `未找到${name}，未核对它与${tableLabel(other.view)}${other.what}的关系` }
    : { reason: 'blank', message: `${tableLabel(empty.view)}无数据行，未核对它与${tableLabel(other.view)}的关系` };
}

/** The units a table that states none may be in: disclosure tables are written in 元 or in 万元. */
const UNSTATED_UNIT_READINGS: readonly AmountUnit[] = ['元', '万元'];

const holds = (identity: Identity, j: Judgement) =>
  j.difference.isZero() ||
  (identity.relation === 'le' && j.difference.isNegative()) ||
  j.difference.abs().lte(j.envelope);

/** How far apart two amounts are in orders of magnitude (|log10 a/b|); null when either is zero (no scale to read). */
const magnitudeGap = (j: Judgement): number | null =>
  j.a.isZero() || j.b.isZero() ? null : Math.abs(Math.log10(j.a.div(j.b).abs().toNumber()));

/**
 * A failing identity between two tables of which one or both state no unit is compared with both read in the same
 * unit. Which units they are in, the numbers can tell: the two sides of an identity are quantities of one kind (a line
 * and the item that includes it), so the reading under which they are nearest in magnitude is the likely one. When
 * such a table read in the other unit (元 for 万元, or the reverse) brings the sides nearer and the identity then holds,
 * the failure rests on a unit nobody wrote — 30217 185,000 over a 公务接待费 of 28.50 is 6,491× as written and 0.65×
 * with the bound in 万元. Such an identity is not judged; the units decide it once written. A mild excess (15 over 10)
 * is nearest as written and stays a finding, as does any excess over a zero.
 */
function dependsOnUnstatedUnit(identity: Identity, assumed: Judgement): boolean {
  const { a, b } = identity;
  if (a.view === b.view || (a.view.unit && b.view.unit)) return false;
  const gap = magnitudeGap(assumed);
  if (gap === null) return false;
  const unitOf = (view: TableView, other: TableView): AmountUnit => view.unit ?? other.unit ?? '万元';
  const readings = (view: TableView) => (view.unit ? [view.unit] : UNSTATED_UNIT_READINGS);
  for (const ua of readings(a.view))
    for (const ub of readings(b.view)) {
      if (ua === unitOf(a.view, b.view) && ub === unitOf(b.view, a.view)) continue;
      const j = judgeInDecimals(identity, [ua, ub]);
      const nearer = magnitudeGap(j);
      if (nearer !== null && nearer < gap && holds(identity, j)) return true;
    }
  return false;
}

/** "《收入总表》《支出总表》": the tables of an identity that state no unit. */
const unstatedUnitTables = ({ a, b }: Identity) =>
  [a.view, b.view]
    .filter((v) => !v.unit)
    .map(tableLabel)
    .join('');

/** Records an identity and reports it when it does not hold (unit mix-ups are format.unit's, not this rule's). */
export function reportIdentity(ctx: RuleContext, identity: Identity): void {
  const j = judge(identity);
  const tables = tableIds(identity);
  const sheet = identity.a.view.table.sheet;
  if (!j) {
    const why = unreadable(identity);
    if (why) ctx.notChecked({ tables, sheet, ...why });
    return;
  }
  const closed = j.difference.isZero() || (identity.relation === 'le' && j.difference.isNegative());
  if (closed) return ctx.identity({ tables, sheet, cells: [], status: 'closed' });
  if (unitMixupExplains(identity, j))
    return ctx.identity({ tables, sheet, cells: cellsOf(identity), status: 'failed' });
  const rounding = j.difference.abs().lte(j.envelope);
  const { a, b } = identity;
  if (!rounding && dependsOnUnstatedUnit(identity, j))
    return ctx.notChecked({
      tables,
      sheet,
      reason: 'other',
      message: `${identity.context ?? ''}${tableLabel(a.view)}${a.what}与${tableLabel(b.view)}${b.what}：${unstatedUnitTables(identity)}未注明金额单位：按同一单位比较不符，若一表为元、一表为万元则相符，无法判断，未核对；请注明金额单位后再审核`,
    });
  const d = j.decimals;
  const unit = a.view.unit && b.view.unit && a.view.unit !== b.view.unit ? ` ${j.unit}` : '';
  // A side left blank is "not filled in", not a zero to argue with.
  const blankSide = [a, b].find((side) => side.terms.every((t) => t.blank));
  const filled = blankSide === a ? { side: b, value: j.b } : { side: a, value: j.a };
  const text = blankSide
    ? `${identity.context ?? ''}${tableLabel(filled.side.view)}${filled.side.what} 为 ${formatAmount(filled.value, d)}，${tableLabel(blankSide.view)}${blankSide.what}未填金额`
    : identity.relation === 'eq'
      ? `${identity.context ?? ''}${tableLabel(a.view)}${a.what} ${formatAmount(j.a, d)} ≠ ${tableLabel(b.view)}${b.what} ${formatAmount(j.b, d)}（差 ${formatDifference(j.difference, d)}${unit}）`
      : `${identity.context ?? ''}${tableLabel(a.view)}${a.what} ${formatAmount(j.a, d)} 大于${tableLabel(b.view)}${b.what} ${formatAmount(j.b, d)}（超出 ${formatAmount(j.difference, d)}${unit}）`;
  const cells = cellsOf(identity);
  // Within one table (a = b of its own lines), each a-cell closes it by −difference, each b-cell by +difference.
  const own = tables.length === 1;
  ctx.identity({
    tables,
    sheet,
    cells,
    status: rounding ? 'closed' : 'failed',
    ...(own && !rounding
      ? {
          corrections: [...a.terms.map(() => j.difference.neg()), ...b.terms.map(() => j.difference)],
          envelope: j.envelope,
        }
      : {}),
    finding: {
      severity: rounding ? 'info' : undefined,
      sheet: a.view.table.sheet,
      cells,
      messageId: rounding ? 'rounding' : blankSide ? 'blankSide' : identity.relation === 'eq' ? 'mismatch' : 'exceeds',
      message: rounding ? `${text}，可能为取整误差` : text,
      expected: j.b.toFixed(d),
      actual: j.a.toFixed(d),
      difference: j.difference.toFixed(d),
    },
  });
}
