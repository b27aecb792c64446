import type ExcelJS from 'exceljs';
import { snapshotOf, toCellValue } from '../../adapters/xlsx/read-xlsx';
import { INPUT_TINT, type WriteAction, type WritePlan } from '../../core/plans/types';
import { parseRange } from '../../core/snapshot/address';
import type { CellValue } from '../../core/snapshot/types';
import { DEFAULT_SETTINGS, type ScanOptions, type Settings, type WorkbookPlatform } from '../types';

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

  async applyPlan(plan: WritePlan): Promise<WritePlan> {
    let selection: { sheet: string; range: string } | null = null;
    const executed = plan.actions.map((a): WriteAction => {
      const ws = 'sheet' in a ? this.workbook.getWorksheet(a.sheet) : undefined;
      switch (a.kind) {
        case 'set_fill': {
          if (!ws) throw new Error(`找不到工作表“${a.sheet}”`);
          const previous = a.cells.map((cell) => fillKey(ws.getCell(cell).fill));
          for (const cell of a.cells) {
            // ExcelJS shares one style object among cells styled alike: give this cell its own before changing it.
            const c = ws.getCell(cell);
            const style: Partial<ExcelJS.Style> = { ...c.style };
            if (a.color) style.fill = fillOf(a.color);
            else delete style.fill;
            c.style = style;
          }
          return { ...a, previous: a.previous ?? previous };
        }
        case 'set_note': {
          if (!ws) throw new Error(`找不到工作表“${a.sheet}”`);
          const c = ws.getCell(a.cell);
          const previous = typeof c.note === 'string' ? c.note : null;
          (c as { note?: string }).note = a.text ?? undefined;
          return { ...a, previous };
        }
        case 'set_values': {
          if (!ws) throw new Error(`找不到工作表“${a.sheet}”`);
          const at = ws.getCell(a.at);
          const previous: CellValue[][] = a.values.map((row, i) =>
            row.map((v, j) => {
              const c = ws.getCell(Number(at.row) + i, Number(at.col) + j);
              const old = toCellValue(c.value);
              c.value = v === null || typeof v === 'object' ? null : v;
              return old;
            }),
          );
          return { ...a, previous };
        }
        case 'add_sheet': {
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
          return a;
        }
        case 'delete_sheet': {
          const sheet = this.workbook.getWorksheet(a.sheet);
          if (sheet) this.workbook.removeWorksheet(sheet.id);
          return a;
        }
        case 'select':
          selection = { sheet: a.sheet, range: a.range };
          return a;
      }
    });
    for (const l of this.listeners) l(selection);
    return { ...plan, actions: executed };
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
