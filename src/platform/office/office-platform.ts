/* global Office, Excel */
import * as OfficeHelpers from '@microsoft/office-js-helpers';
import type { WritePlan } from '../../core';
import { DEFAULT_SETTINGS, type ScanOptions, type Settings, type WorkbookPlatform } from '../types';
import { applyPlan } from './apply-plan';
import type { ExcelRunner, HostCapabilities } from './excel-api';
import { ExcelQueue } from './queue';
import { readWorkbookSnapshot } from './read-snapshot';

/**
 * The task pane's platform inside Excel. Every Excel call goes through one queue; settings live with the workbook
 * (document settings: imported catalogs, rule choices, fiscal year) and the user's choices are remembered as defaults
 * for new workbooks (local storage, through office-js-helpers).
 */
const SETTINGS_KEY = 'budget-review.settings';
const UNDO_KEY = 'budget-review.undo';

export class OfficePlatform implements WorkbookPlatform {
  readonly kind = 'excel' as const;
  readonly language: 'zh-CN' | 'en-US';
  readonly theme?: 'light' | 'dark';
  private readonly queue = new ExcelQueue();
  private readonly run: ExcelRunner = (batch) => Excel.run((context) => batch(context));
  private readonly capabilities: HostCapabilities;
  private readonly userDefaults = new OfficeHelpers.Storage<Settings>('budget-review');

  constructor() {
    this.language = /^zh/i.test(Office.context.displayLanguage ?? 'zh-CN') ? 'zh-CN' : 'en-US';
    this.theme = themeOfBackground(Office.context.officeTheme?.bodyBackgroundColor);
    const req = Office.context.requirements;
    this.capabilities = {
      notes: req.isSetSupported('ExcelApi', '1.18'),
      comments: req.isSetSupported('ExcelApi', '1.10'),
    };
  }

  private async workbookName(): Promise<string> {
    const url = Office.context.document.url ?? '';
    return decodeURIComponent(url.split(/[\\/]/).pop() || '当前工作簿');
  }

  async readSnapshot(options: ScanOptions) {
    const name = await this.workbookName();
    return this.queue.run(() => readWorkbookSnapshot(this.run, { name, ...options }));
  }

  applyPlan(plan: WritePlan): Promise<WritePlan> {
    return this.queue.run(() => applyPlan(this.run, plan, this.capabilities));
  }

  async loadUndoLog(): Promise<WritePlan[]> {
    return (Office.context.document.settings.get(UNDO_KEY) as WritePlan[] | null) ?? [];
  }

  saveUndoLog(plans: readonly WritePlan[]): Promise<void> {
    Office.context.document.settings.set(UNDO_KEY, plans);
    return this.saveDocumentSettings();
  }

  private saveDocumentSettings(): Promise<void> {
    return new Promise((resolve, reject) =>
      Office.context.document.settings.saveAsync((r) =>
        r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message)),
      ),
    );
  }

  async loadSettings(): Promise<Settings> {
    const stored = Office.context.document.settings.get(SETTINGS_KEY) as Partial<Settings> | null;
    const defaults = this.userDefaults.get('defaults') ?? DEFAULT_SETTINGS;
    return { ...DEFAULT_SETTINGS, ...defaults, ...(stored ?? {}) };
  }

  saveSettings(settings: Settings): Promise<void> {
    this.userDefaults.set('defaults', { ...settings, catalogs: [], fiscalYear: null });
    Office.context.document.settings.set(SETTINGS_KEY, settings);
    return this.saveDocumentSettings();
  }
}

/** Office's theme from its body background ("#262626" in the black theme): dark when the luminance is low. */
export function themeOfBackground(color: string | undefined): 'light' | 'dark' | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
}
