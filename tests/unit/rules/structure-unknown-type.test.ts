import { reviewWorkbook } from '../../../src/core/review';
import { structureUnknownType } from '../../../src/core/rules/structure/unknown-type';
import { sheet, workbook } from '../../helpers/grid';
import { expenditureByFunction } from '../../helpers/tables';
import { testRule } from '../../helpers/rule-tester';

/** A function-classified table whose title names no disclosure table, on a sheet named like a PDF page. */
const untitled = (title: string | null, name = 'Table 3') => {
  const fn = expenditureByFunction();
  const rows = fn.rows.map((r) => [...r]);
  if (title === null) rows[0] = [];
  else rows[0] = [title];
  return sheet(rows, { name, merges: title === null ? fn.merges.filter((m) => !m.startsWith('A1')) : fn.merges });
};

testRule(structureUnknownType, {
  valid: [
    { name: 'a table typed by its title', workbook: workbook(untitled('2021年部门预算一般公共预算支出表')) },
    {
      name: 'an untyped table without amount columns',
      workbook: workbook(
        sheet(
          [
            ['附件说明'],
            ['序号', '事项', '说明'],
            ['1', '机构设置', '本部门下设三个科室'],
            ['2', '人员', '编制 20 人'],
          ],
          {
            name: 'Table 9',
          },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a table with amounts whose title names no disclosure table',
      workbook: workbook(untitled('2021年部门支出分科目明细表')),
      findings: [
        {
          severity: 'info',
          sheet: 'Table 3',
          cells: ['A1'],
          message: /^《Table 3》A1:.+（标题“2021年部门支出分科目明细表”未能对应到公开表）/,
        },
      ],
    },
    {
      name: 'a table with amounts and no title, on a sheet named Table 3',
      workbook: workbook(untitled(null)),
      findings: [{ severity: 'info', sheet: 'Table 3', message: /未找到表名/ }],
    },
  ],
});

describe('structure.unknown_type in the coverage ledger', () => {
  it('lists each untyped table with amounts as not checked across tables', () => {
    const { coverage } = reviewWorkbook(workbook(untitled('2021年部门支出分科目明细表')), {
      ruleSet: [structureUnknownType],
    }).report;
    expect(coverage?.notChecked).toEqual([
      expect.objectContaining({ rule: 'structure.unknown_type', sheet: 'Table 3', reason: 'table_unknown_type' }),
    ]);
  });
});
