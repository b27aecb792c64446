import { exportName, findingsCsv, findingRows } from '../../src/taskpane/export-findings';
import type { ReportFinding } from '../../src/core/report/report';

const f: ReportFinding = {
  rule: 'sum.hierarchy',
  severity: 'error',
  sheet: '支出总表',
  cells: ['D8', 'D9'],
  message: '=20805 54.25 ≠ 54.35',
  expected: '54.35',
  actual: '54.25',
  difference: '-0.10',
};

describe('导出问题清单', () => {
  it('one row per finding with the rule title, severity and amounts; formula-like text neutralised', () => {
    expect(findingRows([f])).toEqual([
      ['支出总表', 'D8 D9', '上级科目不等于下级之和', '错误', '54.35', '54.25', '-0.10', '=20805 54.25 ≠ 54.35'],
    ]);
    const csv = findingsCsv([f]);
    expect(csv.startsWith('\ufeff工作表,单元格,规则,级别,应为,实际,差额,说明\r\n')).toBe(true);
    expect(csv).toContain(",-0.10,'=20805 54.25 ≠ 54.35\r\n");
    expect(exportName('部门预算.xlsx', 'csv')).toBe('部门预算-问题清单.csv');
  });
});
