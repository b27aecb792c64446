import type ExcelJS from 'exceljs';
import { snapshotOf, toCellValue } from './read-xlsx';
import {
  sameCellValue,
  sameFill,
  sameNote,
  INPUT_TINT,
  type SkippedWrite,
  type WriteAction,
  type WritePlan,
  parseRange,
  isCellError,
  type CellValue,
} from '../../core';
import { DEFAULT_SETTINGS, type ScanOptions, type Settings, type WorkbookPlatform } from '../../platform/types';

/**
 * A workbook held as an ExcelJS workbook in memory: the platform of the browser preview (whose page redraws its grid
 * when told) and of the CLI's `fill` command. Plans are applied (fills, notes, values, laid-out sheets) exactly as the
 * Office adapter applies them to Excel, recording what they overwrite; the caller writes the workbook back to .xlsx.
 */
const SETTINGS_KEY = 'budget-review.settings';

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

export class ExcelJsPlatform implements WorkbookPlatform {
  readonly kind = 'preview' as const;
  readonly language: 'zh-CN' | 'en-US';
  private listeners = new Set<(selection: { sheet: string; range: string } | null) => void>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    language: string = typeof navigator === 'undefined' ? 'zh-CN' : navigator.language,
  ) {
    this.language = /^en/i.test(language) ? 'en-US' : 'zh-CN';
  }

  /** Called after every plan (with the selection when the plan selects a cell), for the page to redraw. */
  onChange(listener: (selection: { sheet: string; range: string } | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async readSnapshot(options: ScanOptions) {
    const snapshot = snapshotOf(this.workbook, this.fileName);
    const cells = snapshot.sheets.reduce((n, s) => n + s.rows.length * s.columnCount, 0);
    options.onProgress?.(cells, cells, snapshot.sheets.at(-1)?.name ?? '');
    return snapshot;
  }

  /**
   * Applies a plan as the Office adapter does: a cell that no longer holds what the plan expects (its `previous`
   * value, fill or note) is left alone and listed in `skipped`, an action on a missing sheet is skipped as failed, and
   * the returned plan holds only what was written. Text is stored as text (ExcelJS writes strings as shared strings,
   * never as formulas).
   */
  async applyPlan(plan: WritePlan): Promise<WritePlan> {
    let selection: { sheet: string; range: string } | null = null;
    const skipped: SkippedWrite[] = [];
    const executed: WriteAction[] = [];
    const missing = (sheet: string, cells: readonly string[]) => {
      for (const cell of cells) skipped.push({ sheet, cell, reason: 'failed' });
    };
    for (const a of plan.actions) {
      const ws = 'sheet' in a ? this.workbook.getWorksheet(a.sheet) : undefined;
      switch (a.kind) {
        case 'set_fill': {
          if (!ws) {
            missing(a.sheet, a.cells);
            break;
          }
          const cells: string[] = [];
          const previous: (string | null)[] = [];
          a.cells.forEach((cell, i) => {
            const c = ws.getCell(cell);
            const now = fillKey(c.fill);
            if (a.previous && !sameFill(now, a.previous[i])) {
              skipped.push({ sheet: a.sheet, cell, reason: 'changed' });
              return;
            }
            // ExcelJS shares one style object among cells styled alike: give this cell its own before changing it.
            const style: Partial<ExcelJS.Style> = { ...c.style };
            if (a.color) style.fill = fillOf(a.color);
            else delete style.fill;
            c.style = style;
            cells.push(cell);
            previous.push(now);
          });
          if (cells.length) executed.push({ ...a, cells, previous });
          break;
        }
        case 'set_note': {
          if (!ws) {
            missing(a.sheet, [a.cell]);
            break;
          }
          const c = ws.getCell(a.cell);
          const previous = noteText(c.note);
          if (a.previous !== undefined && !sameNote(previous, a.previous)) {
            skipped.push({ sheet: a.sheet, cell: a.cell, reason: 'changed' });
            break;
          }
          if (a.text !== null) c.note = a.text;
          // ExcelJS has no way to remove a note: assigning undefined keeps an empty one, saved as a blank comment box.
          else delete (c as unknown as { _comment?: unknown })._comment;
          executed.push({ ...a, previous });
          break;
        }
        case 'set_values': {
          if (!ws) {
            missing(a.sheet, [a.at]);
            break;
          }
          const at = ws.getCell(a.at);
          const written: { r: number; c: number; previous: CellValue }[] = [];
          a.values.forEach((row, i) =>
            row.forEach((v, j) => {
              const c = ws.getCell(Number(at.row) + i, Number(at.col) + j);
              const old = toCellValue(c.value);
              const isFormula =
                typeof c.value === 'object' && c.value !== null && ('formula' in c.value || 'sharedFormula' in c.value);
              if (isFormula || !sameCellValue(old, a.previous[i]?.[j] ?? null)) {
                skipped.push({ sheet: a.sheet, cell: c.address, reason: 'changed' });
                return;
              }
              // An error value (restored by an undo) goes back as the error it was, not as an empty cell.
              c.value = v === null ? null : isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue['error'] } : v;
              if (a.numberFormat) c.numFmt = a.numberFormat;
              written.push({ r: i, c: j, previous: old });
            }),
          );
          const total = a.values.reduce((n, row) => n + row.length, 0);
          if (written.length === total) {
            let k = 0;
            executed.push({ ...a, previous: a.values.map((row) => row.map(() => written[k++]?.previous ?? null)) });
          } else
            for (const w of written)
              executed.push({
                ...a,
                at: ws.getCell(Number(at.row) + w.r, Number(at.col) + w.c).address,
                values: [[a.values[w.r]?.[w.c] ?? null]],
                previous: [[w.previous]],
              });
          break;
        }
        case 'add_sheet': {
          if (this.workbook.worksheets.some((w) => w.name.toLowerCase() === a.sheet.toLowerCase())) {
            skipped.push({ sheet: a.sheet, cell: '', reason: 'changed' });
            break;
          }
          const sheet = this.workbook.addWorksheet(a.sheet);
          a.values.forEach((row) => sheet.addRow(row.map((v) => (v === null || typeof v === 'object' ? null : v))));
          const layout = a.layout;
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
          executed.push(a);
          break;
        }
        case 'delete_sheet': {
          const sheet = this.workbook.getWorksheet(a.sheet);
          if (!sheet) {
            missing(a.sheet, ['']);
            break;
          }
          this.workbook.removeWorksheet(sheet.id);
          executed.push(a);
          break;
        }
        case 'select':
          selection = { sheet: a.sheet, range: a.range };
          executed.push(a);
          break;
      }
    }
    // Sheets just inserted (绩效目标表) are shown: the first of them, unless the plan selects something itself.
    const added = executed.find((a) => a.kind === 'add_sheet');
    if (!selection && added) selection = { sheet: added.sheet, range: 'A1' };
    for (const l of this.listeners) l(selection);
    return skipped.length ? { ...plan, actions: executed, skipped } : { ...plan, actions: executed };
  }

  private undoLog: WritePlan[] = [];

  async loadUndoLog(): Promise<WritePlan[]> {
    return this.undoLog;
  }

  async saveUndoLog(plans: readonly WritePlan[]): Promise<void> {
    this.undoLog = [...plans];
  }

  async loadSettings(): Promise<Settings> {
    try {
      const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(SETTINGS_KEY);
      return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) } : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    if (typeof localStorage !== 'undefined') localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  }
}
