import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { sheet, workbook } from '../helpers/grid';
import { MemoryPlatform } from './memory-platform';
import { settle } from './settle';

/** Issue 12 item 5: the pane lists a hidden sheet's tables like the others, marked 隐藏工作表. */
const m = (value: number) => ({ value, format: '#,##0.00' });
const table = (title: string, name: string) =>
  sheet(
    [
      [title, null, null],
      ['单位：万元', null, null],
      ['科目编码', '科目名称', '合计'],
      [null, '合计', m(6)],
      ['208', '社会保障和就业支出', m(6)],
    ],
    { name },
  );

it('lists the tables of a hidden sheet, marked as hidden', async () => {
  const snap = workbook(table('2021年部门预算支出总表', '支出总表'), {
    ...table('2021年部门预算支出总表', '附表'),
    hidden: true,
  });
  await act(async () => {
    render(<App platform={new MemoryPlatform(snap)} />);
  });
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '扫描工作簿' })));
  await screen.findByRole('status');
  await settle();
  await settle(() => fireEvent.click(screen.getByRole('tab', { name: '表格 (2)' })));
  const hiddenSheet = screen.getByRole('region', { name: '附表' });
  expect(within(hiddenSheet).getByText('（隐藏工作表）')).toBeTruthy();
  expect(within(screen.getByRole('region', { name: '支出总表' })).queryByText('（隐藏工作表）')).toBeNull();
});
