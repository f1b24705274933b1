// npm run build:electron: the main process and the preload, each bundled by esbuild into dist/electron/.
// The main bundle keeps `electron` and `better-sqlite3` (native) external; the preload must be one self-contained
// file, because a sandboxed preload can require nothing but 'electron'.
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { makeBundleAscii } from './asciiBundle';

export interface BuildElectronOptions {
  /** The project folder (holds electron/). */
  root?: string;
  /** Where main.js and preload.js go; dist/electron by default (package.json's "main" points there). */
  outDir?: string;
}

export interface BuiltFile {
  file: string;
  bytes: number;
}

/** Every module a bundle requires at run time, by name. */
export function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!);
}

export async function buildElectron({
  root = path.resolve(__dirname, '..'),
  outDir,
}: BuildElectronOptions = {}): Promise<BuiltFile[]> {
  const out = outDir ?? path.join(root, 'dist', 'electron');
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
  const main = path.join(out, 'main.js');
  const preload = path.join(out, 'preload.js');
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: main,
      platform: 'node',
      target: 'node20',
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: preload,
      platform: 'browser',
      target: 'chrome120',
      external: ['electron'],
    }),
  ]);

  // Held as one-byte source by V8 (asciiBundle.ts): a Chinese comment would double the bundle's share of the heap.
  makeBundleAscii(main);
  const foreign = requiredModules(fs.readFileSync(preload, 'utf8')).filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    throw new Error(
      `The preload bundle requires ${foreign.join(', ')}; a sandboxed preload can require only 'electron'.`,
    );
  }
  return [main, preload].map((file) => ({ file, bytes: fs.statSync(file).size }));
}

if (require.main === module) {
  const started = Date.now();
  buildElectron()
    .then((files) => {
      for (const { file, bytes } of files) {
        console.log(`${path.relative(process.cwd(), file).padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
      }
      console.log(`Electron bundles built in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
