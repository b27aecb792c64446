import fc from 'fast-check';
import { normalizeLabel, stripEnumeration, toHalfWidth } from '../../../src/core/text/normalize';

describe('normalizeLabel', () => {
  it('removes spaces, quotes and full-width forms', () => {
    expect(normalizeLabel('合 计')).toBe('合计');
    expect(normalizeLabel('项  目')).toBe('项目');
    expect(normalizeLabel('“三公”经费')).toBe('三公经费');
    expect(normalizeLabel('单位：万元（保留２位）')).toBe('单位:万元(保留2位)');
    expect(toHalfWidth('ＡＢＣ　１')).toBe('ABC 1');
  });
  it('strips enumeration prefixes', () => {
    expect(stripEnumeration('八、社会保障和就业支出')).toBe('社会保障和就业支出');
    expect(stripEnumeration('(十)卫生健康支出')).toBe('卫生健康支出');
    expect(stripEnumeration('1、工资福利支出')).toBe('工资福利支出');
    expect(stripEnumeration('其中:公务用车购置费')).toBe('公务用车购置费');
    expect(stripEnumeration('2080505')).toBe('2080505');
    expect(stripEnumeration('一般公共服务支出')).toBe('一般公共服务支出');
    expect(stripEnumeration('一、一般公共服务支出')).toBe('一般公共服务支出');
    expect(stripEnumeration('（二）一般行政管理事务')).toBe('一般行政管理事务');
    expect(stripEnumeration('1号楼维修')).toBe('1号楼维修');
    expect(stripEnumeration('2.5万元')).toBe('2.5万元');
  });
});

describe('normalizeLabel in one pass', () => {
  /** The definition: toHalfWidth, then whitespace and quotes removed, 【】： mapped. */
  const reference = (text: string) =>
    [...text]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
        return code === 0x3000 ? ' ' : ch;
      })
      .join('')
      .replace(/[\s\u00a0\u3000]+/g, '')
      .replace(/[“”‘’"'「」『』]/g, '')
      .replace(/【/g, '[')
      .replace(/】/g, ']')
      .replace(/：/g, ':');
  const alphabet = [
    ...'合计项目一般公共预算（）()【】[]：:“”‘’"\'「」『』 \t\n\u00a0\u3000\u2003\ufeff\u2028ＡＢ１２，。xX表续',
    '\uff01',
    '\uff5e',
    '\uff00',
    '\uff5f',
    '𠀀',
  ];
  it('equals the regex chain on texts of full-width forms, spaces, quotes and brackets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(normalizeLabel(text)).toBe(reference(text));
        expect(toHalfWidth(text)).toBe(
          [...text]
            .map((ch) => {
              const code = ch.charCodeAt(0);
              if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
              return code === 0x3000 ? ' ' : ch;
            })
            .join(''),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
