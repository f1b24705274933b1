// After electron-builder packs the app: every module the packed main process requires at run time must be inside
// the packed tree. electron-builder decides which production dependencies to copy by walking `npm list`, and on a
// checkout whose node_modules npm calls "extraneous" it silently left `bindings` (which better-sqlite3 requires)
// out of app.asar: an app that only fails on the clerk's PC. This follows every literal require() from the
// package's main, as Node would resolve it inside app.asar (and app.asar.unpacked), and names what is missing.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { requiredModules } from './buildElectron';

/** Provided by Electron itself, never packed. */
const PROVIDED = new Set(['electron', 'original-fs']);
const BUILTIN = new Set(builtinModules);

const posix = (file: string) => file.split(path.sep).join('/');

function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTIN.has(spec) || BUILTIN.has(spec.split('/')[0]!) || PROVIDED.has(spec);
}

/** A package name and the path inside it: `@scope/name/sub` → [`@scope/name`, `sub`]. */
function splitSpecifier(spec: string): [string, string] {
  const parts = spec.split('/');
  const size = spec.startsWith('@') ? 2 : 1;
  return [parts.slice(0, size).join('/'), parts.slice(size).join('/')];
}

export interface MissingRequire {
  /** What was required, as written. */
  module: string;
  /** The packed file that requires it. */
  from: string;
}

/** The requires of the packed app in `archive` (an app.asar) that do not resolve inside it. */
export function missingPackedRequires(archive: string): MissingRequire[] {
  const entries = listPackage(archive, { isPack: false }).map(posix);
  const dirs = new Set<string>();
  for (const entry of entries)
    for (let d = path.posix.dirname(entry); !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  const files = new Set(entries.filter((entry) => !dirs.has(entry)));
  const read = (file: string) => extractFile(archive, file.slice(1)).toString('utf8');
  const isFile = (file: string) => files.has(file);

  const resolveFile = (base: string): string | null => {
    for (const candidate of [base, `${base}.js`, `${base}.json`, `${base}.node`])
      if (isFile(candidate)) return candidate;
    if (isFile(`${base}/package.json`)) {
      const main = (JSON.parse(read(`${base}/package.json`)) as { main?: string }).main;
      if (main) {
        const found = resolveFile(path.posix.join(base, main));
        if (found) return found;
      }
    }
    return isFile(`${base}/index.js`) ? `${base}/index.js` : null;
  };

  const resolve = (spec: string, from: string): string | null => {
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      return resolveFile(path.posix.join(path.posix.dirname(from), spec));
    }
    const [name, sub] = splitSpecifier(spec);
    for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
      const packageDir = path.posix.join(dir, 'node_modules', name);
      if (dirs.has(packageDir)) {
        return resolveFile(sub ? path.posix.join(packageDir, sub) : packageDir);
      }
      if (dir === '/') return null;
    }
  };

  const main = (JSON.parse(read('/package.json')) as { main?: string }).main ?? 'index.js';
  const entry = resolveFile(path.posix.join('/', main));
  if (!entry) return [{ module: main, from: '/package.json' }];

  const missing: MissingRequire[] = [];
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!file.endsWith('.js')) continue;
    for (const spec of new Set(requiredModules(read(file)))) {
      if (isBuiltin(spec)) continue;
      const target = resolve(spec, file);
      if (!target) missing.push({ module: spec, from: file });
      else if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return missing;
}

/** The message that fails the build, naming each missing module and who requires it. */
export function describeMissing(archive: string, missing: readonly MissingRequire[]): string {
  const lines = missing.map((m) => `  ${m.module} (required by ${m.from})`);
  return `The packed app ${archive} lacks modules its code requires at run time:\n${lines.join('\n')}\nAdd them to "files" in electron-builder.yml (or check that npm list reports no problems in node_modules).`;
}
