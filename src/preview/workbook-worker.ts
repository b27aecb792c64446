import { ModelPlatform } from '../adapters/xlsx/model-platform';
import type { WritePlan } from '../core';
import { gridView, sheetTabs } from './grid-view';

/**
 * The preview's workbook worker (started by the page at load, kept across files): it reads the opened file into the
 * workbook model, writes the pane's plans into it and answers the grid's questions with the part of a sheet it draws,
 * so the page never parses the workbook. { id, method, args } → { id, result } or { id, error }. `warmUp` reads and
 * draws a workbook (the bundled sample) and forgets it, so that the reader is compiled before the user's file comes.
 */
export type WorkbookRequest =
  | { method: 'open'; args: [bytes: Uint8Array, name: string] }
  | { method: 'view'; args: [sheet: string, maxRows: number, maxCols: number] }
  | { method: 'applyPlan'; args: [plan: WritePlan] }
  | { method: 'warmUp'; args: [bytes: Uint8Array, name: string] };

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<{ id: number } & WorkbookRequest>) => void) | null;
};
let platform: ModelPlatform | null = null;
const opened = () => {
  if (!platform) throw new Error('工作簿尚未打开');
  return platform;
};

async function answer(request: WorkbookRequest): Promise<unknown> {
  switch (request.method) {
    case 'open':
      platform = ModelPlatform.read(request.args[0], request.args[1], 'zh-CN');
      return sheetTabs(platform.model);
    case 'warmUp': {
      const warm = ModelPlatform.read(request.args[0], request.args[1], 'zh-CN');
      const first = warm.model.sheets[0];
      return first ? gridView(warm.model, first.name, 400, 40).rows : 0;
    }
    case 'view':
      return gridView(opened().model, ...request.args);
    case 'applyPlan': {
      const p = opened();
      let selection: unknown = null;
      const off = p.onChange((s) => (selection = s));
      try {
        const executed = await p.applyPlan(request.args[0]);
        return { executed, selection, sheets: sheetTabs(p.model) };
      } finally {
        off();
      }
    }
  }
}

scope.onmessage = (e) => {
  const { id } = e.data;
  answer(e.data).then(
    (result) => scope.postMessage({ id, result }),
    (err: unknown) =>
      scope.postMessage({
        id,
        error:
          err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) },
      }),
  );
};
