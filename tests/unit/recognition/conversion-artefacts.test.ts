import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../../src/adapters/xlsx/read-xlsx';
import { recogniseSheet } from '../../../src/core/recognition/recognise';
import { reviewWorkbook } from '../../../src/core/review';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';

/**
 * What PDF-to-Excel converters do to a table, and the reading that must not change:
 * - they drop merged cells: a header parent (本年收入 over 项目 | 预算数) is then a label followed by empty cells;
 * - they insert empty spacer columns, under a merged head or under none.
 * The same header band, data rows, column roles and labels (the spacer aside), and on the real conversions the same
 * identities and no error or warning.
 */
const withoutMerges = (s: SheetSnapshot): SheetSnapshot => ({ ...s, merges: [] });

/** An empty column inserted before column `at`; merges over it widen. */
const withSpacer = (s: SheetSnapshot, at: number): SheetSnapshot => ({
  ...s,
  rows: s.rows.map((r) => (r && r.length > at ? [...r.slice(0, at), undefined, ...r.slice(at)] : r)),
  columnCount: s.columnCount + 1,
  merges: s.merges.map((m) => ({
    ...m,
    left: m.left >= at ? m.left + 1 : m.left,
    right: m.right >= at ? m.right + 1 : m.right,
  })),
});

const reading = (s: SheetSnapshot) =>
  recogniseSheet(s).map((t) => ({
    type: t.type,
    header: t.headerRows,
    data: t.dataRows,
    columns: t.columns.map((c) => [c.col, c.role, c.block, c.label]),
  }));

const twoSided = sheet(
  [
    ['2025年部门财务收支预算总表'],
    ['编制部门：某区人民政府办公室', null, null, '单位：元'],
    ['本年收入', null, '本年支出', null],
    ['项目', '预算数', '项目', '预算数'],
    ['一、财政拨款收入', 100, '一、一般公共服务支出', 80],
    ['二、事业收入', 20, '二、教育支出', 40],
    ['收入总计', 120, '支出总计', 120],
  ],
  { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
);

const splitCodes = sheet(
  [
    ['2025年部门收入预算总表'],
    ['编制部门：某区人民政府办公室', null, null, null, null, null, '单位：元'],
    ['项目', null, null, null, '收入预算', null, null],
    ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '财政拨款收入', '事业收入'],
    ['类', '款', '项', null, null, null, null],
    ['201', null, null, '一般公共服务支出', 120, 100, 20],
    ['201', '03', null, '政府办公厅（室）及相关机构事务', 120, 100, 20],
    ['201', '03', '01', '行政运行', 120, 100, 20],
    [null, null, null, '合计', 120, 100, 20],
  ],
  { merges: ['A1:G1', 'A3:D3', 'E3:G3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5'] },
);

/** An empty fund table whose converter put the 本年支出 sub-heads on the 合计 line, under a parent that kept its merge. */
const headsOnTotalLine: GridValue[][] = [
  ['政府性基金预算财政拨款收入支出决算表'],
  [null, null, null, null, null, null, null, '单位：万元'],
  ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
  ['功能分类科目编码', '科目名称'],
  ['合计', null, null, null, '合计', '基本支出', '项目支出'],
];

/** Merged areas unmerged and filled (取消合并并填充): every cell of a merge holds its value, and no merge is left. */
const filledWithoutMerges = (s: SheetSnapshot): SheetSnapshot => {
  const rows = s.rows.map((r) => [...(r ?? [])]);
  for (const m of s.merges) {
    const v = s.rows[m.top]?.[m.left];
    if (v) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) (rows[r] ??= [])[c] = v;
  }
  return { ...s, rows, merges: [] };
};

describe.each([
  ['without them', withoutMerges],
  ['unmerged and filled', filledWithoutMerges],
])('a table reads the same with its merged cells or %s', (_artefact, artefact) => {
  const fn = expenditureByFunction();
  it.each([
    ['two-sided 收支总表 with band heads', twoSided],
    ['split 类/款/项 codes under 功能分类科目编码, amounts under 收入预算', splitCodes],
    ['一般公共预算支出表', sheet(fn.rows, { merges: fn.merges })],
  ])('%s', (_name, s) => {
    const merged = reading(s);
    expect(merged[0]?.data).not.toBeNull();
    expect(reading(artefact(s))).toEqual(merged);
  });
});

describe('a table without its merged cells', () => {
  it('a line below the header under a parent that kept its merge is not taken for header', () => {
    const s = sheet(headsOnTotalLine, { merges: ['A1:H1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:G4', 'H3:H4'] });
    const [t] = recogniseSheet(s);
    expect(t).toMatchObject({ headerRows: [2, 3], dataRows: [4, 4] });
  });

  it('the parent of an unmerged head names its children in their header paths', () => {
    const [t] = recogniseSheet(withoutMerges(splitCodes));
    expect(t?.columns.find((c) => c.col === 5)?.label).toBe('收入预算/财政拨款收入');
    expect(t?.columns.find((c) => c.col === 1)?.role).toBe('code_part');
  });
});

describe('a table reads the same with an empty spacer column inserted anywhere inside it', () => {
  const fn = expenditureByFunction();
  const tables: [string, SheetSnapshot][] = [
    ['two-sided 收支总表 with band heads', twoSided],
    ['split 类/款/项 codes', splitCodes],
    ['一般公共预算支出表', sheet(fn.rows, { merges: fn.merges })],
  ];
  const cases = tables.flatMap(([name, s]) =>
    Array.from({ length: s.columnCount - 1 }, (_, i) => [name, s, i + 1] as const),
  );
  it.each(cases)('%s, spacer before column %i', (_name, s, at) => {
    const shifted = reading(s).map((t) => ({
      ...t,
      columns: t.columns.map(([col, ...rest]) => [(col as number) >= at ? (col as number) + 1 : col, ...rest]),
    }));
    const got = reading(withSpacer(s, at)).map((t) => ({ ...t, columns: t.columns.filter(([col]) => col !== at) }));
    expect(got).toEqual(shifted);
    expect(recogniseSheet(withSpacer(s, at))[0]?.columns.find((c) => c.col === at)?.role).toBe('empty');
  });
});

describe('the unit of amounts written in the header row, past the last column', () => {
  it("is the table's unit, not an amount column", () => {
    const fn = expenditureByFunction();
    const rows = fn.rows.map((r, i) => (i === 1 ? [r[0]] : i === 2 ? [...r, '单位：万元'] : r));
    const [t] = recogniseSheet(sheet(rows, { merges: fn.merges }));
    const [base] = recogniseSheet(sheet(fn.rows, { merges: fn.merges }));
    expect(t?.unit).toBe('万元');
    expect(t?.columns.find((c) => c.col === 5)?.role).toBe('empty');
    expect(t?.columns.filter((c) => c.col < 5)).toEqual(base?.columns);
    expect(t?.dataRows).toEqual(base?.dataRows);
  });
});

describe('a page break inside the blank lines of a table, the header repeated on the new page', () => {
  const page = (gapAfter: number): GridValue[][] => [
    ['2025年部门财政拨款收支预算总表'],
    ['编制部门：某局', null, null, '单位：元'],
    ['财政拨款收入', null, '财政拨款支出', null],
    ['项目', '预算数', '项目', '预算数'],
    ['一、一般公共预算资金', 100, '一、一般公共服务支出', 60],
    [null, null, '二、教育支出', 40],
    [],
    [],
    ['财政拨款收入', null, '财政拨款支出', null],
    ['项目', '预算数', '项目', '预算数'],
    ...Array.from({ length: gapAfter }, () => []),
    ['收入总计', 100, '支出总计', 100],
  ];
  it.each([1, 4, 7])('%i blank lines after the repeated header: one table, its 总计 line kept', (gap) => {
    const tables = recogniseSheet(sheet(page(gap), { merges: ['A1:D1', 'A3:B3', 'C3:D3', 'A9:B9', 'C9:D9'] }));
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t?.type).toBe('fiscal_appropriation_summary');
    expect(t?.dataRows).toEqual([4, 10 + gap]);
    expect(t?.rows.filter((r) => r.kind === 'repeated_header').map((r) => r.row)).toEqual([8, 9]);
    expect(t?.rows.find((r) => r.row === 10 + gap)?.kind).toBe('total');
  });
});

describe('a hidden helper column (numbers only, no label) inside a table', () => {
  const fn = expenditureByFunction();
  const base = sheet(fn.rows, { merges: fn.merges });
  // Row numbers in a hidden column C of every row holding a number (a lookup key the author hid).
  const helper = (s: SheetSnapshot, hidden: boolean): SheetSnapshot => {
    const spaced = withSpacer(s, 2);
    return {
      ...spaced,
      rows: spaced.rows.map((r, i) =>
        r?.some((c) => typeof c?.value === 'number') ? [...r.slice(0, 2), { value: i + 1 }, ...r.slice(3)] : r,
      ),
      ...(hidden ? { hiddenColumns: [2] } : {}),
    };
  };
  it('is not part of the table: the same reading as with an empty column there, and no finding', () => {
    expect(reading(helper(base, true))).toEqual(reading(withSpacer(base, 2)));
    const bad = reviewWorkbook({ name: 't.xlsx', sheets: [helper(base, true)] }).report.findings.filter(
      (f) => f.severity === 'error' || f.severity === 'warning',
    );
    expect(bad).toEqual([]);
  });
  it('a visible one is still read (its numbers are published)', () => {
    expect(recogniseSheet(helper(base, false))[0]?.columns.find((c) => c.col === 2)?.role).not.toBe('empty');
  });
});

describe('the title sharing its line with the unit or the 编制部门', () => {
  const fn = expenditureByFunction();
  it.each([
    ['单位：万元', (r: GridValue[]) => [r[0], null, null, null, '单位：万元']],
    ['编制单位', (r: GridValue[]) => [r[0], null, null, '编制单位：某局']],
  ])('%s on the title line: the table is typed by its title, which is the title alone', (_n, titleLine) => {
    const rows = fn.rows.map((r, i) => (i === 0 ? titleLine(r) : i === 1 ? [] : r));
    const [t] = recogniseSheet(sheet(rows, { merges: ['A1:C1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4'] }));
    expect(t?.type).toBe('general_budget_expenditure');
    expect(t?.title).toBe('2021年部门预算一般公共预算支出表');
  });
});

describe('merged cells unmerged and filled', () => {
  it('equal amounts side by side, or an amount written with its unit, stay apart', () => {
    const s = sheet([
      ['2025年部门一般公共预算支出表'],
      ['科目编码', '科目名称', '合计', '基本支出'],
      ['201', '一般公共服务支出', '6.00万元', '6.00万元'],
      ['20103', '政府办公厅（室）及相关机构事务', 6, 6],
    ]);
    const [t] = recogniseSheet(s);
    expect(t?.columns.map((c) => c.role)).toEqual(['function_code', 'name', 'amount', 'amount']);
    expect(t?.dataRows).toEqual([2, 3]);
  });
});

/** The real conversions of ../shared (development machine only): the same review without their merged cells. */
const REAL = join(__dirname, '../../../../shared/real-workbooks/pdf-converted');
const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.xlsx')) : [];
const real = files.length ? describe : describe.skip;

real('real PDF conversions without their merged cells, or with spacer columns', () => {
  const load = async (f: string): Promise<WorkbookSnapshot> => readXlsx(new Uint8Array(readFileSync(join(REAL, f))), f);
  it.each(files)('%s: the same tables, identities and findings', async (f) => {
    const wb = await load(f);
    const a = reviewWorkbook(wb).report;
    const b = reviewWorkbook({ ...wb, sheets: wb.sheets.map(withoutMerges) }).report;
    // Tables and their types; the data rows may differ only where an empty table's 合计 line holds header words.
    expect(b.tables.map((t) => [t.sheet, t.type])).toEqual(a.tables.map((t) => [t.sheet, t.type]));
    expect(b.coverage?.identities).toEqual(a.coverage?.identities);
    expect(b.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')).toEqual([]);
  });

  it.each(files)('%s: the same identities with its merged cells unmerged and filled', async (f) => {
    const wb = await load(f);
    const a = reviewWorkbook(wb).report;
    const b = reviewWorkbook({ ...wb, sheets: wb.sheets.map(filledWithoutMerges) }).report;
    expect(b.tables.map((t) => [t.sheet, t.type])).toEqual(a.tables.map((t) => [t.sheet, t.type]));
    expect(b.coverage?.identities.closed).toEqual(a.coverage?.identities.closed);
    expect(b.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')).toEqual([]);
  });

  it.each(files)('%s: the same identities with a spacer column inside every table', async (f) => {
    const wb = await load(f);
    const a = reviewWorkbook(wb).report;
    for (const at of [2, 3]) {
      const b = reviewWorkbook({ ...wb, sheets: wb.sheets.map((s) => withSpacer(s, at)) }).report;
      expect(b.coverage?.identities).toEqual(a.coverage?.identities);
      expect(b.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')).toEqual([]);
    }
  });
});

/** What platform exports and other offices do to a whole workbook, each applied to every sheet. */
const isCodeText = (v: unknown): v is string => typeof v === 'string' && /^\s*[1-9]\d{2,6}\s*$/.test(v);
const exportArtefacts: [string, (s: SheetSnapshot) => SheetSnapshot][] = [
  [
    'a hidden helper column of row numbers as column C',
    (s) => {
      const spaced = withSpacer(s, 2);
      return {
        ...spaced,
        rows: spaced.rows.map((r, i) =>
          r?.some((c) => typeof c?.value === 'number') ? [...r.slice(0, 2), { value: i + 1 }, ...r.slice(3)] : r,
        ),
        hiddenColumns: [2],
      };
    },
  ],
  [
    'text codes written as numbers with two decimals (201.00)',
    (s) => ({
      ...s,
      rows: s.rows.map((r) => r?.map((c) => (c && isCodeText(c.value) ? { value: `${c.value.trim()}.00` } : c))),
    }),
  ],
  [
    'the unit line moved to the end of the title line',
    (s) => {
      const unitAt = s.rows.findIndex((r, i) => i > 0 && i < 4 && r?.some((c) => /^单位/.test(String(c?.value ?? ''))));
      if (unitAt < 0 || !s.rows[0]?.[0]) return s;
      const unit = s.rows[unitAt]?.find((c) => /^单位/.test(String(c?.value ?? '')));
      const rows = s.rows.map((r, i) =>
        i === 0
          ? [...(r ?? []), ...Array(Math.max(0, s.columnCount - (r?.length ?? 0))), unit]
          : i === unitAt
            ? r?.map((c) => (c === unit ? undefined : c))
            : r,
      );
      return { ...s, rows, columnCount: s.columnCount + 1, merges: s.merges.filter((m) => m.top !== 0) };
    },
  ],
];

real('real PDF conversions as platform exports and other offices lay them out', () => {
  const load = async (f: string): Promise<WorkbookSnapshot> => readXlsx(new Uint8Array(readFileSync(join(REAL, f))), f);
  const cases = files.flatMap((f) => exportArtefacts.map(([name, change]) => [f, name, change] as const));
  it.each(cases)('%s, %s: the same tables, identities and no error or warning', async (f, _name, change) => {
    const wb = await load(f);
    const a = reviewWorkbook(wb).report;
    const b = reviewWorkbook({ ...wb, sheets: wb.sheets.map(change) }).report;
    expect(b.tables.map((t) => [t.sheet, t.type])).toEqual(a.tables.map((t) => [t.sheet, t.type]));
    expect(b.coverage?.identities.closed).toEqual(a.coverage?.identities.closed);
    expect(b.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')).toEqual([]);
  });
});

describe('codes written unreadably in a 科目编码 column (2O8: a letter O for the zero)', () => {
  const table = (leaf: number) =>
    sheet(
      [
        ['2021年部门预算一般公共预算支出表'],
        ['编制部门：某市教育局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', 100, 60, 40],
        ['2O8', '社会保障和就业支出', 100, 60, 40],
        ['2O805', '行政事业单位养老支出', 100, 60, 40],
        ['2O80505', '机关事业单位基本养老保险缴费支出', leaf, 60, 40],
      ],
      { name: '一般公共预算支出表' },
    );
  const review = (leaf: number) => reviewWorkbook(workbook(table(leaf))).report;

  it('stays the code column; the lines are mapped by their names and the total is not summed over every level', () => {
    const r = review(100);
    expect(r.tables[0]?.columns.map((c) => c.role)).toEqual(['function_code', 'name', 'amount', 'amount', 'amount']);
    expect(r.rows.map((x) => [x.code, x.source])).toEqual([
      ['208', 'inferred'],
      ['20805', 'inferred'],
      ['2080505', 'inferred'],
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a slip is still caught at its cell', () => {
    const errors = review(90).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.cells[0])).toEqual(['C6', 'C7']);
  });
});
