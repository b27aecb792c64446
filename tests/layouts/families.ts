import type ExcelJS from 'exceljs';
import type { Disclosure } from './model/disclosure';
import type { ModelOptions } from './model/generate';
import type { SlipId } from './slips';
import { FINAL_NATIONAL_FAMILY } from './render/final-national';
import { NATIONAL_BUDGET_FAMILY } from './render/national-budget-family';
import { PDF_FAMILIES } from './render/pdf';
import { PLATFORM_FAMILY } from './render/platform';
import { PROVINCE_FAMILY } from './render/province';
import { SOFTWARE_FAMILY } from './render/software';
import { STACKED_FAMILIES } from './render/stacked';
import { UNIT_BUDGET_FAMILY } from './render/unit-budget';

/**
 * The family registry: every layout family is one entry of FAMILIES (below), a small renderer module that declares what
 * it varies. The properties (tests/layouts/families.test.ts) and `npm run layouts` iterate this list, so adding a family
 * is adding one line here; a failure prints the family, the variant's features and the offending finding.
 */

/** A cell of a rendered workbook, 1-based as ExcelJS counts. */
export interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * What a body row is, so that slips and comparisons can pick rows by meaning rather than by position: 'total' is the
 * table's 合计 row; class/section/item are function lines (类/款/项); economic-class/economic-item are 301…/30101…;
 * 'line' is any other labelled row (收支总表 items, 三公 items); 'footer' a row totalling side-by-side blocks; in a
 * consolidated table (model Consolidation) 'department' is the department's own row, 'unit' a unit's row or heading,
 * 'unit-line'/'unit-item' a unit's 类/款 and 项 lines (keys `u<n>/f:<code>`).
 */
export type RowRole =
  | 'total'
  | 'class'
  | 'section'
  | 'item'
  | 'economic-class'
  | 'economic-item'
  | 'line'
  | 'footer'
  | 'department'
  | 'unit'
  | 'unit-line'
  | 'unit-item';

/**
 * One table as rendered, with an index of its cells by meaning. Row keys: 'total', `f:<function code>`,
 * `e:<economic code>`, or `l:<label key>`; column keys: 'code' (the full code, or the 项 part for split codes),
 * 'name', and amount keys ('total', 'basic', 'project', 'carryIn', …) that each renderer documents. A slip looks a cell
 * up by `${rowKey}|${columnKey}`; "the same findings modulo addresses" maps a finding's cells back to these keys.
 */
export interface PlacedTable {
  /** The table's key in its set (the engine type for the standard tables, e.g. 'expenditure_summary'). */
  readonly key: string;
  /** The table type the engine must recognise. */
  readonly type: string;
  /** Its usual title without year and 部门/单位 prefix, as disclosure.missing_table names a missing table. */
  readonly name: string;
  /** Sheet of its title (a table split across sheets lists its first sheet). */
  readonly sheet: string;
  readonly cells: ReadonlyMap<string, CellAt>;
  /** Body rows in order, with their role. */
  readonly rows: readonly { readonly key: string; readonly role: RowRole }[];
  /**
   * The rectangle the table occupies, title to notes (1-based, inclusive), when it stays on one sheet: a slip can blank
   * it to remove a table that shares its sheet with others.
   */
  readonly block?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** An empty fund table printed with its statement (no amounts): slips skip it. */
  readonly empty?: boolean;
  /**
   * A 绩效目标表: the rules read it as a form (src/core/performance/find-forms.ts), not as a recognised table, so the
   * property asks that it be found as a form on its sheet rather than typed.
   */
  readonly form?: boolean;
}

export interface Rendered {
  readonly wb: ExcelJS.Workbook;
  readonly tables: readonly PlacedTable[];
}

/** One layout of a family: its concrete features (what a failure names) and how to draw a disclosure in it. */
export interface LayoutVariant {
  readonly id: string;
  readonly features: readonly string[];
  render(d: Disclosure): Rendered;
}

export interface LayoutFamily {
  /** Short stable id, e.g. 'national-budget', 'final-national'. */
  readonly id: string;
  readonly description: string;
  /** The dimensions this family varies (unit, decimals, code columns, placement …). */
  readonly varies: readonly string[];
  /** Model options the family needs for a seed (e.g. { kind: 'final' }); the rest is drawn from the seed. */
  model(seed: number): ModelOptions;
  readonly variants: readonly LayoutVariant[];
  /**
   * Rules whose errors/warnings are true on a consistent workbook of this family because the family draws a partial set
   * (e.g. disclosure.missing_table for a five-table extract). Keep this empty whenever the full set is drawn.
   */
  readonly trueOnConsistent?: readonly string[];
  /**
   * How many of the jest suite's seeds this family runs (default: all); `npm run layouts` runs every seed anyway. Lets
   * the many small families of h9b share the CI budget; their known failures list only seeds within it.
   */
  readonly ciSeeds?: number;
  /** The slips this family has a place for (default: all); say why in a comment when one is left out. */
  readonly slips?: readonly SlipId[];
}

export const cellKey = (row: string, column: string): string => `${row}|${column}`;

export function tableOf(r: Rendered, key: string): PlacedTable | undefined {
  return r.tables.find((t) => t.key === key);
}

// The registry. Add a family by importing its entry (top of file) and appending it (h9a: final-*, h9b: platform/pdf/…).
export const FAMILIES: readonly LayoutFamily[] = [
  NATIONAL_BUDGET_FAMILY,
  FINAL_NATIONAL_FAMILY,
  UNIT_BUDGET_FAMILY,
  // h9b: platform export, PDF conversions (one family per page-break form), placements, other provinces' wording.
  PLATFORM_FAMILY,
  ...PDF_FAMILIES,
  ...STACKED_FAMILIES,
  PROVINCE_FAMILY,
  SOFTWARE_FAMILY,
];

export function familyById(id: string): LayoutFamily {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown layout family ${id}`);
  return f;
}
