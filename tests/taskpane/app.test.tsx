import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { sheet, workbook } from '../helpers/grid';
import { MemoryPlatform } from './memory-platform';
import { settle } from './settle';

const m = (value: number) => ({ value, format: '#,##0.00' });
const budget = () =>
  workbook(
    sheet(
      [
        ['2021年部门预算支出总表', null, null, null, null],
        ['单位：万元', null, null, null, null],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', m(60.25), m(54.25), m(6)],
        ['208', '社会保障和就业支出', m(60.25), m(54.25), m(6)],
        ['20805', '行政事业单位养老支出', m(54.25), m(54.25), null],
        ['2080505', '机关事业单位基本养老保险缴费支出', m(44.9), m(44.9), null],
        ['2080506', '机关事业单位职业年金缴费支出', m(9.45), m(9.45), null],
        ['20899', '其他社会保障和就业支出', m(6), null, m(6)],
      ],
      { name: '支出总表', merges: ['A1:E1'] },
    ),
  );

async function scanned(platform: MemoryPlatform) {
  await act(async () => {
    render(<App platform={platform} />);
  });
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '扫描工作簿' })));
  await screen.findByRole('status');
  await settle();
}

describe('task pane', () => {
  it('scans, summarises and lists findings grouped by severity and rule', async () => {
    await scanned(new MemoryPlatform(budget()));
    expect(screen.getByRole('status').textContent).toMatch(/识别 1 张表 · 错误 \d+ · 警告 0/);
    const group = screen.getByRole('region', { name: '上级科目不等于下级之和' });
    expect(within(group).getAllByRole('button')[0]?.textContent).toMatch(
      /20805 行政事业单位养老支出［合计］ 54\.25 ≠ 下级合计 54\.35（差 -0\.10）/,
    );
  });

  it('goes to a finding’s cell', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    await settle(() => fireEvent.click(screen.getAllByTitle(/定位到 支出总表!C6/)[0] as HTMLElement));
    expect(platform.plans.at(-1)?.actions).toEqual([{ kind: 'select', sheet: '支出总表', range: 'C6' }]);
  });

  it('marks findings, then clears the marks with the previous fills', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '标记问题' })));
    const marks = platform.plans.at(-1);
    expect(marks?.actions.some((a) => a.kind === 'set_fill' && a.cells.includes('C6'))).toBe(true);
    expect(await screen.findByText(/已标记列表中的 \d+ 个问题/)).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '清除标记' })));
    const cleared = platform.plans.at(-1);
    expect(cleared?.title).toMatch(/^撤销：标记/);
    expect(cleared?.actions.every((a) => a.kind !== 'set_fill' || a.color === null)).toBe(true);
    expect(platform.undo).toEqual([]);
  });

  it('writes the report sheet and undoes it', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '写入报告' })));
    expect(platform.snapshot.sheets.map((s) => s.name)).toEqual(['支出总表', '审核报告']);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '撤销' })));
    expect(platform.snapshot.sheets.map((s) => s.name)).toEqual(['支出总表']);
  });

  it('filters findings by severity and text', async () => {
    await scanned(new MemoryPlatform(budget()));
    const before = screen.getAllByTitle(/定位到/).length;
    await settle(() =>
      fireEvent.change(screen.getByPlaceholderText('搜索问题…'), { target: { value: '没有这样的问题' } }),
    );
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeTruthy();
    await settle(() => fireEvent.change(screen.getByPlaceholderText('搜索问题…'), { target: { value: '' } }));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: /^错误 \d+$/ })));
    expect(screen.queryAllByTitle(/定位到/).length).toBeLessThan(before);
  });

  it('re-levels a rule from the settings and reviews again', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    await settle(() => fireEvent.click(screen.getByRole('tab', { name: '设置' })));
    await settle(() => fireEvent.click(screen.getByRole('combobox', { name: '上级科目不等于下级之和' })));
    await settle(() => fireEvent.click(screen.getByRole('option', { name: '关闭' })));
    await waitFor(() => expect(platform.settings.rules['sum.hierarchy']).toBe('off'));
    expect(screen.getByRole('status').textContent).toMatch(/错误 0/);
  });

  it('shows Office errors in plain Chinese', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    platform.failNext = '工作簿或工作表受保护，无法写入。请撤销保护后重试';
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '标记问题' })));
    expect(await screen.findByText(/操作失败：工作簿或工作表受保护/)).toBeTruthy();
  });

  it('says how many notes are hidden and shows them on request; 标记问题 marks what is listed', async () => {
    // 20805 0.01 above its items: within display rounding, a note (提示), hidden by default.
    const withNote = budget();
    const rows = withNote.sheets[0]?.rows as unknown[][];
    (rows[5] as unknown[])[2] = m(54.36);
    (rows[5] as unknown[])[3] = m(54.36);
    const platform = new MemoryPlatform(withNote);
    await scanned(platform);
    const status = screen.getByRole('status').textContent ?? '';
    const notes = Number(/提示 (\d+)/.exec(status)?.[1]);
    expect(notes).toBeGreaterThan(0);
    const listed = () => screen.queryAllByRole('listitem').length;
    const errors = Number(/错误 (\d+)/.exec(status)?.[1]);
    expect(listed()).toBe(errors);
    expect(screen.getByText(`另有 ${notes} 条提示已隐藏`)).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '标记问题' })));
    expect(await screen.findByText(`已标记列表中的 ${errors} 个问题，可点击“清除标记”恢复原样。`)).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '显示' })));
    expect(listed()).toBe(errors + notes);
    expect(screen.queryByText(/条提示已隐藏/)).toBeNull();
  });

  it('names rules by their Chinese titles: groups, filters and the report sheet', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    expect(screen.getByRole('group', { name: '按级别筛选' })).toBeTruthy();
    expect(screen.getByRole('toolbar', { name: '操作' })).toBeTruthy();
    const rule = screen.getByRole('combobox', { name: '按规则筛选' });
    expect(within(rule).getByRole('option', { name: '上级科目不等于下级之和' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/sum\.hierarchy/);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '写入报告' })));
    const added = platform.plans.at(-1)?.actions[0];
    expect(added?.kind === 'add_sheet' && added.values.slice(4).map((r) => r[1])).toContain('上级科目不等于下级之和');
    expect(JSON.stringify(added)).not.toMatch(/sum\.hierarchy/);
  });

  it('filters by sheet and rule, sorts by sheet, and explains a finding’s rule', async () => {
    await scanned(new MemoryPlatform(budget()));
    const all = screen.getAllByRole('listitem').length;
    await settle(() =>
      fireEvent.change(screen.getByRole('combobox', { name: '按工作表筛选' }), { target: { value: '支出总表' } }),
    );
    expect(screen.getAllByRole('listitem').length).toBe(all);
    await settle(() =>
      fireEvent.change(screen.getByRole('combobox', { name: '排序方式' }), { target: { value: 'sheet' } }),
    );
    expect(screen.getByRole('region', { name: '支出总表' })).toBeTruthy();
    await settle(() => fireEvent.click(screen.getAllByRole('button', { name: '规则说明' })[0] as HTMLElement));
    const note = screen.getByRole('note');
    // The finding's messageId names what it is (sum.hierarchy's "mismatch").
    expect(note.textContent).toMatch(/本条问题：合计不等于各组成项之和/);
    expect(note.textContent).toMatch(/核对内容：/);
    expect(note.textContent).toMatch(/如何改正：/);
    expect(note.textContent).toMatch(/应为 54\.35，实际 54\.25/);
    // No English in the Chinese explanation (the identity was shown in the rules’ notation: “amount(parent) = Σ …”).
    expect(note.textContent).not.toMatch(/[a-z]{2,}/);
  });

  it('speaks English when Office does', async () => {
    await act(async () => {
      render(<App platform={new MemoryPlatform(budget(), 'en-US')} />);
    });
    expect(screen.getByRole('button', { name: 'Scan workbook' })).toBeTruthy();
  });
});

describe('performance panel', () => {
  const withProjects = () =>
    workbook(
      sheet(
        [
          ['项目支出预算表', null, null, null, null],
          ['项目名称', '部门预算功能科目', '合计', '资金来源', null],
          [null, null, null, '一般公共预算', '上年结转'],
          ['城乡医疗救助补助资金', '2101301', m(651), m(651), null],
          ['购买经办服务费', '2101599', m(2543.26), m(2221), m(322.26)],
          ['合计', null, m(3194.26), m(2872), m(322.26)],
        ],
        { name: '项目支出表', merges: ['A1:E1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'] },
      ),
    );

  it('inserts a target sheet per chosen project, filled from the project table', async () => {
    const platform = new MemoryPlatform(withProjects());
    await scanned(platform);
    await settle(() => fireEvent.click(screen.getByRole('tab', { name: '绩效' })));
    expect(screen.getByRole('checkbox', { name: '城乡医疗救助补助资金' })).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('checkbox', { name: '购买经办服务费' })));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    const added = platform.plans.at(-1)?.actions[0];
    expect(added?.kind).toBe('add_sheet');
    if (added?.kind === 'add_sheet') {
      expect(added.sheet).toBe('绩效目标-城乡医疗救助补助资金');
      expect(added.values[2]?.[1]).toBe('城乡医疗救助补助资金');
      expect(added.values[4]?.[1]).toBe('2101301 城乡医疗救助');
      expect(added.values[6]?.[3]).toBe(651);
    }
    expect(await screen.findByText('已插入 1 张项目支出绩效目标表。')).toBeTruthy();
    expect(platform.snapshot.sheets.map((s) => s.name)).toContain('绩效目标-城乡医疗救助补助资金');
  });
});

describe('the add-in’s own sheets', () => {
  it('a 审核报告 sheet it wrote is not recognised as a table when the workbook is scanned again', async () => {
    const platform = new MemoryPlatform(budget());
    await scanned(platform);
    const before = screen.getByRole('status').textContent;
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '写入报告' })));
    expect(platform.snapshot.sheets.map((s) => s.name)).toContain('审核报告');
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '重新扫描' })));
    expect(screen.getByRole('status').textContent).toBe(before);
    expect(screen.getByRole('tab', { name: '表格 (1)' })).toBeTruthy();
  });
});
