import { ALL_RULES } from '../../src/core';
import { RULE_FORMULAS_ZH } from '../../src/taskpane/rule-formulas';
import { ruleHelp } from '../../src/taskpane/rule-help';

describe('rule identities in Chinese', () => {
  it('every registered rule has one, and only registered rules', () => {
    expect(Object.keys(RULE_FORMULAS_ZH).sort()).toEqual(ALL_RULES.map((r) => r.meta.id).sort());
  });

  it('has no English words (the rules’ own notation does: “code ∉ catalog(year)”)', () => {
    for (const [id, text] of Object.entries(RULE_FORMULAS_ZH))
      expect([id, text]).toEqual([id, expect.not.stringMatching(/[a-z]{2,}/)]);
  });

  it('is what the Chinese pane explains; the English pane keeps the notation', () => {
    expect(ruleHelp('performance.cost_operator', 'zh-CN')?.formula).toBe('成本指标的指标值 ∈ {≤, <, =}（设上限）');
    expect(ruleHelp('performance.cost_operator', 'en-US')?.formula).toMatch(/operator/);
  });
});

/** A rule id such as disclosure.missing_table: a family, a dot, a name. */
const FAMILY_ID = new RegExp(`(${[...new Set(ALL_RULES.map((r) => r.meta.id.split('.')[0]))].join('|')})\\.[a-z_]+`);

describe('rule texts the Chinese pane shows', () => {
  it('name no rule by its id (a description said “见 disclosure.missing_table”)', () => {
    for (const { meta } of ALL_RULES)
      for (const text of [meta.title.zh, meta.description.zh])
        expect([meta.id, text]).toEqual([meta.id, expect.not.stringMatching(FAMILY_ID)]);
  });
});
