// The folder a package is written into (electron/services/exchange/exportFolder.ts): made when missing; a file where
// the folder should be is refused on the `folder` field in Chinese, with nothing recorded. Found by the contract
// fuzzer: such a folder failed as an INTERNAL error (EEXIST from mkdir).
import fs from 'node:fs';
import path from 'node:path';
import { dataState, tempDir } from '../../../support/fixtures';
import { bureau, introduce, office, type Site } from './fixtures';

let lituo: Site;
let county: Site;
beforeEach(async () => {
  lituo = await office({ cases: 2 });
  county = await bureau();
  await introduce(lituo, county);
}, 60_000);
afterEach(async () => {
  await lituo.close();
  await county.close();
});

describe('writing a package into a chosen folder', () => {
  it('makes the folder when it does not exist yet', async () => {
    const folder = path.join(tempDir(), 'U盘', '报送');
    const made = await lituo.api.call('exchange.export', { period: '2026-11', folder });
    expect(path.dirname(made.file)).toBe(folder);
    expect(fs.existsSync(made.file)).toBe(true);
  });

  it('refuses a file, or a folder under a file, on the folder field and records nothing', async () => {
    const stick = tempDir();
    const file = path.join(stick, 'notes.txt');
    fs.writeFileSync(file, '');
    await lituo.api.call('exchange.export', { period: '2026-11', folder: path.join(stick, 'first') });
    const officeData = dataState(lituo.dataFile);
    const countyData = dataState(county.dataFile);
    const notAFolder = {
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field: 'folder', message: `保存位置：“${file}”不是文件夹` }),
    };
    expect(await lituo.dispatch('exchange.export', { period: '2026-11', folder: file })).toEqual(notAFolder);
    expect(await lituo.dispatch('exchange.exportAgain', { sequence: 1, folder: file })).toEqual(notAFolder);
    expect(await county.dispatch('bureau.exportConfig', { folder: file })).toEqual(notAFolder);
    expect(await lituo.dispatch('exchange.export', { period: '2026-11', folder: path.join(file, 'sub') })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION',
        field: 'folder',
        message: `保存位置：“${path.join(file, 'sub')}”不是文件夹`,
      }),
    });
    expect(dataState(lituo.dataFile)).toBe(officeData);
    expect(dataState(county.dataFile)).toBe(countyData);
    expect(fs.readdirSync(stick).sort()).toEqual(['first', 'notes.txt']);
  });
});
