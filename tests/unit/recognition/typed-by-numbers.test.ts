import { reviewWorkbook } from '../../../src/core/review';
import { sheet, workbook, type GridValue } from '../../helpers/grid';

/**
 * A table without a title whose header the 支出表, the 一般公共预算, 政府性基金 and 国有资本经营 tables print alike
 * (科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出): typed by its numbers when exactly one reading makes its cross-table
 * identities close and every other makes them fail; else unknown, its note naming the tables it may be.
 */
const fiscalSummary = (general: number | null, fund: number | null) =>
  sheet(
    [
      ['2025年部门财政拨款收支总表'],
      ['编制部门：某区人民政府办公室', null, null, null, null, null, '单位：万元'],
      ['收入', null, '支出', null, null, null, null],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金', '国有资本经营'],
      ['一、一般公共预算', general, '一、一般公共服务支出', 120, general, fund, null],
      ['二、政府性基金', fund, null, null, null, null, null],
      ['三、国有资本经营预算', null, null, null, null, null, null],
      ['收入总计', 120, '支出总计', 120, general, fund, null],
    ],
    { name: 'Table 1', merges: ['A1:G1', 'A3:B3', 'C3:G3'] },
  );
const byFunction = (title: string | null, amounts: [string, string, string]): GridValue[][] => [
  [title],
  ['编制部门：某区人民政府办公室', null, null, null, '单位：万元'],
  ['科目编码', '科目名称', ...amounts],
  ['201', '一般公共服务支出', 120, 100, 20],
  ['20103', '政府办公厅（室）及相关机构事务', 120, 100, 20],
  ['2010301', '行政运行', 100, 100, null],
  ['2010302', '一般行政管理事务', 20, null, 20],
  [null, '合计', 120, 100, 20],
];
const spending = sheet(byFunction('2025年部门支出总表', ['合计', '基本支出', '项目支出']), {
  name: 'Table 2',
  merges: ['A1:E1'],
});
const untitled = sheet(byFunction(null, ['合计', '基本支出', '项目支出']), { name: 'Table 3' });

const review = (...sheets: Parameters<typeof workbook>) => reviewWorkbook(workbook(...sheets)).report;
const table3 = (r: ReturnType<typeof review>) => r.tables.find((t) => t.sheet === 'Table 3');
const loud = (r: ReturnType<typeof review>) => r.findings.filter((f) => f.severity !== 'info');
const note = (r: ReturnType<typeof review>) =>
  r.findings.find((f) => f.rule === 'structure.unknown_type' && f.sheet === 'Table 3')?.message;

describe('a table without its title, its header shared by several tables', () => {
  it('is the 一般公共预算支出表 when its totals are the 一般公共预算 column of the 财政拨款收支总表', () => {
    const r = review(fiscalSummary(120, null), spending, untitled);
    expect(table3(r)?.type).toBe('general_budget_expenditure');
    expect(note(r)).toContain('按其金额与其他表的勾稽关系（相符）识别为《一般公共预算支出表》');
    expect(loud(r)).toEqual([]);
  });

  it('is the 政府性基金支出表 when they are the 政府性基金 column', () => {
    const r = review(fiscalSummary(null, 120), spending, untitled);
    expect(table3(r)?.type).toBe('government_fund_expenditure');
    expect(loud(r)).toEqual([]);
  });

  it('stays unknown when no other table’s numbers tell the readings apart, and names the tables it may be', () => {
    const r = review(spending, untitled);
    expect(table3(r)?.type).toBe('unknown');
    expect(note(r)).toContain(
      '表头可能是《一般公共预算支出表》《政府性基金支出表》《国有资本经营支出表》，按金额也无法确定',
    );
    expect(loud(r)).toEqual([]);
  });

  it('stays unknown when its numbers fit no reading: never typed into an error', () => {
    const r = review(fiscalSummary(100, 20), spending, untitled);
    expect(table3(r)?.type).toBe('unknown');
    expect(loud(r).filter((f) => f.sheet === 'Table 3')).toEqual([]);
  });

  it('is the 基本支出表, not the 经济分类表, when its 合计 is the 一般公共预算支出表’s 基本支出 (economic codes, 科目编码 | 科目名称 | 决算数)', () => {
    const general = sheet(byFunction('2025年一般公共预算财政拨款支出决算表', ['合计', '基本支出', '项目支出']), {
      name: 'Table 2',
      merges: ['A1:E1'],
    });
    const economic = sheet(
      [
        [null],
        ['编制部门：某区人民政府办公室', null, '单位：万元'],
        ['经济分类科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', 80],
        ['30101', '基本工资', 80],
        ['302', '商品和服务支出', 20],
        ['30201', '办公费', 20],
        [null, '合计', 100],
      ],
      { name: 'Table 3' },
    );
    const r = review(general, economic);
    expect(table3(r)?.type).toBe('general_budget_basic_expenditure');
    expect(loud(r)).toEqual([]);
  });
});
