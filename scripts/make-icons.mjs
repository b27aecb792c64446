// Draws the add-in icon (a ledger grid with a check mark) at the sizes Office asks for, as PNG, with no dependencies.
// Run: node scripts/make-icons.mjs  → assets/icon-16.png … icon-128.png
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1d, 0x5f, 0xa8, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [0x2e, 0xa0, 0x43, 255];
const CLEAR = [0, 0, 0, 0];

function icon(size) {
  const s = (v) => v * size; // coordinates in units of the icon
  const radius = s(0.18);
  const line = Math.max(1, Math.round(size / 16));
  return png(size, (x, y) => {
    const cx = x + 0.5;
    const cy = y + 0.5;
    // Rounded square background.
    const dx = Math.max(radius - cx, cx - (size - radius), 0);
    const dy = Math.max(radius - cy, cy - (size - radius), 0);
    if (dx * dx + dy * dy > radius * radius) return CLEAR;
    // Check mark (two strokes) in the lower right, on a white disc.
    const disc = (cx - s(0.7)) ** 2 + (cy - s(0.7)) ** 2 <= s(0.24) ** 2;
    if (disc) {
      const onStroke = (ax, ay, bx, by) => {
        const [px, py, qx, qy] = [s(ax), s(ay), s(bx), s(by)];
        const t = Math.max(0, Math.min(1, ((cx - px) * (qx - px) + (cy - py) * (qy - py)) / ((qx - px) ** 2 + (qy - py) ** 2)));
        return Math.hypot(cx - (px + t * (qx - px)), cy - (py + t * (qy - py))) <= Math.max(0.8, s(0.045));
      };
      return onStroke(0.58, 0.7, 0.67, 0.79) || onStroke(0.67, 0.79, 0.83, 0.6) ? GREEN : WHITE;
    }
    // Ledger grid: a frame, a header rule and two columns.
    const inX = cx >= s(0.18) && cx <= s(0.82);
    const inY = cy >= s(0.2) && cy <= s(0.8);
    const near = (v, at) => Math.abs(v - s(at)) <= line / 2 + 0.01;
    if (inX && inY && (near(cy, 0.2) || near(cy, 0.8) || near(cx, 0.18) || near(cx, 0.82) || near(cy, 0.38) || near(cy, 0.56) || near(cx, 0.42)))
      return WHITE;
    if (inX && cy >= s(0.2) && cy <= s(0.38)) return WHITE; // solid header band
    return BLUE;
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), icon(size));
