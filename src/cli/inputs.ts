import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

/** One workbook to review and the name its reports are written under. */
export interface InputFile {
  readonly path: string;
  readonly reportName: string;
}

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/**
 * The workbooks named on the command line, a folder standing for every workbook below it (a bureau's inbox of
 * submissions). Excel's lock files (~$…) are skipped; reports of files in sub-folders keep the sub-folder in their name
 * so two units' 部门预算.xlsx do not overwrite each other.
 */
export async function expandInputs(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      out.push({ path, reportName: basename(path) });
      continue;
    }
    for (const file of await workbooksBelow(path))
      out.push({ path: file, reportName: relative(path, file).split(sep).join('__') });
  }
  return out;
}

async function workbooksBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    const full = join(folder, e.name);
    if (e.isDirectory()) files.push(...(await workbooksBelow(full)));
    else if (WORKBOOK.test(e.name) && !e.name.startsWith('~$')) files.push(full);
  }
  return files;
}
