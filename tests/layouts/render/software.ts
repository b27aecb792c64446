import type ExcelJS from 'exceljs';
import type { CellAt, LayoutFamily, PlacedTable, Rendered } from '../families';
import type { Disclosure } from '../model/disclosure';
import { DEFAULT_SLIP_IDS, EMPTY_TABLE_SLIP_IDS } from '../slips';
import { renderFinalNational, finalFeatures, type FinalLayout } from './final-national';

/**
 * Family "software": the export of the 部门决算 reporting software (部门决算报表管理软件). The 公开01–09 tables of
 * final-national, drawn as that software writes them: sheets named by the software's table code and title, "Z03
 * 收入决算表(财决03表)", cut at Excel's 31 characters (so long names lose their closing code: "Z08
 * 一般公共预算财政拨款基本支出决算表(财决0"), 行次/栏次, amounts in 元 with 2 decimals, and optionally the software's
 * 封面 sheet (单位名称, 单位代码, 单位负责人 …) in front.
 */
const SOFTWARE_NAMES = [
  'Z01 收入支出决算总表(财决01表)',
  'Z03 收入决算表(财决03表)',
  'Z04 支出决算表(财决04表)',
  'Z06 财政拨款收入支出决算总表(财决06表)',
  'Z07 一般公共预算财政拨款支出决算表(财决07表)',
  'Z08 一般公共预算财政拨款基本支出决算表(财决08表)',
  'F03 财政拨款“三公”经费支出决算表(财决附03表)',
  'Z09 政府性基金预算财政拨款收入支出决算表(财决09表)',
  'Z10 国有资本经营预算财政拨款支出决算表(财决10表)',
];

interface SoftwareLayout {
  readonly tables: FinalLayout;
  readonly cover: boolean;
}

function addCover(wb: ExcelJS.Workbook, d: Disclosure): void {
  const ws = wb.addWorksheet('封面');
  // The software puts its cover first (ExcelJS orders wb.worksheets by orderNo, which its types do not declare).
  (ws as unknown as { orderNo: number }).orderNo = -1;
  const lines: [string, string][] = [
    ['单位名称', d.department],
    ['单位代码', String(100000000 + (d.seed % 899999999))],
    ['单位负责人', '张某'],
    ['财务负责人', '李某'],
    ['填表人', '王某'],
    ['报送日期', `${d.year + 1}年3月31日`],
  ];
  ws.getCell(1, 1).value = `${d.year}年度部门决算报表`;
  lines.forEach(([k, v], i) => {
    ws.getCell(3 + i, 1).value = k;
    ws.getCell(3 + i, 2).value = v;
  });
}

/** Renames the sheets drawn by final-national and moves the cell index with them. */
function renamed(r: Rendered, names: ReadonlyMap<string, string>): readonly PlacedTable[] {
  for (const ws of r.wb.worksheets) {
    const to = names.get(ws.name);
    if (to !== undefined) ws.name = to;
  }
  const at = (c: CellAt): CellAt => ({ ...c, sheet: names.get(c.sheet) ?? c.sheet });
  return r.tables.map((t) => ({
    ...t,
    sheet: names.get(t.sheet) ?? t.sheet,
    cells: new Map([...t.cells].map(([k, c]) => [k, at(c)])),
  }));
}

function renderSoftware(d: Disclosure, l: SoftwareLayout): Rendered {
  const r = renderFinalNational(d, { ...l.tables, sheetNames: 'number' });
  const names = new Map(
    r.wb.worksheets.map((ws, i) => [ws.name, (SOFTWARE_NAMES[i] ?? ws.name).slice(0, 31)] as const),
  );
  const tables = renamed(r, names);
  if (l.cover) addCover(r.wb, d);
  return { wb: r.wb, tables };
}

const TABLES: Record<string, FinalLayout> = {
  full: {
    codes: 'split-full',
    lineNumbers: true,
    qualifiers: true,
    basicBlocks: 3,
    threePublic: 'grouped',
    classList: 'all',
    totalRow: 'first',
    sheetNames: 'number',
    yearInTitle: false,
  },
  single: {
    codes: 'single',
    lineNumbers: true,
    qualifiers: false,
    basicBlocks: 2,
    threePublic: 'paired',
    classList: 'all',
    totalRow: 'first',
    sheetNames: 'number',
    yearInTitle: true,
  },
};

const LAYOUTS: Record<string, SoftwareLayout> = {
  'full-cover': { tables: TABLES.full!, cover: true },
  single: { tables: TABLES.single!, cover: false },
  full: { tables: TABLES.full!, cover: false },
  'single-cover': { tables: TABLES.single!, cover: true },
};

export const SOFTWARE_FAMILY: LayoutFamily = {
  id: 'software',
  description: '部门决算 reporting software export: sheets "Z03 收入决算表(财决03表)" cut at 31 characters, 元',
  varies: [
    'sheet names by the software code and title, cut at 31 characters',
    'a 封面 sheet first, or none',
    'code columns (one, or 类/款/项 every part)',
    '行次/栏次',
    'the rest as final-national (funds, carry-over, 基本支出 blocks, 三公 grouped or paired)',
  ],
  model: () => ({ kind: 'final', unit: '元', decimals: 2 }),
  variants: Object.entries(LAYOUTS).map(([id, l]) => ({
    id,
    features: [
      l.cover ? '封面 sheet first' : 'no 封面',
      'sheets Z01 …(财决01表) cut at 31 characters',
      ...finalFeatures(l.tables).filter((f) => !f.startsWith('sheets')),
    ],
    render: (d: Disclosure) => renderSoftware(d, l),
  })),
  ciSeeds: 8,
  slips: [...DEFAULT_SLIP_IDS, ...EMPTY_TABLE_SLIP_IDS],
};
