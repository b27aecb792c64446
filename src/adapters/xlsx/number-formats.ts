import { Token, XmlScanner } from './xml-scanner';

/**
 * Number formats of a workbook's cell styles (`cellXfs`), and which of them show dates. The built-in table and the
 * reading of format codes follow the ExcelJS path the reports were built on, so both readers yield the same formats.
 */

/** Built-in format codes (ids Excel does not write into styles.xml); locale-dependent ids (27–36, 50–58) have none. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface CellStyle {
  readonly format: string | undefined;
  readonly isDate: boolean;
}

const NO_STYLE: CellStyle = { format: undefined, isDate: false };

/** A format shows a date or time when, outside [brackets] and quoted text, it has a date/time letter. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The cell styles by index (the `s` of a cell). Style 0 carries no format, as on the ExcelJS path. */
export class CellStyles {
  constructor(private readonly styles: readonly CellStyle[]) {}

  static empty(): CellStyles {
    return new CellStyles([]);
  }

  static parse(xml: string): CellStyles {
    const custom = new Map<number, string>();
    const formatIds: number[] = [];
    const sc = new XmlScanner(xml);
    let inCellXfs = false;
    for (let t = sc.next(); t !== Token.End; t = sc.next()) {
      if (t === Token.Close) {
        if (sc.name === 'cellXfs') inCellXfs = false;
        continue;
      }
      if (t !== Token.Open) continue;
      switch (sc.name) {
        case 'numFmt': {
          // A backslash escapes the next character; the ExcelJS path drops the backslash.
          const code = (sc.attr('formatCode') ?? '').replace(/\\(.)/g, '$1');
          custom.set(parseInt(sc.attr('numFmtId') ?? '', 10), code);
          break;
        }
        case 'cellXfs':
          inCellXfs = !sc.selfClosing;
          break;
        case 'xf':
          if (inCellXfs) {
            formatIds.push(parseInt(sc.attr('numFmtId') ?? '0', 10));
            sc.skipElement();
          }
          break;
        case 'extLst':
          sc.skipElement();
          break;
      }
    }
    const cache = new Map<number, CellStyle>();
    const styles = formatIds.map((id) => {
      let style = cache.get(id);
      if (!style) {
        const format = id ? custom.get(id) || BUILT_IN[id] : undefined;
        style = format ? { format, isDate: isDateFormat(format) } : NO_STYLE;
        cache.set(id, style);
      }
      return style;
    });
    return new CellStyles(styles);
  }

  of(index: number): CellStyle {
    return (index > 0 && this.styles[index]) || NO_STYLE;
  }
}
