import { balanceLines } from '../../../src/core/rules/balance/lines';
import { balanceTotals } from '../../../src/core/rules/balance/totals';
import { crossBasic } from '../../../src/core/rules/cross_table/basic';
import { crossByCode } from '../../../src/core/rules/cross_table/by-code';
import { crossFiscal } from '../../../src/core/rules/cross_table/fiscal';
import { crossProject } from '../../../src/core/rules/cross_table/project';
import { crossSummary } from '../../../src/core/rules/cross_table/summary';
import { crossThreePublic } from '../../../src/core/rules/cross_table/three-public';
import { functionEconomic } from '../../../src/core/rules/cross_classification/basic-pairs';
import { dateSerial, serialToDate } from '../../../src/core/rules/format/date-serial';
import { invalidAmount } from '../../../src/core/rules/format/invalid-amount';
import { numberAsText } from '../../../src/core/rules/format/number-as-text';
import { IDENTITY_RULE_IDS, unitMixup } from '../../../src/core/rules/format/unit';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { reviewWorkbook } from '../../../src/core/review';
import type { Rule } from '../../../src/core/rules/types';
import { sheet, workbook, type GridValue } from '../../helpers/grid';
import { testRule } from '../../helpers/rule-tester';

const m = (value: number) => ({ value, format: '#,##0.00' });

/** A two-sided 收支总表 in 万元. */
const summary = (incomeTotal: number, spendTotal: number, classLine = 60.25) =>
  sheet(
    [
      ['2021年部门收支总表', null, null, null],
      ['单位：万元', null, null, null],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', m(incomeTotal), '八、社会保障和就业支出', m(classLine)],
      [null, null, '十、卫生健康支出', m(spendTotal - classLine)],
      ['本年收入合计', m(incomeTotal), '本年支出合计', m(spendTotal)],
      ['收入总计', m(incomeTotal), '支出总计', m(spendTotal)],
    ],
    { name: '收支总表', merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );

/** A 支出总表 with 合计 first and two 类 lines. */
const spending = (a: number, b: number, unit = '万元', name = '支出总表', title = '2021年部门支出总表') =>
  sheet(
    [
      [title, null, null],
      [`单位：${unit}`, null, null],
      ['科目编码', '科目名称', '合计'],
      [null, '合计', m(a + b)],
      ['208', '社会保障和就业支出', m(a)],
      ['210', '卫生健康支出', m(b)],
    ],
    { name, merges: ['A1:C1'] },
  );

testRule(balanceTotals, {
  valid: [{ name: 'income = expenditure', workbook: workbook(summary(100, 100)) }],
  invalid: [
    {
      name: '收入总计 ≠ 支出总计',
      workbook: workbook(summary(100, 110)),
      findings: [
        { severity: 'error', cells: ['B8', 'D8'], message: /收入总计 100\.00 ≠ 支出总计 110\.00（差 -10\.00）/ },
      ],
    },
  ],
});

const basic = (personnel: number) =>
  sheet(
    [
      ['2021年一般公共预算基本支出表', null, null, null, null],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      [null, '合计', m(30), m(personnel), m(10)],
      ['301', '工资福利支出', m(18), m(18), null],
      ['302', '商品和服务支出', m(10), null, m(10)],
      ['303', '对个人和家庭的补助', m(2), m(2), null],
    ],
    { name: '基本支出表', merges: ['A1:E1'] },
  );

testRule(balanceLines, {
  valid: [
    { name: '人员经费 = 301 + 303, 公用经费 = 302', workbook: workbook(basic(20)) },
    {
      name: '公务用车购置及运行费 = 购置 + 运行',
      workbook: workbook(
        sheet(
          [
            ['三公经费支出表', null],
            ['项目', '金额'],
            ['合计', m(3)],
            ['公务用车购置及运行费', m(3)],
            ['其中：公务用车购置费', m(1)],
            ['公务用车运行维护费', m(2)],
          ],
          { merges: ['A1:B1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: '人员经费 ≠ 301 + 303',
      workbook: workbook(basic(25)),
      findings: [
        {
          severity: 'error',
          message: /合计行人员经费 25\.00 ≠ 《一般公共预算基本支出表》301 \+ 303 20\.00（差 \+5\.00）/,
        },
      ],
    },
  ],
});

testRule(crossSummary, {
  valid: [{ name: 'totals and class lines agree', workbook: workbook(summary(100, 100), spending(60.25, 39.75)) }],
  invalid: [
    {
      name: 'the 支出总表 total and a class line disagree with the 收支总表',
      workbook: workbook(summary(100, 100), spending(62.25, 39.75)),
      findings: [
        {
          severity: 'error',
          sheet: '收支总表',
          message: /八、社会保障和就业支出 60\.25 ≠ 《部门支出总表》208 合计 62\.25/,
        },
        {
          severity: 'error',
          sheet: '支出总表',
          message: /《部门支出总表》合计 102\.00 ≠ 《部门收支总表》本年支出合计 100\.00（差 \+2\.00）/,
        },
      ],
    },
  ],
});

testRule(unitMixup, {
  valid: [
    { name: 'same units', workbook: workbook(summary(100, 100), spending(60.25, 39.75)) },
    {
      // A ratio alone is not evidence: the 一般公共预算支出表 may be any part of the 支出总表 (a ≤ b that holds).
      name: 'a ≤ relation that holds as written, the sides ×10,000 apart',
      workbook: workbook(
        spending(602500, 397500),
        spending(60.25, 39.75, '万元', '一般公共预算支出表', '2021年一般公共预算支出表'),
      ),
    },
  ],
  invalid: [
    {
      name: 'one table in 元 labelled as 万元',
      workbook: workbook(summary(100, 100), spending(602500, 397500)),
      findings: [{ severity: 'warning', message: /相差约一万倍：请核对金额单位/ }],
    },
    {
      name: 'a ≤ relation that fails as written and holds read ÷10,000',
      workbook: workbook(
        spending(60.25, 39.75),
        spending(602500, 397500, '万元', '一般公共预算支出表', '2021年一般公共预算支出表'),
      ),
      findings: [{ severity: 'warning', sheet: '一般公共预算支出表', message: /相差约一万倍：请核对金额单位/ }],
    },
  ],
});

testRule(crossByCode, {
  valid: [
    {
      name: 'different declared units are converted',
      workbook: workbook(
        spending(602500, 397500, '元'),
        spending(60.25, 39.75, '万元', '一般公共预算支出表', '2021年一般公共预算支出表'),
      ),
    },
  ],
  invalid: [
    {
      name: 'the 一般公共预算支出表 exceeds the 支出总表 for a code',
      workbook: workbook(
        spending(60.25, 39.75),
        spending(61.25, 39.75, '万元', '一般公共预算支出表', '2021年一般公共预算支出表'),
      ),
      findings: [
        {
          severity: 'error',
          sheet: '一般公共预算支出表',
          message: /^208 《一般公共预算支出表》 61\.25 大于《部门支出总表》 60\.25（超出 1\.00）$/,
        },
      ],
    },
    {
      name: 'a 支出总表 whose amounts are not filled in yet',
      workbook: workbook(
        sheet(
          [
            ['2021年部门支出总表', null, null],
            ['单位：万元', null, null],
            ['科目编码', '科目名称', '合计'],
            ['208', '社会保障和就业支出', null],
          ],
          { name: '支出总表', merges: ['A1:C1'] },
        ),
        spending(61.25, 39.75, '万元', '一般公共预算支出表', '2021年一般公共预算支出表'),
      ),
      findings: [
        {
          severity: 'error',
          sheet: '一般公共预算支出表',
          message: /^208 《一般公共预算支出表》 为 61\.25，《部门支出总表》未填金额$/,
        },
      ],
    },
  ],
});

const fiscal = (general: number) =>
  sheet(
    [
      ['2021年部门财政拨款收支总表', null, null, null, null],
      ['收入', null, '支出', null, null],
      ['项目', '金额', '项目', '合计', '一般公共预算财政拨款'],
      ['一、一般公共预算拨款', m(general), '八、社会保障和就业支出', m(general), m(general)],
      ['本年收入合计', m(general), '本年支出合计', m(general), m(general)],
      ['收入总计', m(general), '支出总计', m(general), m(general)],
    ],
    { name: '财政拨款收支总表', merges: ['A1:E1', 'A2:B2', 'C2:E2'] },
  );
const general = (v: number) =>
  sheet(
    [
      ['2021年一般公共预算支出表', null, null],
      ['科目编码', '科目名称', '合计'],
      [null, '合计', m(v)],
      ['208', '社会保障和就业支出', m(v)],
    ],
    {
      name: '一般公共预算支出表',
      merges: ['A1:C1'],
    },
  );

testRule(crossFiscal, {
  valid: [{ name: 'the 一般公共预算 column equals its table', workbook: workbook(fiscal(60), general(60)) }],
  invalid: [
    {
      name: 'total and class line differ',
      workbook: workbook(fiscal(60), general(61)),
      findings: [
        { severity: 'error', message: /［一般公共预算］本年支出合计 60\.00 ≠ 《一般公共预算支出表》合计 61\.00/ },
        {
          severity: 'error',
          message: /八、社会保障和就业支出［一般公共预算］ 60\.00 ≠ 《一般公共预算支出表》208 合计 61\.00/,
        },
      ],
    },
  ],
});

const generalWithBasic = (b: number) =>
  sheet(
    [
      ['2021年一般公共预算支出表', null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出'],
      [null, '合计', m(40), m(b)],
      ['208', '社会保障和就业支出', m(40), m(b)],
    ],
    {
      name: '一般公共预算支出表',
      merges: ['A1:D1'],
    },
  );

testRule(crossBasic, {
  valid: [{ name: '基本支出 totals agree', workbook: workbook(generalWithBasic(30), basic(20)) }],
  invalid: [
    {
      name: '基本支出 totals differ',
      workbook: workbook(generalWithBasic(31), basic(20)),
      findings: [
        { severity: 'error', sheet: '基本支出表', message: /合计 30\.00 ≠ 《一般公共预算支出表》基本支出合计 31\.00/ },
      ],
    },
  ],
});

const spendingWithProjects = (projects: number) =>
  sheet(
    [
      ['2021年支出总表', null, null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', m(10 + projects), m(10), m(projects)],
      ['208', '社会保障和就业支出', m(10 + projects), m(10), m(projects)],
    ],
    {
      name: '支出总表',
      merges: ['A1:E1'],
    },
  );
const projects = (a: number, b: number) =>
  sheet(
    [
      ['项目支出预算表', null, null],
      ['项目名称', '功能科目', '合计'],
      ['甲', '2080505', m(a)],
      ['乙', '2080505', m(b)],
      ['合计', null, m(a + b)],
    ],
    {
      name: '项目支出表',
      merges: ['A1:C1'],
    },
  );

testRule(crossProject, {
  valid: [{ name: 'project total = 项目支出', workbook: workbook(spendingWithProjects(5), projects(2, 3)) }],
  invalid: [
    {
      name: 'project total ≠ 项目支出',
      workbook: workbook(spendingWithProjects(5), projects(2, 4)),
      findings: [
        {
          severity: 'error',
          sheet: '项目支出表',
          message: /合计 6\.00 ≠ 《2021年支出总表》项目支出合计 5\.00|合计 6\.00 ≠ 《支出总表》项目支出合计 5\.00/,
        },
      ],
    },
  ],
});

const threePublic = (reception: number) =>
  sheet(
    [
      ['三公经费支出表', null],
      ['项目', '本年预算数'],
      ['合计', m(reception)],
      ['1、因公出国（境）费用', m(0)],
      ['2、公务接待费', m(reception)],
    ],
    {
      name: '三公',
      merges: ['A1:B1'],
    },
  );
const basicWith30217 = (v: number) =>
  sheet(
    [
      ['2021年一般公共预算基本支出表', null, null],
      ['科目编码', '科目名称', '合计'],
      [null, '合计', m(v)],
      ['302', '商品和服务支出', m(v)],
      ['30217', '公务接待费', m(v)],
    ],
    {
      name: '基本支出表',
      merges: ['A1:C1'],
    },
  );

testRule(crossThreePublic, {
  valid: [{ name: '30217 ≤ 公务接待费', workbook: workbook(threePublic(25), basicWith30217(15)) }],
  invalid: [
    {
      name: '30217 above the 三公 item',
      workbook: workbook(threePublic(10), basicWith30217(15)),
      findings: [
        {
          severity: 'error',
          message: /“三公”经费：《一般公共预算基本支出表》30217 15\.00 大于《三公经费支出表》对应项目 10\.00/,
        },
      ],
    },
  ],
});

const amounts = (cells: GridValue[]) =>
  workbook(
    sheet([['项目支出表', null], ['项目名称', '合计'], ...cells.map((c, i): GridValue[] => [`项目${i + 1}`, c])], {
      merges: ['A1:B1'],
    }),
  );

testRule(invalidAmount, {
  valid: [
    { name: 'numbers, text numbers, placeholders and blanks', workbook: amounts([m(1), '1,234.50', '**', '—', null]) },
  ],
  invalid: [
    {
      name: 'text and error values',
      workbook: amounts([m(1), '见附表', { error: '#REF!' }]),
      findings: [
        { severity: 'error', cells: ['B5'], message: /B5 为错误值 #REF!/ },
        { severity: 'warning', cells: ['B4'], message: /B4“见附表”不是数字，未参与核对/ },
      ],
    },
  ],
});

testRule(numberAsText, {
  valid: [
    { name: 'real numbers', workbook: amounts([m(1), m(2)]) },
    {
      name: 'rates typed as text in a rate column',
      workbook: workbook(
        sheet(
          [
            ['项目支出表', null, null],
            ['项目名称', '决算数', '决算数为预算数的%'],
            ['甲', m(5), '98.75%'],
            ['乙', m(6), '100.00%'],
          ],
          { merges: ['A1:C1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'amounts stored as text: one note per table',
      workbook: amounts(['23,047.39', '1.00', m(3)]),
      findings: [{ severity: 'info', cells: ['B3', 'B4'], message: /有 2 个金额以文本形式存储（如 B3 “23,047.39”）/ }],
    },
  ],
});

testRule(dateSerial, {
  valid: [
    {
      name: 'a date formatted as a date',
      workbook: workbook(
        sheet(
          [
            ['项目支出表', null, null],
            ['项目名称', '金额', '完成时间'],
            ['甲', m(5), { value: 44531, format: 'yyyy-mm-dd' }],
          ],
          { merges: ['A1:C1'] },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a date shown as 44531',
      workbook: workbook(
        sheet(
          [
            ['项目支出表', null, null],
            ['项目名称', '金额', '完成时间'],
            ['甲', m(5), 44531],
          ],
          { merges: ['A1:C1'] },
        ),
      ),
      findings: [{ severity: 'warning', cells: ['C3'], message: /C3 显示为 44531，应为日期 2021-12-01/ }],
    },
  ],
});

describe('serialToDate', () => {
  it('follows Excel’s 1900 system', () => {
    expect(serialToDate(44531)).toBe('2021-12-01');
    expect(serialToDate(45658)).toBe('2025-01-01');
  });
});

const generalBasic = (pension: number) =>
  sheet(
    [
      ['2021年一般公共预算支出表', null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出'],
      ['2080505', '机关事业单位基本养老保险缴费支出', m(pension), m(pension)],
      ['2101101', '行政单位医疗', m(3), m(3)],
    ],
    { name: '一般公共预算支出表', merges: ['A1:D1'] },
  );
const basicEconomic = sheet(
  [
    ['2021年一般公共预算基本支出表', null, null],
    ['科目编码', '科目名称', '合计'],
    ['30108', '机关事业单位基本养老保险缴费', m(44.9)],
    ['30110', '职工基本医疗保险缴费', m(5)],
  ],
  { name: '基本支出表', merges: ['A1:C1'] },
);

testRule(functionEconomic, {
  valid: [
    {
      name: 'pension and medical lines agree',
      workbook: workbook(
        generalBasic(44.9),
        sheet(
          [
            ['2021年一般公共预算基本支出表', null, null],
            ['科目编码', '科目名称', '合计'],
            ['30108', '机关事业单位基本养老保险缴费', m(44.9)],
            ['30110', '职工基本医疗保险缴费', m(3)],
          ],
          {
            name: '基本支出表',
            merges: ['A1:C1'],
          },
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'pension lines differ: warning; medical lines differ: note',
      workbook: workbook(generalBasic(46.9), basicEconomic),
      findings: [
        {
          severity: 'warning',
          cells: ['D3'],
          message:
            /^2080505 基本支出 46\.90 ≠ 《一般公共预算基本支出表》30108 机关事业单位基本养老保险缴费 44\.90（差 \+2\.00），二者通常一致，请核实$/,
        },
        { severity: 'info', cells: ['D4'], message: /2101101\+2101102 基本支出 3\.00 ≠/ },
      ],
    },
    ...[
      { housing: 12, severity: 'warning' as const, why: 'function figure larger: warning' },
      { housing: 8, severity: 'info' as const, why: 'economic figure larger (housing money coded elsewhere): note' },
    ].map(({ housing, severity, why }) => ({
      name: `2210201 ↔ 30113, ${why}`,
      workbook: workbook(
        sheet(
          [
            ['2021年一般公共预算支出表', null, null, null],
            ['科目编码', '科目名称', '合计', '基本支出'],
            ['2210201', '住房公积金', m(housing), m(housing)],
          ],
          { name: '一般公共预算支出表', merges: ['A1:D1'] },
        ),
        sheet(
          [
            ['2021年一般公共预算基本支出表', null, null],
            ['科目编码', '科目名称', '合计'],
            ['30113', '住房公积金', m(10)],
          ],
          { name: '基本支出表', merges: ['A1:C1'] },
        ),
      ),
      findings: [{ severity, cells: ['D3'], message: /^2210201 基本支出/ }],
    })),
  ],
});

// format.unit reads the identities the cross rules built while checking them; alone (a rule set without them) it builds
// them itself. Both paths see the same pairs.
describe('format.unit with and without the cross rules it reads', () => {
  const unitFindings = (ruleSet?: readonly Rule[]) =>
    reviewWorkbook(workbook(summary(100, 100), spending(602500, 397500)), ruleSet ? { ruleSet } : {})
      .report.findings.filter((f) => f.rule === unitMixup.meta.id)
      .map((f) => [f.sheet, f.cells, f.message]);

  it('reports the same mix-up in the whole rule set as alone', () => {
    const alone = unitFindings([unitMixup]);
    expect(alone).toHaveLength(1);
    expect(unitFindings()).toEqual(alone);
    expect(unitFindings([crossSummary, unitMixup])).toEqual(alone);
  });

  it('reads every registered rule that declares identities, in catalogue order', () => {
    const declaring = ALL_RULES.filter((r) => 'identities' in r).map((r) => r.meta.id);
    expect(declaring.length).toBeGreaterThan(0);
    expect(IDENTITY_RULE_IDS).toEqual(declaring);
  });
});
