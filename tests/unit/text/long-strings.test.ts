import fc from 'fast-check';
import { nameKey } from '../../../src/core/catalog/names';
import { parseIndicatorValue } from '../../../src/core/performance/indicator-value';
import { textFacts } from '../../../src/core/recognition/cell-typing';
import { normalizeTitle, typeFromText } from '../../../src/core/recognition/table-type';
import { reviewWorkbook } from '../../../src/core/review';
import { rankOf } from '../../../src/core/rules/table-view';
import { isDateFormat, parseAmount, parseNumericText } from '../../../src/core/text/amount';
import { parseCodeText } from '../../../src/core/text/codes';
import { stripLeader } from '../../../src/core/text/leader';
import { normalizeLabel, stripEnumeration } from '../../../src/core/text/normalize';
import { sheet, workbook } from '../../helpers/grid';

/**
 * Every text pattern runs in linear time on Excel's longest cell (32,767 characters). Backtracking regexes
 * (`(.{2,})支出$`, `[.…\s]{2,}[\d\s]*$`, `经济.*编码$`) took seconds to minutes on such a cell: the strings here repeat a
 * short unit drawn from the characters those patterns care about, the shape that makes a regex retry from every
 * position. A linear pass takes milliseconds; the budgets leave a slow machine a wide margin and still catch n².
 * FUZZ_BUDGET=nightly runs many more strings.
 */
const MAX_CELL = 32_767;
const RUNS = process.env.FUZZ_BUDGET === 'nightly' ? 300 : 12;
const CALL_BUDGET_MS = 400;
const REVIEW_BUDGET_MS = 4_000;

const ALPHABET = [
  ...'支出经济编码代科目功能合计小总无预算拨款收入单位元万年度表附其中一二十、（）()[]【】：:.,，。…·—_-%≥≤=+@#0123456789/',
  ' ',
  '\u3000',
  '\n',
  'a',
  'x',
];

const longText = fc
  .record({
    unit: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
    tail: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 3 }).map((a) => a.join('')),
    length: fc.integer({ min: MAX_CELL - 2000, max: MAX_CELL }),
  })
  .map(({ unit, tail, length }) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length - tail.length) + tail);

function timed(label: string, f: () => unknown, budget: number): void {
  const t = performance.now();
  f();
  const ms = performance.now() - t;
  if (ms > budget) throw new Error(`${label} took ${ms.toFixed(0)} ms on a ${MAX_CELL}-character cell`);
}

const TEXT_FUNCTIONS: readonly [string, (s: string) => unknown][] = [
  ['normalizeLabel', normalizeLabel],
  ['stripEnumeration', (s) => stripEnumeration(normalizeLabel(s))],
  ['nameKey', nameKey],
  ['parseCodeText', parseCodeText],
  ['parseNumericText', parseNumericText],
  ['parseAmount', (s) => parseAmount({ value: s })],
  ['isDateFormat', isDateFormat],
  ['textFacts', (s) => textFacts(normalizeLabel(s))],
  ['normalizeTitle', normalizeTitle],
  ['typeFromText', typeFromText],
  ['rankOf', (s) => rankOf(normalizeLabel(s))],
  ['stripLeader', stripLeader],
  ['parseIndicatorValue', parseIndicatorValue],
];

describe('text patterns on 32,767-character cells', () => {
  it('each text function runs in linear time', () => {
    fc.assert(
      fc.property(longText, (s) => {
        for (const [label, f] of TEXT_FUNCTIONS) timed(label, () => f(s), CALL_BUDGET_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('a review of a table whose title, header, codes, names and amounts are such cells runs in linear time', () => {
    fc.assert(
      fc.property(longText, (s) => {
        const wb = workbook(
          sheet([
            [s, null, null],
            ['单位：万元', null, null],
            ['科目编码', s, '合计'],
            ['2080505', s, 1],
            [s, '机关事业单位职业年金缴费支出', 2],
            ['2080506', '机关事业单位基本养老保险缴费支出', s],
            [s, s, s],
          ]),
          sheet([['目录'], [s], ['一般公共预算支出表' + s]], { name: '目录' }),
        );
        timed('reviewWorkbook', () => reviewWorkbook(wb), REVIEW_BUDGET_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('the cases that were quadratic: a long name ending otherwise than 支出, a leader of spaces, a label of 经济…', () => {
    const cases = [
      '社会保障和就业'.repeat(4681),
      '  1'.repeat(10922) + 'x',
      '经济'.repeat(16383) + '@',
      '支出'.repeat(16383) + '@',
      '0.' + '0'.repeat(MAX_CELL - 3) + '1',
      // A run of digits with no 万元/% after it: the 说明 figure patterns tried every start inside the run.
      '1'.repeat(MAX_CELL),
      '1,'.repeat(16383) + '1',
    ];
    for (const s of cases) for (const [label, f] of TEXT_FUNCTIONS) timed(label, () => f(s), CALL_BUDGET_MS);
    timed(
      'reviewWorkbook',
      () =>
        reviewWorkbook(
          workbook(
            sheet([
              ['科目编码', '科目名称', cases[2] as string],
              ['2080505', cases[0] as string, 1],
            ]),
            sheet([['目录'], [cases[1] as string]], { name: '目录' }),
          ),
        ),
      REVIEW_BUDGET_MS,
    );
    for (const digits of [cases[5] as string, cases[6] as string])
      timed(
        'reviewWorkbook',
        () =>
          reviewWorkbook(
            workbook(sheet([['编制说明'], [digits], [`一般公共预算拨款${digits}`]], { name: '编制说明' })),
          ),
        REVIEW_BUDGET_MS,
      );
  });
});

describe('stripLeader', () => {
  it('removes dot leaders and page numbers', () => {
    expect(stripLeader('一般公共预算支出表……………… 12')).toBe('一般公共预算支出表');
    expect(stripLeader('收支总表 ---- 3')).toBe('收支总表');
    expect(stripLeader('收支总表…3')).toBe('收支总表');
    expect(stripLeader('2021年收支总表')).toBe('2021年收支总表');
    expect(stripLeader('表 1')).toBe('表 1');
  });

  it('removes exactly what the backtracking regex it replaces removed (short strings, where that regex is fast)', () => {
    const OLD = /[.…·．_—\-\s]{2,}[\d\s]*$|[.…·．]+\d*$/;
    const chars = ['.', '…', '·', '．', '_', '—', '-', ' ', '\n', '\u3000', '1', '2', 'a', '表'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 16 }), (a) => {
        const s = a.join('');
        expect(stripLeader(s)).toBe(s.replace(OLD, ''));
      }),
      { numRuns: 5000 },
    );
  });
});
