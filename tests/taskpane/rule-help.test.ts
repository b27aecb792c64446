import { ruleHelp } from '../../src/taskpane/rule-help';

describe('规则说明 names the finding by its messageId', () => {
  it('in the pane’s language', () => {
    expect(ruleHelp('sum.hierarchy', 'zh-CN', 'mismatch')?.finding).toBe('合计不等于各组成项之和');
    expect(ruleHelp('sum.hierarchy', 'en-US', 'mismatch')?.finding).toBe('Total differs from the sum of its parts');
    expect(ruleHelp('code.unknown', 'en-US', 'catalogGaps')?.title).toBe('Unknown classification code');
  });

  it('says nothing of a finding without a known messageId (an older report)', () => {
    expect(ruleHelp('sum.hierarchy', 'zh-CN')?.finding).toBe('');
    expect(ruleHelp('sum.hierarchy', 'zh-CN', 'toString')?.finding).toBe('');
    expect(ruleHelp('no.such_rule', 'zh-CN', 'mismatch')).toBeNull();
  });
});
