import { CellFills } from './cell-fills';
import { InputError } from './input-error';
import { CellStyles } from './number-formats';
import { readRelationships, requireWorkbookParts } from './package-parts';
import { readSharedStrings, readStringItem } from './shared-strings';
import { checkSignature } from './signature';
import { CellReader, parseRange as parseRef } from './worksheet-part';
import { Token, XmlScanner } from './xml-scanner';
import { ModelSheet, WorkbookModel, type InheritedStyle } from './workbook-model';
import { DEFAULT_LIMITS, type SizeLimits, ZipArchive } from './zip-archive';

/**
 * .xlsx bytes → the preview's workbook model (workbook-model.ts): every cell the file holds, with what it shows, its
 * formula flag, number format, fill and note, the merged areas, row and column styles. The same parts as the
 * snapshot reader (and the same cell rules, through its CellReader), plus the fills of styles.xml and each sheet's
 * comments; the review's snapshot is read by snapshot-reader.ts, untouched by this.
 */
export function readWorkbookModel(bytes: Uint8Array, name: string, limits: SizeLimits = DEFAULT_LIMITS): WorkbookModel {
  checkSignature(bytes, name);
  try {
    const zip = new ZipArchive(bytes, name, limits);
    const parts = requireWorkbookParts(zip, name);
    const wanted = parts.sheets.filter((s) => s.part !== undefined);
    const comments = new Map(wanted.map((s) => [s.part!, commentsPart(zip, s.part!)]));
    zip.checkSizes(
      [parts.sharedStrings, parts.styles, ...wanted.map((s) => s.part), ...comments.values()].filter(
        (p) => p !== undefined,
      ),
    );
    const strings = parts.sharedStrings ? readSharedStrings(zip.readText(parts.sharedStrings) ?? '') : [];
    const stylesXml = parts.styles ? (zip.readText(parts.styles) ?? '') : '';
    const styles = stylesXml ? CellStyles.parse(stylesXml) : CellStyles.empty();
    const fills = stylesXml ? CellFills.parse(stylesXml) : CellFills.empty();
    const sheets = wanted.map((s) => {
      const state = s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible';
      const sheet = new ModelSheet(s.name, state);
      readCells(sheet, zip.readText(s.part!) ?? '', { strings, styles, fills, date1904: parts.date1904 });
      const notes = comments.get(s.part!);
      if (notes) readNotes(sheet, zip.readText(notes) ?? '');
      return sheet;
    });
    return new WorkbookModel(name, sheets);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('corrupt', name, e instanceof Error ? e.message : String(e));
  }
}

interface Context {
  readonly strings: readonly (string | undefined)[];
  readonly styles: CellStyles;
  readonly fills: CellFills;
  readonly date1904: boolean;
}

function commentsPart(zip: ZipArchive, sheetPart: string): string | undefined {
  for (const rel of readRelationships(zip, sheetPart).values())
    if (rel.type === 'comments' && zip.has(rel.target)) return rel.target;
  return undefined;
}

function styleOf(ctx: Context, index: number): InheritedStyle {
  const format = ctx.styles.of(index).format;
  const fill = ctx.fills.of(index);
  return { ...(format && format !== 'General' ? { format } : {}), ...(fill ? { fill } : {}) };
}

function readCells(sheet: ModelSheet, xml: string, ctx: Context): void {
  const sc = new XmlScanner(xml);
  const reader = new CellReader({ strings: ctx.strings, styles: ctx.styles, date1904: ctx.date1904 });
  let row = -1;
  let col = -1;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t !== Token.Open) continue;
    switch (sc.name) {
      case 'row': {
        const r = sc.attrInt('r');
        row = r === undefined ? row + 1 : r - 1;
        col = -1;
        const s = sc.attrInt('s');
        if (s) sheet.rowStyles.set(row, styleOf(ctx, s));
        break;
      }
      case 'c': {
        const ref = sc.attrColumn('r');
        col = ref === undefined ? col + 1 : ref;
        reader.read(sc);
        if (row < 0 || col < 0) break;
        const style = reader.styleIndex ? styleOf(ctx, reader.styleIndex) : {};
        if (reader.value === null && !reader.formula && !style.fill && !style.format) break;
        const cell = sheet.cell(row, col);
        cell.value = reader.value;
        if (reader.formula) cell.formula = true;
        // The cell's own style replaces what it would inherit.
        delete cell.format;
        delete cell.fill;
        if (style.format) cell.format = style.format;
        if (style.fill) cell.fill = style.fill;
        break;
      }
      case 'mergeCell': {
        const range = parseRef(sc.attr('ref') ?? '');
        if (range) sheet.addMerge(range);
        break;
      }
      case 'col': {
        const first = parseInt(sc.attr('min') ?? '0', 10) - 1;
        const last = parseInt(sc.attr('max') ?? '0', 10) - 1;
        const style = parseInt(sc.attr('style') ?? '0', 10);
        if (style && first >= 0) sheet.columnStyles.push([first, last, styleOf(ctx, style)]);
        const width = parseFloat(sc.attr('width') ?? '');
        if (Number.isFinite(width) && first >= 0 && last - first < 256)
          for (let c = first; c <= last; c++) sheet.columnWidths.set(c, width);
        break;
      }
      case 'extLst':
      case 'AlternateContent':
        sc.skipElement();
        break;
    }
  }
}

/** A comments part: each `<comment ref>`'s text, its runs joined (as the cell's note). */
function readNotes(sheet: ModelSheet, xml: string): void {
  const sc = new XmlScanner(xml);
  let ref: string | undefined;
  for (let t = sc.next(); t !== Token.End; t = sc.next()) {
    if (t !== Token.Open) continue;
    if (sc.name === 'comment') ref = sc.attr('ref');
    else if (sc.name === 'text' && ref) {
      const at = parseRef(ref);
      const text = readStringItem(sc, 'text');
      if (at) sheet.cell(at.top, at.left).note = text ?? '';
      ref = undefined;
    }
  }
}
