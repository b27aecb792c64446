import { fireEvent, render, screen } from '@testing-library/react';
import { CoverageView } from '../../src/taskpane/components/CoverageView';

describe('coverage in the pane', () => {
  const coverage = {
    identities: { closed: 40, failed: 1, notChecked: 3 },
    notChecked: [
      {
        rule: 'cross_table.basic',
        sheet: '一般公共预算支出表',
        reason: 'table_missing' as const,
        message: '未找到基本支出表',
      },
      { rule: 'sum.total', sheet: '支出总表', reason: 'column_not_found' as const, message: '未找到合计行', count: 2 },
    ],
  };

  it('says how many identities were checked and not, the reasons one click away', () => {
    const { container } = render(<CoverageView coverage={coverage} language="zh-CN" />);
    expect(screen.getByText('已核对 41 项勾稽关系，3 项未能核对')).toBeTruthy();
    const details = container.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(screen.getByText('已核对 41 项勾稽关系，3 项未能核对'));
    expect(screen.getByText('未找到基本支出表')).toBeTruthy();
    expect(screen.getByText(/支出总表 · 未找到所需的行或列 × 2/)).toBeTruthy();
  });

  it('has nothing to open when everything was checked', () => {
    const { container } = render(
      <CoverageView
        coverage={{ identities: { closed: 5, failed: 0, notChecked: 0 }, notChecked: [] }}
        language="en-US"
      />,
    );
    expect(container.querySelector('details')).toBeNull();
    expect(screen.getByText('5 identities checked, 0 could not be checked')).toBeTruthy();
  });
});
