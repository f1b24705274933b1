// The renderer as vite builds it: the window's first load (index.html's entry and the chunks it preloads) holds the
// sign-in screens and none of the pages, which are chunks of their own read when first opened; and the bench's
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

it('loads the sign-in screens first and every page from a chunk of its own', () => {
  const chunks = rendererChunks(outDir);
  const first = chunks.firstLoad.map((c) => c.file);
  const lazy = chunks.all.map((c) => c.file).filter((f) => !first.includes(f));
  const firstText = textOf(outDir, first);
  const lazyText = textOf(outDir, lazy);

  // The sign-in form and the session screens are in the first load, with React and the Chinese locale.
  for (const text of ['登录', '正在加载…', '输入恢复密钥']) expect(firstText).toContain(text);
  // The pages are not: the shell, the case list and case page, the three kinds' intake forms, the statistics.
  for (const text of ['主导航', '法律援助申请表', '人民调解受理登记表', '公证申请表', '利益冲突提示', '办理过程']) {
    expect(firstText).not.toContain(text);
    expect(lazyText).toContain(text);
  }
  // Each of these pages is its own chunk.
  for (const page of ['Shell', 'CaseDetailPage', 'IntakePage', 'StatisticsPage', 'ExchangePage'])
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

it("links antd's styles made by the build ahead of the app's own, the sign-in screens' first, with cssinjs's map of both", () => {
  const chunks = rendererChunks(outDir);
  const sheets = chunks.styles.map((c) => c.file);
  expect(sheets).toHaveLength(2);
  expect(sheets[0]).toMatch(/^assets\/antd-[0-9a-f]{8}\.css$/);
  // The pages' antd styles are named, not linked: the window reads them with the pages' chunk.
  expect(chunks.pageStyles.map((c) => c.file)).toEqual([
    expect.stringMatching(/^assets\/antd-pages-[0-9a-f]{8}\.css$/),
  ]);
  expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toMatch(/<link[^>]*antd-pages-/);
  expect(chunkReport(chunks).filter((l) => l.startsWith('  style '))).toHaveLength(2);
  expect(chunkReport(chunks).some((l) => l.startsWith('  lazy   assets/antd-pages-'))).toBe(true);
  const css = fs.readFileSync(path.join(outDir, sheets[0]!), 'utf8');
  const pagesCss = fs.readFileSync(path.join(outDir, chunks.pageStyles[0]!.file), 'utf8');
  // Production hashes (the window's), and the components of the sign-in form and the pages, each in the map cssinjs
  // reads on the first render (test/e2e/session.test.ts sees the window use them).
  expect(css + pagesCss).not.toContain('dev-only');
  const map = /\.data-ant-cssinjs-cache-path\{content:"([^"]+)";\}/.exec(css)?.[1] ?? '';
  for (const component of ['Button-Button', 'Input-Component', 'Form-Form', 'Table-Table', 'Timeline-Timeline'])
    expect(map).toMatch(new RegExp(`\\|${component}\\|`));
  expect(pagesCss).not.toContain('data-ant-cssinjs-cache-path'); // one map, read once
  // The sign-in screens' components in the first file, the pages' in theirs.
  for (const rule of ['.ant-btn', '.ant-input', '.ant-form-item']) expect(css).toContain(rule);
  for (const rule of ['.ant-table', '.ant-timeline', '.ant-menu']) {
    expect(css).not.toContain(`${rule}{`);
    expect(pagesCss).toContain(rule);
  }
  expect(css.length).toBeLessThan(pagesCss.length);
});
