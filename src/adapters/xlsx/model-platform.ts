import { applyPlanToSnapshot, type WorkbookSnapshot, type WritePlan } from '../../core';
import type { ScanOptions } from '../../platform/types';
import { MemoryPlatform } from './memory-platform';
import { readWorkbookModel } from './model-reader';
import { readXlsxSnapshot } from './snapshot-reader';
import type { WorkbookModel } from './workbook-model';

/**
 * The preview's platform: the workbook model read from the file's bytes (no ExcelJS), plans written into it by the
 * shared plan writer. Its snapshot is the file's, read by the snapshot reader, with the plans executed since applied
 * as the review session applies them.
 */
export class ModelPlatform extends MemoryPlatform {
  private readonly executed: WritePlan[] = [];

  constructor(
    readonly model: WorkbookModel,
    private readonly bytes: Uint8Array,
    language?: string,
  ) {
    super(model, language);
  }

  static read(bytes: Uint8Array, name: string, language?: string): ModelPlatform {
    return new ModelPlatform(readWorkbookModel(bytes, name), bytes, language);
  }

  override async applyPlan(plan: WritePlan): Promise<WritePlan> {
    const done = await super.applyPlan(plan);
    this.executed.push(done);
    return done;
  }

  async readSnapshot(options: ScanOptions): Promise<WorkbookSnapshot> {
    let snapshot = readXlsxSnapshot(this.bytes, this.model.name);
    for (const p of this.executed) snapshot = applyPlanToSnapshot(snapshot, p);
    const cells = snapshot.sheets.reduce((n, s) => n + s.rows.length * s.columnCount, 0);
    options.onProgress?.(cells, cells, snapshot.sheets.at(-1)?.name ?? '');
    return snapshot;
  }
}
