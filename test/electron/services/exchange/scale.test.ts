import { openTestFile } from '../../../support/testKey';
import fs from 'node:fs';
import path from 'node:path';
import { makeSyntheticPackages } from '../../../../electron/services/exchange/syntheticPackages';
import { fileState } from '../../../support/fixtures';
import { bureau } from './fixtures';

// The benchmark imports a county's ten years (npm run bench); here a small county, for correctness only.
it('imports the packages of many offices at once, each office’s rows apart, and the second time changes nothing', async () => {
  const county = await bureau();
  const made = await makeSyntheticPackages(county.api, { offices: 3, casesPerOffice: 150 });
  const files = made.map((p) => {
    const file = path.join(county.folder, p.fileName);
    fs.writeFileSync(file, p.bytes);
    return file;
  });
  const outcomes = await county.api.call('bureau.importFiles', { files });
  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
  expect(outcomes.map((o) => (o.status === 'imported' ? o.counts.inserted : 0))).toEqual(made.map((p) => p.rows));
  const sqlite = openTestFile(county.dataFile, { readonly: true });
  const perOffice = sqlite
    .prepare(`SELECT office_code, count(*) AS n FROM bureau_rows WHERE table_name = 'cases' GROUP BY office_code`)
    .all();
  sqlite.close();
  expect(perOffice).toEqual([
    { office_code: '43011101', n: 150 },
    { office_code: '43011102', n: 150 },
    { office_code: '43011103', n: 150 },
  ]);

  const state = fileState(county.dataFile);
  expect((await county.api.call('bureau.importFiles', { files })).map((o) => o.status)).toEqual([
    'duplicate',
    'duplicate',
    'duplicate',
  ]);
  expect(fileState(county.dataFile)).toBe(state);
  await county.close();
}, 60_000);
