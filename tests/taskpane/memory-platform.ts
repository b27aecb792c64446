import type { WritePlan } from '../../src/core/plans/types';
import { applyPlanToSnapshot } from '../../src/core/plans/apply-to-snapshot';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { DEFAULT_SETTINGS, type ScanOptions, type Settings, type WorkbookPlatform } from '../../src/platform/types';

/** A platform over an in-memory snapshot: records every plan, applies values to the snapshot, fails on request. */
export class MemoryPlatform implements WorkbookPlatform {
  readonly kind = 'preview' as const;
  readonly plans: WritePlan[] = [];
  settings: Settings = DEFAULT_SETTINGS;
  undo: WritePlan[] = [];
  failNext: string | null = null;
  constructor(
    public snapshot: WorkbookSnapshot,
    readonly language: 'zh-CN' | 'en-US' = 'zh-CN',
  ) {}
  async readSnapshot(options: ScanOptions) {
    options.onProgress?.(1, 2, this.snapshot.sheets[0]?.name ?? '');
    if (options.signal?.aborted) throw Object.assign(new Error('扫描已取消'), { name: 'ScanCancelled' });
    options.onProgress?.(2, 2, this.snapshot.sheets[0]?.name ?? '');
    return this.snapshot;
  }
  async applyPlan(plan: WritePlan) {
    if (this.failNext) {
      const m = this.failNext;
      this.failNext = null;
      throw new Error(m);
    }
    this.plans.push(plan);
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
    return {
      ...plan,
      actions: plan.actions.map((a) => (a.kind === 'set_fill' ? { ...a, previous: a.cells.map(() => null) } : a)),
    };
  }
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: Settings) {
    this.settings = s;
  }
  async loadUndoLog() {
    return this.undo;
  }
  async saveUndoLog(plans: readonly WritePlan[]) {
    this.undo = [...plans];
  }
}
