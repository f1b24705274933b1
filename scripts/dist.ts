// npm run dist: the installers for this platform, for one arch (this machine's by default).
//
//   npm run dist                      (npm run build first, then this script)
//   npm run dist -- --arch arm64
//
// better-sqlite3 is built for Electron's ABI into .electron-native/ (scripts/rebuildForElectron.ts; skipped when
// an up-to-date build is there), then electron-builder packs this platform's targets from electron-builder.yml
// for that one arch: the native module is built for one arch, so an arch is packaged only with its own build.
// Needs internet access: the Electron headers (once), Electron itself and, for Windows, NSIS; on Linux the deb
// also needs fpm, which electron-builder downloads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isUpToDate, planRebuild, rebuildForElectron } from './rebuildForElectron';

type TargetEntry = string | { target: string; arch?: string | string[] };
export interface BuilderTargets {
  win?: { target?: TargetEntry | TargetEntry[] | null } | null;
  linux?: { target?: TargetEntry | TargetEntry[] | null } | null;
}

const PLATFORM_FLAGS: Record<string, { flag: string; key: keyof BuilderTargets }> = {
  win32: { flag: '--win', key: 'win' },
  linux: { flag: '--linux', key: 'linux' },
};

export interface DistPlan {
  platform: string;
  arch: string;
  targets: string[];
  /** electron-builder's command line: this platform's targets, this arch, nothing published. */
  builderArgs: string[];
}

/** This platform's targets in electron-builder.yml that are built for `arch`. */
export function planDist(config: BuilderTargets, platform: string, arch: string): DistPlan {
  const where = PLATFORM_FLAGS[platform];
  if (!where)
    throw new Error(`CaseDesk has no installers for ${platform}: build on Windows (x64) or on Linux (x64, arm64).`);
  const entries = config[where.key]?.target;
  const list = entries == null ? [] : Array.isArray(entries) ? entries : [entries];
  const targets = list
    .map((entry) => (typeof entry === 'string' ? { target: entry } : entry))
    .filter(({ arch: archs }) => archs === undefined || (Array.isArray(archs) ? archs : [archs]).includes(arch))
    .map(({ target }) => target);
  if (targets.length === 0) {
    throw new Error(`electron-builder.yml has no ${where.key} target for ${arch}.`);
  }
  return { platform, arch, targets, builderArgs: [where.flag, ...targets, `--${arch}`, '--publish', 'never'] };
}

/**
 * Why a native build for `arch` cannot be made on this machine, or null. node-gyp compiles with the host's
 * compiler unless CC and CXX name a cross compiler (e.g. aarch64-linux-gnu-gcc / -g++ from Debian's
 * g++-aarch64-linux-gnu); a binding for the wrong arch would only fail on the clerk's machine.
 */
export function crossBuildProblem(arch: string, hostArch: string, env: NodeJS.ProcessEnv): string | null {
  if (arch === hostArch || (env.CC && env.CXX)) return null;
  return (
    `This machine is ${hostArch}; better-sqlite3 for ${arch} must be built on an ${arch} machine, or with CC and CXX set to a cross ` +
    `compiler for ${arch} (on Debian for arm64: apt-get install g++-aarch64-linux-gnu, then ` +
    `CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++ npm run dist -- --arch arm64).`
  );
}

/** The arch a native module (an ELF or PE file) was compiled for, from its header; null when unknown. */
export function binaryArch(data: Buffer): string | null {
  if (data.length >= 20 && data.readUInt32BE(0) === 0x7f454c46) {
    const machine = data[5] === 2 ? data.readUInt16BE(18) : data.readUInt16LE(18); // EI_DATA: 1 little, 2 big endian
    return ({ 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' } as Record<number, string>)[machine] ?? null;
  }
  if (data.length >= 64 && data.toString('latin1', 0, 2) === 'MZ') {
    const pe = data.readUInt32LE(0x3c);
    if (pe + 6 > data.length || data.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null;
    return (
      ({ 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' } as Record<number, string>)[data.readUInt16LE(pe + 4)] ?? null
    );
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const archAt = argv.indexOf('--arch');
  const arch =
    argv.find((arg) => arg.startsWith('--arch='))?.slice('--arch='.length) ??
    (archAt >= 0 ? argv[archAt + 1] : undefined) ??
    process.arch;

  for (const built of ['dist/electron/main.js', 'dist/electron/preload.js', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run npm run build first (npm run dist does).`);
  }
  // electron-builder's own reader of electron-builder.yml, so the targets are the ones it will see.
  const { getConfig } = (await import('app-builder-lib/out/util/config/config')) as {
    getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderTargets>;
  };
  const plan = planDist(await getConfig(root, null, null), process.platform, arch);

  const problem = crossBuildProblem(arch, process.arch, process.env);
  if (problem) throw new Error(problem);
  const rebuild = planRebuild(root, arch);
  const outcome = rebuildForElectron(rebuild);
  const builtFor = binaryArch(fs.readFileSync(rebuild.binding));
  if (!isUpToDate(rebuild) || builtFor !== arch) {
    throw new Error(
      `${rebuild.binding} is not a build for Electron ${rebuild.electronVersion} ${arch} (its binary is for ${builtFor ?? 'an unknown arch'}); run with --force after fixing the compiler.`,
    );
  }
  console.log(`better-sqlite3 for Electron ${rebuild.electronVersion} (${arch}): ${outcome}`);

  console.log(`electron-builder ${plan.builderArgs.join(' ')}`);
  const result = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), ...plan.builderArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
