import fc from 'fast-check';
import {
  classifyCode,
  codeLevel,
  parentCode,
  parseCodeCell,
  parseCodePart,
  parseCodeText,
} from '../../../src/core/text/codes';

describe('parseCodeCell', () => {
  it('reads codes stored as numbers or text', () => {
    expect(parseCodeCell({ value: 2080505 })).toEqual({ code: '2080505', classification: 'function' });
    expect(parseCodeCell({ value: '20805' })).toEqual({ code: '20805', classification: 'function' });
    expect(parseCodeCell({ value: ' 208 ' })).toEqual({ code: '208', classification: 'function' });
    expect(parseCodeCell({ value: '30101' })).toEqual({ code: '30101', classification: 'economic' });
    expect(parseCodeCell({ value: 50101 })).toEqual({ code: '50101', classification: 'government_economic' });
  });

  it('reads a code exported as the displayed text of a number with a decimal format', () => {
    expect(parseCodeCell({ value: '201.00' })).toEqual({ code: '201', classification: 'function' });
    expect(parseCodeCell({ value: '2010301.00' })).toEqual({ code: '2010301', classification: 'function' });
    expect(parseCodeCell({ value: '３０１０１．００' })).toEqual({ code: '30101', classification: 'economic' });
    expect(parseCodePart({ value: '201.00' }, 'class')).toBe('201');
    // No 款 is 00: 201.00 is not 201-00.
    expect(parseCodeText('201.00 一般公共服务支出')?.code).not.toBe('20100');
  });

  it.each([
    ['2080505-机关事业单位基本养老保险缴费支出', '2080505', '机关事业单位基本养老保险缴费支出'],
    ['2080505 机关事业单位基本养老保险缴费支出', '2080505', '机关事业单位基本养老保险缴费支出'],
    ['2080505机关事业单位基本养老保险缴费支出', '2080505', '机关事业单位基本养老保险缴费支出'],
    ['[30101]基本工资', '30101', '基本工资'],
    ['【208】社会保障和就业支出', '208', '社会保障和就业支出'],
    ['208-05-05 机关事业单位基本养老保险缴费支出', '2080505', '机关事业单位基本养老保险缴费支出'],
    ['208.05 行政事业单位养老支出', '20805', '行政事业单位养老支出'],
  ])('splits %p into code and name', (text, code, name) => {
    expect(parseCodeText(text)).toMatchObject({ code, name });
  });

  it.each([[3.5], [445001], [2021], [0], ['2080505元'], ['12.5'], ['合计'], [''], ['208.5'], ['2021-12-01']])(
    'rejects %p',
    (value) => {
      expect(parseCodeCell({ value })).toBeNull();
    },
  );

  it('reads any well-formed function code back from text and number forms', () => {
    const code = fc
      .tuple(fc.integer({ min: 1, max: 34 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
      .map(([c, s, i]) => `2${String(c).padStart(2, '0')}${String(s).padStart(2, '0')}${String(i).padStart(2, '0')}`);
    fc.assert(
      fc.property(code, fc.constantFrom('', ' ', '-', '　'), (c, sep) => {
        expect(parseCodeCell({ value: Number(c) })?.code).toBe(c);
        expect(parseCodeText(`${c}${sep}某项支出`)).toEqual({ code: c, classification: 'function', name: '某项支出' });
      }),
    );
  });
});

describe('code structure', () => {
  it('knows levels and parents', () => {
    expect(codeLevel('208')).toBe(1);
    expect(codeLevel('20805')).toBe(2);
    expect(codeLevel('2080505')).toBe(3);
    expect(parentCode('2080505')).toBe('20805');
    expect(parentCode('20805')).toBe('208');
    expect(parentCode('208')).toBeNull();
    expect(classifyCode('2080')).toBeNull();
    expect(classifyCode('3010101')).toBeNull();
  });
});

describe('parseCodePart', () => {
  it('pads relative 款/项 parts to two digits', () => {
    expect(parseCodePart({ value: '02' }, 'section')).toBe('02');
    expect(parseCodePart({ value: 5 }, 'item')).toBe('05');
    expect(parseCodePart({ value: 205 }, 'class')).toBe('205');
  });
  it('accepts a full code repeated in a part column', () => {
    expect(parseCodePart({ value: '20502' }, 'section')).toBe('02');
    expect(parseCodePart({ value: 2050205 }, 'item')).toBe('05');
  });
  it('rejects text and odd widths', () => {
    expect(parseCodePart({ value: '…' }, 'section')).toBeNull();
    expect(parseCodePart({ value: '2050' }, 'section')).toBeNull();
    expect(parseCodePart(undefined, 'item')).toBeNull();
  });
});
