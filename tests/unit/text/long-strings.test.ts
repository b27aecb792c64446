import fc from 'fast-check';
import { nameKey } from '../../../src/core/catalog/names';
import { parseIndicatorValue } from '../../../src/core/performance/indicator-value';
import { textFacts } from '../../../src/core/recognition/cell-typing';
import { normalizeTitle, typeFromText } from '../../../src/core/recognition/table-type';
import { reviewWorkbook } from '../../../src/core/review';
import { rankOf } from '../../../src/core/model/tables';
import { isDateFormat, parseAmount, parseNumericText } from '../../../src/core/text/amount';
import { parseCodeText } from '../../../src/core/text/codes';
import { stripLeader } from '../../../src/core/text/leader';
import { normalizeLabel, stripEnumeration } from '../../../src/core/text/normalize';
import { sheet, workbook } from '../../helpers/grid';

/**
 * Every text pattern runs in linear time on Excel's longest cell (32,767 characters). Backtracking regexes
 * (`(.{2,})支出$`, `[.…\s]{2,}[\d\s]*$`, `经济.*编码$`) took seconds to minutes on such a cell: the strings here repeat a
 * short unit drawn from the characters those patterns care about, the shape that makes a regex retry from every
 * position. Linearity is judged by growth, not by a wall-clock budget (a loaded CI machine slows every call alike):
 * a call that is slow on the full cell is timed again on an eighth of it, and fails only when eight times the text
 * took far more than eight times as long (quadratic grows 64×). FUZZ_BUDGET=nightly runs many more strings.
 */
const MAX_CELL = 32_767;
const RUNS = process.env.FUZZ_BUDGET === 'nightly' ? 300 : 12;
/** Below these a call is fast enough that its growth is not worth measuring (quadratic on 32,767 characters is seconds). */
const CALL_FLOOR_MS = 60;
const REVIEW_FLOOR_MS = 1_500;
const SHRINK = 8;
/** Linear growth over ×8 is ~8; quadratic is ~64. The margin absorbs noise and constant costs. */
const MAX_GROWTH = 24;

const ALPHABET = [
  ...'支出经济编码代科目功能合计小总无预算拨款收入单位元万年度表附其中一二十、（）()[]【】：:.,，。…·—_-%≥≤=+@#0123456789/',
  ' ',
  '\u3000',
  '\n',
  'a',
  'x',
];

/** A cell of a given length that repeats a short unit and ends with a short tail. */
type Build = (length: number) => string;

const longText = fc
  .record({
    unit: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
    tail: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 3 }).map((a) => a.join('')),
    slack: fc.integer({ min: 0, max: 2000 }),
  })
  .map(
    ({ unit, tail, slack }): Build =>
      (length) =>
        unit.repeat(Math.ceil(length / unit.length)).slice(0, Math.max(0, length - slack - tail.length)) + tail,
  );

function elapsed(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** Throws when `f` is slow on a full cell and grows much faster than the text does (best of three, alternated). */
function linear<T>(label: string, f: (input: T) => unknown, build: (length: number) => T, floorMs: number): void {
  const full = build(MAX_CELL);
  let long = elapsed(() => f(full));
  if (long <= floorMs) return;
  const part = build(Math.floor(MAX_CELL / SHRINK));
  let short = Infinity;
  for (let i = 0; i < 3; i++) {
    short = Math.min(
      short,
      elapsed(() => f(part)),
    );
    long = Math.min(
      long,
      elapsed(() => f(full)),
    );
  }
  const growth = long / Math.max(short, 1);
  if (long > floorMs && growth > MAX_GROWTH)
    throw new Error(
      `${label}: ${long.toFixed(0)} ms on ${MAX_CELL} characters, ${growth.toFixed(0)}× the time on 1/${SHRINK}`,
    );
}

/** A fixed case: its own repeating structure scaled down by cutting it. */
const cut =
  (s: string): Build =>
  (length) =>
    s.slice(0, length - 1) + s.slice(-1);

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
      fc.property(longText, (build) => {
        for (const [label, f] of TEXT_FUNCTIONS) linear(label, f, build, CALL_FLOOR_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('a review of a table whose title, header, codes, names and amounts are such cells runs in linear time', () => {
    fc.assert(
      fc.property(longText, (build) => {
        const table = (s: string) =>
          workbook(
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
        linear('reviewWorkbook', reviewWorkbook, (length) => table(build(length)), REVIEW_FLOOR_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('the growth check catches a backtracking pattern (the leader regex stripLeader replaced)', () => {
    const backtracking = /[.…·．_—\-\s]{2,}[\d\s]*$/;
    expect(() =>
      linear('old leader', (s: string) => s.replace(backtracking, ''), cut('  1'.repeat(10922) + 'x'), CALL_FLOOR_MS),
    ).toThrow(/old leader: \d+ ms/);
  });

  it('the cases that were quadratic: a long name ending otherwise than 支出, a leader of spaces, a label of 经济…', () => {
    const name = cut('社会保障和就业'.repeat(4681));
    const leader = cut('  1'.repeat(10922) + 'x');
    const economic = cut('经济'.repeat(16383) + '@');
    const cases: Build[] = [
      name,
      leader,
      economic,
      cut('支出'.repeat(16383) + '@'),
      (length) => '0.' + '0'.repeat(length - 3) + '1',
      // A run of digits with no 万元/% after it: the 说明 figure patterns tried every start inside the run.
      (length) => '1'.repeat(length),
      cut('1,'.repeat(16383) + '1'),
    ];
    for (const build of cases) for (const [label, f] of TEXT_FUNCTIONS) linear(label, f, build, CALL_FLOOR_MS);
    linear(
      'reviewWorkbook',
      reviewWorkbook,
      (length) =>
        workbook(
          sheet([
            ['科目编码', '科目名称', economic(length)],
            ['2080505', name(length), 1],
          ]),
          sheet([['目录'], [leader(length)]], { name: '目录' }),
        ),
      REVIEW_FLOOR_MS,
    );
    for (const digits of [cases[5], cases[6]] as Build[])
      linear(
        'reviewWorkbook',
        reviewWorkbook,
        (length) =>
          workbook(
            sheet([['编制说明'], [digits(length)], [`一般公共预算拨款${digits(length)}`]], { name: '编制说明' }),
          ),
        REVIEW_FLOOR_MS,
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
