import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/**
 * The batch of issue 12's acceptance, built programmatically: a folder holding good workbooks, zip bombs (one whose
 * directory declares 1 GiB for its sheet, one that declares a few kilobytes and inflates to 1 GiB) and a sheet of
 * 1,048,576 rows, and a way to run the CLI over it as a child process while measuring its peak RSS from outside
 * (VmHWM in /proc/<pid>/status, polled; the kernel's own high-water mark, so a short peak is not missed).
 */
const ROOT = resolve(__dirname, '../..');

interface Part {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly data: Buffer;
  readonly size: number;
}

/** A part deflated from chunks produced one at a time (never the whole part in memory). */
async function deflated(name: string, chunks: () => Iterable<Buffer>, declared?: number): Promise<Part> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((ok, fail) => {
    deflate.on('end', ok);
    deflate.on('error', fail);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((ok) => deflate.once('drain', ok));
  }
  deflate.end();
  await done;
  return { name, method: 8, crc, data: Buffer.concat(out), size: declared ?? size };
}

function stored(name: string, text: string): Part {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, crc: crc32(data), data, size: data.length };
}

/** A zip archive of the parts (local headers, central directory, end record). */
function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(p.method, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(dir, name);
    offset += local.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The package around one worksheet part. */
function packageOf(sheet: Part): Buffer {
  return zip([
    stored(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    stored(
      '_rels/.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    stored(
      'xl/workbook.xml',
      `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="收入支出总表" sheetId="1" r:id="s1"/></sheets></workbook>`,
    ),
    stored(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ]);
}

const MiB = 2 ** 20;

/** 1 GiB of one repeated row, in 1 MiB chunks: deflates about 1,000 to 1. */
function* repeatedRows(total: number): Iterable<Buffer> {
  const row = '<row r="1"><c r="A1"><v>0</v></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor(MiB / row.length)), 'utf8');
  yield Buffer.from(`<worksheet xmlns="${NS}"><sheetData>`, 'utf8');
  for (let n = 0; n < total; n += chunk.length) yield chunk;
}

/** A real sheet of `rows` rows × 2 numbers (Excel's maximum is 1,048,576 rows), in chunks of 10,000 rows. */
function* tallSheet(rows: number): Iterable<Buffer> {
  yield Buffer.from(`<worksheet xmlns="${NS}"><sheetData>`, 'utf8');
  for (let start = 1; start <= rows; start += 10_000) {
    const lines: string[] = [];
    for (let r = start; r < start + 10_000 && r <= rows; r++)
      lines.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r / 4}</v></c></row>`);
    yield Buffer.from(lines.join(''), 'utf8');
  }
  yield Buffer.from('</sheetData></worksheet>', 'utf8');
}

export interface BadBatch {
  readonly dir: string;
  readonly good: readonly string[];
  readonly bad: readonly string[];
  /** Bytes of each file written. */
  readonly sizes: Readonly<Record<string, number>>;
}

/** Writes the folder: the repository's two samples and its fixture, two bombs and the 1,048,576-row sheet. */
export async function buildBadBatch(dir: string, rows = 1_048_576): Promise<BadBatch> {
  mkdirSync(dir, { recursive: true });
  const sizes: Record<string, number> = {};
  const good = ['sample-budget.xlsx', 'quanzhou-2021-budget.xlsx'];
  for (const g of good) {
    const from = [join(ROOT, 'assets/samples', g), join(ROOT, 'tests/fixtures', g)].find(existsSync) as string;
    copyFileSync(from, join(dir, g));
  }
  copyFileSync(join(ROOT, 'tests/fixtures/quanzhou-2021-budget.xlsx'), join(dir, 'z-fixture-copy.xlsx'));
  const write = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    sizes[name] = bytes.length;
  };
  const GiB = 1024 * MiB;
  write('bomb-declared.xlsx', packageOf(await deflated('xl/worksheets/sheet1.xml', () => repeatedRows(GiB))));
  write(
    'bomb-understated.xlsx',
    packageOf(await deflated('xl/worksheets/sheet1.xml', () => repeatedRows(GiB), 64 * 1024)),
  );
  write('tall-1048576-rows.xlsx', packageOf(await deflated('xl/worksheets/sheet1.xml', () => tallSheet(rows))));
  return {
    dir,
    good: [...good, 'z-fixture-copy.xlsx'],
    bad: ['bomb-declared.xlsx', 'bomb-understated.xlsx', 'tall-1048576-rows.xlsx'],
    sizes,
  };
}

export interface Measured {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the CLI process (VmHWM), bytes. */
  readonly peakRss: number;
  readonly ms: number;
}

/** Runs the CLI (its esbuild bundle through bin/, as a user does) and polls its VmHWM until it exits. */
export function runCli(args: readonly string[]): Promise<Measured> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/budget-review.mjs'), ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // exited between two polls
    }
  }, 20);
  return new Promise((ok) =>
    child.on('close', (code, signal) => {
      clearInterval(poll);
      ok({ code, signal, stdout, stderr, peakRss: peak, ms: Date.now() - started });
    }),
  );
}
