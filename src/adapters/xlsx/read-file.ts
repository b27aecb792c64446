import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import { InputError } from './input-error';
import { readXlsxSnapshot } from './snapshot-reader';

/** Node entry point of the .xlsx adapter: a path → a snapshot named after the file (the fflate reader, no ExcelJS). */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError('not_found', path);
  }
  return readXlsxSnapshot(bytes, basename(path));
}
