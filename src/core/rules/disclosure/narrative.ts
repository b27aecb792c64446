import Decimal from 'decimal.js';
import narrative from '../../../data/disclosure/narrative.json';
import { tableTypeId, type TableType } from '../../recognition/table-type-registry';
import { normalizeLabel, stripEnumeration } from '../../text/normalize';
import { formatAmount, UNIT_FACTOR, type AmountColumn, type BlockView, type TableView } from '../../model';
import type { AmountUnit } from '../../recognition/metadata';
import { PATTERNS } from '../../text/patterns';
import { tableLabel, termAt, totalRow, valueColumn, viewsOf } from '../cross_table/quantities';
import { quoted } from '../messages';
import type { Rule, RuleContext } from '../types';
import { address, textCells, type TextCell } from './workbook-texts';

const SEPARATORS = new RegExp(narrative.separators, 'u');
const AMOUNT = new RegExp(narrative.amountPattern, 'gu');
const CHANGE = narrative.changeWords.map(normalizeLabel);
interface Reading {
  readonly table: TableType;
  /** Alternatives of words a column label holds (on the total line). */
  readonly column: readonly (readonly string[])[];
  readonly exclude: readonly string[];
  /** Labels of a line, read in the table's value column. */
  readonly row: readonly string[];
  /** The total line in the value column. */
  readonly total: boolean;
}
interface RawReading {
  readonly table: string;
  readonly column?: readonly (readonly string[])[];
  readonly exclude?: readonly string[];
  readonly row?: readonly string[];
  readonly total?: boolean;
}
const ITEMS = narrative.items.map((i) => ({
  id: i.id,
  label: i.label,
  words: i.words.map(normalizeLabel),
  standalone: 'standalone' in i && i.standalone === true,
  readings: (i.readings as readonly RawReading[]).map((r): Reading => ({
    table: tableTypeId(r.table),
    column: (r.column ?? []).map((alt) => alt.map(normalizeLabel)),
    exclude: (r.exclude ?? []).map(normalizeLabel),
    row: (r.row ?? []).map(normalizeLabel),
    total: r.total === true,
  })),
}));
const VALUE_LABELS = new Set(narrative.valueLabels.map(normalizeLabel));
const SUBTOTAL_LABELS = new Set(narrative.subtotalLabels.map(normalizeLabel));
type Item = (typeof ITEMS)[number];

export interface QuotedFigure {
  readonly cell: TextCell;
  readonly item: Item;
  readonly clause: string;
  /** In 元. */
  readonly value: Decimal;
  /** Half a unit of the figure's last written digit, in 元. */
  readonly tolerance: Decimal;
  readonly written: string;
  /** The unit it is written in. */
  readonly unit: AmountUnit;
}

const STANDALONE_AFTER = narrative.standalone.after.map(normalizeLabel);

/**
 * The items a clause names, longest wording first, each occurrence once; null when a standalone item's word ends a
 * longer compound there (基本支出合计 is not 支出合计: the clause is ambiguous).
 */
function itemsIn(clause: string): Item[] | null {
  let rest = clause;
  const found: Item[] = [];
  const all = ITEMS.flatMap((item) => item.words.map((w) => ({ item, w }))).sort((a, b) => b.w.length - a.w.length);
  for (const { item, w } of all)
    for (let at = rest.indexOf(w); at >= 0; at = rest.indexOf(w)) {
      const before = clause.slice(0, at);
      if (item.standalone && before && !/\d$/.test(before) && !STANDALONE_AFTER.some((a) => before.endsWith(a)))
        return null;
      found.push(item);
      // Claimed in place (same length), so that later words see the clause's own text before them.
      rest = rest.slice(0, at) + '\u0000'.repeat(w.length) + rest.slice(at + w.length);
    }
  return found;
}

/** The narrative's text cells: long texts outside every recognised table. */
function narrativeCells(ctx: RuleContext): TextCell[] {
  const inTable = (c: TextCell) => ctx.model.placement.at(c.sheet, c.row, c.col).length > 0;
  return textCells(ctx.model).filter((c) => c.text.length >= 10 && !inTable(c));
}

/** An amount as written in a text: its value and half a unit of its last written digit, in 元. */
interface Written {
  readonly value: Decimal;
  readonly tolerance: Decimal;
  readonly written: string;
  readonly unit: AmountUnit;
  readonly start: number;
  readonly end: number;
}

/** The unit narrative.json's amount pattern captured: one the model converts, or the data names a unit it cannot. */
function amountUnit(written: string | undefined): AmountUnit {
  if (written !== undefined && written in UNIT_FACTOR) return written as AmountUnit;
  throw new Error(`narrative.json amountPattern captured an unknown unit: ${written}`);
}

function writtenAmount(m: RegExpMatchArray): Written {
  const digits = (m[1] as string).replace(/,/g, '');
  const unit = amountUnit(m[2]);
  const factor = new Decimal(UNIT_FACTOR[unit]);
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
  return {
    value: new Decimal(digits).times(factor),
    tolerance: new Decimal(10).pow(-decimals).div(2).times(factor),
    written: m[0],
    unit,
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  };
}

/** Figures the narrative texts attribute to an item, clause by clause (never across clauses). */
export function quotedFigures(ctx: RuleContext): QuotedFigure[] {
  const out: QuotedFigure[] = [];
  for (const cell of narrativeCells(ctx)) {
    // Split as written: normalising first would join the lines of a paragraph.
    for (const raw of cell.text.split(SEPARATORS)) {
      const clause = normalizeLabel(raw);
      if (!clause || CHANGE.some((w) => clause.includes(w))) continue;
      const items = itemsIn(clause);
      const amounts = [...clause.matchAll(AMOUNT)];
      if (!items || items.length !== 1 || amounts.length !== 1) continue;
      const w = writtenAmount(amounts[0] as RegExpMatchArray);
      out.push({
        cell,
        item: items[0] as Item,
        clause,
        value: w.value,
        tolerance: w.tolerance,
        written: w.written,
        unit: w.unit,
      });
    }
  }
  return out;
}

interface TableValue {
  readonly view: TableView;
  readonly value: Decimal;
  readonly tolerance: Decimal;
}

/** The values a reading stands for in a table: a column on the total line, each labelled line, or the total. */
function readingValues(view: TableView, reading: Reading): TableValue[] {
  const block = view.blocks[0];
  if (!block) return [];
  const at: { row: number; col: number | undefined }[] = [];
  if (reading.row.length) {
    // Every line the reading names (收入总计 and 本年收入合计 alike): the text may quote either.
    for (const label of reading.row)
      for (const b of view.blocks) {
        const row = b.rows.find((r) => r.used && stripEnumeration(normalizeLabel(r.label)) === label);
        if (row) {
          at.push({ row: row.row, col: valueColumn(b)?.col });
          break;
        }
      }
  } else {
    const row = totalRow(view, block) ?? (reading.total ? null : block.rows.find((r) => r.used));
    if (row) at.push({ row: row.row, col: reading.total ? valueColumn(block)?.col : itemColumn(block, reading)?.col });
  }
  const factor = new Decimal(UNIT_FACTOR[view.unit ?? '万元']);
  return at.flatMap(({ row, col }) => {
    const t = termAt(view, row, col);
    if (!t || t.blank) return [];
    return [{ view, value: t.value.times(factor), tolerance: new Decimal(10).pow(-t.decimals).div(2).times(factor) }];
  });
}

/** The column a reading names by its header words (its own column is the shortest match; a 决算 reads 决算数). */
function itemColumn(block: BlockView, reading: Reading): AmountColumn | null {
  const matches = block.amountColumns.filter((c) => {
    const label =
      [...c.path]
        .map(normalizeLabel)
        .reverse()
        .find((p) => !VALUE_LABELS.has(p) && !SUBTOTAL_LABELS.has(p)) ?? '';
    return (
      reading.column.some((alt) => alt.every((w) => label.includes(w))) &&
      !reading.exclude.some((w) => label.includes(w))
    );
  });
  // 预算数 | 决算数 under each item: a 决算 disclosure quotes what was spent.
  const final = matches.filter((c) => c.path.some((p) => PATTERNS.finalAccounts.test(p)));
  const candidates = final.length ? final : matches;
  // The item's own column is the shortest match (合计 of the 三公 is not 公务用车's 小计).
  return [...candidates].sort((a, b) => a.path.length - b.path.length)[0] ?? null;
}

const CHANGES = narrative.changes;
const SEGMENTS = new RegExp(CHANGES.segments, 'u');
const PERCENT = new RegExp(CHANGES.percentPattern, 'gu');
type Direction = 'up' | 'down' | 'flat';
const DIRECTION_WORDS: readonly { direction: Direction; word: string }[] = (['up', 'down', 'flat'] as const).flatMap(
  (direction) => CHANGES[direction].map((w) => ({ direction, word: normalizeLabel(w) })),
);
const TO = CHANGES.to.map(normalizeLabel);
const THAN = CHANGES.than.map(normalizeLabel);

/** A change the text states beside two amounts of its own segment. */
export interface StatedChange {
  readonly cell: TextCell;
  readonly segment: string;
  /** from-to: A 增加到 B; than: A，比上年增加 B (B is the change). */
  readonly form: 'from-to' | 'than';
  readonly direction: Direction;
  readonly word: string;
  readonly a: Written;
  readonly b: Written;
  readonly percent: { readonly value: Decimal; readonly decimals: number; readonly written: string } | null;
}

/** Changes stated in the narrative, segment by segment, in the two unambiguous forms only (narrative.json: changes). */
export function statedChanges(ctx: RuleContext): StatedChange[] {
  const out: StatedChange[] = [];
  for (const cell of narrativeCells(ctx))
    for (const raw of cell.text.split(SEGMENTS)) {
      const segment = normalizeLabel(raw);
      const amounts = [...segment.matchAll(AMOUNT)].map(writtenAmount);
      const percents = [...segment.matchAll(PERCENT)];
      if (amounts.length !== 2 || percents.length > 1) continue;
      const hits = DIRECTION_WORDS.flatMap((d) => {
        const at = segment.indexOf(d.word);
        return at >= 0 ? [{ ...d, at }] : [];
      }).sort((x, y) => x.at - y.at);
      // Words of one direction only: 增加（减少） is an unchosen alternative, not a statement.
      if (hits.length === 0 || new Set(hits.map((h) => h.direction)).size !== 1) continue;
      const [a, b] = amounts as [Written, Written];
      const first = hits[0] as (typeof hits)[number];
      // 持平 says the two amounts are equal, whichever comes first (本年20万元，与上年20万元持平).
      const flat = first.direction === 'flat' && first.at >= a.end;
      if (!flat && (first.at < a.end || first.at >= b.start)) continue;
      const after = segment.slice(first.at + first.word.length);
      const form =
        flat || TO.some((t) => after.startsWith(t))
          ? 'from-to'
          : THAN.some((t) => segment.slice(a.end, first.at).includes(t))
            ? 'than'
            : null;
      if (!form || (form === 'than' && first.direction === 'flat')) continue;
      const p = percents[0];
      const percent = p
        ? {
            value: new Decimal(p[1] as string),
            decimals: (p[1] as string).includes('.') ? ((p[1] as string).split('.')[1] as string).length : 0,
            written: p[0],
          }
        : null;
      out.push({ cell, segment, form, direction: first.direction, word: first.word, a, b, percent });
    }
  return out;
}

/** The range a quantity of two rounded amounts can take (its value at the corners of their rounding). */
function rangeOf(f: (a: Decimal, b: Decimal) => Decimal | null, a: Written, b: Written): [Decimal, Decimal] | null {
  const values: Decimal[] = [];
  for (const da of [-1, 1])
    for (const db of [-1, 1]) {
      const v = f(a.value.plus(a.tolerance.times(da)), b.value.plus(b.tolerance.times(db)));
      if (v === null) return null;
      values.push(v);
    }
  return [Decimal.min(...values), Decimal.max(...values)];
}

/** What is wrong with a stated change, in words, or null when the two amounts bear it out. */
function changeError(c: StatedChange): {
  messageId: 'changeNotFlat' | 'changeDirection' | 'changePercent';
  message: string;
  expected: string;
  actual: string;
} | null {
  const unit = c.b.unit;
  const inUnit = (v: Decimal) => formatAmount(v.div(UNIT_FACTOR[unit]), 2);
  if (c.form === 'from-to') {
    const diff = c.b.value.minus(c.a.value);
    const slack = c.a.tolerance.plus(c.b.tolerance);
    const actual = (diff.abs().lte(slack) ? 'flat' : diff.isPositive() ? 'up' : 'down') as Direction;
    const wrong =
      (c.direction === 'flat' && actual !== 'flat') ||
      (c.direction === 'up' && actual === 'down') ||
      (c.direction === 'down' && actual === 'up');
    if (wrong && c.direction === 'flat')
      return {
        messageId: 'changeNotFlat',
        message: `${c.a.written} 与 ${c.b.written} 相差 ${inUnit(diff.abs())} ${unit}，与所写“${c.word}”不符`,
        expected: 'up_or_down',
        actual: c.direction,
      };
    if (wrong) {
      // Wrong is never flat: a stated 持平 is wrong by a change, a stated change by the other direction.
      const word = `${CHANGES[actual as 'up' | 'down'][0]} ${inUnit(diff.abs())} ${unit}`;
      return {
        messageId: 'changeDirection',
        message: `由 ${c.a.written} 到 ${c.b.written} 实为${word}，与所写“${c.word}”不符`,
        expected: actual,
        actual: c.direction,
      };
    }
  }
  if (!c.percent) return null;
  const range = rangeOf(
    c.form === 'from-to'
      ? (a, b) => (a.isZero() ? null : b.minus(a).abs().div(a).times(100))
      : (a, b) => {
          const base = c.direction === 'up' ? a.minus(b) : a.plus(b);
          return base.lte(0) ? null : b.div(base).times(100);
        },
    c.a,
    c.b,
  );
  if (!range) return null;
  const half = new Decimal(10).pow(-c.percent.decimals).div(2);
  if (c.percent.value.gte(range[0].minus(half)) && c.percent.value.lte(range[1].plus(half))) return null;
  const computed = range[0].plus(range[1]).div(2).toFixed(Math.max(c.percent.decimals, 1));
  const basis =
    c.form === 'from-to'
      ? `由 ${c.a.written} 到 ${c.b.written}`
      : `${c.a.written} 比上年${c.word} ${c.b.written}（上年 ${inUnit(c.direction === 'up' ? c.a.value.minus(c.b.value) : c.a.value.plus(c.b.value))} ${unit}）`;
  return {
    messageId: 'changePercent',
    message: `${basis}，按所写金额计算为 ${computed}%，与所写“${c.percent.written}”不符`,
    expected: computed,
    actual: c.percent.value.toString(),
  };
}

/** Every reading of an item present in the workbook (a table alone of its type), in the data's order. */
function tableValues(ctx: RuleContext, item: Item): { values: TableValue[]; views: TableView[] } {
  const values: TableValue[] = [];
  const views: TableView[] = [];
  for (const reading of item.readings) {
    const all = viewsOf(ctx, reading.table);
    if (all.length !== 1) continue;
    const view = all[0] as TableView;
    views.push(view);
    values.push(...readingValues(view, reading));
  }
  return { values, views };
}

/**
 * Amounts the 说明 sheets quote — 收入/支出总计, 财政拨款收入/支出 and its funds, 项目支出, the “三公” items and
 * 机关运行经费 — against the tables, in 万元 or 元 as written. A figure counts only when its own clause names one item
 * and one amount and no change ("比上年减少 3 万元" is not the item), so a number is never paired with an item named in
 * another sentence; an item that tables may read two ways (收入总计 with or without 上年结转) agrees with either. A
 * change the text states (增加/减少/持平, a percentage) is checked against the two amounts beside it in its own segment,
 * in the two unambiguous forms only (narrative.json: changes).
 */
export const narrativeFigures: Rule = {
  meta: {
    id: 'disclosure.narrative',
    defaultSeverity: 'warning',
    title: { zh: '说明文字中的金额或增减与表不符', en: 'Narrative figures or changes disagree with the tables' },
    description: {
      zh: '编制说明、其他相关情况说明等文字中写明的收入/支出总计、财政拨款收入/支出（及一般公共预算、政府性基金、国有资本经营预算拨款支出）、项目支出、“三公”经费及其各项、机关运行经费金额（按所写的万元或元），应与相应的表一致；只在同一分句只提到一个项目、一个金额且不是增减额时才比较，一个项目有几种读法（如收入总计含或不含上年结转）时与任一读法相符即可。文字写明的增加/减少/持平和百分比，按同一句（段）中紧挨的两个金额核对：“由 A 增加到 B”核对方向与 |B−A|/A，“A，比上年增加 B”核对 B/(A−B)；归属不明确的数字（三个金额、基数写在“比”之后、增减词在两个金额之后等）不比较。',
      en: 'Amounts the narrative sheets quote for 收入/支出总计, 财政拨款收入/支出 (and its funds), 项目支出, the “三公” items and 机关运行经费 (in 万元 or 元 as written) agree with the tables; a figure is compared only when its own clause names one item, one amount and no change, and agrees when it matches any reading of its item. Stated changes (增加/减少/持平, percentages) are checked against the two amounts beside them in the same segment, in the forms “由 A 增加到 B” and “A，比上年增加 B” only; ambiguous attributions are not compared.',
    },
    formula: '说明[item] ∈ {表[item] readings}; 由A增加到B ⇒ B > A, % = |B−A|/A; A比上年增加B ⇒ % = B/(A−B)',
    example:
      '《部门编制说明》写“财政拨款收入100万元，比2020年预算增加20万元，增长20%”：100万元 比上年增加 20万元（上年 80.00 万元），按所写金额计算为 25.0%，与所写“20%”不符',
    messages: {
      figureDiffers: { zh: '说明中的金额与表中不同', en: 'Figure in the text differs from the table' },
      changeNotFlat: { zh: '所写“持平”而金额有增减', en: 'Stated unchanged, but the amounts changed' },
      changeDirection: { zh: '所写增减方向与金额不符', en: 'Stated direction contradicts the amounts' },
      changePercent: { zh: '所写增减幅度与金额不符', en: 'Stated percentage contradicts the amounts' },
    },
    appliesTo: [
      'income_expenditure_summary',
      'income_summary',
      'expenditure_summary',
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'government_fund_expenditure',
      'state_capital_expenditure',
      'three_public_expenses',
    ],
  },
  check(ctx) {
    const figures = quotedFigures(ctx);
    for (const f of figures) {
      const { values, views } = tableValues(ctx, f.item);
      if (!views.length) continue;
      const sheet = f.cell.sheet;
      if (!values.length) {
        ctx.notChecked({
          sheet,
          reason: 'column_not_found',
          message: `说明中的${f.item.label}“${f.written}”：未在${tableLabel(views[0] as TableView)}找到对应金额，未核对`,
        });
        continue;
      }
      // A figure that agrees with any reading of its item agrees (收入总计 with or without 上年结转 …).
      const agrees = values.find((t) => f.value.minus(t.value).abs().lte(f.tolerance.plus(t.tolerance)));
      if (agrees) {
        ctx.identity({ tables: [agrees.view.table.id], sheet, cells: [], status: 'closed' });
        continue;
      }
      const table = values[0] as TableValue;
      const unit = f.unit;
      const inUnit = table.value.div(UNIT_FACTOR[unit]);
      const cells = [address(f.cell)];
      // A figure of the text that disagrees says nothing of how the table was read: not tied to the table's confirmation.
      ctx.identity({
        tables: [],
        sheet,
        cells,
        status: 'failed',
        finding: {
          sheet,
          cells,
          messageId: 'figureDiffers',
          message: `《${sheet}》写“${quoted(f.clause)}”，而${tableLabel(table.view)}${f.item.label}为 ${formatAmount(inUnit, 2)} ${unit}`,
          expected: inUnit.toFixed(2),
          actual: f.value.div(UNIT_FACTOR[unit]).toFixed(2),
        },
      });
    }
    for (const c of statedChanges(ctx)) {
      const sheet = c.cell.sheet;
      const error = changeError(c);
      if (!error) {
        if (c.form === 'from-to' || c.percent) ctx.identity({ tables: [], sheet, cells: [], status: 'closed' });
        continue;
      }
      const cells = [address(c.cell)];
      ctx.identity({
        tables: [],
        sheet,
        cells,
        status: 'failed',
        finding: {
          sheet,
          cells,
          messageId: error.messageId,
          message: `《${sheet}》写“${quoted(c.segment)}”：${error.message}`,
          expected: error.expected,
          actual: error.actual,
        },
      });
    }
  },
};
