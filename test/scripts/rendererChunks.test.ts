// The renderer as vite builds it: the window's first load (index.html's entry and the chunks it preloads) holds the
// sign-in form and neither antd nor the app, whose chunks are read after it; and the bench's
// chunk table reads the build. Built here into a scratch folder, from the sources as they are.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chunkReport, rendererChunks, totalGzip, totalRaw } from '../../scripts/bench/browserWindow';
import { tempDir } from '../support/fixtures';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');

function buildRenderer(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'vite'),
      ['build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: ROOT, timeout: 170_000 },
      (error, _out, err) => (error ? reject(new Error(`vite build failed: ${err}`)) : resolve()),
    );
  });
}

const textOf = (dir: string, files: readonly string[]) =>
  files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');

let outDir: string;
beforeAll(async () => {
  outDir = path.join(tempDir(), 'renderer');
  await buildRenderer(outDir);
});

it('loads the sign-in form first, without antd, and the app and every page from chunks of their own', () => {
  const chunks = rendererChunks(outDir);
  const first = chunks.firstLoad.map((c) => c.file);
  const lazy = chunks.all.map((c) => c.file).filter((f) => !first.includes(f));
  const firstText = textOf(outDir, first);
  const lazyText = textOf(outDir, lazy);

  // The sign-in form is in the first load, with React.
  for (const text of ['登录', '忘记密码请联系管理员或所长重置。', 'createRoot']) expect(firstText).toContain(text);
  // antd (its CSS-in-JS runtime), the other session screens and the pages are not: the lock screen, the data key,
  // the shell, the case list and case page, the three kinds' intake forms, the statistics.
  const later = [
    'data-ant-cssinjs-cache-path',
    '输入恢复密钥',
    '锁定',
    '主导航',
    '法律援助申请表',
    '人民调解受理登记表',
  ];
  for (const text of [...later, '公证申请表', '利益冲突提示', '办理过程']) {
    expect(firstText).not.toContain(text);
    expect(lazyText).toContain(text);
  }
  // Each of these pages is its own chunk.
  for (const page of ['App', 'Shell', 'CaseDetailPage', 'IntakePage', 'StatisticsPage', 'ExchangePage'])
    expect(lazy.some((f) => path.basename(f).startsWith(`${page}-`))).toBe(true);
  // Chunks are named relative to index.html, so they load from file:// in Electron as from the preview.
  expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toMatch(/(src|href)="\/|https?:\/\//);
  expect(lazyText).not.toMatch(/import\(["']https?:/);
  expect(totalRaw(chunks.firstLoad)).toBeLessThan(totalRaw(chunks.all) / 2);
});

it('reports the first load and the chunks, raw and gzipped, for the bench', () => {
  const chunks = rendererChunks(outDir);
  const report = chunkReport(chunks);
  expect(report[0]).toMatch(
    /^renderer chunks \(dist\/renderer\): first load [\d.]+ kB raw, [\d.]+ kB gzipped in \d+ files/,
  );
  expect(report.filter((l) => l.startsWith('  first ')).length).toBe(chunks.firstLoad.length);
  for (const c of chunks.firstLoad) {
    expect(c.gzipBytes).toBeGreaterThan(0);
    expect(c.gzipBytes).toBeLessThan(c.rawBytes);
  }
  expect(totalGzip(chunks.firstLoad)).toBeLessThan(totalGzip(chunks.all));
});

it('says how to build the renderer when it is not built', () => {
  expect(() => rendererChunks(path.join(tempDir(), 'nothing'))).toThrow(/npm run build:renderer/);
});

it("names antd's styles made by the build, read with the app, and links only the app's own with the sign-in form's", () => {
  const chunks = rendererChunks(outDir);
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  expect(chunks.styles.map((c) => c.file)).toEqual([expect.stringMatching(/^assets\/index-[\w-]+\.css$/)]);
  expect(fs.readFileSync(path.join(outDir, chunks.styles[0]!.file), 'utf8')).toContain('.sign-in-input');
  // antd's are named, not linked: the window reads them with the app's chunk.
  expect(chunks.antdStyles.map((c) => c.file)).toEqual([expect.stringMatching(/^assets\/antd-[0-9a-f]{8}\.css$/)]);
  expect(html).not.toMatch(/<link[^>]*antd-/);
  expect(chunkReport(chunks).filter((l) => l.startsWith('  style '))).toHaveLength(1);
  expect(chunkReport(chunks).some((l) => l.startsWith('  lazy   assets/antd-'))).toBe(true);
  const css = fs.readFileSync(path.join(outDir, chunks.antdStyles[0]!.file), 'utf8');
  // Production hashes (the window's), and the components of the session screens and the pages, each in the map
  // cssinjs reads on the first render (test/e2e/session.test.ts sees the window use them).
  expect(css).not.toContain('dev-only');
  const map = /\.data-ant-cssinjs-cache-path\{content:"([^"]+)";\}$/.exec(css)?.[1] ?? '';
  for (const component of ['Button-Button', 'Input-Component', 'Form-Form', 'Table-Table', 'Timeline-Timeline'])
    expect(map).toMatch(new RegExp(`\\|${component}\\|`));
  for (const rule of ['.ant-btn', '.ant-input', '.ant-form-item', '.ant-table', '.ant-timeline', '.ant-menu'])
    expect(css).toContain(`${rule}{`);
});
