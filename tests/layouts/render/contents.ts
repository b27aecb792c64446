import type ExcelJS from 'exceljs';
import type { Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import { chineseNumber } from './final-grid';

/** How a 目录 lists its tables: Chinese or Arabic numbering, with a dot leader and page number or without. */
export interface ContentsStyle {
  readonly numbering: 'chinese' | 'arabic' | 'table-number';
  readonly leader: boolean;
}

export const contentsFeatures = (s: ContentsStyle): string[] => [
  `目录 sheet first (${s.numbering} numbering${s.leader ? ', dot leaders and page numbers' : ''})`,
];

/** The sheet a 目录 is written on (table-sets.json contents.names: the rule's own vocabulary). */
export const CONTENTS_SHEET = '目录';

/** One line of the 目录 per table drawn, in order: its number, its usual title (year-prefixed where titles are). */
export function contentsLines(r: Rendered, d: Disclosure, s: ContentsStyle, yearInTitle: boolean): string[] {
  // Forms of one kind (every project's 绩效自评表) are one entry of the 目录, as published sets list them.
  const entries = r.tables.filter((t, i) => !t.form || r.tables.findIndex((u) => u.name === t.name) === i);
  return entries.map((t, i) => {
    const number =
      s.numbering === 'chinese' ? `${chineseNumber(i + 1)}、` : s.numbering === 'arabic' ? `${i + 1}.` : `表${i + 1} `;
    const title = `${yearInTitle ? `${d.year}年度` : ''}${t.name}`;
    return `${number}${title}${s.leader ? `${'…'.repeat(Math.max(4, 30 - title.length))}${i + 1}` : ''}`;
  });
}

/**
 * Writes a 目录 sheet (added before the tables, so that it comes first, as published sets print it): a title, then one
 * entry per table in column A. The 目录 is no table: the cell index does not change.
 */
export function fillContents(
  ws: ExcelJS.Worksheet,
  r: Rendered,
  d: Disclosure,
  s: ContentsStyle,
  yearInTitle: boolean,
) {
  ws.getCell(1, 1).value = '目　录';
  contentsLines(r, d, s, yearInTitle).forEach((line, i) => {
    ws.getCell(3 + i, 1).value = line;
  });
}
