import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import '../../src/adapters/xlsx/read-file'; // installs zlib as the native inflater, as the CLI does
import { readXlsxSnapshot } from '../../src/adapters/xlsx/snapshot-reader';
import { Token, XmlScanner } from '../../src/adapters/xlsx/xml-scanner';
import { useNativeInflater } from '../../src/adapters/xlsx/zip-archive';

/** zlib (read-file.ts, the CLI) and fflate (the preview) must give the same snapshot and the same refusals. */

const zlib = (data: Uint8Array, size: number) => inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });

function outcome(bytes: Uint8Array, name: string, native: boolean): unknown {
  useNativeInflater(native ? zlib : undefined);
  try {
    return readXlsxSnapshot(bytes, name);
  } catch (e) {
    return { error: (e as Error).name, code: (e as { code?: string }).code, message: (e as Error).message };
  } finally {
    useNativeInflater(zlib);
  }
}

const SHARED = join(__dirname, '../../../shared');
const workbooks = (dir: string) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
};

describe('native inflater (zlib) against fflate', () => {
  const files = [
    ...workbooks(join(SHARED, 'corpus')).filter((_, i) => i % 4 === 0),
    ...workbooks(join(SHARED, 'real-workbooks')),
    join(__dirname, '../../assets/samples/sample-budget.xlsx'),
  ];

  it.each(files)('same snapshot: %s', (file) => {
    const bytes = readFileSync(file);
    const native = outcome(bytes, 'w.xlsx', true);
    expect(native).toHaveProperty('sheets');
    expect(native).toEqual(outcome(bytes, 'w.xlsx', false));
  });

  /** A package whose central directory declares a sheet part's inflated size `delta` bytes off the truth. */
  function lyingSize(delta: number): Uint8Array {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>${'1'.repeat(200)}</v></c></row></sheetData></worksheet>`;
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns:r="${REL}"><sheets><sheet name="a" sheetId="1" r:id="a"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8('xl/worksheets/sheet1.xml');
    for (let at = 0; at + 46 < bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (!name.every((b, i) => bytes[at + 46 + i] === b)) continue;
      view.setUint32(at + 24, view.getUint32(at + 24, true) + delta, true);
      return bytes;
    }
    throw new Error('central entry not found');
  }

  it.each([-1, 1, 1000])('a part declared %i bytes off its size is refused alike', (delta) => {
    const bytes = lyingSize(delta);
    const native = outcome(bytes, 'lie.xlsx', true);
    expect(native).toHaveProperty('code', 'corrupt');
    expect(native).toEqual(outcome(bytes, 'lie.xlsx', false));
  });
});

describe('XmlScanner reads attributes in place as attr() would', () => {
  const open = (xml: string) => {
    const sc = new XmlScanner(xml);
    expect(sc.next()).toBe(Token.Open);
    return sc;
  };

  it.each([
    ['<c r="AB12" s="3"/>', 27, 3],
    ['<x:c x:r="A1" s="0"/>', 0, 0],
    ['<c r="12" s=" 7"/>', -1, 7],
    ['<c r="&#65;B3" s="1x"/>', 27, 1],
    ["<c r='c5' s='12'/>", 2, 12],
    ['<c a:b:r="D4" s=""/>', 3, NaN],
  ])('%s', (xml, column, style) => {
    const sc = open(xml);
    const text = sc.attr('r')!;
    const letters = /^[A-Za-z]*/.exec(text)![0];
    const expected = letters ? [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1;
    expect(sc.attrColumn('r')).toBe(expected);
    expect(sc.attrColumn('r')).toBe(column);
    expect(sc.attrInt('s')).toEqual(parseInt(sc.attr('s')!, 10));
    expect(sc.attrInt('s')).toEqual(style);
    expect(sc.attrInt('t')).toBeUndefined();
    expect(sc.attrColumn('t')).toBeUndefined();
  });

  it('names prefixed and interned elements by their local name', () => {
    const sc = new XmlScanner('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>');
    const names: string[] = [];
    for (let t = sc.next(); t !== Token.End; t = sc.next()) if (t !== Token.Text) names.push(sc.name);
    expect(names).toEqual(['row', 'c', 'v', 'v', 'c', 'row']);
  });
});
