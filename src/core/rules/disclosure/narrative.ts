import Decimal from 'decimal.js';
import narrative from '../../../data/disclosure/narrative.json';
import type { TableType } from '../../recognition/table-type';
import { normalizeLabel } from '../../text/normalize';
import { formatAmount, UNIT_FACTOR } from '../amounts';
import { tableLabel, termAt, totalRow, viewsOf } from '../cross/quantities';
import type { AmountColumn, TableView } from '../table-view';
import type { Rule, RuleContext } from '../types';
import { address, textCells, type TextCell } from './workbook-texts';

const SEPARATORS = new RegExp(narrative.separators, 'u');
const AMOUNT = new RegExp(narrative.amountPattern, 'gu');
const CHANGE = narrative.changeWords.map(normalizeLabel);
const ITEMS = narrative.items.map((i) => ({
  ...i,
  table: i.table as TableType,
  words: i.words.map(normalizeLabel),
  column: i.column.map((alt) => alt.map(normalizeLabel)),
  exclude: ('exclude' in i ? (i.exclude as string[]) : []).map(normalizeLabel),
}));
const VALUE_LABELS = new Set(narrative.valueLabels.map(normalizeLabel));
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
}

/** The items a clause names, longest wording first, each occurrence once. */
function itemsIn(clause: string): Item[] {
  let rest = clause;
  const found: Item[] = [];
  const all = ITEMS.flatMap((item) => item.words.map((w) => ({ item, w }))).sort((a, b) => b.w.length - a.w.length);
  for (const { item, w } of all)
    while (rest.includes(w)) {
      found.push(item);
      rest = rest.replace(w, '\u0000');
    }
  return found;
}

/** Figures the narrative texts attribute to an item, clause by clause (never across clauses). */
export function quotedFigures(ctx: RuleContext): QuotedFigure[] {
  const inTable = (c: TextCell) =>
    ctx.workbook.tables.some(
      (t) =>
        t.sheet === c.sheet &&
        c.row >= t.range.top &&
        c.row <= t.range.bottom &&
        c.col >= t.range.left &&
        c.col <= t.range.right,
    );
  const out: QuotedFigure[] = [];
  for (const cell of textCells(ctx.snapshot)) {
    if (cell.text.length < 10 || inTable(cell)) continue;
    // Split as written: normalising first would join the lines of a paragraph.
    for (const raw of cell.text.split(SEPARATORS)) {
      const clause = normalizeLabel(raw);
      if (!clause || CHANGE.some((w) => clause.includes(w))) continue;
      const items = itemsIn(clause);
      const amounts = [...clause.matchAll(AMOUNT)];
      if (items.length !== 1 || amounts.length !== 1) continue;
      const [m] = amounts as [RegExpMatchArray];
      const digits = (m[1] as string).replace(/,/g, '');
      const factor = new Decimal(m[2] === '万元' ? 1e4 : 1);
      const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
      out.push({
        cell,
        item: items[0] as Item,
        clause,
        value: new Decimal(digits).times(factor),
        tolerance: new Decimal(10).pow(-decimals).div(2).times(factor),
        written: m[0],
      });
    }
  }
  return out;
}

/** The table value an item stands for: the column named by the item's words on the table's total (or only) line. */
function tableValue(view: TableView, item: Item): { value: Decimal; tolerance: Decimal; column: AmountColumn } | null {
  const block = view.blocks[0];
  const row = block ? (totalRow(view, block) ?? block.rows.find((r) => r.used)) : null;
  if (!block || !row) return null;
  const matches = block.amountColumns.filter((c) => {
    const label =
      [...c.path]
        .map(normalizeLabel)
        .reverse()
        .find((p) => !VALUE_LABELS.has(p)) ?? '';
    return (
      item.column.some((alt) => alt.every((w) => label.includes(w))) && !item.exclude.some((w) => label.includes(w))
    );
  });
  // 预算数 | 决算数 under each item: a 决算 disclosure quotes what was spent.
  const final = matches.filter((c) => c.path.some((p) => p.includes('决算')));
  const candidates = final.length ? final : matches;
  // The item's own column is the shortest match (合计 of the 三公 is not 公务用车's 小计).
  const column = [...candidates].sort((a, b) => a.path.length - b.path.length)[0];
  if (!column) return null;
  const t = termAt(view, row.row, column.col);
  if (!t || t.blank) return null;
  const factor = new Decimal(UNIT_FACTOR[view.unit ?? '万元']);
  return { value: t.value.times(factor), tolerance: new Decimal(10).pow(-t.decimals).div(2).times(factor), column };
}

/**
 * Amounts the 说明 sheets quote for the “三公” items and 机关运行经费 against the table, in 万元 or 元 as written. A
 * figure counts only when its own clause names one item and one amount and no change ("比上年减少 3 万元" is not the
 * item), so a number is never paired with an item named in another sentence.
 */
export const narrativeFigures: Rule = {
  meta: {
    id: 'disclosure.narrative',
    defaultSeverity: 'warning',
    title: { zh: '说明文字中的金额与表不符', en: 'Narrative figures disagree with the tables' },
    description: {
      zh: '编制说明、其他相关情况说明等文字中写明的“三公”经费及其各项、机关运行经费金额（按所写的万元或元），应与“三公”经费表一致。只在同一分句只提到一个项目、一个金额且不是增减额时才比较；归属不明确的数字不比较。',
      en: 'Amounts the narrative sheets quote for the “三公” items and 机关运行经费 (in 万元 or 元 as written) agree with the “三公” table. A figure is compared only when its own clause names one item, one amount and no change; ambiguous attributions are not compared.',
    },
    formula: '说明[item] = “三公”经费表[item] (within the precision written)',
    example: '《其他相关情况说明》写“因公出国（境）费12.00万元”，而《部门“三公”经费预算表》因公出国(境)费为 10.00 万元',
    appliesTo: ['three_public_expenses'],
  },
  check(ctx) {
    const figures = quotedFigures(ctx);
    if (!figures.length) return;
    for (const f of figures) {
      const views = viewsOf(ctx, f.item.table);
      if (views.length !== 1) continue;
      const view = views[0] as TableView;
      const table = tableValue(view, f.item);
      const sheet = f.cell.sheet;
      if (!table) {
        ctx.notChecked({
          sheet,
          reason: 'column_not_found',
          message: `说明中的${f.item.label}“${f.written}”：未在${tableLabel(view)}找到对应金额，未核对`,
        });
        continue;
      }
      const difference = f.value.minus(table.value);
      const tables = [view.table.id];
      if (difference.abs().lte(f.tolerance.plus(table.tolerance))) {
        ctx.identity({ tables, sheet, cells: [], status: 'closed' });
        continue;
      }
      const unit = f.written.endsWith('万元') ? '万元' : '元';
      const inUnit = table.value.div(unit === '万元' ? 1e4 : 1);
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
          message: `《${sheet}》写“${f.clause.length > 40 ? `${f.clause.slice(0, 40)}…` : f.clause}”，而${tableLabel(view)}${f.item.label}为 ${formatAmount(inUnit, 2)} ${unit}`,
          expected: inUnit.toFixed(2),
          actual: f.value.div(unit === '万元' ? 1e4 : 1).toFixed(2),
        },
      });
    }
  },
};
