// `config-package --office`, `dossier-package` and `dossier-import` on real files: the bureau's package for one
// office asks for its sampled cases, the office makes its dossier package from the command line (Chromium prints the
// electronic dossiers), and the bureau imports it — a tampered copy refused with exit 3 and the file unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { cliLines as cli } from '../support/cli';
import { bureau, introduce, office } from '../electron/services/exchange/fixtures';
import { mediationRound } from '../electron/services/evaluation/fixtures';
import { fileState, tempDir } from '../support/fixtures';

// Chromium renders each dossier on a machine that may be busy.
jest.setTimeout(180_000);

let countyDb: string;
let officeDb: string;
let wanted: string[];
const folder = tempDir();

beforeAll(async () => {
  const county = await bureau();
  const site = await office({ number: '01', name: '黎托街道司法所', cases: 30, seed: 3 });
  await introduce(site, county);
  const { file } = await site.api.call('exchange.export', { period: null, folder: site.folder });
  await county.api.call('bureau.importFiles', { files: [file] });
  const pc = await county.api.call('users.create', {
    username: 'pc1',
    displayName: '评查员甲',
    role: 'evaluator',
    password: 'Initial123',
  });
  const round = await county.api.call('evaluation.createRound', {
    round: { ...mediationRound([pc.id], 1), name: '人民调解卷宗评查' },
  });
  wanted = (await county.api.call('evaluation.draw', { roundId: round.id, seed: 'cli' })).samples.map(
    (s) => s.caseNumber,
  );
  countyDb = county.dataFile;
  officeDb = site.dataFile;
  await county.close();
  // The bureau's package for the office, from the command line; the office installs it and files the paper.
  const made = await cli('config-package', '--db', countyDb, '--office', '43011101', '--out', folder);
  expect(made).toMatchObject({ code: 0, out: [expect.stringMatching(/^已生成配置包 → .*-43011101\.casedesk$/)] });
  const config = fs.readdirSync(folder).find((f) => f.endsWith('-43011101.casedesk'))!;
  const summary = await site.api.call('exchange.importConfig', {
    fileName: config,
    base64: fs.readFileSync(path.join(folder, config)).toString('base64'),
  });
  expect(summary.evaluation).toEqual({ requested: 1, feedback: 0 });
  const [request] = await site.api.call('evaluation.dossierRequests', {});
  const caseId = request!.cases[0]!.caseId!;
  const item = (await site.api.call('dossier.get', { caseId })).checklist.items.find((i) => !i.generated)!;
  await site.api.call('dossier.markReceived', {
    caseId,
    itemKey: item.key,
    receivedOn: '2026-11-20',
    pages: 2,
    form: '原件',
    note: '',
  });
  await site.close();
});

it('makes the dossier package at the office and imports it at the bureau, refusing a tampered copy', async () => {
  const made = await cli('dossier-package', '--db', officeDb, '--out', folder);
  expect(made.err).toBe('');
  expect(made.code).toBe(0);
  expect(made.out).toEqual([expect.stringMatching(new RegExp(`^已生成案卷包：1份电子卷宗（${wanted[0]}）→ `))]);
  const file = made.out[0]!.split('→ ')[1]!;

  const tampered = path.join(tempDir(), 'tampered.casedesk');
  const bytes = fs.readFileSync(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
  fs.writeFileSync(tampered, bytes);
  const before = fileState(countyDb);
  const refused = await cli('dossier-import', '--db', countyDb, tampered);
  expect(refused.code).toBe(3);
  expect(refused.out).toEqual([expect.stringMatching(/^已拒收：tampered\.casedesk：.*SHA-256校验失败/)]);
  expect(refused.err).toBe('1个案卷包被拒收，未导入');
  expect(fileState(countyDb)).toBe(before);

  // The data-package import names the command that takes it.
  const wrong = await cli('import', '--db', countyDb, file);
  expect(wrong.code).toBe(3);
  expect(wrong.out.join('\n')).toContain('请在案卷评查中导入（命令 dossier-import）');

  const imported = await cli('dossier-import', '--db', countyDb, file);
  expect(imported).toMatchObject({
    code: 0,
    out: [`已导入：${path.basename(file)}（黎托街道司法所，人民调解卷宗评查）1份电子卷宗：${wanted[0]}`],
  });
});
