// No import cycles anywhere in the project's code: a module that imports itself round about is loaded half-made
// (undefined exports at start-up) and ties the layers together. Type-only imports count too, so the layers stay
// apart in the types as well.
import fs from 'node:fs';
import path from 'node:path';
import { importCycles, importGraph, sourceFiles } from './support/importGraph';
import { tempDir } from './support/fixtures';

const ROOT = path.join(__dirname, '..');
const FOLDERS = ['electron', 'shared', 'db', 'renderer', 'scripts'] as const;

describe('the import graph', () => {
  it('has no cycle in electron/, shared/, db/, renderer/ or scripts/', () => {
    const files = sourceFiles(ROOT, FOLDERS);
    expect(files.length).toBeGreaterThan(200);
    const graph = importGraph(files);
    // The graph is real: the contract imports each area's channels.
    expect(graph.get(path.join(ROOT, 'shared', 'contract.ts'))).toContain(
      path.join(ROOT, 'shared', 'channels', 'legalAid.ts'),
    );
    const cycles = importCycles(graph).map((cycle) => cycle.map((f) => path.relative(ROOT, f)));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle made round about, through a re-export and a type-only import', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'src', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'src', 'b', 'index.ts'), "export { c as b } from '../c';\n");
    fs.writeFileSync(path.join(dir, 'src', 'c.ts'), "import type { A } from './d';\nexport const c = 1 as A;\n");
    fs.writeFileSync(path.join(dir, 'src', 'd.ts'), "import { a } from './a';\nexport type A = typeof a;\n");
    fs.writeFileSync(path.join(dir, 'src', 'e.ts'), "import { a } from './a';\nexport const e = a;\n");
    const cycles = importCycles(importGraph(sourceFiles(dir, ['src']))).map((c) => c.map((f) => path.relative(dir, f)));
    expect(cycles).toEqual([
      [path.join('src', 'a.ts'), path.join('src', 'b', 'index.ts'), path.join('src', 'c.ts'), path.join('src', 'd.ts')],
    ]);
  });
});
