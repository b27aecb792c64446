import { strToU8, zipSync } from 'fflate';
import functionCatalog from '../../src/data/catalogs/function.json';
import type { Cell, CellRange, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';

/**
 * Scaling shapes for the engine (issue 14): workbooks of a given cell count in the layouts that used to be quadratic.
 * - `coded`: one big function-classified table (类/款/项 codes, 合计 first), all lines reconciling;
 * - `units`: a consolidated table, a unit line (unit code, no classification code) before each unit's coded lines;
 * - `headings`: a classification list whose units are uncoded heading rows (a unit's name, then its lines);
 * - `tables`: thousands of small tables stacked on sheets (title, unit, header, 合计, lines, blank row).
 * Built as snapshots (engine timings) and written as .xlsx by a minimal writer (CLI timings and memory).
 */

export type Shape = 'coded' | 'units' | 'headings' | 'tables';
export const SHAPES: readonly Shape[] = ['coded', 'units', 'headings', 'tables'];

type Row = (string | number | null)[];

const AMOUNT_FORMAT = '#,##0.00';

/** Deterministic amounts in cents, so every sum is exact. */
function amounts(seed: { n: number }): () => number {
  return () => {
    seed.n = (seed.n * 9301 + 49297) % 233280;
    return 100 + (seed.n % 90000);
  };
}

interface CatalogEntry {
  code: string;
  level: number;
  parent: string | null;
  versions: { name: string }[];
}

/** The built-in function catalog as a 类 → 款 → 项 tree, so the generated lines carry real codes and names. */
const CATALOG: {
  code: string;
  name: string;
  sections: { code: string; name: string; items: { code: string; name: string }[] }[];
}[] = (() => {
  const entries = (functionCatalog as { entries: CatalogEntry[] }).entries;
  const named = (e: CatalogEntry) => ({ code: e.code, name: e.versions[0]?.name ?? e.code });
  const children = new Map<string, CatalogEntry[]>();
  for (const e of entries) if (e.parent) children.set(e.parent, [...(children.get(e.parent) ?? []), e]);
  return entries
    .filter((e) => e.level === 1)
    .map((c) => ({
      ...named(c),
      sections: (children.get(c.code) ?? [])
        .map((s) => ({ ...named(s), items: (children.get(s.code) ?? []).map(named) }))
        .filter((s) => s.items.length > 0),
    }))
    .filter((c) => c.sections.length > 0);
})();

/** A 类 with its 款 and 项 lines, the 项 generated and summed upwards; `columns` amount columns. */
function classLines(
  cls: (typeof CATALOG)[number],
  columns: number,
  next: () => number,
  maxSections = Infinity,
  maxItems = Infinity,
): Row[] {
  const rows: Row[] = [];
  const classCents = new Array<number>(columns).fill(0);
  const classRow: Row = [cls.code, cls.name];
  rows.push(classRow);
  for (const section of cls.sections.slice(0, maxSections)) {
    const sectionCents = new Array<number>(columns).fill(0);
    const sectionRow: Row = [section.code, section.name];
    rows.push(sectionRow);
    for (const item of section.items.slice(0, maxItems)) {
      const cents = Array.from({ length: columns }, next);
      cents.forEach((v, k) => {
        sectionCents[k] = (sectionCents[k] as number) + v;
        classCents[k] = (classCents[k] as number) + v;
      });
      rows.push([item.code, item.name, ...cents.map((c) => c / 100)]);
    }
    sectionRow.push(...sectionCents.map((c) => c / 100));
  }
  classRow.push(...classCents.map((c) => c / 100));
  return rows;
}

/**
 * Classes the catalog lacks (234…299: function codes by their form, so they map; 50 款 × 50 项 each) for tables
 * larger than the catalog. They are listed once as unknown codes, as a real workbook's unlisted codes are.
 */
function syntheticClass(n: number): (typeof CATALOG)[number] {
  const code = String(234 + n);
  if (n >= 66) throw new Error('shape too large for the synthetic classes');
  const sections = Array.from({ length: 50 }, (_, s) => {
    const sc = `${code}${String(s + 1).padStart(2, '0')}`;
    return {
      code: sc,
      name: `款${sc}`,
      items: Array.from({ length: 50 }, (_, i) => ({
        code: `${sc}${String(i + 1).padStart(2, '0')}`,
        name: `项${sc}${i + 1}`,
      })),
    };
  });
  return { code, name: `类${code}`, sections };
}

const CLASS_208 = CATALOG.find((c) => c.code === '208') ?? CATALOG[0]!;
const CLASS_210 = CATALOG.find((c) => c.code === '210') ?? CATALOG[1]!;

/** Sum of the 类 rows (code length 3) per amount column, as a row of amounts starting at `from`. */
function totalOf(lines: Row[], from: number, columns: number, isTop: (r: Row) => boolean): number[] {
  const cents = new Array<number>(columns).fill(0);
  for (const r of lines)
    if (isTop(r))
      for (let k = 0; k < columns; k++) cents[k] = (cents[k] as number) + Math.round((r[from + k] as number) * 100);
  return cents.map((c) => c / 100);
}

const COLUMNS = 4; // amount columns: 合计 is the first, then three sources
const withTotalColumn = (row: Row, from: number): Row => {
  const own = row.slice(from) as number[];
  const sum = own.reduce((a, b) => Math.round((a + b) * 100) / 100, 0);
  return [...row.slice(0, from), sum, ...own];
};
const HEADER = ['合计', '一般公共预算', '政府性基金', '其他资金', '上年结转'];

function sheetOf(name: string, rows: Row[], merges: CellRange[] = []): SheetSnapshot {
  let columnCount = 0;
  const cells = rows.map((r) => {
    columnCount = Math.max(columnCount, r.length);
    return r.map((v): Cell | undefined =>
      v === null || v === '' ? undefined : typeof v === 'number' ? { value: v, format: AMOUNT_FORMAT } : { value: v },
    );
  });
  return { name, rows: cells, columnCount, merges, hiddenRows: [], hiddenColumns: [] };
}

function codedTable(cells: number): SheetSnapshot {
  const width = 2 + COLUMNS + 1;
  const next = amounts({ n: 1 });
  const lines: Row[] = [];
  for (let k = 0; lines.length * width < cells; k++)
    lines.push(...classLines(CATALOG[k] ?? syntheticClass(k - CATALOG.length), COLUMNS, next));
  const data = lines.map((r) => withTotalColumn(r, 2));
  const total = totalOf(data, 2, COLUMNS + 1, (r) => String(r[0]).length === 3);
  return sheetOf(
    '一般公共预算支出表',
    [
      ['2021年一般公共预算支出预算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', ...HEADER],
      [null, '合计', ...total],
      ...data,
    ],
    [{ top: 0, left: 0, bottom: 0, right: width - 1 }],
  );
}

function unitsTable(
  cells: number,
  headings: boolean,
  sheet = '一般公共预算支出表',
  title = '2021年部门一般公共预算支出预算表（汇总）',
  seed = 3,
): SheetSnapshot {
  const next = amounts({ n: seed });
  const width = (headings ? 2 : 4) + COLUMNS + 1;
  const rows: Row[] = [];
  const unitTotals: number[][] = [];
  for (let u = 0; rows.length * width < cells; u++) {
    const unitCode = String(100001 + u);
    const unitName = `区属第${u + 1}单位`;
    const lines = [...classLines(CLASS_208, COLUMNS, next, 2, 3), ...classLines(CLASS_210, COLUMNS, next, 1, 3)].map(
      (r) => withTotalColumn(r, 2),
    );
    const unitTotal = totalOf(lines, 2, COLUMNS + 1, (r) => String(r[0]).length === 3);
    unitTotals.push(unitTotal);
    if (headings) {
      rows.push([null, unitName, ...unitTotal]);
      rows.push(...lines);
    } else {
      rows.push([unitCode, unitName, null, null, ...unitTotal]);
      for (const l of lines) rows.push([unitCode, unitName, ...l]);
    }
  }
  const total = unitTotals[0]!.map((_, k) => unitTotals.reduce((a, t) => a + Math.round(t[k]! * 100), 0) / 100);
  const header = headings
    ? ['科目编码', '科目名称', ...HEADER]
    : ['单位编码', '单位名称', '科目编码', '科目名称', ...HEADER];
  const totalRow: Row = headings ? [null, '合计', ...total] : [null, '合计', null, null, ...total];
  return sheetOf(sheet, [[title], ['单位：万元'], header, totalRow, ...rows]);
}

function smallTables(cells: number): SheetSnapshot[] {
  const next = amounts({ n: 7 });
  const sheets: SheetSnapshot[] = [];
  let used = 0;
  for (let s = 0; used < cells; s++) {
    const rows: Row[] = [];
    for (let t = 0; t < 100 && used < cells; t++) {
      const lines = classLines(CLASS_208, 2, next, 1, 3).map((r) => withTotalColumn(r, 2));
      const total = totalOf(lines, 2, 3, (r) => String(r[0]).length === 3);
      const table: Row[] = [
        [`2021年单位${s * 100 + t + 1}一般公共预算支出表`],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', ...total],
        ...lines,
        [],
      ];
      rows.push(...table);
      used += table.length * 5;
    }
    sheets.push(sheetOf(`支出表${s + 1}`, rows));
  }
  return sheets;
}

export function shapeSnapshot(shape: Shape, cells: number): WorkbookSnapshot {
  const sheets =
    shape === 'coded'
      ? [codedTable(cells)]
      : shape === 'units'
        ? [unitsTable(cells, false)]
        : shape === 'headings'
          ? [unitsTable(cells, true)]
          : smallTables(cells);
  return { name: `${shape}-${cells}.xlsx`, sheets };
}

/**
 * A consolidated department workbook of `sheets` sheets (the bench's 41), each a table of every unit's lines with a
 * unit line (unit code and name, no classification code) before them, of about
 * `cellsPerSheet` cells, every sum reconciling.
 */
export function consolidatedWorkbook(sheets = 41, cellsPerSheet = 4200): WorkbookSnapshot {
  return {
    name: `consolidated-${sheets}-sheets.xlsx`,
    sheets: Array.from({ length: sheets }, (_, i) =>
      unitsTable(cellsPerSheet, false, `支出表${i + 1}`, `2021年部门一般公共预算支出预算表（汇总${i + 1}）`, 3 + i),
    ),
  };
}

export function cellCount(snapshot: WorkbookSnapshot): number {
  return snapshot.sheets.reduce((n, s) => n + s.rows.length * s.columnCount, 0);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A minimal .xlsx of a snapshot (shared strings, one number format), written without ExcelJS so 1M cells is quick. */
export function writeXlsx(snapshot: WorkbookSnapshot): Uint8Array {
  const strings = new Map<string, number>();
  const stringIndex = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {};
  snapshot.sheets.forEach((sheet, i) => {
    const parts: string[] = [`<worksheet xmlns="${ns}"><sheetData>`];
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      parts.push(`<row r="${r + 1}">`);
      row.forEach((cell, c) => {
        if (!cell) return;
        const ref = `${columnName(c)}${r + 1}`;
        if (typeof cell.value === 'number') parts.push(`<c r="${ref}" s="1"><v>${cell.value}</v></c>`);
        else parts.push(`<c r="${ref}" t="s"><v>${stringIndex(String(cell.value))}</v></c>`);
      });
      parts.push('</row>');
    });
    parts.push('</sheetData>');
    if (sheet.merges.length) {
      parts.push(`<mergeCells count="${sheet.merges.length}">`);
      for (const m of sheet.merges)
        parts.push(`<mergeCell ref="${columnName(m.left)}${m.top + 1}:${columnName(m.right)}${m.bottom + 1}"/>`);
      parts.push('</mergeCells>');
    }
    parts.push('</worksheet>');
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(parts.join(''));
  });
  const sheetList = snapshot.sheets.map(
    (s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="s${i + 1}"/>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${sheetList.join('')}</sheets></workbook>`,
  );
  const rels = snapshot.sheets.map(
    (_, i) => `<Relationship Id="s${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="ss" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="st" Type="${rel}/styles" Target="styles.xml"/>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<Relationships>${rels.join('')}</Relationships>`);
  files['_rels/.rels'] = strToU8(
    `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const si = [...strings.keys()].map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${ns}">${si}</sst>`);
  files['xl/styles.xml'] = strToU8(
    `<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${AMOUNT_FORMAT}"/></numFmts>` +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  files['[Content_Types].xml'] = strToU8(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      snapshot.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  return zipSync(files, { level: 6 });
}
