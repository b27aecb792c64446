import type ExcelJS from 'exceljs';
import { snapshotOf, toCellValue } from './read-xlsx';
import { INPUT_TINT, parseRange, type CellValue, type SheetLayout } from '../../core';
import { MemoryPlatform } from './memory-platform';
import type { PlanTarget } from './plan-writer';
import type { ScanOptions } from '../../platform/types';

/**
 * A workbook held as an ExcelJS workbook in memory: the platform of the CLI's `fill` command and of the preview's
 * downloads. Plans are applied (fills, notes, values, laid-out sheets) by the shared plan writer, exactly as the
 * Office adapter applies them to Excel, recording what they overwrite; the caller writes the workbook back to .xlsx.
 */

/** A fill as a string the plan can carry: "#RRGGBB" for a solid colour, "json:…" for anything else (restored as is). */
function fillKey(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return null;
  if (fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    return `#${fill.fgColor.argb.slice(-6)}`;
  return `json:${JSON.stringify(fill)}`;
}

/** A cell's note as text (ExcelJS keeps rich notes as { texts: [...] }); null = none. */
function noteText(note: ExcelJS.Cell['note']): string | null {
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && 'texts' in note) return (note.texts ?? []).map((t) => t.text).join('');
  return null;
}

function fillOf(key: string): ExcelJS.Fill | undefined {
  if (key.startsWith('json:')) return JSON.parse(key.slice(5)) as ExcelJS.Fill;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${key.slice(1).toUpperCase()}` } };
}

/** An ExcelJS workbook as the plan writer sees it. */
export class ExcelJsTarget implements PlanTarget {
  constructor(private readonly workbook: ExcelJS.Workbook) {}

  private cell(sheet: string, row: number, col: number): ExcelJS.Cell {
    return (this.workbook.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(row + 1, col + 1);
  }

  sheetNames() {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  value(sheet: string, row: number, col: number) {
    return toCellValue(this.cell(sheet, row, col).value);
  }

  isFormula(sheet: string, row: number, col: number) {
    const v = this.cell(sheet, row, col).value;
    return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
  }

  setValue(sheet: string, row: number, col: number, value: CellValue, numberFormat: string | undefined) {
    const c = this.cell(sheet, row, col);
    // Text is stored as text (ExcelJS writes strings as shared strings, never as formulas).
    c.value = value as ExcelJS.CellValue;
    if (numberFormat) c.numFmt = numberFormat;
  }

  fill(sheet: string, row: number, col: number) {
    return fillKey(this.cell(sheet, row, col).fill);
  }

  setFill(sheet: string, row: number, col: number, key: string | null) {
    const c = this.cell(sheet, row, col);
    // ExcelJS shares one style object among cells styled alike: give this cell its own before changing it.
    const style: Partial<ExcelJS.Style> = { ...c.style };
    if (key) style.fill = fillOf(key);
    else delete style.fill;
    c.style = style;
  }

  note(sheet: string, row: number, col: number) {
    return noteText(this.cell(sheet, row, col).note);
  }

  setNote(sheet: string, row: number, col: number, text: string | null) {
    const c = this.cell(sheet, row, col);
    if (text !== null) c.note = text;
    // ExcelJS has no way to remove a note: assigning undefined keeps an empty one, saved as a blank comment box.
    else delete (c as unknown as { _comment?: unknown })._comment;
  }

  addSheet(name: string, values: readonly (readonly CellValue[])[], layout: SheetLayout | undefined) {
    const sheet = this.workbook.addWorksheet(name);
    values.forEach((row) => sheet.addRow(row.map((v) => (v === null || typeof v === 'object' ? null : v))));
    if (!layout) sheet.getColumn(5).width = 80;
    if (layout?.borders) {
      const box = parseRange(layout.borders);
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const cell = sheet.getCell(r + 1, c + 1);
          const thin = { style: 'thin' as const };
          cell.style = {
            ...cell.style,
            border: { top: thin, bottom: thin, left: thin, right: thin },
            alignment: { wrapText: true, vertical: 'middle' },
          };
        }
    }
    for (const m of layout?.merges ?? []) sheet.mergeCells(m);
    layout?.columnWidths?.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    for (const cell of layout?.bold ?? [])
      sheet.getCell(cell).style = { ...sheet.getCell(cell).style, font: { bold: true } };
    for (const cell of layout?.inputs ?? [])
      sheet.getCell(cell).style = { ...sheet.getCell(cell).style, fill: fillOf(INPUT_TINT) as ExcelJS.Fill };
    for (const f of layout?.numberFormats ?? []) sheet.getCell(f.cell).numFmt = f.format;
  }

  deleteSheet(name: string) {
    this.workbook.removeWorksheet((this.workbook.getWorksheet(name) as ExcelJS.Worksheet).id);
  }
}

export class ExcelJsPlatform extends MemoryPlatform {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    language?: string,
  ) {
    super(new ExcelJsTarget(workbook), language);
  }

  async readSnapshot(options: ScanOptions) {
    const snapshot = snapshotOf(this.workbook, this.fileName);
    const cells = snapshot.sheets.reduce((n, s) => n + s.rows.length * s.columnCount, 0);
    options.onProgress?.(cells, cells, snapshot.sheets.at(-1)?.name ?? '');
    return snapshot;
  }
}
