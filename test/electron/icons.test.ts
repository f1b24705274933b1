// The app's icons (build/), made by scripts/makeIcons.ts from the one source image build/icon.svg: every file
// the installers need, at the sizes their headers say, and the same bytes again when the script is rerun.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ICO_SIZES, LINUX_SIZES, MAIN_ICON_SIZE } from '../../scripts/makeIcons';
import { tempDir } from '../support/fixtures';

// Runs scripts/makeIcons.ts in a child process (TypeScript, resvg): a budget for a loaded 2-core machine.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(data: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bitDepth: data[24]!, colourType: data[25]! };
}

interface IcoEntry {
  width: number;
  height: number;
  bitsPerPixel: number;
  bytes: number;
  offset: number;
}

/** The ICONDIR and its ICONDIRENTRYs (a width or height of 0 means 256). */
function icoEntries(data: Buffer): IcoEntry[] {
  expect(data.readUInt16LE(0)).toBe(0); // reserved
  expect(data.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    return {
      width: data[at]! || 256,
      height: data[at + 1]! || 256,
      bitsPerPixel: data.readUInt16LE(at + 6),
      bytes: data.readUInt32LE(at + 8),
      offset: data.readUInt32LE(at + 12),
    };
  });
}

function runMakeIcons(outDir: string): void {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'makeIcons.ts'), '--out', outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`makeIcons failed: ${result.stderr}`);
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

const GENERATED = ['icon.ico', 'icon.png', ...LINUX_SIZES.map((size) => `icons/${size}x${size}.png`)].sort();

describe('the source image', () => {
  it('is one SVG, square, drawn without text, fonts or anything fetched from elsewhere', () => {
    const svg = fs.readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 512 512"/);
    expect(svg).not.toMatch(/<text|<image|<use|font-family|href=|url\(/);
  });
});

describe('the generated icons', () => {
  it('are all there, and nothing else', () => {
    expect(filesUnder(BUILD)).toEqual([...GENERATED, 'icon.svg'].sort());
  });

  it('icon.png and icons/<n>x<n>.png are RGBA PNGs of the size their names say', () => {
    expect(pngHeader(fs.readFileSync(path.join(BUILD, 'icon.png')))).toEqual({
      width: MAIN_ICON_SIZE,
      height: MAIN_ICON_SIZE,
      bitDepth: 8,
      colourType: 6,
    });
    for (const size of LINUX_SIZES) {
      const header = pngHeader(fs.readFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`)));
      expect([size, header]).toEqual([size, { width: size, height: size, bitDepth: 8, colourType: 6 }]);
    }
    expect(LINUX_SIZES).toEqual(expect.arrayContaining([256, 512]));
  });

  it('icon.ico holds 32-bit images from 16×16 to 256×256 (electron-builder needs 256)', () => {
    const data = fs.readFileSync(path.join(BUILD, 'icon.ico'));
    const entries = icoEntries(data);
    expect(entries.map(({ width, height }) => [width, height])).toEqual(ICO_SIZES.map((size) => [size, size]));
    expect(entries.every((entry) => entry.bitsPerPixel === 32)).toBe(true);
    for (const entry of entries) {
      expect(entry.offset + entry.bytes).toBeLessThanOrEqual(data.length);
      // Each image is a bottom-up BMP: its header repeats the width and doubles the height (image and mask).
      expect(data.readUInt32LE(entry.offset)).toBe(40);
      expect([data.readInt32LE(entry.offset + 4), data.readInt32LE(entry.offset + 8)]).toEqual([
        entry.width,
        entry.height * 2,
      ]);
    }
    const last = entries.at(-1)!;
    expect(last.offset + last.bytes).toBe(data.length);
  });

  it('are what scripts/makeIcons.ts makes from the source, byte for byte, every time', () => {
    const first = tempDir();
    const second = tempDir();
    runMakeIcons(first);
    runMakeIcons(second);
    expect(filesUnder(first)).toEqual(GENERATED);
    for (const name of GENERATED) {
      const committed = fs.readFileSync(path.join(BUILD, name));
      expect([name, fs.readFileSync(path.join(first, name)).equals(committed)]).toEqual([name, true]);
      expect([name, fs.readFileSync(path.join(second, name)).equals(committed)]).toEqual([name, true]);
    }
  });
});
