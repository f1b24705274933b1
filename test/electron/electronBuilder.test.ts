// electron-builder.yml as electron-builder itself reads and validates it (its own loader, its own JSON schema,
// scheme.json, through its own ajv validator), and what the shell expects of it at run time. Packaging itself
// cannot run here (it downloads Electron and NSIS); test/electron/packaging.test.ts packs with a stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { PRODUCT_NAME } from '../../electron/paths';
import { binaryArch, crossBuildProblem, planDist } from '../../scripts/dist';

// Loads electron-builder's configuration reader and JSON schema: a budget for a loaded 2-core machine.
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
};

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

type Target = { target: string; arch: string[] };
const targetsOf = (platform: { target?: unknown } | null | undefined): Target[] => (platform?.target ?? []) as Target[];

describe('the packaging configuration', () => {
  it('is valid against electron-builder’s own schema', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('would be refused by that schema if it were wrong, so the check above means something', async () => {
    await expect(
      validate({ ...config, nsis: { ...config.nsis, perMachne: true } as Configuration['nsis'] }),
    ).rejects.toThrow(/configuration\.nsis should be one of these/);
    await expect(validate({ ...config, perMachine: true } as Configuration)).rejects.toThrow(
      /unknown property 'perMachine'/,
    );
    await expect(
      validate({ ...config, electronFuses: { runAsNod: false } as Configuration['electronFuses'] }),
    ).rejects.toThrow(/configuration\.electronFuses should be one of these/);
    await expect(
      validate({
        ...config,
        linux: { ...config.linux, target: [{ target: 'deb', arch: ['loong64'] }] } as unknown as Configuration['linux'],
      }),
    ).rejects.toThrow(/configuration\.linux/);
  });

  it('names the product as the user-data folder does, so the packaged app opens the same data file as the CLI', () => {
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.nsis?.shortcutName).toBe('司法所案件台账');
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: '司法所案件台账' });
    expect(config.extraMetadata).toEqual({ desktopName: `${config.linux?.executableName}.desktop` });
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('packs the built shell and renderer and the Electron-ABI binding, unpacked from the asar', () => {
    // electron-builder's loader normalises the list into one file set.
    const [files] = config.files as { filter: string[] }[];
    expect(files!.filter).toEqual(
      expect.arrayContaining(['package.json', 'dist/**/*', '.electron-native/better_sqlite3.node']),
    );
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['.electron-native/**']);
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('never rebuilds node_modules (the Node build the tests use)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('builds a Chinese Windows installer (per user or per machine, the clerk’s choice) with a desktop shortcut, and a portable exe', () => {
    expect(targetsOf(config.win)).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false, // an assisted installer: with perMachine false it offers "for me" or "for everyone"
      perMachine: false,
      allowElevation: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: 'always',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds deb and AppImage for x64 and arm64 (统信UOS, 麒麟 Kylin)', () => {
    expect(targetsOf(config.linux)).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux).toMatchObject({ executableName: 'casedesk', category: 'Office' });
  });

  it('uses the icons made from build/icon.svg', () => {
    expect(config.directories?.buildResources).toBe('build');
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.linux?.icon).toBe('build/icons');
    expect(fs.existsSync(path.join(ROOT, 'build', 'icon.ico'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'build', 'icons', '256x256.png'))).toBe(true);
    expect(pkg.scripts.icons).toBe('tsx scripts/makeIcons.ts');
  });

  it('sets the Electron fuses: no RunAsNode, no NODE_OPTIONS, no inspector, ASAR integrity, app from the asar only', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      enableCookieEncryption: false,
      grantFileProtocolExtraPrivileges: true, // the renderer is a file:// page with module scripts
    });
  });
});

describe('npm run dist', () => {
  it('builds, then packs this platform’s targets for one arch', () => {
    expect(pkg.scripts.dist).toBe('npm run build && tsx scripts/dist.ts');
    expect(planDist(config, 'linux', 'x64').builderArgs).toEqual([
      '--linux',
      'deb',
      'AppImage',
      '--x64',
      '--publish',
      'never',
    ]);
    expect(planDist(config, 'linux', 'arm64').builderArgs).toEqual([
      '--linux',
      'deb',
      'AppImage',
      '--arm64',
      '--publish',
      'never',
    ]);
    expect(planDist(config, 'win32', 'x64').builderArgs).toEqual([
      '--win',
      'nsis',
      'portable',
      '--x64',
      '--publish',
      'never',
    ]);
  });

  it('refuses an arch or a platform the configuration has no installer for', () => {
    expect(() => planDist(config, 'win32', 'arm64')).toThrow(/no win target for arm64/);
    expect(() => planDist(config, 'linux', 'ia32')).toThrow(/no linux target for ia32/);
    expect(() => planDist(config, 'darwin', 'arm64')).toThrow(/no installers for darwin/);
  });

  it('reads targets written as plain names too', () => {
    expect(planDist({ linux: { target: 'AppImage' } }, 'linux', 'arm64').targets).toEqual(['AppImage']);
    expect(planDist({ linux: { target: [{ target: 'deb', arch: 'x64' }] } }, 'linux', 'x64').targets).toEqual(['deb']);
  });

  it('builds the native module for another arch only with a cross compiler named', () => {
    expect(crossBuildProblem('x64', 'x64', {})).toBeNull();
    expect(crossBuildProblem('arm64', 'x64', {})).toMatch(/must be built on an arm64 machine, or with CC and CXX/);
    expect(crossBuildProblem('arm64', 'x64', { CC: 'aarch64-linux-gnu-gcc', CXX: 'aarch64-linux-gnu-g++' })).toBeNull();
  });

  it('reads which arch a native module was compiled for before packing it', () => {
    const nodeBuild = fs.readFileSync(
      path.join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(binaryArch(nodeBuild)).toBe(process.arch);
    const elf = (machine: number) => {
      const header = Buffer.alloc(64);
      header.writeUInt32BE(0x7f454c46, 0);
      header[5] = 1;
      header.writeUInt16LE(machine, 18);
      return header;
    };
    expect(binaryArch(elf(0xb7))).toBe('arm64');
    expect(binaryArch(elf(0x3e))).toBe('x64');
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    pe.writeUInt16LE(0x8664, 0x84);
    expect(binaryArch(pe)).toBe('x64');
    expect(binaryArch(Buffer.from('not a shared library'))).toBeNull();
  });
});
