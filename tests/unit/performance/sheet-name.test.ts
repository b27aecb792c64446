import { cutClean, formSheetName, MAX_SHEET_NAME } from '../../../src/core/performance/sheet-name';

describe('form sheet names', () => {
  it('keeps a short name whole', () => {
    expect(formSheetName('绩效目标-{项目简称}', '购买经办服务费', [])).toBe('绩效目标-购买经办服务费');
  });

  it('cuts a long name before a bracket it would leave open, within 31 characters even with a suffix', () => {
    const name = '城乡居民基本医疗保险补助资金（市级配套及省级补助部分）';
    const first = formSheetName('绩效目标-{项目简称}', name, []);
    expect(first).toBe('绩效目标-城乡居民基本医疗保险补助资金');
    const second = formSheetName('绩效目标-{项目简称}', name, [first]);
    expect(second).toBe(`${first} (2)`);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it('keeps a closed bracket and drops characters Excel forbids', () => {
    expect(cutClean('医保（市级）工作经费和专项业务经费', 10)).toBe('医保（市级）工作经费');
    expect(formSheetName('绩效自评-{项目简称}', 'a/b:c', [])).toBe('绩效自评-abc');
  });

  it('closes a bracket after an ellipsis when the name before it is too short to mean anything', () => {
    const name = '上年结转（医疗服务与保障能力提升补助资金、办公信息系统建设及分局搬迁费用）';
    const cut = formSheetName('绩效目标-{项目简称}', name, []);
    expect(cut).toBe('绩效目标-上年结转（医疗服务与保障能力提升补助资金…）');
    expect(cut.length).toBeLessThanOrEqual(MAX_SHEET_NAME - 4);
  });

  it('never leaves a trailing separator', () => {
    expect(cutClean('医保工作经费、医保专项业务经费', 7)).toBe('医保工作经费');
  });
});
