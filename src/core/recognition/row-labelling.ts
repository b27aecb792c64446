import type { TypedCell, TypedSheet } from './cell-typing';
import { LINE_NO_LABELS, TITLE_ENDING, TRAILING_UNIT } from './vocabulary';
import { PATTERNS } from '../text/patterns';

/** Stage 2 — what a row looks like within a column span: the features segmentation and header finding use. */
export interface RowFeatures {
  readonly row: number;
  /** Non-empty anchors inside the span. */
  readonly cells: readonly TypedCell[];
  readonly numbers: number;
  readonly texts: number;
  readonly placeholders: number;
  /** A text cell longer than a header label would be (a sentence). */
  readonly hasLongText: boolean;
  /** 栏次/行次 row: "栏次 | 1 | 2 | 3 …" or a bare run of 1, 2, 3 … */
  readonly isLineNumbers: boolean;
  /** Every cell is a placeholder ("**", "—"). */
  readonly isPlaceholderOnly: boolean;
  /** Metadata line: 单位：万元, 编制单位, 预算年度, 公开01表 … */
  readonly isMeta: boolean;
  /** A note: 注：…, 本表无数据, 空表列示 … (one text cell). */
  readonly isNote: boolean;
  /** A title-like line: one text cell, wide or ending in 表. */
  readonly isTitle: boolean;
  /** A 合计/总计/小计 label in a text cell. */
  readonly isTotal: boolean;
}

const LONG_TEXT = 30;

export function cellsInSpan(sheet: TypedSheet, row: number, left: number, right: number): readonly TypedCell[] {
  const all = sheet.rows[row];
  if (!all || all.length === 0) return [];
  // The whole row inside the span (the usual case): no copy.
  if ((all[0] as TypedCell).col >= left && (all[all.length - 1] as TypedCell).col <= right) return all;
  const out: TypedCell[] = [];
  for (const c of all) if (c.col >= left && c.col <= right) out.push(c);
  return out;
}

function isLineNumberRun(cells: readonly TypedCell[]): boolean {
  const labelled = cells.some((c) => c.kind === 'text' && LINE_NO_LABELS.has(c.norm));
  let expected = 1;
  let run = 0;
  for (const c of cells) {
    if (c.kind === 'text' && (LINE_NO_LABELS.has(c.norm) || PATTERNS.lineLetter.test(c.norm))) continue;
    if (c.kind === 'text' && PATTERNS.columnNumberLabel.test(c.norm)) {
      run++;
      continue;
    }
    const n = c.kind === 'number' || c.kind === 'numeric_text' ? Number(c.text) : NaN;
    if (!Number.isInteger(n)) return false;
    if (n === expected || (run === 0 && n >= 1 && n <= 2) || n === expected + 1) {
      expected = n + 1;
      run++;
    } else if (!labelled) return false;
  }
  return labelled ? run >= 1 : run >= 3;
}

const isMetaCell = (c: TypedCell): boolean => c.kind === 'text' && !!c.facts?.meta;

/** The one text of a line whose other cells are all metadata (unit, 编制部门), when it comes first; else undefined. */
function titleBesideMetadata(cells: readonly TypedCell[]): TypedCell | undefined {
  if (cells.length < 2 || isMetaCell(cells[0] as TypedCell)) return undefined;
  return cells.slice(1).every(isMetaCell) ? cells[0] : undefined;
}

/** A title line's text: the title alone when the unit or the 编制部门 shares its line. */
export function titleTextAt(sheet: TypedSheet, row: number, left: number, right: number): string {
  const cells = cellsInSpan(sheet, row, left, right);
  const title = titleBesideMetadata(cells);
  return (title ? [title] : cells).map((c) => c.text).join(' ');
}

export function labelRow(sheet: TypedSheet, row: number, left: number, right: number): RowFeatures {
  const cells = cellsInSpan(sheet, row, left, right);
  let numbers = 0;
  let texts = 0;
  let placeholders = 0;
  let hasLongText = false;
  let meta = 0;
  let total = false;
  for (const c of cells) {
    if (c.kind === 'number' || c.kind === 'numeric_text') numbers++;
    else if (c.kind === 'placeholder') placeholders++;
    else if (c.kind === 'text') {
      texts++;
      if (c.norm.length > LONG_TEXT) hasLongText = true;
      if (c.facts?.meta) meta++;
      if (c.facts?.total) total = true;
    }
  }
  const single = cells.length === 1 ? cells[0] : undefined;
  const isNote = !!single && !!single.facts?.note;
  // The title may share its line with the unit or the 编制部门 (2025年部门收入预算总表 | … | 单位：元).
  const titleCell = single ?? titleBesideMetadata(cells);
  // A title may end with the unit of the amounts (收入决算表（单位：万元）): its wording is the text without it.
  const titleText = titleCell?.kind === 'text' ? withoutTrailingUnit(titleCell.norm) : '';
  const isTitle =
    !!titleCell &&
    titleCell.kind === 'text' &&
    !isNote &&
    !titleCell.facts?.meta &&
    !titleCell.facts?.note &&
    titleText.length >= 4 &&
    (TITLE_ENDING.test(titleText) || titleCell.right - titleCell.col >= 2);
  return {
    row,
    cells,
    numbers,
    texts,
    placeholders,
    hasLongText,
    isLineNumbers: cells.length >= 2 && isLineNumberRun(cells),
    isPlaceholderOnly: cells.length > 0 && placeholders === cells.length,
    isMeta: meta > 0 && numbers === 0 && texts - meta <= 1 && !hasLongText,
    isNote,
    isTitle,
    isTotal: total,
  };
}

/** A label's text without the unit written at its end; the text itself when it names none (most labels). */
export function withoutTrailingUnit(norm: string): string {
  return TRAILING_UNIT.test(norm) ? norm.replace(TRAILING_UNIT, '') : norm;
}
