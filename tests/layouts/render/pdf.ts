import { consolidatedFor } from '../model/generate';
import ExcelJS from 'exceljs';
import type { LayoutFamily, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import type { Rng } from '../model/prng';
import { budgetTables } from './table-spec';
import { drawVariants, writeTable, type Frame, type Paging, type WriteStyle } from './table-writer';
import { FIVE_OF_EIGHT } from './five-of-eight';

/**
 * Families "pdf…": a disclosure published as PDF and converted to Excel. Sheets "Table 1" … (or "Page 1" …); a part
 * heading ("…年度部门预算表") above the first table's title; numbers stored as text (with or without thousands
 * separators); codes in one text column or split with 款/项 that lost their leading zero; thin borders; the unit alone
 * at the right of the line under the title; notes below. Each way a page break reaches the workbook is its own family
 * (continued below with or without the header, a page-number line, one sheet per page), so a failure names it.
 */
export const PDF_VARIES = [
  'sheet names Table N / Page N',
  'part heading above the first title',
  'numbers as numbers, as text, as text with thousands separators',
  'codes in one text column, or split 类/款/项 with 款/项 numbers that lost their leading zero',
  'zeros printed as 0 or blank',
  'thin borders',
  'notes 注：本表反映… below the table',
  'unit line with or without 编制部门',
  'pages of 6–35 rows',
  'merged cells kept or lost',
];

interface PdfPages {
  readonly continuation: 'none' | 'below-repeated' | 'below' | 'sheet-repeated' | 'sheet';
  readonly pageNumbers: Paging['pageNumbers'];
  /**
   * A hand-made or other province's table converted the same way: amounts written with the table's unit after them
   * ("1,234.56万元"), codes with their level words (类208 | 款05 | 项05), a sub-head under every amount column.
   */
  readonly annotated?: { readonly subHead: string };
}

interface PdfOptions {
  readonly sheetWord: string;
  readonly numbers: WriteStyle['numbers'];
  readonly split: boolean;
  readonly zeros: WriteStyle['zeros'];
  readonly rowsPerPage: number;
  readonly partHeading: boolean;
  readonly ownerLine: boolean;
  readonly borders: boolean;
  readonly notes: boolean;
  readonly mergesLost: boolean;
}

/**
 * Numbers, code columns and the part heading by variant index, so that the first and the last of the 7 variants agree
 * on them: the two-layouts property compares those two, and each of these rightly changes the notes (numbers stored as
 * text: format.number_as_text; codes that lost their zero: format.code_zero; a part heading names the set, national or
 * Shanghai, whose missing tables disclosure.missing_table lists).
 */
const NUMBERS = ['number', 'text', 'grouped-text'] as const;
const VARIANTS = 7;

const draw = (rng: Rng, index: number): PdfOptions => ({
  sheetWord: rng.pick(['Table', 'Page']),
  numbers: NUMBERS[index % NUMBERS.length]!,
  split: index >= 2 && index <= 4,
  zeros: rng.pick(['blank', 'zero'] as const),
  rowsPerPage: rng.pick([6, 9, 14, 22, 35]),
  partHeading: index % 2 === 0,
  ownerLine: rng.chance(0.5),
  borders: rng.chance(0.5),
  notes: rng.chance(0.5),
  // Drawn last, so that the other draws of a seed stay as they were.
  mergesLost: rng.chance(0.5),
});

const features = (o: PdfOptions): string[] => [
  `sheets ${o.sheetWord} N`,
  `numbers ${o.numbers}`,
  o.split ? 'split codes, 款/项 lost their leading zero' : 'codes in one text column',
  `zeros ${o.zeros}`,
  `pages of ${o.rowsPerPage} rows`,
  o.partHeading ? 'part heading' : 'no part heading',
  o.ownerLine ? '编制部门 line' : 'unit alone',
  o.borders ? 'borders' : 'no borders',
  o.notes ? 'notes below' : 'no notes',
  o.mergesLost ? 'merges lost' : 'merges kept',
];

function renderPdf(d: Disclosure, o: PdfOptions, pages: PdfPages): Rendered {
  const wb = new ExcelJS.Workbook();
  let sheets = 0;
  const addSheet = () => wb.addWorksheet(`${o.sheetWord} ${++sheets}`);
  let page = 1;
  const tables = budgetTables(d).map((spec, i) => {
    const ws = addSheet();
    const style: WriteStyle = {
      codeColumns: o.split ? 'split' : 'single',
      codeHead: o.split ? '功能分类科目编码' : '科目编码',
      codeCells: o.split ? 'lost-zero' : 'text',
      numbers: o.numbers,
      zeros: o.zeros,
      totalRow: 'first',
      borders: o.borders,
      merges: o.mergesLost ? 'lost' : 'kept',
      ...(pages.annotated ? { amountUnit: d.unit, levelWords: true, subHead: pages.annotated.subHead } : {}),
    };
    const frame: Frame = {
      above: [
        ...(o.partHeading && i === 0
          ? [{ cells: [`${d.department}${d.year}年度${d.isUnit ? '单位' : '部门'}预算表`], merge: true }]
          : []),
        { cells: [spec.title], merge: true },
        {
          cells: o.ownerLine ? [`${d.isUnit ? '编制单位' : '编制部门'}：${d.department}`] : [],
          atEnd: `单位：${d.unit}`,
        },
      ],
      below: o.notes ? [`注：本表反映${d.year}年度${spec.title.replace(/表$/, '')}情况。`] : [],
    };
    const paging: Paging | undefined =
      pages.continuation === 'none'
        ? undefined
        : {
            rowsPerPage: o.rowsPerPage,
            repeatHeader: pages.continuation.endsWith('repeated'),
            pageNumbers: pages.pageNumbers,
            firstPage: page,
            ...(pages.continuation.startsWith('sheet') ? { nextSheet: addSheet } : {}),
          };
    const t = writeTable({ ws, row: 1, column: 1 }, spec, d.decimals, style, frame, paging);
    page += Math.ceil(spec.body.length / o.rowsPerPage);
    return t.placed;
  });
  return { wb, tables };
}

const pdfFamily = (id: string, pages: PdfPages, description: string): LayoutFamily => ({
  id,
  description: `PDF converted to Excel: ${description}`,
  varies: [...PDF_VARIES, description],
  model: (seed) => ({ kind: 'budget', consolidated: consolidatedFor(seed) }),
  variants: drawVariants(id, VARIANTS, draw, features, (d, o) => renderPdf(d, o, pages)),
  ...FIVE_OF_EIGHT,
  ciSeeds: 8,
  // The year is in the part heading above the first table (…2024年度部门预算表), not in each table's title.
  slips: FIVE_OF_EIGHT.slips.filter((s) => s !== 'title-year'),
});

/** The PDF families: one per way a page break reaches the workbook. */
export const PDF_FAMILIES: readonly LayoutFamily[] = [
  pdfFamily('pdf', { continuation: 'none', pageNumbers: 'none' }, 'no page breaks'),
  pdfFamily(
    'pdf-pages-header-repeated',
    { continuation: 'below-repeated', pageNumbers: 'none' },
    'page breaks continued below on the same sheet, header repeated',
  ),
  pdfFamily(
    'pdf-pages-no-header',
    { continuation: 'below', pageNumbers: 'none' },
    'page breaks continued below on the same sheet, header not repeated',
  ),
  pdfFamily(
    'pdf-page-numbers',
    { continuation: 'below-repeated', pageNumbers: 'dashed' },
    'page breaks continued below, header repeated, a "- N -" page-number line at each break',
  ),
  pdfFamily(
    'pdf-sheet-per-page',
    { continuation: 'sheet-repeated', pageNumbers: 'none' },
    'one sheet per page: a table continued on the next sheet with its header repeated',
  ),
  pdfFamily(
    'pdf-sheet-per-page-no-header',
    { continuation: 'sheet', pageNumbers: 'none' },
    'one sheet per page: a table continued on the next sheet without its header',
  ),
  pdfFamily(
    'pdf-annotated',
    { continuation: 'below-repeated', pageNumbers: 'none', annotated: { subHead: '预算数' } },
    'amounts written with their unit (1,234.56万元), codes with their level words (类208 | 款05 | 项05), 预算数 under every amount column; page breaks continued below, header repeated',
  ),
];
