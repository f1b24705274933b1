import fs from 'node:fs';
import { openFile } from '../../../electron/services/fileStore';
import { TEST_KEY } from '../../support/testKey';
import path from 'node:path';
import { createApi, type Api } from '../../../shared/client';
import type { ChannelInput } from '../../../shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/dossier/materials';
import { DEFAULT_DOSSIER_RULES } from '../../../shared/dossier/rules/default';
import type { DossierRuleSet } from '../../../shared/dossier/ruleSet';
import { dossierCompleteness } from '../../../electron/services/dossier/checklist';
import { installDossierRuleSet } from '../../../electron/services/dossier/install';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

const TODAY = '2026-11-22';

/** A real (one-page, blank) PDF, and a real 1×1 PNG. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let backend: TestBackend;
const as = (caller: string): Api => createApi((channel, input) => backend.dispatch(channel, input, caller));

beforeEach(async () => {
  backend = testBackend();
  const admin = as('admin');
  await admin.call('auth.setup', {
    office: OFFICE,
    admin: { username: 'admin', displayName: '管理员', password: 'Admin2026' },
  });
  for (const [username, displayName, role] of [
    ['lijuan', '李娟', 'clerk'],
    ['suozhang', '王所长', 'director'],
  ] as const) {
    await admin.call('users.create', { username, displayName, role, password: 'Initial123' });
    await as(username).call('auth.signIn', { username, password: 'Initial123' });
    await as(username).call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  }
});
afterEach(() => backend.close());

const clerk = () => as('lijuan');
const director = () => as('suozhang');

async function newApplication(): Promise<number> {
  return (await clerk().call('legalAid.create', { draftId: null, application: validApplication() })).id;
}

const mark = (
  caseId: number,
  itemKey: string,
  patch: Partial<ChannelInput<'dossier.markReceived'>> = {},
): ChannelInput<'dossier.markReceived'> => ({
  caseId,
  itemKey,
  receivedOn: '2026-11-20',
  pages: 2,
  form: '原件',
  note: '',
  ...patch,
});

/** Sends a file the way the renderer does: begin, chunks in order, attach. */
async function upload(api: Api, caseId: number, itemKey: string, fileName: string, bytes: Buffer, pages = 1) {
  const { uploadId, chunkBytes } = await api.call('dossier.uploadBegin', {
    caseId,
    itemKey,
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await api.call('dossier.uploadChunk', {
      uploadId,
      offset,
      data: bytes.subarray(offset, offset + chunkBytes).toString('base64'),
    });
  }
  return api.call('dossier.attach', { uploadId, pages });
}

/** The call is refused with this code, field and message, and the data file is byte-for-byte what it was. */
async function expectRefused(
  call: () => Promise<unknown>,
  code: string,
  field: string | null,
  message: string | RegExp,
) {
  const before = fileState(backend.dataFile);
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ data: { code, ...(field ? { field } : {}), message: expect.stringMatching(message) } });
  expect(fileState(backend.dataFile)).toBe(before);
}

/** Everything a civil application needs on file before it may be closed, but the closing report. */
async function fileAllButClosingReport(caseId: number) {
  const { checklist } = await clerk().call('dossier.get', { caseId });
  for (const item of checklist.items) {
    if (item.required && !item.present && item.key !== 'closingReport')
      await clerk().call('dossier.markReceived', mark(caseId, item.key));
  }
}

async function assignedCase(): Promise<number> {
  const caseId = await newApplication();
  await clerk().call('legalAid.decide', {
    caseId,
    actedOn: TODAY,
    decision: '给予法律援助',
    decidedBy: '县法律援助中心',
    matterType: '赡养费抚养费扶养费',
    mandatoryDefenceGrounds: [],
    documentNumber: '雨法援决〔2026〕12号',
    reasons: '',
  });
  await clerk().call('legalAid.assign', {
    caseId,
    actedOn: TODAY,
    assignedBy: '县法律援助中心',
    orgType: '律师事务所',
    orgName: '湖南星城律师事务所',
    personName: '周明',
    rosterId: null,
  });
  return caseId;
}

const CLOSE = (caseId: number): ChannelInput<'legalAid.close'> => ({
  caseId,
  actedOn: TODAY,
  result: '调解结案',
  closingDocument: '调解书',
  closingDocumentNumber: '（2026）湘0111民初1234号',
  matterEndedOn: TODAY,
  materialsSubmittedOn: TODAY,
  summary: '',
});

/** The shipped rules in a new file: the default (1) and its next version, where a closing follow-up stands for the
 * 受援人意见反馈表 (migration 0019). */
const SHIPPED = 2;

describe('the checklist of a new application', () => {
  it('asks no financial material of a 强制医疗 respondent (法律援助法 第28条) once decided under that 事项类型', async () => {
    const app = validApplication();
    const { id: caseId } = await clerk().call('legalAid.create', {
      draftId: null,
      application: {
        ...app,
        opposingParties: [],
        category: '刑事',
        serviceForm: '刑事辩护与代理',
        matter: '强制医疗',
        proceedingStage: '审判',
        handlingAuthority: '雨花区人民法院',
        defenceGround: '经济困难',
      },
    });
    expect((await clerk().call('dossier.get', { caseId })).checklist.missing).toContain('个人诚信承诺书');
    await clerk().call('legalAid.decide', {
      caseId,
      actedOn: TODAY,
      decision: '给予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '强制医疗案件被申请人或者被告人代理',
      mandatoryDefenceGrounds: [],
      documentNumber: '',
      reasons: '',
    });
    expect((await clerk().call('dossier.get', { caseId })).checklist.missing).not.toContain('个人诚信承诺书');
  });

  it('shows what is missing now and what falls due next, and turns an item complete once it is received', async () => {
    const caseId = await newApplication();
    const first = await clerk().call('dossier.get', { caseId });
    expect(first.checklist.missing).toEqual([
      '法律援助申请表',
      '申请人身份证明',
      '个人诚信承诺书',
      '与所申请法律援助事项有关的案件材料',
    ]);
    expect(first.checklist.dueNext).toEqual({
      stage: 'decided',
      label: '审查决定后',
      items: ['给予（不予）法律援助决定书'],
    });
    expect(first.checkedVersion).toBe(first.checklist.ruleSetVersion); // checked at registration

    const after = await clerk().call(
      'dossier.markReceived',
      mark(caseId, 'applicationForm', { pages: 3, note: '申请人签字' }),
    );
    expect(after.checklist.items.find((i) => i.key === 'applicationForm')).toMatchObject({
      present: true,
      missing: false,
      material: { receivedOn: '2026-11-20', pages: 3, form: '原件', note: '申请人签字', attachments: 0 },
    });
    expect(after.checklist.missing).not.toContain('法律援助申请表');
    expect(after.checkedVersion).toBe(SHIPPED);
    const check = backend.store.sqlite
      .prepare('SELECT rule_set_version, missing_count FROM dossier_checks WHERE case_id = ?')
      .get(caseId);
    expect(check).toEqual({ rule_set_version: SHIPPED, missing_count: 3 });
    expect(
      backend.store.sqlite
        .prepare(
          `SELECT count(*) AS n FROM audit_log WHERE channel = 'dossier.markReceived' AND table_name = 'dossier_materials'`,
        )
        .get(),
    ).toEqual({ n: 1 });

    const undone = await clerk().call('dossier.unmark', { caseId, itemKey: 'applicationForm' });
    expect(undone.checklist.missing).toContain('法律援助申请表');
  });

  it.each([
    ['a page count of 0', { pages: 0 }, 'pages', '页数：不能小于1'],
    ['a page count of 10,000', { pages: 10_000 }, 'pages', '页数：不能大于9999'],
    ['a fractional page count', { pages: 2.5 }, 'pages', '页数：应为整数'],
    ['a date in the future', { receivedOn: '2026-11-23' }, 'receivedOn', '收到日期：不能晚于今天'],
    ['an item of no dossier', { itemKey: 'tea' }, 'itemKey', '材料：不是本案卷宗的材料'],
    ['the cover, which CaseDesk prints', { itemKey: 'cover' }, 'itemKey', '材料：“卷宗封面”由本系统生成，无需登记'],
    ['neither original nor copy', { form: '传真件' }, 'form', '原件或复印件：不是可选的值'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, patch, field, message) => {
    const caseId = await newApplication();
    await expectRefused(
      () => clerk().call('dossier.markReceived', { ...mark(caseId, 'applicantId'), ...patch } as never),
      'VALIDATION',
      field,
      message,
    );
  });

  it('lets a read-only user look but not record', async () => {
    const caseId = await newApplication();
    await as('admin').call('users.create', {
      username: 'guest',
      displayName: '访客',
      role: 'readonly',
      password: 'Initial123',
    });
    const guest = as('guest');
    await guest.call('auth.signIn', { username: 'guest', password: 'Initial123' });
    await guest.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
    expect((await guest.call('dossier.get', { caseId })).caseNumber).toMatch(/援字第/);
    await expectRefused(
      () => guest.call('dossier.markReceived', mark(caseId, 'applicantId')),
      'FORBIDDEN',
      null,
      /无权进行此操作/,
    );
  });
});

describe('attaching scans', () => {
  it('files a PDF by its content hash in the data folder, and the item turns complete', async () => {
    const caseId = await newApplication();
    const view = await upload(clerk(), caseId, 'applicantId', '身份证.pdf', PDF, 1);
    const item = view.checklist.items.find((i) => i.key === 'applicantId')!;
    expect(item).toMatchObject({
      present: true,
      missing: false,
      material: { pages: 1, form: '复印件', receivedOn: TODAY, attachments: 1 },
    });
    expect(view.attachments).toEqual([
      expect.objectContaining({
        itemKey: 'applicantId',
        fileName: '身份证.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        addedBy: '李娟',
      }),
    ]);
    const stored = path.join(path.dirname(backend.dataFile), 'attachments', view.attachments[0]!.sha256);
    // Kept encrypted (the PDF's bytes are not in the file), and read back whole through the data key.
    expect(fs.readFileSync(stored).includes(PDF.subarray(0, 64))).toBe(false);
    expect(openFile(fs.readFileSync(stored), { current: TEST_KEY, previous: null }, 'scan')).toEqual(PDF);
    // An item with a scan cannot be un-recorded: the scan would be left without its item.
    await expectRefused(
      () => clerk().call('dossier.unmark', { caseId, itemKey: 'applicantId' }),
      'CONFLICT',
      'itemKey',
      '该材料已有附件，不能取消登记',
    );
  });

  it('takes a file larger than one call in chunks, and reads the type from the bytes, not the name', async () => {
    const caseId = await newApplication();
    const big = Buffer.concat([PNG, Buffer.alloc(UPLOAD_CHUNK_BYTES * 2 + 17, 7)]);
    const view = await upload(clerk(), caseId, 'caseMaterials', '照片.pdf', big, 4);
    expect(view.attachments[0]).toMatchObject({ contentType: 'image/png', sizeBytes: big.length });
    expect(view.checklist.items.find((i) => i.key === 'caseMaterials')!.material!.pages).toBe(4);
  });

  it('refuses a file that claims to be a PDF but is not, at its first chunk', async () => {
    const caseId = await newApplication();
    const fake = Buffer.from('这不是PDF，只是改了扩展名的文本文件。');
    const { uploadId } = await clerk().call('dossier.uploadBegin', {
      caseId,
      itemKey: 'applicantId',
      fileName: '身份证.pdf',
      size: fake.length,
    });
    await expectRefused(
      () => clerk().call('dossier.uploadChunk', { uploadId, offset: 0, data: fake.toString('base64') }),
      'VALIDATION',
      'data',
      '文件：文件“身份证.pdf”的扩展名是PDF，但内容不是PDF文件',
    );
    // The upload is gone: it cannot be attached afterwards.
    await expectRefused(
      () => clerk().call('dossier.attach', { uploadId, pages: 1 }),
      'VALIDATION',
      'uploadId',
      '上传：上传已失效，请重新选择文件',
    );
  });

  it('refuses a 500 MB file before a byte of it is sent', async () => {
    const caseId = await newApplication();
    await expectRefused(
      () =>
        clerk().call('dossier.uploadBegin', {
          caseId,
          itemKey: 'caseMaterials',
          fileName: '全部案卷.pdf',
          size: 500 * 1024 * 1024,
        }),
      'VALIDATION',
      'size',
      '文件：文件过大（500.0 MB），附件不能超过20.0 MB',
    );
    expect(fs.existsSync(path.join(path.dirname(backend.dataFile), 'uploads-in-progress'))).toBe(false);
  });

  it('refuses the same file twice on one case, and an attachment not fully sent', async () => {
    const caseId = await newApplication();
    await upload(clerk(), caseId, 'applicantId', '身份证.pdf', PDF);
    await expectRefused(
      () => upload(clerk(), caseId, 'caseMaterials', '身份证（又一份）.pdf', PDF),
      'CONFLICT',
      'uploadId',
      '文件：本案已上传过相同的文件（“身份证.pdf”），不能重复上传',
    );
    const { uploadId } = await clerk().call('dossier.uploadBegin', {
      caseId,
      itemKey: 'caseMaterials',
      fileName: 'a.png',
      size: PNG.length + 10,
    });
    await clerk().call('dossier.uploadChunk', { uploadId, offset: 0, data: PNG.toString('base64') });
    await expectRefused(
      () => clerk().call('dossier.attach', { uploadId, pages: 1 }),
      'VALIDATION',
      'uploadId',
      /文件尚未传完/,
    );
  });
});

describe('closing and archiving with missing materials', () => {
  it('refuses to close while a required item is missing, naming it', async () => {
    const caseId = await assignedCase();
    await fileAllButClosingReport(caseId);
    await expectRefused(
      () => clerk().call('legalAid.close', CLOSE(caseId)),
      'CONFLICT',
      'dossier',
      '卷宗材料不全，不能结案：缺少结案报告表。请补齐材料，或由所长特批并写明理由',
    );
    await clerk().call('dossier.markReceived', mark(caseId, 'closingReport', { receivedOn: TODAY }));
    expect((await clerk().call('legalAid.close', CLOSE(caseId))).status).toBe('closed');
  });

  it('closes on a director’s override with a written reason, which is recorded; a clerk or a blank reason is refused', async () => {
    const caseId = await assignedCase();
    await fileAllButClosingReport(caseId);
    await expectRefused(
      () => clerk().call('dossier.override', { caseId, action: 'close', reason: '结案报告表随后补交' }),
      'FORBIDDEN',
      null,
      /无权进行此操作/,
    );
    await expectRefused(
      () => director().call('dossier.override', { caseId, action: 'close', reason: '  ' }),
      'VALIDATION',
      'reason',
      '特批理由：不能为空',
    );
    await expectRefused(
      () => director().call('dossier.override', { caseId, action: 'close', reason: '补交' }),
      'VALIDATION',
      'reason',
      '特批理由：请写明理由（至少5个字）',
    );
    await expectRefused(
      () => director().call('dossier.override', { caseId, action: 'archive', reason: '结案报告表随后补交' }),
      'CONFLICT',
      'action',
      /卷宗材料齐全，归档无需特批|缺少/,
    );

    const override = await director().call('dossier.override', {
      caseId,
      action: 'close',
      reason: '承办律师住院，结案报告表出院后补交',
    });
    expect(override).toMatchObject({
      action: 'close',
      missing: ['结案报告表'],
      reason: '承办律师住院，结案报告表出院后补交',
      username: '王所长',
    });
    expect((await clerk().call('legalAid.close', CLOSE(caseId))).status).toBe('closed');
    const view = await clerk().call('dossier.get', { caseId });
    expect(view.overrides).toEqual([
      expect.objectContaining({ reason: '承办律师住院，结案报告表出院后补交', username: '王所长' }),
    ]);
    expect(view.checklist.missing).toEqual(['结案报告表']); // still missing, and shown as such
    const audited = backend.store.sqlite
      .prepare(`SELECT username FROM audit_log WHERE channel = 'dossier.override' AND table_name = 'dossier_overrides'`)
      .all();
    expect(audited).toEqual([{ username: 'suozhang' }]);
  });

  it('an override covers what was missing when it was given, not items that go missing later', async () => {
    const caseId = await assignedCase();
    await fileAllButClosingReport(caseId);
    await director().call('dossier.override', { caseId, action: 'close', reason: '结案报告表随后补交' });
    await clerk().call('dossier.unmark', { caseId, itemKey: 'feedback' });
    await expectRefused(
      () => clerk().call('legalAid.close', CLOSE(caseId)),
      'CONFLICT',
      'dossier',
      /缺少结案报告表、受援人意见反馈表（回访记录）/,
    );
  });

  it('refuses to archive a terminated mediation without its registration papers and the termination notice', async () => {
    const { validRegistration } = await import('../../shared/kinds/mediation/fixtures');
    const { id } = await clerk().call('mediation.create', { draftId: null, registration: validRegistration() });
    await clerk().call('mediation.terminate', {
      caseId: id,
      actedOn: '2026-11-10',
      reason: '当事人撤回调解申请',
      explanation: '双方已自行和解',
    });
    const archive = { caseId: id, actedOn: '2026-11-12', archiveNumber: '2026-调-001', note: '' };
    await expectRefused(
      () => clerk().call('mediation.archive', archive),
      'CONFLICT',
      'dossier',
      '卷宗材料不全，不能归档：缺少人民调解申请书、人民调解受理登记表、当事人身份证明、终止调解告知记录。请补齐材料，或由所长特批并写明理由',
    );
    for (const key of ['application', 'registrationForm', 'partyIds', 'terminationNotice'])
      await clerk().call('dossier.markReceived', mark(id, key, { receivedOn: '2026-11-10' }));
    expect((await clerk().call('mediation.archive', archive)).status).toBe('archived');
    // An archived dossier is closed to changes, and is judged by the version it was archived under.
    await expectRefused(
      () => clerk().call('dossier.markReceived', mark(id, 'evidence')),
      'CONFLICT',
      'caseId',
      '案件已归档，卷宗材料不能再改动',
    );
    expect(await clerk().call('dossier.get', { caseId: id })).toMatchObject({
      checkedVersion: SHIPPED,
      gates: [],
      checklist: { complete: true },
    });
  });

  it('refuses to archive a notarization request until the papers of its matter are on file', async () => {
    const { validRequest, step, takeStep } = await import('../../shared/kinds/notarization/fixtures');
    const { id } = await clerk().call('notarization.create', { draftId: null, request: validRequest() });
    await takeStep(clerk(), step(id, 'terminate', '2026-11-21'));
    await expectRefused(
      () => takeStep(clerk(), step(id, 'archive', '2026-11-22')),
      'CONFLICT',
      'dossier',
      /^卷宗材料不全，不能归档：缺少公证申请表、当事人身份证明。/,
    );
    for (const key of ['applicationForm', 'applicantId']) await clerk().call('dossier.markReceived', mark(id, key));
    expect((await takeStep(clerk(), step(id, 'archive', '2026-11-22'))).status).toBe('archived');
  });

  it('refuses an override for a kind without that check', async () => {
    const { id } = await clerk().call(
      'mediation.quickOral',
      (await import('../../shared/kinds/mediation/fixtures')).validQuickOral(),
    );
    await expectRefused(
      () => director().call('dossier.override', { caseId: id, action: 'close', reason: '口头调解无需结案' }),
      'VALIDATION',
      'action',
      '操作：该类案件没有“结案”核对',
    );
  });
});

describe('completeness of many cases', () => {
  it('tells each open case’s missing count, from its recorded check or evaluated now', async () => {
    const a = await newApplication();
    const b = await newApplication();
    await clerk().call('dossier.markReceived', mark(b, 'applicantId'));
    const all = await dossierCompleteness(backend.store.db, 'open');
    expect(all.map((c) => [c.caseId, c.missingCount])).toEqual([
      [a, 4],
      [b, 3],
    ]);
    expect(await clerk().call('dossier.completeness', { caseIds: [b] })).toEqual([
      {
        caseId: b,
        missingCount: 3,
        missing: ['法律援助申请表', '个人诚信承诺书', '与所申请法律援助事项有关的案件材料'],
        ruleSetVersion: SHIPPED,
      },
    ]);
    await expectRefused(
      () => clerk().call('dossier.completeness', { caseIds: Array.from({ length: 501 }, (_, i) => i + 1) }),
      'VALIDATION',
      'caseIds',
      '案件：一次最多500件',
    );
  });

  it('lists the open cases whose dossiers are incomplete for the dashboard, most missing first; a complete one is not listed', async () => {
    const a = await newApplication();
    const b = await newApplication();
    const c = await newApplication();
    await clerk().call('dossier.markReceived', mark(b, 'applicantId'));
    for (const key of ['applicationForm', 'applicantId', 'financeCommitment', 'caseMaterials'])
      await clerk().call('dossier.markReceived', mark(c, key));
    const found = await clerk().call('dossier.incomplete', {});
    expect(found.total).toBe(2);
    expect(found.cases.map((x) => [x.caseId, x.missingCount, x.kind, x.status])).toEqual([
      [a, 4, 'legal_aid', 'received'],
      [b, 3, 'legal_aid', 'received'],
    ]);
    expect(found.cases[0]!.caseNumber).toMatch(/^〔2026〕黎托援字第\d{4}号$/);
  });
});

describe('the county bureau’s rule set', () => {
  const next = (): DossierRuleSet => {
    const set = structuredClone(DEFAULT_DOSSIER_RULES);
    set.version = SHIPPED + 1;
    set.name = '雨花区卷宗材料标准（2027）';
    set.kinds.legal_aid.items.push({ key: 'photo', name: '申请人近期照片', dueAt: 'received' });
    return set;
  };

  it('installs a newer valid set, re-checks the open cases against it, and keeps the version each case was checked against', async () => {
    const caseId = await newApplication();
    await clerk().call('dossier.markReceived', mark(caseId, 'applicantId'));
    const by = { by: '雨花区司法局', clock: { now: () => new Date('2026-11-22T03:00:00Z'), today: () => TODAY } };
    const result = await backend.store.db.transaction().execute((trx) => installDossierRuleSet(trx, next(), by));
    expect(result).toEqual({ version: SHIPPED + 1, recheckedCases: 1 });
    const view = await clerk().call('dossier.get', { caseId });
    expect(view.checklist.ruleSetVersion).toBe(SHIPPED + 1);
    expect(view.checkedVersion).toBe(SHIPPED + 1);
    expect(view.checklist.missing).toContain('申请人近期照片');
  });

  it('refuses a set that is not newer, or not valid, with the reason', async () => {
    const by = { by: '雨花区司法局', clock: { now: () => new Date('2026-11-22T03:00:00Z'), today: () => TODAY } };
    await expect(
      backend.store.db.transaction().execute((trx) => installDossierRuleSet(trx, DEFAULT_DOSSIER_RULES, by)),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `卷宗材料标准版本号应大于当前的第${SHIPPED}版`,
    });
    const bad = next();
    bad.kinds.mediation.items[0]!.dueAt = 'closed';
    await expect(
      backend.store.db.transaction().execute((trx) => installDossierRuleSet(trx, bad, by)),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('不是该类案件的阶段：closed'),
    });
    expect(backend.store.sqlite.prepare('SELECT version FROM dossier_rule_sets').all()).toEqual([
      { version: 1 },
      { version: SHIPPED },
    ]);
  });
});

describe('backups', () => {
  it('carry the attachments: a restored file finds its scans', async () => {
    const caseId = await newApplication();
    const view = await upload(clerk(), caseId, 'applicantId', '身份证.pdf', PDF);
    const sha = view.attachments[0]!.sha256;
    const backup = await as('admin').call('backup.create', { folder: null });
    expect(
      openFile(
        fs.readFileSync(path.join(`${backup.file}.attachments`, sha)),
        { current: TEST_KEY, previous: null },
        sha,
      ),
    ).toEqual(PDF);
    const attachments = path.join(path.dirname(backend.dataFile), 'attachments');
    fs.rmSync(attachments, { recursive: true });
    await as('admin').call('backup.restore', { file: backup.file });
    await backend.close();
    backend = testBackend(backend.dataFile);
    const restored = await backend.api.call('dossier.get', { caseId });
    expect(restored.attachments.map((a) => a.sha256)).toEqual([sha]);
    expect(openFile(fs.readFileSync(path.join(attachments, sha)), { current: TEST_KEY, previous: null }, sha)).toEqual(
      PDF,
    );
  });
});
