import type { WorkbookSnapshot, WritePlan } from '../../core';
import { DEFAULT_SETTINGS, type ScanOptions, type Settings, type WorkbookPlatform } from '../../platform/types';
import { writePlan, type PlanTarget, type Selection } from './plan-writer';

/**
 * What every workbook held in memory shares as a platform (ExcelJS's for `fill` and downloads, the preview's model):
 * plans go through the one plan writer, listeners hear of every plan (the preview's page redraws), settings live in
 * the browser's storage and the undo log with the workbook in memory.
 */
const SETTINGS_KEY = 'budget-review.settings';

/** The settings kept in the browser's storage (none where there is no storage: the CLI). */
export async function loadStoredSettings(): Promise<Settings> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(SETTINGS_KEY);
    return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) } : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function saveStoredSettings(settings: Settings): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * What a platform of a workbook held outside Excel shares (the in-process MemoryPlatform and the preview's
 * RemoteWorkbook): its language, listeners told of every plan, the undo log in memory, settings in the browser's storage.
 */
export abstract class OutsideExcelPlatform implements WorkbookPlatform {
  readonly kind = 'preview' as const;
  readonly language: 'zh-CN' | 'en-US';
  private listeners = new Set<(selection: Selection | null) => void>();
  private undoLog: WritePlan[] = [];

  protected constructor(language: string = typeof navigator === 'undefined' ? 'zh-CN' : navigator.language) {
    this.language = /^en/i.test(language) ? 'en-US' : 'zh-CN';
  }

  abstract readSnapshot(options: ScanOptions): Promise<WorkbookSnapshot>;
  abstract applyPlan(plan: WritePlan): Promise<WritePlan>;

  /** Called after every plan (with the selection when the plan selects a cell), for the page to redraw. */
  onChange(listener: (selection: Selection | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners a plan was applied. */
  protected changed(selection: Selection | null): void {
    for (const l of this.listeners) l(selection);
  }

  async loadUndoLog(): Promise<WritePlan[]> {
    return this.undoLog;
  }

  async saveUndoLog(plans: readonly WritePlan[]): Promise<void> {
    this.undoLog = [...plans];
  }

  loadSettings(): Promise<Settings> {
    return loadStoredSettings();
  }

  saveSettings(settings: Settings): Promise<void> {
    return saveStoredSettings(settings);
  }
}

export abstract class MemoryPlatform extends OutsideExcelPlatform {
  protected constructor(
    private readonly target: PlanTarget,
    language?: string,
  ) {
    super(language);
  }

  /** Applies a plan with the shared plan writer (see writePlan) and returns it as executed. */
  async applyPlan(plan: WritePlan): Promise<WritePlan> {
    const { executed, selection } = writePlan(this.target, plan);
    this.changed(selection);
    return executed;
  }
}
