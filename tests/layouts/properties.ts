import { snapshotOf } from '../../src/adapters/xlsx/read-xlsx';
import { columnLetter, reviewWorkbook, type ReportFinding } from '../../src/core';
import type ExcelJS from 'exceljs';
import { unitsToGroupedText, unitsToText } from './model/amount';
import type { Disclosure } from './model/disclosure';
import { generateDisclosure } from './model/generate';
import type { LayoutFamily, RenderedLayout, WrittenTable } from './render/table-writer';

/**
 * The metamorphic properties of issue 9, written once for every layout family of tests/layouts/render (h9b's families):
 * a consistent workbook reviews with no error and no warning, every table found and typed, every code read; a single
 * slip is caught at its cell. Each check returns the problems it saw (empty = the property holds), each problem naming
 * the seed's layout features, so jest and `npm run layouts` print the same diagnosis.
 */

/**
 * The families draw 5 of the 8 tables of the national set, so disclosure.missing_table rightly names the absent ones; a
 * partial extract gets no other allowance.
 */
const PARTIAL_SET_RULES = new Set(['disclosure.missing_table']);
export const serious = (fs: readonly ReportFinding[]): ReportFinding[] =>
  fs.filter((f) => f.severity !== 'info' && !PARTIAL_SET_RULES.has(f.rule));

export const describeFinding = (f: ReportFinding): string =>
  `${f.rule} ${f.severity} ${f.sheet}!${f.cells.join(',')} ${f.message}`;

export function modelFor(family: LayoutFamily, seed: number): Disclosure {
  return generateDisclosure(seed, { kind: family.kind, ...family.modelOptions });
}

export function review(r: RenderedLayout, name: string) {
  return reviewWorkbook(snapshotOf(r.wb, name)).report;
}

export interface ConsistentResult {
  readonly falseFindings: ReportFinding[];
  /** Tables missing or typed otherwise ("expected … got …"). */
  readonly typing: string[];
  /** Code cells the review did not read as the model's code. */
  readonly unreadCodes: string[];
}

/** The consistent review of each family and seed, kept for the slip check (it asks what was there before the slip). */
const consistentFindings = new Map<string, readonly ReportFinding[]>();

export function checkConsistent(
  family: LayoutFamily,
  seed: number,
): ConsistentResult & { features: readonly string[] } {
  const d = modelFor(family, seed);
  const r = family.render(d, seed);
  const report = review(r, `${family.name}-${seed}.xlsx`);
  consistentFindings.set(`${family.name}:${seed}`, report.findings);
  const got = report.tables.map((t) => t.type).sort();
  const want = [...family.types].sort();
  const typing =
    JSON.stringify(got) === JSON.stringify(want) ? [] : [`tables typed ${got.join(',')}; expected ${want.join(',')}`];
  // Codes read per sheet and row; side-by-side tables share rows, so a code counts only in its own table's columns.
  const read = new Map<string, { column: string; code: string }[]>();
  for (const row of report.rows) {
    const key = `${row.sheet}!${row.row}`;
    read.set(key, [...(read.get(key) ?? []), { column: row.column, code: row.code }]);
  }
  const unreadCodes: string[] = [];
  for (const t of r.tables) {
    const columns = new Set([...t.codeColumns, t.nameColumn].map((c) => columnLetter(c - 1)));
    t.spec.body.forEach((line, i) => {
      if (line.code === null) return;
      const at = t.lines[i]!;
      const codes = (read.get(`${at.sheet}!${at.row}`) ?? []).filter((x) => columns.has(x.column)).map((x) => x.code);
      if (!codes.includes(line.code))
        unreadCodes.push(`${t.spec.key} ${at.sheet}!${at.row}: read ${codes.join('/') || 'nothing'}, is ${line.code}`);
    });
  }
  return { falseFindings: serious(report.findings), typing, unreadCodes, features: r.features };
}

/** Adds `delta` units to an amount cell, keeping its representation (number, plain text, grouped text). */
export function bumpAmount(cell: ExcelJS.Cell, delta: number, decimals: number): void {
  const v = cell.value;
  const text = typeof v === 'string' ? v : null;
  const before = text !== null ? Number(text.replace(/,/g, '')) : typeof v === 'number' ? v : 0;
  const units = Math.round(before * 10 ** decimals) + delta;
  if (text === null) cell.value = Number(unitsToText(units, decimals));
  else cell.value = text.includes(',') ? unitsToGroupedText(units, decimals) : unitsToText(units, decimals);
}

export interface SlipResult {
  readonly caught: boolean;
  readonly where: string;
  readonly features: readonly string[];
}

const tableOf = (r: RenderedLayout, key: string): WrittenTable => {
  const t = r.tables.find((x) => x.spec.key === key);
  if (!t) throw new Error(`layout drew no ${key}`);
  return t;
};

/** A leaf amount of the 支出总表 (its 合计 column, the first 项 line) off by 70 displayed units. */
export function checkLeafSlip(family: LayoutFamily, seed: number): SlipResult {
  const d = modelFor(family, seed);
  const r = family.render(d, seed);
  const t = tableOf(r, '支出总表');
  const index = t.spec.body.findIndex((l) => l.level === 3);
  const at = t.lines[index]!;
  const column = t.amountColumns[0]!;
  bumpAmount(r.wb.getWorksheet(at.sheet)!.getCell(at.row, column), 7 * 10 ** (d.decimals + 1), d.decimals);
  const address = `${columnLetter(column - 1)}${at.row}`;
  const at_ = (fs: readonly ReportFinding[]) =>
    serious(fs).some((f) => f.sheet === at.sheet && f.cells.includes(address));
  // Caught = a finding at the slipped cell that the consistent workbook does not already have there.
  const key = `${family.name}:${seed}`;
  const before = at_(
    consistentFindings.get(key) ?? review(family.render(d, seed), `${family.name}-${seed}.xlsx`).findings,
  );
  const caught = !before && at_(review(r, `${family.name}-${seed}-slip.xlsx`).findings);
  return { caught, where: `${at.sheet}!${address}`, features: r.features };
}
