import { act, fireEvent, render, screen } from '@testing-library/react';
import type { WritePlan } from '../../src/core/plans/types';
import { App } from '../../src/taskpane/App';
import { sheet, workbook } from '../helpers/grid';
import { MemoryPlatform } from './memory-platform';
import { settle } from './settle';

/**
 * Issue 12 item 2 in the pane: one mark plan whose inverse fails (a deleted sheet, a protected workbook) does not keep
 * the others marked, and stays in the undo log while the cleared ones leave it; cells left as the user changed them
 * are named in the notice.
 */
const m = (value: number) => ({ value, format: '#,##0.00' });
const budget = () =>
  workbook(
    sheet(
      [
        ['2021年部门预算支出总表', null, null],
        ['单位：万元', null, null],
        ['科目编码', '科目名称', '合计'],
        [null, '合计', m(60)],
        ['208', '社会保障和就业支出', m(61)],
      ],
      { name: '支出总表' },
    ),
  );

/** Undoes as told: the next inverse fails, or comes back with cells skipped. */
class UndoPlatform extends MemoryPlatform {
  skipNext = 0;
  override async applyPlan(plan: WritePlan) {
    const done = await super.applyPlan(plan);
    if (!this.skipNext || !plan.title.startsWith('撤销')) return done;
    const skipped = Array.from({ length: this.skipNext }, (_, i) => ({
      sheet: '支出总表',
      cell: `C${i + 1}`,
      reason: 'changed' as const,
    }));
    this.skipNext = 0;
    return { ...done, skipped };
  }
}

async function scannedAndMarkedTwice(platform: UndoPlatform) {
  await act(async () => {
    render(<App platform={platform} />);
  });
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '扫描工作簿' })));
  await screen.findByRole('status');
  await settle();
  for (let i = 0; i < 2; i++) await settle(() => fireEvent.click(screen.getByRole('button', { name: '标记问题' })));
  expect(platform.undo).toHaveLength(2);
}

it('clears the other mark plans when one inverse fails, and keeps that one in the log', async () => {
  const platform = new UndoPlatform(budget());
  await scannedAndMarkedTwice(platform);
  const [older, newer] = platform.undo as [WritePlan, WritePlan];
  platform.failNext = '找不到要操作的工作表或单元格，可能已被删除或重命名，请重新扫描';
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '清除标记' })));
  expect(await screen.findByText(/找不到要操作的工作表/)).toBeTruthy();
  // The newest plan's inverse failed: it stays; the older one was undone and left the log.
  expect(platform.undo).toEqual([newer]);
  expect(platform.plans.at(-1)?.title).toBe(`撤销：${older.title}`);
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '清除标记' })));
  expect(platform.undo).toEqual([]);
});

it('names the cells it left as the user changed them', async () => {
  const platform = new UndoPlatform(budget());
  await scannedAndMarkedTwice(platform);
  platform.skipNext = 3;
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '清除标记' })));
  expect(await screen.findByText(/已清除标记.*；3 处已被修改，未覆盖/)).toBeTruthy();
  expect(platform.undo).toEqual([]);
});
