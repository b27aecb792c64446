import type { Selection } from '../adapters/xlsx/plan-writer';
import type { WorkbookSnapshot, WritePlan } from '../core';
import { OutsideExcelPlatform } from '../adapters/xlsx/memory-platform';
import type { GridView, SheetTab } from './grid-view';
import type { WorkbookRequest } from './workbook-worker';

/**
 * The preview's platform as the page holds it: the workbook lives in the workbook worker (workbook-worker.ts), which
 * applies plans and draws sheets; this side keeps the file's bytes and every plan in order (what 下载工作簿 replays
 * with ExcelJS), the undo log, the settings, and tells the page what changed.
 */
/** A plan as the pane asked for it and as the worker executed it. */
export interface AppliedPlan {
  readonly requested: WritePlan;
  readonly executed: WritePlan;
}

type Reply = { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

let nextId = 1;

/** Questions to the workbook worker; replies are matched by id (ids are unique across files). */
export class WorkbookWorker {
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if ('result' in e.data) p.resolve(e.data.result);
      else p.reject(Object.assign(new Error(e.data.error.message), { name: e.data.error.name }));
    };
  }

  ask<R>(request: WorkbookRequest, transfer: Transferable[] = []): Promise<R> {
    const id = nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...request }, transfer);
    });
  }
}

export class RemoteWorkbook extends OutsideExcelPlatform {
  /** The sheets, once the worker has read the file; then after every plan. */
  readonly ready: Promise<readonly SheetTab[]>;
  sheets: readonly SheetTab[] = [];
  readonly applied: AppliedPlan[] = [];

  constructor(
    private readonly worker: WorkbookWorker,
    /** The file as opened (kept for 下载工作簿, which replays the plans on it). */
    readonly bytes: Uint8Array,
    readonly fileName: string,
    language?: string,
  ) {
    super(language);
    const copy = bytes.slice();
    this.ready = worker.ask<SheetTab[]>({ method: 'open', args: [copy, fileName] }, [copy.buffer]).then((tabs) => {
      this.sheets = tabs;
      return tabs;
    });
  }

  async view(sheet: string, maxRows: number, maxCols: number): Promise<GridView> {
    await this.ready;
    return this.worker.ask<GridView>({ method: 'view', args: [sheet, maxRows, maxCols] });
  }

  /** The preview's review engine reads the file itself: the pane never asks the platform for a snapshot. */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return Promise.reject(new Error('预览的审核程序直接读取文件'));
  }

  async applyPlan(plan: WritePlan): Promise<WritePlan> {
    await this.ready;
    const { executed, selection, sheets } = await this.worker.ask<{
      executed: WritePlan;
      selection: Selection | null;
      sheets: SheetTab[];
    }>({ method: 'applyPlan', args: [plan] });
    this.sheets = sheets;
    // Every plan that may write (even one whose cells were all skipped here): the download replays them all.
    if (plan.actions.some((a) => a.kind !== 'select')) this.applied.push({ requested: plan, executed });
    this.changed(selection);
    return executed;
  }
}
