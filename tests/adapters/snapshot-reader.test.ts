import { strToU8, zipSync } from 'fflate';
import { InputError } from '../../src/adapters/xlsx/input-error';
import { readXlsx } from '../../src/adapters/xlsx/read-xlsx';
import { readXlsxSnapshot } from '../../src/adapters/xlsx/snapshot-reader';
import { decodeEscapes } from '../../src/adapters/xlsx/shared-strings';
import { Token, XmlScanner } from '../../src/adapters/xlsx/xml-scanner';

/** Hand-written packages for what ExcelJS-written workbooks never contain (prefixes, strict OOXML, odd part names). */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

interface Package {
  sheets: { name: string; xml: string; state?: string; part?: string }[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  strict?: boolean;
  prefix?: string;
}

function pkg(p: Package): Uint8Array {
  const rel = p.strict ? STRICT_REL : REL;
  const ns = p.strict ? STRICT : MAIN;
  const x = p.prefix ? `${p.prefix}:` : '';
  const xmlns = p.prefix ? `xmlns:${p.prefix}="${ns}"` : `xmlns="${ns}"`;
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  put(
    '_rels/.rels',
    `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  );
  const rels = p.sheets.map(
    (s, i) => `<Relationship Id="s${i}" Type="${rel}/worksheet" Target="${s.part ?? `worksheets/sheet${i + 1}.xml`}"/>`,
  );
  if (p.sharedStrings) rels.push(`<Relationship Id="ss" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (p.styles) rels.push(`<Relationship Id="st" Type="${rel}/styles" Target="styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', `<Relationships>${rels.join('')}</Relationships>`);
  const sheets = p.sheets
    .map(
      (s, i) => `<${x}sheet name="${s.name}" sheetId="${i + 1}" r:id="s${i}"${s.state ? ` state="${s.state}"` : ''}/>`,
    )
    .join('');
  put(
    'xl/workbook.xml',
    `<?xml version="1.0"?><${x}workbook ${xmlns} xmlns:r="${rel}">${p.workbookPr ?? ''}<${x}sheets>${sheets}</${x}sheets></${x}workbook>`,
  );
  p.sheets.forEach((s, i) => {
    const part = s.part ? `xl/${s.part}` : `xl/worksheets/sheet${i + 1}.xml`;
    put(part, `<${x}worksheet ${xmlns}>${s.xml}</${x}worksheet>`);
  });
  if (p.sharedStrings) put('xl/sharedStrings.xml', `<${x}sst ${xmlns}>${p.sharedStrings}</${x}sst>`);
  if (p.styles) put('xl/styles.xml', `<${x}styleSheet ${xmlns}>${p.styles}</${x}styleSheet>`);
  return zipSync(files);
}

const read = (bytes: Uint8Array) => readXlsxSnapshot(bytes, 'w.xlsx');
const values = (bytes: Uint8Array, sheet = 0) =>
  read(bytes).sheets[sheet]!.rows.map((r) => Array.from(r ?? [], (c) => c?.value ?? null));
const code = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return e instanceof InputError ? e.code : String(e);
  }
};

describe('XML scanner', () => {
  it('gives local names, decoded attributes and text, skips comments, PIs and DOCTYPE, reads CDATA', () => {
    const sc = new XmlScanner(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><!-- c --><x:a b:k="1 &amp; 2" q=\'>\'>t&lt;&#x4e2d;\r\nu<![CDATA[<raw>&amp;]]></x:a>',
    );
    expect(sc.next()).toBe(Token.Open);
    expect(sc.name).toBe('a');
    expect(sc.attr('k')).toBe('1 & 2');
    expect(sc.attr('q')).toBe('>');
    expect(sc.next()).toBe(Token.Text);
    expect(sc.text()).toBe('t<中\nu');
    expect(sc.next()).toBe(Token.Text);
    expect(sc.text()).toBe('<raw>&amp;');
    expect(sc.next()).toBe(Token.Close);
    expect(sc.next()).toBe(Token.End);
  });

  it('is linear: a large flat document scans in proportion to its size', () => {
    const time = (n: number) => {
      const xml = `<r>${'<c r="A1" s="1"><v>1</v></c>'.repeat(n)}</r>`;
      const t0 = performance.now();
      const sc = new XmlScanner(xml);
      let styled = 0;
      while (sc.next() !== Token.End) if (sc.name === 'c' && sc.attr('s')) styled++;
      expect(styled).toBe(n);
      return (performance.now() - t0) / n;
    };
    time(20000);
    expect(time(400000)).toBeLessThan(time(40000) * 3 + 0.001);
  });

  it('decodes _xHHHH_ escapes once, upper-case hex only', () => {
    expect(decodeEscapes('a_x000D_b_x005F_x000D_c_x00zz_')).toBe('a\rb_x000D_c_x00zz_');
  });
});

describe('fflate snapshot reader', () => {
  it('reads prefixed (x:) and strict OOXML parts', () => {
    for (const variant of [{ prefix: 'x' }, { strict: true }, { strict: true, prefix: 'x' }]) {
      const x = variant.prefix ? 'x:' : '';
      const bytes = pkg({
        ...variant,
        sheets: [
          {
            name: '收入',
            xml: `<${x}sheetData><${x}row r="1"><${x}c r="A1" t="s"><${x}v>0</${x}v></${x}c><${x}c r="B1"><${x}v>12.5</${x}v></${x}c></${x}row></${x}sheetData>`,
          },
        ],
        sharedStrings: `<${x}si><${x}t>科目</${x}t></${x}si>`,
      });
      expect(values(bytes)).toEqual([['科目', 12.5]]);
    }
  });

  it('reads rich text runs without phonetic guides, inline strings, escapes and every cell type', () => {
    const bytes = pkg({
      sheets: [
        {
          name: 't',
          xml:
            '<sheetData><row r="1">' +
            '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
            '<c r="C1" t="inlineStr"><is><r><t>行</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 内</t></r></is></c>' +
            '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c>' +
            '<c r="F1"><f>1+1</f></c>' + // formula never calculated: nothing to review
            '<c r="G1"><f t="shared" si="0" ref="G1:G2"/><v>7</v></c>' +
            '</row></sheetData>',
        },
      ],
      sharedStrings:
        '<si><r><t>科目</t></r><r><t>名称_x000D_</t></r><rPh sb="0" eb="1"><t>かもく</t></rPh></si>' +
        '<si><t>a&amp;b</t><rPh><t>x</t></rPh></si>',
    });
    expect(values(bytes)).toEqual([['科目名称\r', 'a&b', '行 内', true, { error: '#DIV/0!' }, null, 7]]);
    expect(read(bytes).sheets[0]!.rows[0]![5]).toEqual({ value: null, uncalculated: true });
  });

  it('keeps number formats of custom and built-in styles, style 0 carrying none', () => {
    const bytes = pkg({
      sheets: [
        {
          name: 't',
          xml: '<sheetData><row r="1"><c r="A1" s="1"><v>1.5</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1" s="3" t="s"><v>0</v></c></row></sheetData>',
        },
      ],
      sharedStrings: '<si><t>文本</t></si>',
      styles:
        '<numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00_ "/></numFmts>' +
        '<cellXfs count="4"><xf numFmtId="10"/><xf numFmtId="176"/><xf numFmtId="10"/><xf numFmtId="49"/></cellXfs>',
    });
    expect(read(bytes).sheets[0]!.rows[0]).toEqual([
      { value: 1.5, format: '#,##0.00_ ' },
      { value: 0.25, format: '0.00%' },
      { value: '文本' },
    ]);
  });

  it('reads 1904 dates as 1900-system serials, as the ExcelJS path does', () => {
    const sheet = { name: 't', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43070</v></c></row></sheetData>' };
    const styles = '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const cell = (workbookPr: string) => read(pkg({ sheets: [sheet], styles, workbookPr })).sheets[0]!.rows[0]![0];
    expect(cell('<workbookPr date1904="1"/>')).toEqual({ value: 44532, format: 'mm-dd-yy' });
    expect(cell('<workbookPr date1904="true"/>')).toEqual({ value: 44532, format: 'mm-dd-yy' });
    expect(cell('')).toEqual({ value: 43070, format: 'mm-dd-yy' });
  });

  it('follows relationships to oddly named parts, skips very hidden sheets, keeps hidden ones', () => {
    const bytes = pkg({
      sheets: [
        {
          name: '隐藏',
          state: 'hidden',
          part: 'data/first.xml',
          xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
        },
        { name: '内部', state: 'veryHidden', xml: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' },
      ],
    });
    expect(read(bytes).sheets.map((s) => s.name)).toEqual(['隐藏']);
  });

  it('numbers rows and cells that omit their reference, and records hidden rows, columns and merges', () => {
    const bytes = pkg({
      sheets: [
        {
          name: 't',
          xml:
            '<cols><col min="2" max="3" hidden="1"/></cols><sheetData>' +
            '<row><c><v>1</v></c><c><v>2</v></c></row><row hidden="1"><c r="C2"><v>3</v></c></row>' +
            '</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>',
        },
      ],
    });
    const s = read(bytes).sheets[0]!;
    expect(s.rows.map((r) => Array.from(r ?? [], (c) => c?.value ?? null))).toEqual([[1], [null, null, 3]]);
    expect(s.hiddenRows).toEqual([1]);
    expect(s.hiddenColumns).toEqual([1, 2]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  // Where the ExcelJS path is wrong; the fflate reader reads what the file says.
  it('keeps a formula’s cached 0 or FALSE (ExcelJS drops falsy results: the cell looked empty)', async () => {
    const bytes = pkg({
      sheets: [
        {
          name: 't',
          xml:
            '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-5</f><v>0</v></c><c r="C1" t="b"><f>A1&gt;9</f><v>0</v></c>' +
            '<c r="D1" t="str"><f>""</f><v></v></c></row></sheetData>',
        },
      ],
    });
    // A calculated "" is blank, not an uncalculated formula.
    expect(read(bytes).sheets[0]!.rows[0]).toEqual([{ value: 5 }, { value: 0 }, { value: false }]);
    const exceljs = (await readXlsx(bytes, 'w.xlsx')).sheets[0]!.rows[0]!;
    expect(exceljs.map((c) => c?.uncalculated ?? c?.value)).toEqual([5, true, true, true]);
  });

  it('decodes a formula’s text result once (ExcelJS decodes entities twice: "&amp;lt;" became "<")', async () => {
    const bytes = pkg({
      sheets: [
        {
          name: 't',
          xml: '<sheetData><row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row></sheetData>',
        },
      ],
    });
    expect(values(bytes)).toEqual([['&lt;']]);
    expect((await readXlsx(bytes, 'w.xlsx')).sheets[0]!.rows[0]![0]!.value).toBe('<');
  });

  it('leaves a date-formatted formula’s text result as text (ExcelJS turned it into a date)', () => {
    const bytes = pkg({
      sheets: [
        { name: 't', xml: '<sheetData><row r="1"><c r="A1" s="1" t="str"><f>"无"</f><v>无</v></c></row></sheetData>' },
      ],
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
    });
    expect(values(bytes)).toEqual([['无']]);
  });

  it('rejects corrupt, foreign and empty files like the ExcelJS path', async () => {
    expect(await code(() => read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('corrupt');
    expect(await code(() => read(strToU8('a,b\n1,2')))).toBe('not_excel');
    expect(await code(() => read(zipSync({ 'word/document.xml': strToU8('<w/>') })))).toBe('corrupt');
    expect(await code(() => read(pkg({ sheets: [{ name: 't', xml: '<sheetData/>' }] })))).toBe('empty');
  });

  it('refuses a zip bomb from its directory, before inflating, with a clear error', async () => {
    const huge = new Uint8Array(40 * 2 ** 20); // zeros: inflates 1000:1
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns:r="${REL}"><sheets><sheet name="a" sheetId="1" r:id="a"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': huge,
    });
    expect(bytes.length).toBeLessThan(2 ** 20);
    const limits = { partBytes: 16 * 2 ** 20, workbookBytes: 64 * 2 ** 20 };
    let error: unknown;
    try {
      readXlsxSnapshot(bytes, 'bomb.xlsx', limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('too_large');
    expect((error as InputError).message).toMatch(/解压后过大.*sheet1\.xml/);
    expect(
      await code(() => readXlsxSnapshot(bytes, 'bomb.xlsx', { partBytes: 64 * 2 ** 20, workbookBytes: 32 * 2 ** 20 })),
    ).toBe('too_large');
  });
});
