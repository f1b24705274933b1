// The import-boundary rules of eslint.config.js can fail: each planted violation below, linted as if it were a
// file at that place in the tree, is an error of the rule that guards it, and the same import where it is allowed
// is not. (`npm run lint`, part of `npm test`, runs these rules over the real tree.) The config is handed to ESLint
// as an object because jest's module sandbox cannot run the dynamic import ESLint loads a config file with.
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..');
const CONFIG = require(path.join(ROOT, 'eslint.config.js')) as ESLint.Options['overrideConfig'];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: CONFIG });

/** The rules that fire on `code` as the file at `file` (relative to the project's root). */
async function rulesFiredOn(file: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId);
}

describe('the import-boundary rules', () => {
  it('let only electron/main.ts and electron/preload.ts load electron, however it is loaded', async () => {
    expect(
      await rulesFiredOn('electron/services/planted.ts', "import { app } from 'electron';\nexport { app };\n"),
    ).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('scripts/planted.ts', "export const e = require('electron');\n")).toEqual([
      'no-restricted-syntax',
    ]);
    expect(await rulesFiredOn('db/planted.ts', "export const e = import('electron');\n")).toEqual([
      'no-restricted-syntax',
    ]);
    expect(await rulesFiredOn('shared/planted.ts', "export { app } from 'electron';\n")).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredOn('electron/main.ts', "import { app } from 'electron';\nexport { app };\n")).toEqual([]);
    expect(await rulesFiredOn('electron/preload.ts', "export const e = require('electron');\n")).toEqual([]);
  });

  it('keep the renderer away from db/ and electron/', async () => {
    expect(await rulesFiredOn('renderer/cases/planted.tsx', "import { openDataFile } from '../../db/open';\n")).toEqual(
      ['import-x/no-restricted-paths'],
    );
    expect(
      await rulesFiredOn('renderer/planted.ts', "import type { Handler } from '../electron/handlerTypes';\n"),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFiredOn('renderer/planted.ts', "import { CONTRACT } from '../shared/contract';\n")).toEqual([]);
  });

  it('keep shared/ pure: nothing from outside shared/, no Node built-in, no package but zod', async () => {
    expect(await rulesFiredOn('shared/cases/planted.ts', "import type { Database } from '../../db/schema';\n")).toEqual(
      ['import-x/no-restricted-paths'],
    );
    expect(await rulesFiredOn('shared/planted.ts', "import { toLocale } from '../renderer/app/format';\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
    expect(await rulesFiredOn('shared/planted.ts', "import fs from 'node:fs';\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('shared/planted.ts', "import path from 'path';\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('shared/planted.ts', "import dayjs from 'dayjs';\n")).toEqual(['no-restricted-imports']);
    expect(
      await rulesFiredOn('shared/planted.ts', "import { z } from 'zod';\nimport { isDay } from './dates';\n"),
    ).toEqual([]);
  });

  it('let handlers call services and never the other way round', async () => {
    expect(
      await rulesFiredOn(
        'electron/services/cases/planted.ts',
        "import { caseHandlers } from '../../handlers/cases';\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(
      await rulesFiredOn('electron/handlers/planted.ts', "import { listCases } from '../services/cases/list';\n"),
    ).toEqual([]);
  });
});
