import { csvText } from '../../../src/core';

describe('csvText: the CSV both the CLI summary and the pane’s 导出问题清单 write', () => {
  it('starts with a byte-order mark, ends lines with CRLF, leaves blanks empty and numbers as they are', () => {
    expect(csvText([['文件', null, 3, '-0.10']])).toBe('\ufeff文件,,3,-0.10\r\n');
  });

  it('quotes separators and quotes, and neutralises text Excel would evaluate as a formula', () => {
    expect(csvText([['a,b', 'say "x"', '=SUM(A1)', '@x', '+1a', '-1,234.5']])).toBe(
      '\ufeff"a,b","say ""x""",\'=SUM(A1),\'@x,\'+1a,"-1,234.5"\r\n',
    );
  });
});
