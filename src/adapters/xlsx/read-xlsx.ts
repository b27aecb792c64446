import ExcelJS from 'exceljs';
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core';
import { InputError } from './input-error';
import { checkSignature } from './signature';
import { ZipArchive } from './zip-archive';

/**
 * .xlsx → workbook snapshot (ExcelJS): the workbook the preview and `fill` write into, and the reference the fflate
 * snapshot reader (snapshot-reader.ts) is tested against. Only cells holding a value count
 * toward the used range: templates style whole columns out to IV, which must not widen the sheet.
 */

const MERGE_TYPE = 1; // ExcelJS ValueType.Merge: a follower cell of a merged area
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export { checkSignature };

type ExcelJsValue = ExcelJS.CellValue;

/** ExcelJS cell value → snapshot value. Dates go back to serial numbers: the core decides what they mean. */
export function toCellValue(v: ExcelJsValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJsValue }).result;
      return result === undefined ? null : toCellValue(result);
    }
    if ('text' in v) return toCellValue((v as { text: ExcelJsValue }).text);
  }
  return null;
}

/** A formula the file holds no result for (written by a program, never calculated): not blank, not 0. */
export function isUncalculatedFormula(v: ExcelJsValue): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    ('formula' in v || 'sharedFormula' in v) &&
    (v as { result?: ExcelJsValue }).result === undefined
  );
}

const UNCALCULATED: Cell = { value: null, uncalculated: true };

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  let lastRow = -1;
  let columnCount = 0;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const cells: (Cell | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE_TYPE) return;
      const value = toCellValue(cell.value);
      if (value === null && isUncalculatedFormula(cell.value)) {
        cells[colNumber - 1] = UNCALCULATED;
        any = true;
        if (colNumber > columnCount) columnCount = colNumber;
        return;
      }
      if (value === null || value === '') return;
      // Number formats matter for numbers only (decimals shown, dates); text keeps none.
      const format = typeof value === 'number' ? cell.numFmt : undefined;
      cells[colNumber - 1] = format && format !== 'General' ? { value, format } : { value };
      any = true;
      if (colNumber > columnCount) columnCount = colNumber;
    });
    if (any) {
      rows[r] = cells;
      lastRow = r;
    }
  });
  rows.length = lastRow + 1;
  const merges: CellRange[] = [];
  const raw = (
    ws as unknown as {
      _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
    }
  )._merges;
  for (const m of Object.values(raw ?? {})) {
    const { top, left, bottom, right } = m.model;
    if (top - 1 > lastRow || left - 1 >= columnCount) continue;
    merges.push({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
  }
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  const sheet = { name: ws.name, rows, columnCount, merges, hiddenRows, hiddenColumns };
  return ws.state === 'hidden' ? { ...sheet, hidden: true } : sheet;
}

/** Reads .xlsx bytes into a snapshot; throws InputError for anything that is not a readable, non-empty workbook. */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  return snapshotOf(await loadXlsx(bytes, name), name);
}

/** Loads .xlsx bytes with ExcelJS (the preview keeps the workbook to write plans into and download). */
export async function loadXlsx(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  checkSignature(bytes, name);
  // The same inflated-size limits as the snapshot reader, checked from the zip directory before ExcelJS inflates.
  const zip = new ZipArchive(bytes, name);
  zip.checkSizes(zip.names());
  const wb = new ExcelJS.Workbook();
  try {
    const view =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    await wb.xlsx.load(view as ArrayBuffer);
  } catch (e) {
    throw new InputError('corrupt', name, e instanceof Error ? e.message : String(e));
  }
  return wb;
}

/** An ExcelJS workbook → snapshot (visible and hidden sheets, the hidden marked; very hidden ones are internal). */
export function snapshotOf(wb: ExcelJS.Workbook, name: string): WorkbookSnapshot {
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(readSheet);
  if (sheets.every((s) => s.rows.length === 0)) throw new InputError('empty', name);
  return { name, sheets };
}
