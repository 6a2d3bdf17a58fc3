// Renders resources/icon.svg into the app icons electron-builder packages:
// icon.png (1024 px), icon.ico (Windows, PNG-compressed 256/48/32/16 px) and
// icon.icns (macOS, PNG entries). Chromium does the rasterising.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const resources = path.resolve('resources');
const svg = readFileSync(path.join(resources, 'icon.svg'), 'utf8');
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

async function render(sizes: number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const pngs = new Map<number, Buffer>();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    const scaled = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${scaled}</body></html>`);
    pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  await browser.close();
  return pngs;
}

function ico(images: Array<[number, Buffer]>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, png]) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

function icns(images: Array<[string, Buffer]>): Buffer {
  const chunks = images.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const pngs = await render([1024, 512, 256, 128, 48, 32, 16]);
const png = (size: number) => pngs.get(size) as Buffer;
writeFileSync(path.join(resources, 'icon.png'), png(1024));
writeFileSync(path.join(resources, 'icon.ico'), ico([256, 48, 32, 16].map((s) => [s, png(s)])));
writeFileSync(
  path.join(resources, 'icon.icns'),
  icns([
    ['ic10', png(1024)],
    ['ic09', png(512)],
    ['ic08', png(256)],
    ['ic07', png(128)],
  ]),
);
console.log('icons written to resources/');
