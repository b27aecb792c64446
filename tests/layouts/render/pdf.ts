import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure';
import { Rng } from '../model/prng';
import { BUDGET_TYPES, budgetTables } from './table-spec';
import {
  writeTable,
  type Frame,
  type LayoutFamily,
  type Paging,
  type RenderedLayout,
  type WriteStyle,
} from './table-writer';

/**
 * Family "pdf": a disclosure published as PDF and converted to Excel. Sheets "Table 1" … (or "Page 1" …); a part
 * heading ("…年度部门预算表") above the first table's title; tables broken into pages of a few dozen rows, the next page
 * either below on the same sheet or on a sheet of its own, with or without the header repeated; stray page numbers;
 * numbers stored as text (with or without thousands separators); codes in one text column or split with 款/项 that
 * lost their leading zero; thin borders; the unit alone at the right of the line under the title; notes below.
 */
export const PDF_VARIES = [
  'sheet names Table N / Page N',
  'part heading above the first title',
  'pages of 6–35 rows',
  'numbers as numbers, as text, as text with thousands separators',
  'codes in one text column, or split 类/款/项 with 款/项 numbers that lost their leading zero',
  'zeros printed as 0 or blank',
  'thin borders',
  'notes 注：本表反映… below the table',
  'unit line with or without 编制部门',
];

/** How a sub-family breaks pages: each is its own family so a failure names the page feature. */
export interface PdfPages {
  readonly continuation: 'none' | 'below-repeated' | 'below' | 'sheet-repeated' | 'sheet';
  readonly pageNumbers: Paging['pageNumbers'];
}

function renderPdf(d: Disclosure, seed: number, pages: PdfPages): RenderedLayout {
  const rng = new Rng(seed).fork('pdf');
  const wb = new ExcelJS.Workbook();
  const sheetWord = rng.pick(['Table', 'Page']);
  let sheets = 0;
  const addSheet = () => wb.addWorksheet(`${sheetWord} ${++sheets}`);
  const numbers = rng.pick<WriteStyle['numbers']>(['number', 'text', 'grouped-text']);
  const split = rng.chance(0.35);
  const zeros = rng.pick<WriteStyle['zeros']>(['blank', 'zero']);
  const rowsPerPage = rng.pick([6, 9, 14, 22, 35]);
  const { continuation, pageNumbers } = pages;
  const partHeading = rng.chance(0.6);
  const ownerLine = rng.chance(0.5);
  const borders = rng.chance(0.5);
  const features = [
    `sheets ${sheetWord} N`,
    `numbers ${numbers}`,
    split ? 'split codes, 款/项 lost their leading zero' : 'codes in one text column',
    `zeros ${zeros}`,
    `pages of ${rowsPerPage} rows, continued ${continuation}`,
    `page numbers ${pageNumbers}`,
    partHeading ? 'part heading' : 'no part heading',
    ownerLine ? '编制部门 line' : 'unit alone',
    borders ? 'borders' : 'no borders',
  ];
  let page = 1;
  const tables = budgetTables(d).map((spec, i) => {
    const ws = addSheet();
    const style: WriteStyle = {
      codeColumns: split ? 'split' : 'single',
      codeHead: split ? '功能分类科目编码' : '科目编码',
      codeCells: split ? 'lost-zero' : 'text',
      numbers,
      zeros,
      totalRow: 'first',
      borders,
    };
    const frame: Frame = {
      above: [
        ...(partHeading && i === 0
          ? [{ cells: [`${d.department}${d.year}年度${d.isUnit ? '单位' : '部门'}预算表`], merge: true }]
          : []),
        { cells: [spec.title], merge: true },
        {
          cells: ownerLine ? [`${d.isUnit ? '编制单位' : '编制部门'}：${d.department}`] : [],
          atEnd: `单位：${d.unit}`,
        },
      ],
      below: rng.chance(0.5) ? [`注：本表反映${d.year}年度${spec.title.replace(/表$/, '')}情况。`] : [],
    };
    const onSheet = continuation.startsWith('sheet');
    const paging: Paging | undefined =
      continuation === 'none'
        ? undefined
        : {
            rowsPerPage,
            repeatHeader: continuation.endsWith('repeated'),
            pageNumbers,
            firstPage: page,
            ...(onSheet ? { nextSheet: addSheet } : {}),
          };
    const t = writeTable({ ws, row: 1, column: 1 }, spec, d.decimals, style, frame, paging);
    page += Math.ceil(spec.body.length / rowsPerPage);
    return t;
  });
  return { wb, tables, features };
}

const pdfFamily = (name: string, pages: PdfPages, varies: string[]): LayoutFamily => ({
  name,
  varies: [...PDF_VARIES, ...varies],
  kind: 'budget',
  types: BUDGET_TYPES,
  render: (d, seed) => renderPdf(d, seed, pages),
});

/** The PDF families: one per way a page break reaches the workbook. */
export const PDF_FAMILIES: readonly LayoutFamily[] = [
  pdfFamily('pdf', { continuation: 'none', pageNumbers: 'none' }, ['no page breaks']),
  pdfFamily('pdf/pages-header-repeated', { continuation: 'below-repeated', pageNumbers: 'none' }, [
    'page breaks continued below on the same sheet, header repeated',
  ]),
  pdfFamily('pdf/pages-no-header', { continuation: 'below', pageNumbers: 'none' }, [
    'page breaks continued below on the same sheet, header not repeated',
  ]),
  pdfFamily('pdf/page-numbers', { continuation: 'below-repeated', pageNumbers: 'dashed' }, [
    'page breaks continued below, header repeated, a "- N -" page-number line at each break',
  ]),
  pdfFamily('pdf/sheet-per-page', { continuation: 'sheet-repeated', pageNumbers: 'none' }, [
    'one sheet per page: a table continued on the next sheet with its header repeated',
  ]),
  pdfFamily('pdf/sheet-per-page-no-header', { continuation: 'sheet', pageNumbers: 'none' }, [
    'one sheet per page: a table continued on the next sheet without its header',
  ]),
];
