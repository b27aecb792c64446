import type ExcelJS from 'exceljs';
import consistency from '../../src/data/disclosure/consistency.json';
import emptyTables from '../../src/data/disclosure/empty-tables.json';
import narrative from '../../src/data/disclosure/narrative.json';
import placeholders from '../../src/data/disclosure/placeholders.json';
import tableSets from '../../src/data/disclosure/table-sets.json';
import functionCatalog from '../../src/data/catalogs/function.json';
import { functionItems } from './model/catalog';
import { DEPARTMENTS } from './model/generate';
import { economicTotal, type Disclosure } from './model/disclosure';
import { INDICATOR } from './render/target-forms';
import { CONTENTS_SHEET } from './render/contents';
import { NARRATIVE_SHEETS } from './render/narrative';
import { unitsToGroupedText, unitsToText, type Units } from './model/amount';
import { Rng } from './model/prng';
import { cellKey, type CellAt, type PlacedTable, type Rendered } from './families';
import { addressOf, cellOf } from './cells';
import { SELF_EVALUATION_SLIPS } from './slips-self-evaluation';

/**
 * Single injected slips (issue 9 item 3). Each slip finds its place in a rendered workbook through the cell index (so it
 * works in every family that indexes its cells with the shared keys), changes the workbook, and says where the review
 * must catch it: at one of `cells`, or, for a removed table, by naming `table`. A slip returns null when the workbook
 * has no place for it (a budget has no 年末结转和结余; a stacked sheet has no table to remove on its own).
 */
export type SlipId =
  | 'leaf'
  | 'transposition'
  | 'component'
  | 'zeroed-row'
  | 'total'
  | 'carry-over'
  | 'uncalculated-formula'
  | 'wrong-code'
  | 'swapped-name'
  | 'removed-table'
  | 'placeholder'
  | 'operating-cost'
  | 'target-funds'
  | 'target-rate'
  | 'target-cost'
  | 'target-blank'
  | 'unit-leaf'
  | 'title-year'
  | 'title-body'
  | 'empty-statement'
  | 'unknown-code'
  | 'wrong-parent'
  | 'contents-entry'
  | 'narrative-figure'
  | 'self-total'
  | 'self-rate'
  | 'self-completion'
  | 'self-full-marks'
  | 'self-funds';

/**
 * The slips every family is tried with unless it lists its own (LayoutFamily.slips). 'operating-cost' and the target-*
 * slips need what only some families draw (机关运行经费, 绩效目标表): those families list them.
 */
export const DEFAULT_SLIP_IDS: readonly SlipId[] = [
  'leaf',
  'transposition',
  'component',
  'zeroed-row',
  'total',
  'carry-over',
  'uncalculated-formula',
  'wrong-code',
  'swapped-name',
  'removed-table',
  'placeholder',
  'title-year',
  'title-body',
  'unknown-code',
  'wrong-parent',
];

/** Slips of the emptied fund tables (families that draw them with their statement list this). */
export const EMPTY_TABLE_SLIP_IDS: readonly SlipId[] = ['empty-statement'];

/** Slips of the 绩效自评表 (families that draw them list these; slips-self-evaluation.ts). */
export const SELF_EVALUATION_SLIP_IDS: readonly SlipId[] = [
  'self-total',
  'self-rate',
  'self-completion',
  'self-full-marks',
  'self-funds',
];

/** Slips of the 绩效目标表 (families that draw them list these). */
export const TARGET_FORM_SLIP_IDS: readonly SlipId[] = ['target-funds', 'target-rate', 'target-cost', 'target-blank'];

export const SLIP_IDS: readonly SlipId[] = [
  ...DEFAULT_SLIP_IDS,
  'operating-cost',
  ...TARGET_FORM_SLIP_IDS,
  'unit-leaf',
  ...EMPTY_TABLE_SLIP_IDS,
  'contents-entry',
  'narrative-figure',
];

/** The slips a family is tried with. */
export const slipsOf = (family: { readonly slips?: readonly SlipId[] }): readonly SlipId[] =>
  family.slips ?? DEFAULT_SLIP_IDS;

export type SlipTarget =
  | {
      readonly description: string;
      readonly cells: readonly CellAt[];
      /**
       * A rule that reports this slip as a note by design (its documented default level is 提示 info, as
       * cross_table.operating_cost: 口径 may differ): a note of that rule at the cell counts as caught.
       */
      readonly noteOf?: string;
    }
  | {
      readonly description: string;
      readonly table: string;
      readonly type: string;
    };

export interface Slip {
  readonly id: SlipId;
  readonly description: string;
  apply(r: Rendered, d: Disclosure, rng: Rng): SlipTarget | null;
}

export { addressOf };

/** An amount written as text, with what stands around it: a currency before, a unit after ("1,234.56万元"). */
const AMOUNT_TEXT = /^(\D*?)(-?[\d,]*\.?\d+)(\D*)$/;

/** The amount a cell shows, in units of the displayed precision (numbers and numbers stored as text alike). */
export function readUnits(cell: ExcelJS.Cell, decimals: number): Units {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return 0;
  const n = typeof v === 'number' ? v : Number((AMOUNT_TEXT.exec(String(v))?.[2] ?? String(v)).replace(/,/g, ''));
  return Number.isFinite(n) ? Math.round(n * 10 ** decimals) : 0;
}

/** Writes an amount in the cell's own form: a number stays a number, text stays text (grouped, with its unit, if it was). */
export function writeUnits(cell: ExcelJS.Cell, units: Units, decimals: number): void {
  const v = cell.value;
  if (typeof v === 'string') {
    const [, before = '', , after = ''] = AMOUNT_TEXT.exec(v) ?? [];
    cell.value = `${before}${v.includes(',') ? unitsToGroupedText(units, decimals) : unitsToText(units, decimals)}${after}`;
  } else cell.value = Number(unitsToText(units, decimals));
}

/** A row's code cells: its 'code' cell first, then the other 类/款/项 parts written beside it (code.<i>). */
const codeCells = (t: PlacedTable, row: string): CellAt[] =>
  [...t.cells.entries()]
    .filter(([k]) => k === cellKey(row, 'code') || k.startsWith(`${row}|code.`))
    .sort(([a], [b]) => a.length - b.length)
    .map(([, at]) => at);

const amountTables = (r: Rendered, keys: readonly string[]) =>
  keys.map((k) => r.tables.find((t) => t.key === k && !t.empty)).filter((t): t is PlacedTable => !!t);

/** Cells of `column` on rows of a role (or with a key) in `rows`, in the first of `tables` that has any, with their amount. */
function candidates(r: Rendered, d: Disclosure, tables: readonly string[], rows: readonly string[], column: string) {
  for (const t of amountTables(r, tables)) {
    const out = t.rows
      .filter((row) => rows.includes(row.role) || rows.includes(row.key))
      .map((row) => ({
        table: t,
        row: row.key,
        at: t.cells.get(cellKey(row.key, column)),
      }))
      .filter((c): c is { table: PlacedTable; row: string; at: CellAt } => !!c.at)
      .map((c) => ({ ...c, units: readUnits(cellOf(r, c.at), d.decimals) }));
    if (out.length > 0) return out;
  }
  return [];
}

/** A change the review cannot mistake for rounding: 7 in the second-to-last integer digit shown. */
const bump = (d: Disclosure): Units => 7 * 10 ** (d.decimals + 1);
const SPENDING = ['expenditure_summary', 'general_budget_expenditure'];

function shift(
  r: Rendered,
  d: Disclosure,
  rng: Rng,
  tables: string[],
  roles: string[],
  column: string,
  what: string,
  blankToo = false,
) {
  const nonZero = candidates(r, d, tables, roles, column).filter((c) => blankToo || c.units > 0);
  if (nonZero.length === 0) return null;
  const c = rng.pick(nonZero);
  writeUnits(cellOf(r, c.at), c.units + bump(d), d.decimals);
  return {
    description: `${what} ${c.table.key} ${c.row} ${addressOf(c.at)}`,
    cells: [c.at],
  };
}

/** Swaps the leftmost pair of different adjacent digits of the integer part (12345.67 → 21345.67). */
function transposed(units: Units, decimals: number): Units | null {
  const digits = String(units);
  const integer = digits.length - decimals;
  for (let i = 0; i + 1 < integer; i++) {
    if (digits[i] !== digits[i + 1]) {
      const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      if (swapped[0] === '0') continue;
      return Number(swapped);
    }
  }
  return null;
}

export const SLIPS: readonly Slip[] = [
  {
    id: 'leaf',
    description: 'a 项 line’s total changed',
    apply: (r, d, rng) => shift(r, d, rng, SPENDING, ['item'], 'total', 'leaf total'),
  },
  {
    id: 'transposition',
    description: 'two digits of a 项 line’s total swapped',
    apply: (r, d, rng) => {
      const options = candidates(r, d, SPENDING, ['item'], 'total')
        .map((c) => ({ ...c, to: transposed(c.units, d.decimals) }))
        .filter((c) => c.to !== null);
      if (options.length === 0) return null;
      const c = rng.pick(options);
      writeUnits(cellOf(r, c.at), c.to!, d.decimals);
      return {
        description: `transposition ${c.table.key} ${c.row} ${addressOf(c.at)}`,
        cells: [c.at],
      };
    },
  },
  {
    id: 'component',
    description: 'a 项 line’s 基本支出 or 项目支出 changed (its total kept)',
    apply: (r, d, rng) =>
      shift(r, d, rng, SPENDING, ['item'], rng.chance(0.5) ? 'basic' : 'project', 'component') ??
      shift(r, d, rng, SPENDING, ['item'], 'basic', 'component') ??
      shift(r, d, rng, SPENDING, ['item'], 'project', 'component'),
  },
  {
    id: 'zeroed-row',
    description: 'every amount of a 项 line erased',
    apply: (r, d, rng) => {
      // A line big enough that its absence cannot pass for rounding.
      const rows = candidates(r, d, SPENDING, ['item'], 'total').filter((c) => c.units >= 10 ** (d.decimals + 1));
      if (rows.length === 0) return null;
      const c = rng.pick(rows);
      const cells = [...c.table.cells.entries()]
        .filter(([k]) => k.startsWith(`${c.row}|`) && !k.includes('|code') && !k.endsWith('|name'))
        .map(([, at]) => at);
      for (const at of cells) cellOf(r, at).value = null;
      return { description: `zeroed row ${c.table.key} ${c.row}`, cells };
    },
  },
  {
    id: 'total',
    description: 'the 合计 of a table changed',
    apply: (r, d, rng) => shift(r, d, rng, SPENDING, ['total'], 'total', 'table total'),
  },
  {
    id: 'uncalculated-formula',
    description:
      'a table’s 合计 a formula saved without its result (a tool that writes formulas and does not calculate)',
    apply: (r, _d, rng) => {
      const options = amountTables(r, SPENDING).flatMap((t) => {
        const total = t.cells.get(cellKey('total', 'total'));
        const items = t.rows
          .filter((row) => row.role === 'item')
          .map((row) => t.cells.get(cellKey(row.key, 'total')))
          .filter((at): at is CellAt => !!at && at.sheet === total?.sheet && at.col === total.col);
        return total && items.length ? [{ t, total, items }] : [];
      });
      if (options.length === 0) return null;
      const o = rng.pick(options);
      const rows = o.items.map((at) => at.row);
      const column = addressOf(o.total).replace(/\d+$/, '');
      // No cached value: the engine must say the 合计 was not checked (公式未计算), never read it as 0.
      cellOf(r, o.total).value = { formula: `SUM(${column}${Math.min(...rows)}:${column}${Math.max(...rows)})` };
      return {
        description: `uncalculated formula ${o.t.key} ${addressOf(o.total)}`,
        cells: [o.total],
        noteOf: 'format.uncalculated_formula',
      };
    },
  },
  {
    id: 'carry-over',
    description: 'a carry-over term (年初/年末结转和结余, 上年结转) changed',
    apply: (r, d, rng) => {
      const out = rng.chance(0.5);
      // Where carry-over terms are, most specific first: a fund table's lines, the two-sided totals, the 收入总表.
      const places: [string[], string[], string, boolean][] = [
        [['government_fund_expenditure'], ['item'], out ? 'carryOut' : 'carryIn', false],
        [['government_fund_expenditure'], ['item'], out ? 'carryIn' : 'carryOut', false],
        [['income_expenditure_summary'], ['l:carryOut', 'l:carryIn'], 'amount', false],
        [['fiscal_appropriation_summary'], ['l:carryIn'], 'amount', false],
        [['income_summary'], ['item'], 'carryIn', false],
        // No carry-over at all: a balance written where there is none is the same slip.
        [['income_expenditure_summary'], ['l:carryOut'], 'amount', true],
        [['income_summary'], ['item'], 'carryIn', true],
      ];
      for (const [tables, rows, column, blankToo] of places) {
        const hit = shift(r, d, rng, tables, rows, column, 'carry-over', blankToo);
        if (hit) return hit;
      }
      return null;
    },
  },
  {
    id: 'wrong-code',
    description: 'a 项 line’s code replaced by a sibling 项 of the catalog that the disclosure does not have',
    apply: (r, d, rng) => {
      const present = new Set(d.functions.map((l) => l.code));
      const siblings = functionItems(d.year).map((i) => i.item.code);
      for (const t of amountTables(r, SPENDING)) {
        const options = t.rows
          .filter((row) => row.role === 'item' && t.cells.has(cellKey(row.key, 'code')))
          .map((row) => {
            const code = row.key.slice(2);
            const others = siblings.filter((s) => s.slice(0, 5) === code.slice(0, 5) && !present.has(s));
            return { row, code, others };
          })
          .filter((o) => o.others.length > 0);
        if (options.length === 0) continue;
        const o = rng.pick(options);
        const to = rng.pick(o.others);
        const at = t.cells.get(cellKey(o.row.key, 'code'))!;
        const cell = cellOf(r, at);
        const text = String(cell.value ?? '');
        // The cell holds the whole code, or (split 类/款/项 columns) only its 项 part.
        cell.value = text.length >= 7 ? text.replace(o.code, to) : to.slice(5);
        return {
          description: `wrong code ${t.key} ${o.code} → ${to} at ${addressOf(at)}`,
          cells: codeCells(t, o.row.key),
          // The line's name now sits beside a code whose catalog name no source has verified: code.name_mismatch
          // suggests, as a note by design, and never accuses (catalog policy); other tables may still catch it.
          ...(verifiedName(to) ? {} : { noteOf: 'code.name_mismatch' }),
        };
      }
      return null;
    },
  },
  {
    id: 'swapped-name',
    description: 'the names of two 项 lines swapped',
    apply: (r, _d, rng) => {
      for (const t of amountTables(r, SPENDING)) {
        const named = t.rows.filter((row) => row.role === 'item' && t.cells.has(cellKey(row.key, 'name')));
        if (named.length < 2) continue;
        const [a, b] = rng.sample(named, 2) as [(typeof named)[0], (typeof named)[0]];
        const [ca, cb] = [t.cells.get(cellKey(a.key, 'name'))!, t.cells.get(cellKey(b.key, 'name'))!];
        const [va, vb] = [cellOf(r, ca).value, cellOf(r, cb).value];
        if (va === vb) continue;
        cellOf(r, ca).value = vb;
        cellOf(r, cb).value = va;
        const codes = [a, b].flatMap((x) => codeCells(t, x.key));
        // As for wrong-code: against an unverified catalog name the mismatch is a note by design.
        const bothVerified = [a, b].every((x) => verifiedName(x.key.slice(2)));
        return {
          description: `swapped names ${t.key} ${a.key} ↔ ${b.key}`,
          cells: [ca, cb, ...codes],
          ...(bothVerified ? {} : { noteOf: 'code.name_mismatch' }),
        };
      }
      return null;
    },
  },
  {
    id: 'unit-leaf',
    description: 'in a consolidated table, one unit’s 项 line changed (or, units listed one row each, a unit’s row)',
    apply: (r, d, rng) =>
      shift(r, d, rng, [...SPENDING, 'income_summary'], ['unit-item'], 'total', 'unit leaf total') ??
      shift(r, d, rng, [...SPENDING, 'income_summary'], ['unit'], 'total', 'unit row total'),
  },
  {
    id: 'removed-table',
    description: 'a required table removed (its sheet deleted, or its rows cleared where it shares a sheet)',
    apply: (r, d, rng) => {
      const required = requiredTypes(d.kind);
      const alone = r.tables.filter(
        (t) => required.has(t.type) && r.tables.filter((u) => u.sheet === t.sheet).length === 1,
      );
      if (alone.length > 0) {
        const t = rng.pick(alone);
        r.wb.removeWorksheet(r.wb.getWorksheet(t.sheet)!.id);
        return { description: `removed table ${t.key} (sheet ${t.sheet})`, table: t.name, type: t.type };
      }
      // Every required table shares its sheet (stacked, side by side): the user deleted one table's rows.
      const sharing = r.tables.filter((t) => required.has(t.type) && t.block !== undefined && !t.form);
      if (sharing.length === 0) return null;
      const t = rng.pick(sharing);
      clearBlock(r.wb.getWorksheet(t.sheet)!, t.block!);
      return { description: `removed table ${t.key} (cleared on ${t.sheet})`, table: t.name, type: t.type };
    },
  },
  {
    id: 'placeholder',
    description:
      'template residue (XX, ××, 某某, 待填写, x,xxx.xx, 增加（减少）) left in a title, metadata line, cell or note',
    apply: (r, d, rng) => {
      const places = placeholderPlaces(r, d);
      if (places.length === 0) return null;
      // A kind of place first (so the many 项 lines do not drown the one title), then one of its cells.
      const kinds = [...new Set(places.map((p) => p.what))];
      const what = rng.pick(kinds);
      const p = rng.pick(places.filter((x) => x.what === what));
      const to = p.to(rng);
      cellOf(r, p.at).value = to;
      return { description: `placeholder (${p.what}) ${p.at.sheet}!${addressOf(p.at)} “${to}”`, cells: [p.at] };
    },
  },
];

/** A text cell of a rendered sheet. */
interface TextAt {
  readonly at: CellAt;
  readonly text: string;
}

/** The text cells of a table's sheet above its body and below the table before it on that sheet (title, metadata, header). */
function headOf(r: Rendered, t: PlacedTable): TextAt[] {
  const rowsOf = (u: PlacedTable) => [...u.cells.values()].filter((at) => at.sheet === t.sheet).map((at) => at.row);
  const top = Math.min(...rowsOf(t));
  const above = r.tables
    .filter((u) => u !== t)
    .flatMap(rowsOf)
    .filter((row) => row < top);
  const from = above.length ? Math.max(...above) + 1 : 1;
  return textsIn(r, t.sheet, from, top - 1);
}

/** The text cells of a table's sheet in rows from…to, outside every table's indexed cells. */
function textsIn(r: Rendered, sheet: string, from: number, to: number): TextAt[] {
  const ws = r.wb.getWorksheet(sheet);
  const indexed = new Set(
    r.tables.flatMap((u) => [...u.cells.values()].map((at) => `${at.sheet}!${at.row},${at.col}`)),
  );
  const out: TextAt[] = [];
  for (let row = Math.max(from, 1); ws && row <= to; row++)
    ws.getRow(row).eachCell((cell, col) => {
      // A merged range's text is its master cell's (ExcelJS shows it in every cell of the range).
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (typeof cell.value === 'string' && cell.value.trim() && !indexed.has(`${sheet}!${row},${col}`))
        out.push({ at: { sheet, row, col }, text: cell.value });
    });
  return out;
}

/** The text cells below a table's body, before the next table on its sheet (its notes: 注：本表反映…). */
function notesOf(r: Rendered, t: PlacedTable): TextAt[] {
  const rowsOf = (u: PlacedTable) => [...u.cells.values()].filter((at) => at.sheet === t.sheet).map((at) => at.row);
  const bottom = Math.max(...rowsOf(t));
  const below = r.tables
    .filter((u) => u !== t)
    .flatMap(rowsOf)
    .filter((row) => row > bottom);
  return textsIn(r, t.sheet, bottom + 1, Math.min(bottom + 4, below.length ? Math.min(...below) - 3 : bottom + 4));
}

/** The residue a template leaves in a place (placeholders.json: the rule's own vocabulary, one list for both). */
const EXAMPLES = placeholders.examples;

/**
 * Where a placeholder can be left: the body's name in a title or metadata line, the year of a title, a 项 line's name,
 * a 项 line's amount, an unchosen alternative in a table's note. Each place writes one of the template's own texts.
 */
function placeholderPlaces(r: Rendered, d: Disclosure): { what: string; at: CellAt; to: (rng: Rng) => string }[] {
  const out: { what: string; at: CellAt; to: (rng: Rng) => string }[] = [];
  const seen = new Set<string>();
  for (const t of r.tables) {
    if (t.cells.size === 0) continue;
    const head = headOf(r, t).filter((c) => !seen.has(addressKey(c.at)));
    head.forEach((c) => seen.add(addressKey(c.at)));
    for (const c of head.filter((x) => x.text.includes(d.department)))
      out.push({
        what: 'body name',
        at: c.at,
        to: (rng) => c.text.replace(d.department, rng.pick(EXAMPLES.body.texts)),
      });
    const title = head.find((x) => x.text.includes(`${d.year}年`));
    if (title)
      out.push({
        what: 'year',
        at: title.at,
        to: (rng) => title.text.replace(String(d.year), rng.pick(EXAMPLES.year.texts)),
      });
    if (t.empty) continue;
    for (const row of t.rows.filter((x) => x.role === 'item')) {
      const name = t.cells.get(cellKey(row.key, 'name'));
      if (name) out.push({ what: 'item name', at: name, to: (rng) => rng.pick(EXAMPLES.text.texts) });
      const total = t.cells.get(cellKey(row.key, 'total'));
      if (total) out.push({ what: 'amount', at: total, to: (rng) => rng.pick(EXAMPLES.amount.texts) });
    }
    for (const c of notesOf(r, t).filter((x) => !seen.has(addressKey(x.at)) && x.text.length > 8)) {
      seen.add(addressKey(c.at));
      out.push({ what: 'note', at: c.at, to: (rng) => `${c.text}${rng.pick(EXAMPLES.alternative.texts)}` });
    }
  }
  return out;
}

const addressKey = (at: CellAt): string => `${at.sheet}!${at.row},${at.col}`;
/** 机关运行经费 raised above the 公用经费 of the 基本支出表 (by at least a fifth: no rounding can explain it). */
const OPERATING_COST: Slip = {
  id: 'operating-cost',
  description: '机关运行经费 stated above the 公用经费 total',
  apply: (r, d) => {
    const t = amountTables(r, ['three_public_expenses']).find((x) => x.cells.has(cellKey('l:three', 'runningCosts')));
    if (!t) return null;
    const at = t.cells.get(cellKey('l:three', 'runningCosts'))!;
    const publicCosts = economicTotal(d, false);
    // A 公用经费 of less than the bump (0.01 万元) is no place for it: any excess would look like a 元/万元 mix-up.
    if (publicCosts < bump(d)) return null;
    writeUnits(cellOf(r, at), publicCosts + Math.max(bump(d), Math.ceil(publicCosts / 5)), d.decimals);
    return {
      description: `operating cost above 公用经费 ${addressOf(at)}`,
      cells: [at],
      noteOf: 'cross_table.operating_cost',
    };
  },
};

/**
 * One 绩效目标表's 资金总额 overstated so that the forms together exceed the 项目支出 of the 支出总表 — by a tenth of it at
 * least, and by more than the forms' rounding (7,000 元 or 70 万元 at the least).
 */
const TARGET_FUNDS: Slip = {
  id: 'target-funds',
  description: 'a 绩效目标表’s 资金总额 overstated beyond the 项目支出',
  apply: (r, d, rng) => {
    const forms = r.tables.filter((t) => t.type === 'performance_targets_project' && t.cells.has('l:funds|amount'));
    if (forms.length === 0) return null;
    const project = d.projects.reduce((a, p) => a + p.fiscal + p.other, 0);
    const covered = d.targetForms.reduce((a, f) => a + f.funds, 0);
    const t = rng.pick(forms);
    const at = t.cells.get('l:funds|amount')!;
    const cell = cellOf(r, at);
    const least = bump(d) * (d.unit === '元' ? 100 : 1);
    writeUnits(
      cell,
      readUnits(cell, d.decimals) + project - covered + Math.max(least, Math.ceil(project / 10)),
      d.decimals,
    );
    return {
      description: `target form funds ${t.key} ${addressOf(at)}`,
      cells: [at],
    };
  },
};

/** Every name a disclosure set gives tables of this type (a province's set names them its own way). */
export function namesOfType(type: string): string[] {
  return [...new Set(tableSets.sets.flatMap((s) => s.tables.filter((t) => t.type === type).map((t) => t.name)))];
}

/** Table types every disclosure set of this kind requires (national and provincial alike). */
/** Blanks a rectangle as a user deleting a table's cells would: merges undone, values, borders and formats gone. */
function clearBlock(ws: ExcelJS.Worksheet, b: NonNullable<PlacedTable['block']>): void {
  for (let row = b.top; row <= b.bottom; row++)
    for (let col = b.left; col <= b.right; col++) {
      const c = ws.getCell(row, col);
      if (c.isMerged) ws.unMergeCells(c.master.address);
      c.value = null;
      c.style = {};
    }
}

function requiredTypes(kind: Disclosure['kind']): Set<string> {
  const sets = tableSets.sets.filter((s) => s.kind === kind);
  const types = sets.flatMap((s) => s.tables.filter((t) => t.required).map((t) => t.type));
  return new Set(types.filter((t) => sets.every((s) => s.tables.some((x) => x.type === t && x.required))));
}

/** One indicator value of a 绩效目标表 rewritten (the year's value, the one the rules read). */
function indicatorSlip(id: SlipId, description: string, n: number, rewrite: (v: string) => string | null): Slip {
  return {
    id,
    description,
    apply: (r, _d, rng) => {
      const forms = r.tables.filter((t) => t.form && t.cells.has(`l:indicator.${n}|target`));
      if (forms.length === 0) return null;
      const t = rng.pick(forms);
      const at = t.cells.get(`l:indicator.${n}|target`)!;
      const cell = cellOf(r, at);
      const to = rewrite(String(cell.value ?? ''));
      if (to === null) return null;
      cell.value = to === '' ? null : to;
      return {
        description: `${id} ${t.key} ${addressOf(at)}: ${to || '(blank)'}`,
        cells: [at],
      };
    },
  };
}

/** The text cells above each table (its title and metadata), each once: the first table that has it above claims it. */
function headsOf(r: Rendered): { table: PlacedTable; texts: TextAt[] }[] {
  const seen = new Set<string>();
  return r.tables
    .filter((t) => t.cells.size > 0 && !t.form)
    .map((t) => {
      const texts = headOf(r, t).filter((c) => !seen.has(addressKey(c.at)));
      texts.forEach((c) => seen.add(addressKey(c.at)));
      return { table: t, texts };
    });
}

/**
 * One table's title names another year (copied from last year's set and not updated): the title nearest its table that
 * names the year, when at least three tables' titles name it (so that the others are a majority).
 */
const TITLE_YEAR: Slip = {
  id: 'title-year',
  description: 'one table’s title names another year than the rest of the set',
  apply: (r, d, rng) => {
    const year = `${d.year}年`;
    const titles = headsOf(r)
      .map((h) => h.texts.filter((c) => c.text.includes(year)).pop())
      .filter((c): c is TextAt => !!c);
    if (titles.length < 3) return null;
    const c = rng.pick(titles);
    const other = d.year + (rng.chance(0.5) ? -1 : 1);
    cellOf(r, c.at).value = c.text.replace(year, `${other}年`);
    return { description: `title year ${c.at.sheet}!${addressOf(c.at)} ${d.year} → ${other}`, cells: [c.at] };
  },
};

/** A metadata line naming the body (编制部门：…), by the labels the rule reads (consistency.json). */
const BODY_LINE = new RegExp(`^(?:${consistency.bodyLabels.join('|')})[:：]`);

/**
 * One table names another 部门 (copied from another department's set): its 编制部门/单位 line, or its title where the
 * title names the body, says another department of the same place — when at least three tables name the body.
 */
const TITLE_BODY: Slip = {
  id: 'title-body',
  description: 'one table’s title or 编制部门 line names another 部门 than the rest of the set',
  apply: (r, d, rng) => {
    const own = DEPARTMENTS.find((x) => d.department.endsWith(x));
    if (!own) return null;
    const namings = headsOf(r)
      .map((h) => {
        const texts = h.texts.filter((c) => c.text.includes(d.department));
        return texts.find((c) => BODY_LINE.test(c.text)) ?? texts[0];
      })
      .filter((c): c is TextAt => !!c);
    if (namings.length < 3) return null;
    const c = rng.pick(namings);
    const other = `${d.department.slice(0, -own.length)}${rng.pick(DEPARTMENTS.filter((x) => x !== own && !x.endsWith(own) && !own.endsWith(x)))}`;
    cellOf(r, c.at).value = c.text.replace(d.department, other);
    return { description: `body ${c.at.sheet}!${addressOf(c.at)} ${d.department} → ${other}`, cells: [c.at] };
  },
};

/**
 * An emptied fund table's statement contradicted: either amounts written into the table while its statement still says
 * the body has none (the statement kept above amounts), or the statement naming another fund than the table's.
 */
const ABSENCE = [...emptyTables.statement.absence, ...emptyTables.statement.negations];

const EMPTY_STATEMENT: Slip = {
  id: 'empty-statement',
  description: 'an empty fund table’s statement kept above amounts, or naming another fund',
  apply: (r, d, rng) => {
    const places = r.tables
      .filter((t) => t.empty)
      .map((t) => {
        const spec = emptyTables.tables.find((x) => x.type === t.type);
        // The statement: a note saying the body has none of the fund (the other notes describe the table).
        const says = (c: TextAt, w: string) => c.text.includes(w) && ABSENCE.some((a) => c.text.includes(a));
        const word = spec && [...spec.words, spec.fund].find((w) => notesOf(r, t).some((c) => says(c, w)));
        const statement = word ? notesOf(r, t).find((c) => says(c, word)) : undefined;
        return { t, spec, word, statement };
      })
      .filter((p) => p.spec && p.word && p.statement);
    if (places.length === 0) return null;
    const p = rng.pick(places);
    const total = p.t.cells.get(cellKey('total', 'total'));
    if (total && rng.chance(0.5)) {
      writeUnits(cellOf(r, total), bump(d) * 3, d.decimals);
      return {
        description: `amount under an empty-table statement ${p.t.key} ${addressOf(total)}`,
        cells: [total, p.statement!.at],
      };
    }
    const other = rng.pick(
      emptyTables.tables.filter((x) => x.type !== p.t.type && !x.words.some((w) => p.word!.includes(w))),
    );
    const text = p.statement!.text.replace(p.word!, other.words[0]!);
    cellOf(r, p.statement!.at).value = text;
    return { description: `statement of ${p.t.key} names another fund: “${text}”`, cells: [p.statement!.at] };
  },
};

/** Every function code the project's catalog knows, in any year. */
const KNOWN_CODES = new Set(functionCatalog.entries.map((e) => e.code));

/** Function codes a real source backs at least one name of (the rest are the catalog's unverified recall). */
const VERIFIED_CODES = new Set(
  functionCatalog.entries.filter((e) => e.versions.some((v) => v.verified)).map((e) => e.code),
);
const verifiedName = (code: string): boolean => VERIFIED_CODES.has(code);

/** A 项 line of a spending table whose code cell holds its whole code (not only the 项 part of split columns). */
function wholeCodeItems(r: Rendered, t: PlacedTable) {
  return t.rows
    .filter((row) => row.role === 'item' && t.cells.has(cellKey(row.key, 'code')))
    .map((row) => ({ row, code: row.key.slice(2), at: t.cells.get(cellKey(row.key, 'code'))! }))
    .filter((o) => String(cellOf(r, o.at).value ?? '').includes(o.code));
}

/**
 * A 项 code mistyped into one the classification does not have: its 类 and 款 exist, its 项 does not (2080501 →
 * 2080507). The name is kept, and it names the line's real code. Split 类/款/项 columns get the new 项 part.
 */
const UNKNOWN_CODE: Slip = {
  id: 'unknown-code',
  description: 'a 项 line’s code mistyped into a code its 款 does not have',
  apply: (r, _d, rng) => {
    for (const t of amountTables(r, SPENDING)) {
      const options = t.rows
        .filter((row) => row.role === 'item' && t.cells.has(cellKey(row.key, 'code')))
        .map((row) => {
          const code = row.key.slice(2);
          // One digit of the 项 mistyped first (the likeliest slip), else any 项 of the 款 the catalog lacks.
          const typos = [...'0123456789'].map((x) => code.slice(0, 6) + x);
          const any = Array.from({ length: 98 }, (_, i) => code.slice(0, 5) + String(i + 1).padStart(2, '0'));
          // A 项 is numbered from 01: "00" is no 项 code at all.
          const absent = (list: string[]) => list.filter((c) => c !== code && !c.endsWith('00') && !KNOWN_CODES.has(c));
          return { row, code, to: absent(typos).length ? absent(typos) : absent(any) };
        })
        .filter((o) => o.to.length > 0);
      if (options.length === 0) continue;
      const o = rng.pick(options);
      const to = rng.pick(o.to);
      const at = t.cells.get(cellKey(o.row.key, 'code'))!;
      const cell = cellOf(r, at);
      const text = String(cell.value ?? '');
      cell.value = text.length >= 7 ? text.replace(o.code, to) : to.slice(5);
      return {
        description: `unknown code ${t.key} ${o.code} → ${to} at ${addressOf(at)}`,
        cells: codeCells(t, o.row.key),
        // Where no other table lists the line and the built-in catalog has not verified the code its name points to,
        // code.unknown reports it at the cell as a note by design (“名称对应的编码可能为 …（内置科目未经核实）”).
        noteOf: 'code.unknown',
      };
    }
    return null;
  },
};

/**
 * A 项 line coded under another 款 of its 类 (2080501 written 2080601, listed under 20805): the line no longer sits
 * under its own parent. Only where the code cell holds the whole code and the table lists the 款 lines.
 */
const WRONG_PARENT: Slip = {
  id: 'wrong-parent',
  description: 'a 项 line’s code replaced by a 项 of another 款 of the same 类 (the line sits under the wrong 款)',
  apply: (r, d, rng) => {
    const present = new Set(d.functions.map((l) => l.code));
    const catalog = functionItems(d.year).map((i) => i.item.code);
    for (const t of amountTables(r, SPENDING)) {
      if (!t.rows.some((row) => row.role === 'section')) continue;
      const options = wholeCodeItems(r, t)
        .map((o) => ({
          ...o,
          others: catalog.filter(
            (c) => c.slice(0, 3) === o.code.slice(0, 3) && c.slice(0, 5) !== o.code.slice(0, 5) && !present.has(c),
          ),
        }))
        .filter((o) => o.others.length > 0);
      if (options.length === 0) continue;
      const o = rng.pick(options);
      const to = rng.pick(o.others);
      const cell = cellOf(r, o.at);
      cell.value = String(cell.value).replace(o.code, to);
      return {
        description: `wrong parent ${t.key} ${o.code} → ${to} at ${addressOf(o.at)}`,
        cells: codeCells(t, o.row.key),
      };
    }
    return null;
  },
};

/**
 * A table left out of the 目录 (the 目录 written before a table was added): one entry removed, the later ones moved up.
 * disclosure.contents notes the table at its title (a note by design: a 目录 may group tables under one line).
 */
const CONTENTS_ENTRY: Slip = {
  id: 'contents-entry',
  description: 'a table present in the workbook left out of the 目录',
  apply: (r, _d, rng) => {
    const ws = r.wb.getWorksheet(CONTENTS_SHEET);
    if (!ws) return null;
    const entries: ExcelJS.Cell[] = [];
    ws.eachRow((row) => {
      const cell = row.getCell(1);
      if (typeof cell.value === 'string' && r.tables.some((t) => String(cell.value).includes(t.name)))
        entries.push(cell);
    });
    // A table's entry (a form kind's one entry stands for several forms: leaving it out is another slip).
    const options = r.tables.filter((t) => !t.form && entries.some((c) => String(c.value).includes(t.name)));
    if (options.length < 4) return null;
    const t = rng.pick(options);
    const i = entries.findIndex((c) => String(c.value).includes(t.name));
    for (let j = i; j < entries.length; j++) entries[j]!.value = entries[j + 1]?.value ?? null;
    return {
      description: `${t.key} left out of the 目录`,
      cells: headOf(r, t).map((c) => c.at),
      noteOf: 'disclosure.contents',
    };
  },
};

/** The amounts a 说明 quotes (narrative.json's own pattern: the rule's vocabulary, one list for both). */
const QUOTED = new RegExp(narrative.amountPattern, 'gu');

/**
 * One figure of the 说明 changed (a table corrected after the 说明 was written): 70 万元 or 70,000 元 more, in the
 * amount's own form. disclosure.narrative must report it at the paragraph's cell.
 */
const NARRATIVE_FIGURE: Slip = {
  id: 'narrative-figure',
  description: 'a figure quoted in the 说明 sheet changed',
  apply: (r, _d, rng) => {
    const ws = r.wb.worksheets.find((w) => NARRATIVE_SHEETS.includes(w.name));
    if (!ws) return null;
    const places: { at: CellAt; text: string; m: RegExpMatchArray }[] = [];
    ws.eachRow((row, n) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string')
        for (const m of v.matchAll(QUOTED)) places.push({ at: { sheet: ws.name, row: n, col: 1 }, text: v, m });
    });
    if (places.length === 0) return null;
    const p = rng.pick(places);
    const digits = p.m[1]!.replace(/,/g, '');
    const to = (Number(digits) + (p.m[2] === '万元' ? 70 : 70000)).toFixed(
      digits.includes('.') ? digits.split('.')[1]!.length : 0,
    );
    const text = p.text.slice(0, p.m.index) + p.m[0].replace(p.m[1]!, to) + p.text.slice(p.m.index! + p.m[0].length);
    ws.getCell(p.at.row, p.at.col).value = text;
    return { description: `说明 figure ${p.m[0]} → ${to}${p.m[2]} at ${addressOf(p.at)}`, cells: [p.at] };
  },
};

const ALL_SLIPS: readonly Slip[] = [
  ...SLIPS,
  ...SELF_EVALUATION_SLIPS,
  NARRATIVE_FIGURE,
  CONTENTS_ENTRY,
  UNKNOWN_CODE,
  WRONG_PARENT,
  TITLE_YEAR,
  TITLE_BODY,
  EMPTY_STATEMENT,
  OPERATING_COST,
  TARGET_FUNDS,
  // 满意度 ≥90% typed ≥900%: a share above 100% (performance.rate).
  indicatorSlip('target-rate', 'a 满意度 target above 100% (a digit too many)', INDICATOR.satisfaction, (v) =>
    /^≥\d+%$/.test(v) ? v.replace('%', '0%') : null,
  ),
  // The cost cap written as a floor: ≤120元/人 → ≥120元/人 (performance.cost_operator).
  indicatorSlip('target-cost', 'a 成本指标 written as a floor (≥)', INDICATOR.cost, (v) =>
    v.startsWith('≤') ? `≥${v.slice(1)}` : null,
  ),
  // An indicator left without its value (performance.framework).
  indicatorSlip('target-blank', 'an indicator’s value left blank', INDICATOR.people, (v) => (v ? '' : null)),
];

export const slipById = (id: SlipId): Slip => ALL_SLIPS.find((s) => s.id === id)!;

/** A slip's own generator: the same seed and slip choose the same place in every layout of the same model. */
export const slipRng = (seed: number, id: SlipId): Rng => new Rng(seed).fork(`slip:${id}`);
