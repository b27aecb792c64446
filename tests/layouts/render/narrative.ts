import type ExcelJS from 'exceljs';
import narrative from '../../../src/data/disclosure/narrative.json';
import type { CellAt, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';

/**
 * A 说明 sheet (编制说明 / 情况说明): paragraphs quoting the tables' figures — 收入/支出总计, 一般公共预算财政拨款支出,
 * 三公 and its items, 机关运行经费 — in 万元 or 元, in wording that varies as real 说明 do. The figures are read from the
 * rendered tables' cells, so the 说明 agrees with them by construction; disclosure.narrative must stay silent on it.
 */
export interface NarrativeStyle {
  /** The unit the text quotes in (2 decimals in 万元, 2 in 元). */
  readonly unit: '万元' | '元';
  readonly sheet: string;
}

/** The names a 说明 sheet is drawn under. */
export const NARRATIVE_SHEETS = ['编制说明', '情况说明'];

export const narrativeFeatures = (s: NarrativeStyle): string[] => [`${s.sheet} sheet quoting the tables in ${s.unit}`];

/** Where a figure the 说明 quotes is in the tables (the first cell found), and the words of its item (narrative.json). */
const FIGURES: readonly { item: string; table: string; cells: readonly string[] }[] = [
  { item: 'income_total', table: 'income_summary', cells: ['total|total'] },
  { item: 'spending_total', table: 'expenditure_summary', cells: ['total|total'] },
  { item: 'general_spending', table: 'general_budget_expenditure', cells: ['total|total'] },
  { item: 'three_total', table: 'three_public_expenses', cells: ['l:three|final.total', 'l:three|total'] },
  { item: 'abroad', table: 'three_public_expenses', cells: ['l:three|final.abroad', 'l:three|abroad'] },
  { item: 'reception', table: 'three_public_expenses', cells: ['l:three|final.reception', 'l:three|reception'] },
  { item: 'car_total', table: 'three_public_expenses', cells: ['l:three|final.vehicle', 'l:three|vehicle'] },
  { item: 'operating', table: 'three_public_expenses', cells: ['l:three|runningCosts'] },
];

/** An item's words that fit the report's kind (a 决算's 说明 does not say 支出预算). */
const wordsOf = (id: string, d: Disclosure): string[] =>
  (narrative.items.find((i) => i.id === id)?.words ?? []).filter(
    (w) => !w.endsWith(d.kind === 'final' ? '预算' : '决算'),
  );

/** A quoted figure: the paragraph's cell, where in its text the amount is, and the table cell it quotes. */
export interface Quote {
  readonly at: CellAt;
  readonly item: string;
  readonly source: CellAt;
}

export interface NarrativeSheet {
  readonly quotes: readonly Quote[];
}

/** The amount a table cell shows, in 元 × 100 (cents), from the disclosure's unit and precision. */
function centsOf(cell: ExcelJS.Cell, d: Disclosure): number | null {
  const v = cell.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n)) return null;
  const units = Math.round(n * 10 ** d.decimals);
  return Math.round((units * (d.unit === '万元' ? 1e4 : 1) * 100) / 10 ** d.decimals);
}

/** Cents written in the text's unit with 2 decimals and thousands separators half the time. */
export function quoteAmount(cents: number, unit: '万元' | '元', grouped: boolean): string {
  const hundredths = unit === '万元' ? Math.round(cents / 1e4) : cents;
  const [int, dec] = (hundredths / 100).toFixed(2).split('.') as [string, string];
  return `${grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${dec}${unit}`;
}

/** Sentences naming one item and its figure, as 说明 write them. `w` is the item's word, `a` the amount. */
const SENTENCES: readonly ((w: string, a: string, y: number, s: string) => string)[] = [
  (w, a, y, s) => `${y}年${s}${w}${a}`,
  (w, a, _y, s) => `${s}${w}为${a}`,
  (w, a, y) => `${y}年度${w}共计${a}`,
  (w, a) => `全年${w}${a}`,
];

/**
 * Writes the 说明 sheet (added by the caller before or after the tables) from the rendered tables; returns the quotes,
 * so that a slip can change one. One paragraph per cell in column A: the overview of money, then 三公 and 机关运行经费.
 */
export function fillNarrative(ws: ExcelJS.Worksheet, r: Rendered, d: Disclosure, s: NarrativeStyle): NarrativeSheet {
  const rng = new Rng(d.seed).fork('narrative');
  const subject = d.isUnit ? '本单位' : '本部门';
  const found = FIGURES.flatMap((f) => {
    const t = r.tables.find((x) => x.key === f.table && !x.empty);
    const key = t && f.cells.find((k) => t.cells.has(k));
    const at = key ? t.cells.get(key) : undefined;
    if (!at) return [];
    const cents = centsOf(r.wb.getWorksheet(at.sheet)!.getCell(at.row, at.col), d);
    return cents === null || wordsOf(f.item, d).length === 0 ? [] : [{ ...f, at, cents }];
  });
  const clauses = found.map((f) => {
    const w = rng.pick(wordsOf(f.item, d));
    return { f, text: rng.pick(SENTENCES)(w, quoteAmount(f.cents, s.unit, rng.chance(0.5)), d.year, subject) };
  });
  ws.getCell(1, 1).value = s.sheet;
  const paragraphs = [
    clauses.filter((c) => !c.f.table.startsWith('three')),
    clauses.filter((c) => c.f.table.startsWith('three')),
  ].filter((p) => p.length > 0);
  const quotes: Quote[] = [];
  paragraphs.forEach((p, i) => {
    const at = { sheet: ws.name, row: 3 + i, col: 1 };
    ws.getCell(at.row, at.col).value =
      `${i === 0 ? `一、收支${d.kind === 'final' ? '决算' : '预算'}总体情况。` : '二、“三公”经费情况。'}${p.map((c) => c.text).join('；')}。`;
    for (const c of p) quotes.push({ at, item: c.f.item, source: c.f.at });
  });
  return { quotes };
}
