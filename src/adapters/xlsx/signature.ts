import { InputError } from './input-error';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether the bytes contain `text` in UTF-16LE (ASCII text only), without Node's Buffer: the preview runs this too. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Rejects what no .xlsx reader can read with a message that says what to do. */
export function checkSignature(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw new InputError('empty', file);
  if (startsWith(bytes, OLE_MAGIC)) {
    // Encrypted .xlsx files are OLE containers holding an "EncryptedPackage" stream.
    throw new InputError(containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy_xls', file);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new InputError('not_excel', file);
}
