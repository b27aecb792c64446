import type { SheetSnapshot, WorkbookSnapshot } from '../../core';
import { InputError } from './input-error';
import { CellStyles } from './number-formats';
import { requireWorkbookParts } from './package-parts';
import { readSharedStrings } from './shared-strings';
import { checkSignature } from './signature';
import { CellBudgetExceeded, readWorksheet } from './worksheet-part';
import { DEFAULT_LIMITS, type SizeLimits, ZipArchive } from './zip-archive';

/**
 * .xlsx bytes → workbook snapshot, reading only what a review needs: the workbook and its relationships, shared
 * strings, the cell styles' number formats, and each worksheet's cells, merged areas and hidden rows and columns.
 * Synchronous and dependency-light (fflate inflates), for the CLI and the preview alike; ExcelJS is for writing.
 * Visible and hidden sheets are read (a hidden one is marked `hidden`); very hidden ones are internal.
 */
const fmt = (n: number | undefined) => (n === undefined ? '不限' : n.toLocaleString('en-US'));

export function readXlsxSnapshot(
  bytes: Uint8Array,
  name: string,
  limits: SizeLimits = DEFAULT_LIMITS,
): WorkbookSnapshot {
  checkSignature(bytes, name);
  let sheets: SheetSnapshot[];
  try {
    const zip = new ZipArchive(bytes, name, limits);
    const parts = requireWorkbookParts(zip, name);
    const wanted = parts.sheets.filter((s) => s.part !== undefined && s.state !== 'veryHidden');
    // Every part this review will inflate, checked against the limits before the first one is inflated.
    zip.checkSizes([parts.sharedStrings, parts.styles, ...wanted.map((s) => s.part)].filter((p) => p !== undefined));
    const strings = parts.sharedStrings ? readSharedStrings(zip.readText(parts.sharedStrings) ?? '') : [];
    const styles = parts.styles ? CellStyles.parse(zip.readText(parts.styles) ?? '') : CellStyles.empty();
    sheets = [];
    let cells = 0;
    for (const s of wanted) {
      const workbookRoom = (limits.workbookCells ?? Infinity) - cells;
      const maxCells = Math.min(limits.sheetCells ?? Infinity, workbookRoom);
      const sheet = readWorksheet(s.name, zip.readText(s.part!) ?? '', {
        strings,
        styles,
        date1904: parts.date1904,
        maxCells,
      });
      for (const row of sheet.rows) if (row) for (const c of row) if (c) cells++;
      sheets.push(s.state === 'hidden' ? { ...sheet, hidden: true } : sheet);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CellBudgetExceeded)
      throw new InputError(
        'too_many_cells',
        name,
        `${e.message}，超过审核上限（每张工作表 ${fmt(limits.sheetCells)}、整个工作簿 ${fmt(limits.workbookCells)} 个）`,
      );
    throw new InputError('corrupt', name, e instanceof Error ? e.message : String(e));
  }
  if (sheets.every((s) => s.rows.length === 0)) throw new InputError('empty', name);
  return { name, sheets };
}
