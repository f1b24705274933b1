// npm run icons: every icon the installers need, from the one source image build/icon.svg.
//
//   tsx scripts/makeIcons.ts [--out DIR]      (DIR defaults to build/, electron-builder's buildResources)
//
// Writes icon.png (512×512, electron-builder's fallback), icons/<n>x<n>.png for Linux (deb and AppImage take the
// folder) and icon.ico for Windows (the NSIS installer, the portable exe and the shortcuts). Each size is rendered
// from the vector image rather than scaled down from a large bitmap, so small sizes stay sharp. The source image
// has no text (the glyph is drawn with strokes) and system fonts are not loaded, so the output is the same bytes
// on every machine with the same locked packages; the generated files are committed.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** The Linux icon set: the sizes desktop environments (UOS, Kylin, GNOME, KDE) look up. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** The Windows .ico: Explorer, the taskbar and the installer pick from these; 256 is required by electron-builder. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const MAIN_ICON_SIZE = 512;

export interface IconFile {
  file: string;
  bytes: number;
}

export function renderPng(svg: string, size: number): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`The source image must be square: rendered ${image.width}×${image.height} for ${size}.`);
  }
  return image.asPng();
}

export async function makeIcons({
  source = path.resolve(__dirname, '..', 'build', 'icon.svg'),
  outDir = path.dirname(source),
}: { source?: string; outDir?: string } = {}): Promise<IconFile[]> {
  const svg = fs.readFileSync(source, 'utf8');
  const written: string[] = [];
  const write = (file: string, data: Buffer): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    written.push(file);
  };

  const rendered = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let data = rendered.get(size);
    if (!data) rendered.set(size, (data = renderPng(svg, size)));
    return data;
  };

  write(path.join(outDir, 'icon.png'), png(MAIN_ICON_SIZE));
  for (const size of LINUX_SIZES) write(path.join(outDir, 'icons', `${size}x${size}.png`), png(size));
  // png-to-ico is an ES module; a dynamic import loads it from this CommonJS script.
  const { default: pngToIco } = await import('png-to-ico');
  write(path.join(outDir, 'icon.ico'), await pngToIco(ICO_SIZES.map(png)));
  return written.map((file) => ({ file, bytes: fs.statSync(file).size }));
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const outAt = argv.indexOf('--out');
  const outDir =
    argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? (outAt >= 0 ? argv[outAt + 1] : undefined);
  makeIcons(outDir ? { outDir: path.resolve(outDir) } : {})
    .then((files) => {
      for (const { file, bytes } of files)
        console.log(`${path.relative(process.cwd(), file).padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
    })
    .catch((error: unknown) => {
      console.error(`makeIcons: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
