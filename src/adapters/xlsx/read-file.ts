import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { WorkbookSnapshot } from '../../core';
import { InputError } from './input-error';
import { readXlsxSnapshot } from './snapshot-reader';
import { useNativeInflater } from './zip-archive';

// zlib inflates natively (several times fflate's speed); a stream it cannot read in the declared size goes to fflate.
useNativeInflater((data, size) => inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));

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
