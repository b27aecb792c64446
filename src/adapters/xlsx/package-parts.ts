import { InputError } from './input-error';
import { Token, XmlScanner } from './xml-scanner';
import type { ZipArchive } from './zip-archive';

/**
 * Where a workbook's parts are: followed through the package relationships (`_rels/.rels` → workbook →
 * its `.rels`), as OPC says, rather than guessed from conventional names. Relationship types are matched by their
 * last segment, which transitional and strict OOXML share.
 */

export interface Relationship {
  readonly type: string;
  readonly target: string;
}

export interface SheetEntry {
  readonly name: string;
  readonly state: string | undefined;
  /** The worksheet part, or undefined for a sheet without one (a chart sheet, a dangling relationship). */
  readonly part: string | undefined;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly sharedStrings: string | undefined;
  readonly styles: string | undefined;
}

const typeOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part (absolute targets start at the package root). */
export function resolveTarget(sourcePart: string, target: string): string {
  const trimmed = target.trim();
  const segments = trimmed.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of trimmed.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

export function readRelationships(zip: ZipArchive, sourcePart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const xml = zip.readText(relsPathOf(sourcePart));
  if (xml === undefined) return rels;
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t !== Token.Open || sc.name !== 'Relationship') continue;
    const id = sc.attr('Id');
    const target = sc.attr('Target');
    if (id === undefined || target === undefined || sc.attr('TargetMode') === 'External') continue;
    rels.set(id, { type: typeOf(sc.attr('Type') ?? ''), target: resolveTarget(sourcePart, target) });
  }
  return rels;
}

const firstOfType = (rels: Map<string, Relationship>, type: string) =>
  [...rels.values()].find((r) => r.type === type)?.target;

/** The main workbook part: the package's officeDocument relationship, else the conventional name. */
function workbookPart(zip: ZipArchive): string | undefined {
  const target = firstOfType(readRelationships(zip, ''), 'officeDocument');
  if (target !== undefined && zip.has(target)) return target;
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

function readWorkbookParts(zip: ZipArchive): WorkbookParts | undefined {
  const part = workbookPart(zip);
  if (part === undefined) return undefined;
  const rels = readRelationships(zip, part);
  const xml = zip.readText(part) ?? '';
  const sc = new XmlScanner(xml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t !== Token.Open) continue;
    if (sc.name === 'workbookPr') date1904 = isTrue(sc.attr('date1904'));
    else if (sc.name === 'sheet') {
      const rel = rels.get(sc.attr('id') ?? '');
      const part = rel && rel.type === 'worksheet' && zip.has(rel.target) ? rel.target : undefined;
      sheets.push({ name: sc.attr('name') ?? '', state: sc.attr('state'), part });
    } else if (sc.name === 'extLst') sc.skipElement();
  }
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const found = (type: string, conventional: string) => {
    const target = firstOfType(rels, type);
    if (target !== undefined && zip.has(target)) return target;
    return zip.has(dir + conventional) ? dir + conventional : undefined;
  };
  return {
    sheets,
    date1904,
    sharedStrings: found('sharedStrings', 'sharedStrings.xml'),
    styles: found('styles', 'styles.xml'),
  };
}

/** The workbook's parts, for a reader: a zip that holds none is not a workbook (the same error for every reader). */
export function requireWorkbookParts(zip: ZipArchive, file: string): WorkbookParts {
  const parts = readWorkbookParts(zip);
  if (!parts) throw new InputError('corrupt', file, '文件中找不到工作簿内容（缺少 workbook.xml）');
  return parts;
}
