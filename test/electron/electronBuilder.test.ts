// electron-builder.yml against what the shell expects at run time (electron-builder itself cannot run here: it
// downloads Electron and NSIS). Read as text, line by line, to need no YAML parser.
import fs from 'node:fs';
import path from 'node:path';
import { PRODUCT_NAME } from '../../electron/paths';

const ROOT = path.resolve(__dirname, '../..');
const config = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { productName: string; main: string };

/** The list items under a top-level key. */
function listUnder(key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:  .*\\n|\\s*#.*\\n)+)`, 'm').exec(config)?.[1] ?? '';
  return [...block.matchAll(/^  - "?([^"\n#]+?)"?\s*(?:#.*)?$/gm)].map((match) => match[1]!);
}

describe('the packaging configuration', () => {
  it('names the product as the user-data folder does, so the packaged app opens the same data file as the CLI', () => {
    expect(config).toMatch(new RegExp(`^productName: ${PRODUCT_NAME}$`, 'm'));
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(config).toMatch(/^appId: [a-z]+(\.[a-z]+)+$/m);
  });

  it('packs the built shell and renderer and the Electron-ABI binding, unpacked from the asar', () => {
    expect(listUnder('files')).toEqual(expect.arrayContaining(['package.json', 'dist/**/*', '.electron-native/better_sqlite3.node']));
    expect(listUnder('asarUnpack')).toEqual(['.electron-native/**']);
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('never rebuilds node_modules (the Node build the tests use)', () => {
    expect(config).toMatch(/^npmRebuild: false$/m);
  });

  it('builds a Chinese Windows installer with a desktop shortcut, a portable exe, and deb and AppImage for x64 and arm64', () => {
    expect(config).toMatch(/- target: nsis\n\s+arch: \[x64\]/);
    expect(config).toMatch(/- target: portable\n\s+arch: \[x64\]/);
    expect(config).toMatch(/installerLanguages: \[zh_CN\]/);
    expect(config).toMatch(/createDesktopShortcut: always/);
    expect(config).toMatch(/- target: deb\n\s+arch: \[x64, arm64\]/);
    expect(config).toMatch(/- target: AppImage\n\s+arch: \[x64, arm64\]/);
    expect(config).toMatch(/^  executableName: casedesk$/m);
    expect(config).toMatch(/^  category: Office$/m);
  });
});
