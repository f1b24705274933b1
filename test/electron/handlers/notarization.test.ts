import { testKeys } from '../../support/testKey';
import path from 'node:path';
import { migrations } from '../../../db/migrations';
import { openStore } from '../../../db/open';
import { createApi } from '../../../shared/client';
import type { NotarizationRequestInput } from '../../../shared/kinds/notarization/intake';
import { MATTER_SEED, SHIPPED_MATTERS } from '../../../shared/kinds/notarization/matters';
import { fileState, OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../../support/fixtures';
import { AGENT_ID, APPLICANT_ID, CREDIT_CODE, validRequest } from '../../shared/kinds/notarization/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const create = (request: unknown, draftId: number | null = null) =>
  backend.dispatch('notarization.create', { draftId, request });
const register = (overrides: Partial<NotarizationRequestInput> = {}) =>
  backend.api.call('notarization.create', { draftId: null, request: validRequest(overrides) });

describe('the matter catalogue', () => {
  it('is seeded by the migration, in order, with each matter’s required materials and flags', async () => {
    const matters = await backend.api.call('notarization.matters', { includeInactive: false });
    expect(matters.map((m) => m.code)).toEqual(SHIPPED_MATTERS.map((m) => m.code));
    expect(matters.find((m) => m.name === '学历')).toEqual({
      code: 'education',
      name: '学历',
      category: '出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录',
      requiredMaterials: ['申请人身份证明（居民身份证）', '毕业证书原件'],
      oneVisit: true,
      inPersonOnly: false,
      active: true,
    });
    expect(matters.find((m) => m.name === '无犯罪记录')?.requiredMaterials).toContain('公安机关出具的无犯罪记录证明');
    expect(matters.find((m) => m.name === '遗嘱')).toMatchObject({ oneVisit: false, inPersonOnly: true });
    // 公证程序规则 第11条's in-person matters (migration 0023), before 其他.
    for (const name of ['遗赠扶养协议', '认领亲子', '解除收养关系', '保证'])
      expect(matters.find((m) => m.name === name)).toMatchObject({ inPersonOnly: true, active: true });
    expect(matters.at(-1)?.name).toBe('其他');
  });

  it('is seeded when an older file is upgraded', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    await openStore(file, { keys: testKeys(), migrations: migrations.filter((m) => m.version <= 7) }).close();
    const upgraded = openStore(file, { keys: testKeys() });
    const count = upgraded.sqlite.prepare('SELECT count(*) AS n FROM notarization_matters WHERE active = 1').get() as {
      n: number;
    };
    expect(count.n).toBe(SHIPPED_MATTERS.length);
    await upgraded.close();
  });

  it('gains 公证程序规则 第11条’s in-person matters before 其他 when a file from before migration 0023 is upgraded', async () => {
    const file = path.join(tempDir(), 'before0023.sqlite');
    const older = openStore(file, { keys: testKeys(), migrations: migrations.filter((m) => m.version < 23) });
    // A bureau had already added 保证 by hand under its own code: it is kept, not added twice.
    older.sqlite
      .prepare(
        `INSERT INTO notarization_matters (code, position, name, category, required_materials, one_visit, in_person_only, active, updated_at)
         VALUES ('bz', 99, '保证', '其他公证事项', '["保证书"]', 0, 0, 1, '2026-11-30T00:00:00.000Z')`,
      )
      .run();
    await older.close();
    const upgraded = openStore(file, { keys: testKeys() });
    const rows = upgraded.sqlite
      .prepare('SELECT code, name, in_person_only FROM notarization_matters ORDER BY position')
      .all() as { code: string; name: string; in_person_only: number }[];
    await upgraded.close();
    expect(rows.map((r) => r.code)).toEqual([
      ...MATTER_SEED.filter((m) => m.code !== 'other').map((m) => m.code),
      'legacy_support_agreement',
      'paternity_acknowledgement',
      'adoption_dissolution',
      'other',
      'bz',
    ]);
    expect(rows.filter((r) => r.in_person_only === 1).map((r) => r.name)).toEqual(
      expect.arrayContaining(['遗赠扶养协议', '认领亲子', '解除收养关系']),
    );
  });

  describe('edited by the director', () => {
    const as = (caller: string) => createApi((channel, input) => backend.dispatch(channel, input, caller));
    let director: ReturnType<typeof as>;
    beforeEach(async () => {
      await backend.api.call('users.create', {
        username: 'suozhang',
        displayName: '王所长',
        role: 'director',
        password: 'Initial123',
      });
      director = as('suozhang');
      await director.call('auth.signIn', { username: 'suozhang', password: 'Initial123' });
      await director.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
    });
    const education = () => ({ ...MATTER_SEED.find((m) => m.code === 'education')!, active: true });

    it('changes a matter’s materials; a request registered before keeps the list it was checked against', async () => {
      const { id } = await register();
      const materials = ['申请人身份证明（居民身份证）', '毕业证书原件', '学信网学历认证报告'];
      expect(
        await director.call('notarization.updateMatter', { ...education(), requiredMaterials: materials }),
      ).toMatchObject({ requiredMaterials: materials });
      expect((await backend.api.call('notarization.get', { id })).matter.requiredMaterials).toEqual([
        '申请人身份证明（居民身份证）',
        '毕业证书原件',
      ]);
      const { id: later } = await register();
      expect((await backend.api.call('notarization.get', { id: later })).matter.requiredMaterials).toEqual(materials);
    });

    it('deactivates a matter: it leaves the list and new requests for it are refused, naming the field', async () => {
      await director.call('notarization.updateMatter', { ...education(), active: false });
      expect(
        (await backend.api.call('notarization.matters', { includeInactive: false })).map((m) => m.code),
      ).not.toContain('education');
      expect(
        (await backend.api.call('notarization.matters', { includeInactive: true })).find((m) => m.code === 'education')
          ?.active,
      ).toBe(false);
      const before = fileState(backend.dataFile);
      expect(await create(validRequest())).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION',
          field: 'request.matterCode',
          message: '公证事项：不在公证事项目录中或已停用',
        }),
      });
      expect(fileState(backend.dataFile)).toBe(before);
    });

    it.each([
      ['an unknown matter', { code: 'teleportation' }, 'NOT_FOUND', 'code', '公证事项不存在'],
      ['a name another matter has', { name: '学位' }, 'CONFLICT', 'name', '事项名称：与已有的事项“学位”重复'],
      [
        'an empty list of materials',
        { requiredMaterials: [] },
        'VALIDATION',
        'requiredMaterials',
        '所需材料：至少填写一项',
      ],
    ])('refuses %s and changes nothing', async (_what, change, code, field, message) => {
      const before = fileState(backend.dataFile);
      const result = await backend.dispatch('notarization.updateMatter', { ...education(), ...change }, 'suozhang');
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, field, message }) });
      expect(fileState(backend.dataFile)).toBe(before);
    });
  });
});

describe('registering a notarization request', () => {
  it('registers a request, numbers it 公字 and reads it back as entered', async () => {
    const { id, caseNumber } = await register();
    expect(caseNumber).toBe('〔2026〕黎托公字第0001号');
    const stored = await backend.api.call('notarization.get', { id });
    expect(stored).toMatchObject({
      id,
      caseNumber,
      status: 'received',
      statusLabel: '待核对材料',
      useScope: '涉外',
      createdAt: '2026-11-22T02:00:00.000Z',
      matter: {
        code: 'education',
        name: '学历',
        requiredMaterials: ['申请人身份证明（居民身份证）', '毕业证书原件'],
        oneVisit: true,
      },
      checklist: ['申请人身份证明（居民身份证）', '毕业证书原件'],
      allowedActions: [
        { action: 'checkMaterials', label: '材料核对／一次性告知' },
        { action: 'terminate', label: '终止公证' },
      ],
    });
    expect(stored.request).toEqual(validRequest());
    expect(await backend.api.call('cases.timeline', { caseId: id })).toEqual([
      expect.objectContaining({
        action: 'register',
        actedOn: '2026-11-20',
        fromStatus: null,
        toStatus: 'received',
        username: '李娟',
      }),
    ]);
  });

  it('keeps several applicants in order, an organisation with its 法定代表人, and an agent with the 授权委托书', async () => {
    const [person] = validRequest().applicants;
    const organisation = {
      kind: 'organisation' as const,
      name: '长沙黎托农产品有限公司',
      creditCode: CREDIT_CODE.toLowerCase(),
      legalRepresentative: '周建军',
      phone: '',
    };
    const agent = {
      kind: '委托代理人' as const,
      name: '张秀英',
      idNumber: AGENT_ID.toLowerCase(),
      phone: '139 0000 1111',
      powerOfAttorney: true,
    };
    const { id } = await register({
      applicants: [person!, organisation],
      agent,
      matterCode: 'contract',
      placeOfUse: '中国大陆',
      needsTranslation: false,
      translationLanguage: '',
      pickupOn: '2026-12-01',
    });
    const stored = await backend.api.call('notarization.get', { id });
    expect(stored.request.applicants).toEqual([person, { ...organisation, creditCode: CREDIT_CODE }]);
    expect(stored.request.agent).toEqual({ ...agent, idNumber: AGENT_ID, phone: '13900001111' });
    expect(stored.request).toMatchObject({ placeOfUse: '国内', pickupOn: '2026-12-01' });
    expect(stored.useScope).toBe('国内');
    expect(stored.checklist.slice(-2)).toEqual(['代理人身份证明', '授权委托书']);
    const roles = await backend.store.db
      .selectFrom('parties')
      .select(['role', 'position', 'id_type'])
      .where('case_id', '=', id)
      .orderBy('id')
      .execute();
    expect(roles).toEqual([
      { role: 'applicant', position: 0, id_type: '居民身份证' },
      { role: 'applicant', position: 1, id_type: '统一社会信用代码' },
      { role: 'agent', position: 0, id_type: '居民身份证' },
    ]);
  });

  it('finds the request by the applicant’s name, ID number and the matter', async () => {
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const { id } = await register();
    for (const query of ['王晓明', APPLICANT_ID, '学历公证', '晓明']) {
      const page = await backend.api.call('cases.list', {
        kind: null,
        status: null,
        query,
        page: 1,
        pageSize: 20,
        sortBy: 'receivedOn',
        sortOrder: 'desc',
      });
      expect({ query, ids: page.rows.map((r) => r.id) }).toEqual({ query, ids: [id] });
    }
  });

  it('numbers requests per year, apart from the other kinds, and removes the draft it came from', async () => {
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const draft = await backend.api.call('drafts.save', {
      id: null,
      kind: 'notarization',
      title: '王晓明 学历',
      data: {},
    });
    const first = await backend.api.call('notarization.create', { draftId: draft.id, request: validRequest() });
    const lastYear = await register({ receivedOn: '2025-12-30' });
    const second = await register();
    expect([first.caseNumber, lastYear.caseNumber, second.caseNumber]).toEqual([
      '〔2026〕黎托公字第0001号',
      '〔2025〕黎托公字第0001号',
      '〔2026〕黎托公字第0002号',
    ]);
    expect(await backend.api.call('drafts.list', { kind: null })).toEqual([]);
  });

  const req = validRequest();
  const person = req.applicants[0]!;
  it.each([
    [
      'a wrong check character in the ID number',
      { applicants: [{ ...person, idNumber: APPLICANT_ID.slice(0, 17) + (APPLICANT_ID.endsWith('0') ? '1' : '0') }] },
      'request.applicants.0.idNumber',
      '公民身份号码：校验码不正确，请核对号码',
    ],
    [
      'a bad 统一社会信用代码',
      {
        applicants: [
          {
            kind: 'organisation',
            name: '某公司',
            creditCode: '91350100M000100Y40',
            legalRepresentative: '周建军',
            phone: '',
          },
        ],
      },
      'request.applicants.0.creditCode',
      '统一社会信用代码：应为18位有效的统一社会信用代码（校验不通过）',
    ],
    [
      'translation without a language',
      { translationLanguage: '' },
      'request.translationLanguage',
      '译文语种：需要翻译时须填写译文语种',
    ],
    ['0 copies', { copies: 0 }, 'request.copies', '份数：不能小于1'],
    ['a negative fee', { feeFen: -1 }, 'request.feeFen', '收费：金额不能为负数'],
    ['no applicant', { applicants: [] }, 'request.applicants', '申请人：至少填写一个申请人'],
    [
      'an organisation without its 法定代表人',
      {
        applicants: [
          { kind: 'organisation', name: '某公司', creditCode: CREDIT_CODE, legalRepresentative: '', phone: '' },
        ],
      },
      'request.applicants.0.legalRepresentative',
      '法定代表人：不能为空',
    ],
    [
      'an entrusted agent without a 授权委托书',
      {
        agent: { kind: '委托代理人', name: '张秀英', idNumber: AGENT_ID, phone: '13900001111', powerOfAttorney: false },
      },
      'request.agent.powerOfAttorney',
      '授权委托书：委托代理人须提交申请人签署的授权委托书',
    ],
    [
      'a matter not in the catalogue',
      { matterCode: 'teleportation' },
      'request.matterCode',
      '公证事项：不在公证事项目录中或已停用',
    ],
    [
      'a will applied for by an entrusted agent',
      {
        matterCode: 'will',
        agent: { kind: '委托代理人', name: '张秀英', idNumber: AGENT_ID, phone: '13900001111', powerOfAttorney: true },
      },
      'request.agent',
      '代理人：遗嘱公证须由申请人本人亲自申办，不能委托他人代理（公证法 第26条；公证程序规则 第11条）',
    ],
    // The form checks against the PC's date; the service again against the office's clock (here 2026-11-22).
    [
      'a receipt date after the office’s today',
      { receivedOn: '2026-11-23' },
      'request.receivedOn',
      '受理日期：不能晚于今天',
    ],
    ['an unknown field', { ...req, remark: '加急' }, 'request.remark', '不允许的字段“request.remark”'],
  ])('refuses %s naming the field, and the file is byte-for-byte unchanged', async (_what, change, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await create({ ...req, ...change });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  // The in-person matters of 公证程序规则 第11条 that migration 0023 added.
  it.each(['legacy_support_agreement', 'paternity_acknowledgement', 'adoption_dissolution', 'guarantee'])(
    'refuses %s applied for by an entrusted agent, citing 第26条 and 第11条, and changes nothing',
    async (matterCode) => {
      const before = fileState(backend.dataFile);
      const agent = {
        kind: '委托代理人',
        name: '张秀英',
        idNumber: AGENT_ID,
        phone: '13900001111',
        powerOfAttorney: true,
      };
      const result = await create({ ...req, matterCode, agent });
      const name = SHIPPED_MATTERS.find((m) => m.code === matterCode)!.name;
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION',
          field: 'request.agent',
          message: `代理人：${name}公证须由申请人本人亲自申办，不能委托他人代理（公证法 第26条；公证程序规则 第11条）`,
        }),
      });
      expect(fileState(backend.dataFile)).toBe(before);
    },
  );

  it('lists every offending field at once for the form', async () => {
    const result = await create({ ...req, copies: 0, feeFen: -1, translationLanguage: '' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues?.map((i) => i.field)).toEqual([
        'request.copies',
        'request.feeFen',
        'request.translationLanguage',
      ]);
  });

  it('refuses an unknown draft, and before the office is set up, writing nothing', async () => {
    const before = fileState(backend.dataFile);
    expect(await create(req, 999)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'draftId', message: '草稿不存在或已删除' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
    const fresh = testBackend();
    expect(await fresh.dispatch('notarization.create', { draftId: null, request: req })).toEqual({
      ok: false,
      error: { code: 'NOT_SET_UP', message: '请先完成司法所设置' },
    });
    await fresh.close();
  });

  it('reports a request that does not exist, and a case of another kind', async () => {
    const { id: legalAidId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    for (const id of [404, legalAidId]) {
      expect(await backend.dispatch('notarization.get', { id })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', field: 'id', message: '案件不存在' },
      });
      expect(await backend.dispatch('notarization.deadlines', { id })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', field: 'id', message: '案件不存在' },
      });
    }
  });
});
