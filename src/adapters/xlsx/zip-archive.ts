import { inflateSync } from 'fflate';
import { InputError } from './input-error';

/**
 * The zip container of an .xlsx: its central directory, read without inflating anything, and the parts inflated one
 * by one on demand. Sizes are checked from the directory before any inflation, and inflation never writes past the
 * declared size, so a zip bomb costs neither memory nor a crash: it is a clear error for that workbook.
 */

/** One part (file) of the package as the central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** Inflated-size limits: far above any real budget workbook (a 1M-cell sheet is ~60 MB), far below a bomb. */
export interface SizeLimits {
  readonly partBytes: number;
  readonly workbookBytes: number;
  /**
   * Cells holding a value, per sheet and per workbook: a part within its byte limit can still hold millions of cells,
   * each an object in the snapshot (about 2M cells ≈ 1.2 GB peak). Far above any disclosure (a few thousand per sheet).
   */
  readonly sheetCells?: number;
  readonly workbookCells?: number;
}

export const DEFAULT_LIMITS: SizeLimits = {
  partBytes: 256 * 2 ** 20,
  workbookBytes: 1024 * 2 ** 20,
  sheetCells: 2_000_000,
  workbookCells: 3_000_000,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const STORED = 0;
const DEFLATED = 8;

class ByteReader {
  constructor(private readonly bytes: Uint8Array) {}
  u16(at: number): number {
    return this.bytes[at]! | (this.bytes[at + 1]! << 8);
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }
}

const corrupt = (file: string, detail: string) => new InputError('corrupt', file, detail);

/** Part names are compared as OPC says: case-insensitively, without a leading slash, with forward slashes. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/**
 * A faster raw-DEFLATE inflater where the platform has one (Node's zlib, installed by read-file.ts): given the data
 * and the declared size, the inflated bytes, or undefined/throws when it cannot tell (then fflate decides, so a
 * damaged part is reported exactly as before). Every correct inflater yields the same bytes for a valid stream.
 */
export type NativeInflater = (data: Uint8Array, size: number) => Uint8Array | undefined;
let nativeInflater: NativeInflater | undefined;
export function useNativeInflater(inflater: NativeInflater | undefined): void {
  nativeInflater = inflater;
}

function nativeInflate(data: Uint8Array, size: number): Uint8Array | undefined {
  if (!nativeInflater) return undefined;
  try {
    const out = nativeInflater(data, size);
    return out?.length === size ? out : undefined;
  } catch {
    return undefined;
  }
}

const decoder = new TextDecoder();

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly reader: ByteReader;
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly limits: SizeLimits = DEFAULT_LIMITS,
  ) {
    this.reader = new ByteReader(bytes);
    this.readDirectory();
  }

  /** The end-of-central-directory record sits in the last 64 KiB + 22 bytes (its comment is at most 64 KiB). */
  private findEndRecord(): number {
    const stop = Math.max(0, this.bytes.length - 22 - 0xffff);
    for (let at = this.bytes.length - 22; at >= stop; at--) if (this.reader.u32(at) === EOCD_SIGNATURE) return at;
    throw corrupt(this.file, '找不到 zip 目录（no end of central directory）');
  }

  private readDirectory(): void {
    const r = this.reader;
    const end = this.findEndRecord();
    let count = r.u16(end + 10);
    let offset = r.u32(end + 16);
    const locator = end - 20;
    if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && r.u32(locator) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64End = r.u64(locator + 8);
      if (r.u32(zip64End) !== ZIP64_EOCD_SIGNATURE) throw corrupt(this.file, 'zip64 目录损坏');
      count = r.u64(zip64End + 32);
      offset = r.u64(zip64End + 48);
    }
    for (let i = 0, at = offset; i < count; i++) {
      if (at + 46 > this.bytes.length || r.u32(at) !== CENTRAL_SIGNATURE)
        throw corrupt(this.file, 'zip 目录损坏（bad central directory）');
      const nameLength = r.u16(at + 28);
      const extraLength = r.u16(at + 30);
      const commentLength = r.u16(at + 32);
      let compressedSize = r.u32(at + 20);
      let size = r.u32(at + 24);
      let localHeaderOffset = r.u32(at + 42);
      const name = decoder.decode(this.bytes.subarray(at + 46, at + 46 + nameLength));
      // Zip64: the sizes that overflowed 32 bits are in the extra field, in this order.
      for (let e = at + 46 + nameLength, stop = e + extraLength; e + 4 <= stop; e += 4 + r.u16(e + 2)) {
        if (r.u16(e) !== 1) continue;
        let p = e + 4;
        if (size === 0xffffffff) {
          size = r.u64(p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = r.u64(p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = r.u64(p);
      }
      const entry = { name, method: r.u16(at + 10), compressedSize, size, localHeaderOffset };
      if (!name.endsWith('/')) this.entries.set(partKey(name), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** Total inflated size of the given parts, as declared, checked against the limits before anything is inflated. */
  checkSizes(names: readonly string[]): void {
    let total = 0;
    for (const name of names) {
      const entry = this.entries.get(partKey(name));
      if (!entry) continue;
      if (entry.size > this.limits.partBytes) throw this.tooLarge(entry.name, entry.size);
      total += entry.size;
    }
    if (total > this.limits.workbookBytes) throw this.tooLarge('', total);
  }

  private tooLarge(part: string, bytes: number): InputError {
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    const limit = part ? this.limits.partBytes : this.limits.workbookBytes;
    return new InputError(
      'too_large',
      this.file,
      `${part ? `部件 ${part} ` : ''}解压后 ${mb(bytes)}，超过上限 ${mb(limit)}`,
    );
  }

  /** The part's inflated bytes, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(partKey(name));
    if (!entry) return undefined;
    this.checkSizes([name]);
    this.inflatedTotal += entry.size;
    if (this.inflatedTotal > this.limits.workbookBytes) throw this.tooLarge('', this.inflatedTotal);
    const r = this.reader;
    const local = entry.localHeaderOffset;
    if (local + 30 > this.bytes.length || r.u32(local) !== LOCAL_SIGNATURE)
      throw corrupt(this.file, `部件 ${entry.name} 损坏（bad local header）`);
    const start = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw corrupt(this.file, `部件 ${entry.name} 不完整（truncated）`);
    if (entry.method === STORED) return data.subarray(0, entry.size);
    if (entry.method !== DEFLATED) throw corrupt(this.file, `部件 ${entry.name} 使用不支持的压缩方式 ${entry.method}`);
    // The output buffer has the declared size: a part that inflates to more is cut there, never grown.
    const out = nativeInflate(data, entry.size) ?? inflateSync(data, { out: new Uint8Array(entry.size) });
    if (out.length !== entry.size) throw corrupt(this.file, `部件 ${entry.name} 解压后大小不符（size mismatch）`);
    return out;
  }

  /** The part as text (UTF-8, the encoding of every SpreadsheetML part written in practice). */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes === undefined ? undefined : decoder.decode(bytes);
  }
}
