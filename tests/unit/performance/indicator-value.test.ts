import fc from 'fast-check';
import { formatIndicatorValue, parseIndicatorValue } from '../../../src/core/performance/indicator-value';

describe('indicator values', () => {
  it.each([
    ['≥34475人', { kind: 'numeric', operator: '>=', explicit: true, value: '34475', unit: '人' }],
    ['≥90%', { kind: 'numeric', operator: '>=', explicit: true, value: '90', unit: '%' }],
    ['＜＝10%', { kind: 'numeric', operator: '<=', explicit: true, value: '10', unit: '%' }],
    ['100%', { kind: 'numeric', operator: '=', explicit: false, value: '100', unit: '%' }],
    ['≥2.5元', { kind: 'numeric', operator: '>=', explicit: true, value: '2.5', unit: '元' }],
    ['280元/人/年', { kind: 'numeric', operator: '=', explicit: false, value: '280', unit: '元/人/年' }],
    ['不低于85%', { kind: 'numeric', operator: '>=', explicit: true, value: '85', unit: '%' }],
    ['不高于1,200万元', { kind: 'numeric', operator: '<=', explicit: true, value: '1200', unit: '万元' }],
    ['达到100%', { kind: 'numeric', operator: '>=', explicit: true, value: '100', unit: '%' }],
    ['10次以上', { kind: 'numeric', operator: '>=', explicit: true, value: '10', unit: '次' }],
    ['控制在30天以内', { kind: 'numeric', operator: '<=', explicit: true, value: '30', unit: '天' }],
    ['＞5家', { kind: 'numeric', operator: '>', explicit: true, value: '5', unit: '家' }],
    ['6-9个月', { kind: 'range', low: '6', high: '9', unit: '个月' }],
    ['按时完成', { kind: 'qualitative', text: '按时完成' }],
    ['有效缓解', { kind: 'qualitative', text: '有效缓解' }],
    ['', { kind: 'empty' }],
  ])('%s', (raw, expected) => {
    expect(parseIndicatorValue(raw)).toEqual(expected);
  });

  it('reads numbers stored as numbers', () => {
    expect(parseIndicatorValue(95)).toEqual({
      kind: 'numeric',
      operator: '=',
      explicit: false,
      value: '95',
      unit: null,
    });
  });

  it('round-trips every operator, number and unit', () => {
    const unit = fc.constantFrom(
      '%',
      '万元',
      '元',
      '人',
      '人次',
      '万人',
      '次',
      '个',
      '家',
      '天',
      '月',
      '个月',
      '元/人·年',
      '户',
      '项',
    );
    const value = fc
      .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }))
      .map(([i, f]) => (f ? `${i}.${f}`.replace(/0+$/, '') : String(i)));
    fc.assert(
      fc.property(fc.constantFrom('≥', '≤', '=', '>', '<', ''), value, unit, (op, v, u) => {
        const parsed = parseIndicatorValue(`${op}${v}${u}`);
        expect(parsed).toMatchObject({ kind: 'numeric', value: v, unit: u, explicit: op !== '' });
        expect(formatIndicatorValue(parsed)).toBe(`${op}${v}${u}`);
      }),
    );
  });
});
