// The rules every test file keeps so that the suite passes on a busy machine (CI may run beside other work):
// heavy work has an explicit budget, nothing waits a fixed time, no assertion measures speed (that is the bench's
// job), and nothing is focused or skipped.
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from './support/filesUnder.cjs';

const TEST_ROOT = __dirname;

const FILES = filesUnder(TEST_ROOT, /\.test\.tsx?$/).map((file) => ({
  name: path.relative(path.dirname(TEST_ROOT), file),
  text: fs.readFileSync(file, 'utf8'),
}));

// Chromium, PDFs, LibreOffice, child processes, SIGKILL, packing: one definition, shared with jest.config.js.
const { isHeavy, outsideQuick } = require('./heavySuites.cjs') as {
  isHeavy(text: string): boolean;
  outsideQuick(dir: string): string[];
};
const BUDGET = /^\s*jest\.setTimeout\(([\d_]+)\);$/m;
const MIN_HEAVY_BUDGET_MS = 60_000;

describe('every test file', () => {
  it('is found (the rules below read real files)', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES.map((f) => f.name)).toContain(path.join('test', 'suiteRules.test.ts'));
  });

  it('that does heavy work sets a budget of its own, sized for a loaded 2-core machine', () => {
    const heavy = FILES.filter((f) => isHeavy(f.text) && f.name !== path.join('test', 'suiteRules.test.ts'));
    expect(heavy.length).toBeGreaterThan(10);
    const short = heavy
      .map((f) => ({ file: f.name, budgetMs: Number(BUDGET.exec(f.text)?.[1]?.replace(/_/g, '') ?? 0) }))
      .filter((f) => f.budgetMs < MIN_HEAVY_BUDGET_MS);
    expect(short).toEqual([]);
  });

  it('waits on events and states, never a fixed time', () => {
    const sleeps = FILES.flatMap((f) =>
      f.text
        .split('\n')
        .map((line, i) => ({ file: f.name, line: i + 1, text: line.trim() }))
        .filter(({ text }) =>
          /waitForTimeout\(|^await (act\(\(\) => )?new Promise\(\(\w*\) => setTimeout\(\w+, [\d_]+\)\)/.test(text),
        ),
    );
    expect(sleeps).toEqual([]);
  });

  it('asserts no speed figure (npm run bench prints those)', () => {
    const timed = FILES.flatMap((f) =>
      f.text
        .split('\n')
        .map((line, i) => ({ file: f.name, line: i + 1, text: line.trim() }))
        .filter(({ text }) => /expect\([^;]*\b(Date\.now|performance\.now|process\.hrtime)\(/.test(text)),
    );
    expect(timed).toEqual([]);
  });

  it('runs every test: nothing focused or skipped', () => {
    const marked = FILES.filter((f) =>
      /\b(it|test|describe)\.(only|skip)\(|\bx(it|describe|test)\(|\bf(it|describe)\(/.test(f.text),
    );
    expect(marked.map((f) => f.name)).toEqual([]);
  });
});

describe('npm run test:quick', () => {
  const left = new Set(outsideQuick(TEST_ROOT).map((file) => path.relative(path.dirname(TEST_ROOT), file)));
  const nodeSuites = FILES.filter((f) => f.name.endsWith('.test.ts') && !f.name.startsWith(path.join('test', 'e2e')));

  it('leaves out every heavy suite, every CLI and script suite and every suite that starts the main process', () => {
    const whole = nodeSuites.filter(
      (f) =>
        f.name !== path.join('test', 'suiteRules.test.ts') &&
        (isHeavy(f.text) || f.name.startsWith(path.join('test', 'scripts')) || /\blaunchShell\(/.test(f.text)),
    );
    expect(whole.length).toBeGreaterThan(20);
    expect(whole.filter((f) => !left.has(f.name)).map((f) => f.name)).toEqual([]);
  });

  it('keeps the unit and handler suites (and this one)', () => {
    const kept = nodeSuites.filter((f) => !left.has(f.name)).map((f) => f.name);
    expect(kept).toContain(path.join('test', 'suiteRules.test.ts'));
    expect(kept).toContain(path.join('test', 'electron', 'handlers', 'legalAidLifecycle.test.ts'));
    expect(kept.filter((name) => name.startsWith(path.join('test', 'shared'))).length).toBeGreaterThan(10);
    expect(kept.length).toBeGreaterThan(60);
  });
});
