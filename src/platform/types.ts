import type { CatalogData, WritePlan, RuleConfig, WorkbookSnapshot } from '../core';

/**
 * What the task pane needs from where the workbook lives — Excel (Office.js) or the browser preview (ExcelJS). The
 * task pane only orchestrates: it reads a snapshot, runs the pure engine, and hands write plans back to the platform.
 */
export interface ScanOptions {
  readonly onProgress?: (done: number, total: number, sheet: string) => void;
  readonly signal?: AbortSignal;
}

export interface Settings {
  readonly rules: RuleConfig;
  /** Overrides the fiscal year read from the workbook. */
  readonly fiscalYear: number | null;
  /** Also colour info findings when marking. */
  readonly markInfo: boolean;
  /** Official catalogs the user imported (kept with the workbook in Excel). */
  readonly catalogs: readonly CatalogData[];
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, fiscalYear: null, markInfo: false, catalogs: [] };

export interface WorkbookPlatform {
  readonly kind: 'excel' | 'preview';
  readonly language: 'zh-CN' | 'en-US';
  /** The host's theme when it has one (Office's own theme); the pane otherwise follows the browser. */
  readonly theme?: 'light' | 'dark' | 'highContrast';
  readSnapshot(options: ScanOptions): Promise<WorkbookSnapshot>;
  /** Applies a plan and returns it as executed (with what it overwrote), ready to be undone with invertPlan. */
  applyPlan(plan: WritePlan): Promise<WritePlan>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Executed plans not yet undone (marks to clear), kept with the workbook so a reopened pane can still undo them. */
  loadUndoLog(): Promise<WritePlan[]>;
  saveUndoLog(plans: readonly WritePlan[]): Promise<void>;
}
