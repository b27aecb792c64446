import fc from 'fast-check';
import {
  formatDecimals,
  isDateFormat,
  isPlaceholderText,
  parseAmount,
  parseNumericText,
} from '../../../src/core/text/amount';

describe('parseNumericText', () => {
  it.each([
    ['23,047.39', '23047.39', 2],
    ['23047.39', '23047.39', 2],
    ['１２，３４５．６０', '12345.6', 2],
    ['(123.45)', '-123.45', 2],
    ['（123.45）', '-123.45', 2],
    ['-1,000', '-1000', 0],
    [' 0.50 ', '0.5', 2],
    ['007', '7', 0],
    ['.5', '0.5', 1],
    ['\u22125.00', '-5', 2],
    ['－5.00', '-5', 2],
  ])('%s → %s (%i decimals)', (text, value, decimals) => {
    expect(parseNumericText(text)).toEqual({ value, decimals, percent: false });
  });

  it('reads percentages', () => {
    expect(parseNumericText('12.5%')).toEqual({ value: '12.5', decimals: 1, percent: true });
  });

  it.each(['abc', '12,34', '1,2345', '2021年', '1.2.3', '', '--', '≥90%'])('rejects %p', (text) => {
    expect(parseNumericText(text)).toBeNull();
  });

  it('round-trips any amount written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const sign = int < 0 ? '-' : '';
        const abs = Math.abs(int);
        const text = `${sign}${abs.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
        const parsed = parseNumericText(text);
        const expected = `${abs}.${String(cents).padStart(2, '0')}`.replace(/\.?0+$/, '');
        const canonical = expected === '0' || expected === '' ? '0' : `${sign}${expected}`;
        expect(parsed?.value).toBe(canonical);
        expect(parsed?.decimals).toBe(2);
      }),
    );
  });
});

describe('parseAmount', () => {
  it('keeps blank apart from zero', () => {
    expect(parseAmount(undefined)).toEqual({ kind: 'blank' });
    expect(parseAmount({ value: null })).toEqual({ kind: 'blank' });
    expect(parseAmount({ value: '   ' })).toEqual({ kind: 'blank' });
    expect(parseAmount({ value: 0 })).toMatchObject({ kind: 'number', value: '0' });
  });

  it('takes the displayed decimals from the number format', () => {
    expect(parseAmount({ value: 494.6, format: '#,##0.00' })).toEqual({
      kind: 'number',
      value: '494.6',
      decimals: 2,
      fromText: false,
      percent: false,
    });
    expect(parseAmount({ value: 494.6 })).toMatchObject({ decimals: 1 });
  });

  it('marks numbers stored as text', () => {
    expect(parseAmount({ value: '2,741.62' })).toMatchObject({ kind: 'number', value: '2741.62', fromText: true });
  });

  it.each(['**', '—', '-', '…', '——', '*'])('treats %p as a placeholder', (text) => {
    expect(parseAmount({ value: text })).toEqual({ kind: 'placeholder', text });
    expect(isPlaceholderText(text)).toBe(true);
  });

  it('takes full-width fillers as placeholders', () => {
    expect(parseAmount({ value: '＊＊' })).toEqual({ kind: 'placeholder', text: '＊＊' });
    expect(parseAmount({ value: '——' }).kind).toBe('placeholder');
  });

  it('never turns garbage text into zero', () => {
    expect(parseAmount({ value: '见附表' })).toEqual({ kind: 'invalid', text: '见附表' });
    expect(parseAmount({ value: true })).toEqual({ kind: 'invalid', text: 'true' });
  });

  it('reports Excel errors', () => {
    expect(parseAmount({ value: { error: '#REF!' } })).toEqual({ kind: 'error', text: '#REF!' });
  });

  it('keeps date serials as numbers', () => {
    expect(parseAmount({ value: 44531, format: 'yyyy-mm-dd' })).toMatchObject({ kind: 'number', value: '44531' });
  });
});

describe('number formats', () => {
  it.each([
    ['#,##0.00', 2],
    ['0.0', 1],
    ['#,##0_ ', 0],
    ['0.00%', 2],
    ['#,##0.00;[Red]-#,##0.00', 2],
    ['General', null],
    [undefined, null],
  ])('%p shows %p decimals', (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m/d/yy', true],
    ['#,##0.00', false],
    ['0%', false],
  ])('%p is a date format: %p', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
