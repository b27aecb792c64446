import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { sheet, workbook } from '../helpers/grid';
import { MemoryPlatform } from './memory-platform';
import { settle } from './settle';

const m = (value: number) => ({ value, format: '#,##0.00' });
/** A department named only inside the workbook (编制单位 line), with a 支出总表 and a 项目支出表. */
const department = () =>
  workbook(
    sheet(
      [
        ['2021年部门预算支出总表', null, null, null, null],
        ['编制单位：甲县医疗保障局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', m(60.25), m(54.25), m(6)],
        ['208', '社会保障和就业支出', m(60.25), m(54.25), m(6)],
        ['20805', '行政事业单位养老支出', m(54.25), m(54.25), null],
        ['2080505', '机关事业单位基本养老保险缴费支出', m(54.25), m(54.25), null],
        ['20899', '其他社会保障和就业支出', m(6), null, m(6)],
      ],
      { name: '支出总表', merges: ['A1:E1'] },
    ),
    sheet(
      [
        ['项目支出预算表', null, null, null, null],
        ['项目名称', '部门预算功能科目', '合计', '资金来源', null],
        [null, null, null, '一般公共预算', '上年结转'],
        ['城乡居民基本医疗保险补助资金（市级配套及省级补助部分）', '2089901', m(6), m(6), null],
        ['合计', null, m(6), m(6), null],
      ],
      { name: '项目支出表', merges: ['A1:E1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'] },
    ),
  );

/** A department whose only disclosure is a two-sided 收支总表: 基本支出 and 项目支出 are lines of its expenditure side. */
const summaryOnly = () =>
  workbook(
    sheet(
      [
        ['2021年部门收支预算总表', null, null, null],
        ['编制单位：乙县医疗保障局', null, null, '单位：万元'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', m(70.5), '一、基本支出', m(50.25)],
        ['二、政府性基金预算拨款收入', null, '二、项目支出', m(20.25)],
        ['本年收入合计', m(70.5), '本年支出合计', m(70.5)],
      ],
      { name: '收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
    ),
  );

async function performancePanel(platform: MemoryPlatform) {
  await act(async () => {
    render(<App platform={platform} />);
  });
  await settle(() => fireEvent.click(screen.getByRole('button', { name: '扫描工作簿' })));
  await screen.findByRole('status');
  await settle();
  await settle(() => fireEvent.click(screen.getByRole('tab', { name: '绩效' })));
}

const sheetNames = (p: MemoryPlatform) => p.snapshot.sheets.map((s) => s.name);
const valueAt = (p: MemoryPlatform, name: string, row: number, col: number) =>
  p.snapshot.sheets.find((s) => s.name === name)?.rows[row]?.[col]?.value;

describe('绩效 panel', () => {
  it('names the department from the workbook and takes its funds from the 支出总表', async () => {
    const platform = new MemoryPlatform(department());
    await performancePanel(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入部门整体绩效目标表' })));
    expect(valueAt(platform, '部门整体绩效目标', 2, 1)).toBe('甲县医疗保障局');
    expect(valueAt(platform, '部门整体绩效目标', 3, 2)).toBe(60.25);
    expect(valueAt(platform, '部门整体绩效目标', 3, 4)).toBe(6);
    expect(valueAt(platform, '部门整体绩效目标', 4, 2)).toBe(54.25);
  });

  it('takes the department form’s funds from the 收支总表 when that is the table there', async () => {
    const platform = new MemoryPlatform(summaryOnly());
    await performancePanel(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入部门整体绩效目标表' })));
    expect(valueAt(platform, '部门整体绩效目标', 2, 1)).toBe('乙县医疗保障局');
    expect(valueAt(platform, '部门整体绩效目标', 3, 2)).toBe(70.5);
    expect(valueAt(platform, '部门整体绩效目标', 3, 4)).toBe(20.25);
    expect(valueAt(platform, '部门整体绩效目标', 4, 2)).toBe(50.25);
  });

  it('cuts a long project name cleanly, and a second insert asks: update the sheet there, or add one', async () => {
    const platform = new MemoryPlatform(department());
    await performancePanel(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    const name = '绩效目标-城乡居民基本医疗保险补助资金';
    expect(sheetNames(platform)).toContain(name);
    expect(valueAt(platform, name, 3, 1)).toBe('甲县医疗保障局');

    // Second insert: nothing is written until the user chooses.
    const plans = platform.plans.length;
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    expect(platform.plans.length).toBe(plans);
    expect(screen.getByText(/工作簿中已有“绩效目标-城乡居民基本医疗保险补助资金”/)).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '取消' })));
    expect(platform.plans.length).toBe(plans);

    // 更新原表 after the funds changed: the sheet's funds follow, no new sheet.
    const grid = platform.snapshot.sheets.find((s) => s.name === name);
    (grid?.rows[6] as { value: unknown }[])[3] = { value: 1 };
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '更新原表' })));
    expect(sheetNames(platform).filter((s) => s.startsWith('绩效目标-'))).toEqual([name]);
    expect(valueAt(platform, name, 6, 3)).toBe(6);
    expect(await screen.findByText(/已更新“绩效目标-城乡居民基本医疗保险补助资金”中 1 个单元格/)).toBeTruthy();

    // 另建新表: a second sheet, within 31 characters.
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '另建新表' })));
    expect(sheetNames(platform)).toContain(`${name} (2)`);
    expect(sheetNames(platform).every((s) => s.length <= 31)).toBe(true);
  });

  it('inserts a self-evaluation whose 执行率 is a percentage; 填写自评得分 says why each blank stays blank', async () => {
    const platform = new MemoryPlatform(department());
    await performancePanel(platform);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张目标表' })));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '插入 1 张自评表' })));
    const added = platform.plans.at(-1)?.actions[0];
    expect(added?.kind === 'add_sheet' && added.layout?.numberFormats).toContainEqual({ cell: 'F6', format: '0.00%' });
    await settle(() => fireEvent.click(screen.getByRole('button', { name: '填写自评得分' })));
    const list = screen.getByRole('list', { name: '未能计算的单元格' });
    expect(list.textContent).toMatch(/F6：未填全年执行数，无法计算执行率/);
    expect(list.textContent).toMatch(/总分未算出，暂不评定等级/);
    expect(platform.plans.at(-1)?.actions.some((a) => a.kind === 'set_note')).toBe(true);
  });
});
