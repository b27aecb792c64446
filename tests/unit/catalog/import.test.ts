import { importCatalog } from '../../../src/core/catalog/import';
import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook } from '../../helpers/grid';

describe('importing an official catalog from a sheet', () => {
  it('reads a 科目编码 | 科目名称 table and takes its year from the title', () => {
    const s = sheet(
      [
        ['2024年政府收支分类科目（支出功能分类）', null],
        ['科目编码', '科目名称'],
        ['208', '社会保障和就业支出'],
        ['20805', '行政事业单位养老支出'],
        ['2080505', '机关事业单位基本养老保险缴费支出'],
      ],
      { merges: ['A1:B1'] },
    );
    const out = importCatalog(workbook(s), { source: '官方2024' });
    expect(out.year).toBe(2024);
    expect(out.lines).toBe(3);
    const fn = out.catalogs.find((c) => c.classification === 'function');
    expect(fn?.complete).toBe(true);
    expect(fn?.entries.map((e) => [e.code, e.level, e.parent, e.versions[0]?.name])).toEqual([
      ['208', 1, null, '社会保障和就业支出'],
      ['20805', 2, '208', '行政事业单位养老支出'],
      ['2080505', 3, '20805', '机关事业单位基本养老保险缴费支出'],
    ]);
    expect(fn?.entries[0]?.versions[0]).toMatchObject({
      validFrom: 2024,
      validTo: 2024,
      verified: true,
      sources: ['官方2024'],
    });
  });

  it('reads split 类/款/项 columns and plain "code name" lines, economic codes included', () => {
    const split = sheet(
      [
        ['科目编码', null, null, '科目名称'],
        ['类', '款', '项', null],
        [205, null, null, '教育支出'],
        [null, '02', null, '普通教育'],
        [null, null, '05', '高等教育'],
      ],
      { name: '功能', merges: ['A1:C1', 'D1:D2'] },
    );
    const plain = sheet([['30101 基本工资'], ['30102', '津贴补贴']], { name: '经济' });
    const out = importCatalog(workbook(split, plain), { year: 2026 });
    const codes = out.catalogs.flatMap((c) => c.entries.map((e) => `${c.classification}:${e.code}`)).sort();
    expect(codes).toEqual(['economic:30101', 'economic:30102', 'function:205', 'function:20502', 'function:2050205']);
  });

  it('makes the review judge codes against the imported year', () => {
    const imported = importCatalog(
      workbook(
        sheet([
          ['科目编码', '科目名称'],
          ['2101101', '行政单位医疗'],
          ['21011', '行政事业单位医疗'],
          ['210', '卫生健康支出'],
        ]),
      ),
      { year: 2030 },
    );
    const target = workbook(
      sheet(
        [
          ['2030年部门预算支出总表', null, null],
          ['科目编码', '科目名称', '合计'],
          ['2101102', '事业单位医疗', 1],
        ],
        {
          merges: ['A1:C1'],
        },
      ),
    );
    const findings = reviewWorkbook(target, { catalogs: imported.catalogs }).report.findings;
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['code.unknown', 'warning']);
  });
});
