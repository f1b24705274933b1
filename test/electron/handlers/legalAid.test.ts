import { idCheckChar } from '../../../shared/identity';
import {
  fileState,
  OFFICE,
  testBackend,
  validApplication,
  validNotifiedDefence,
  type TestBackend,
} from '../../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const create = (application: unknown, draftId: number | null = null) =>
  backend.dispatch('legalAid.create', { draftId, application });

describe('registering a legal-aid application', () => {
  it('registers an application, numbers it and reads it back as entered', async () => {
    const { id, caseNumber } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    expect(caseNumber).toBe('〔2026〕黎托援字第0001号');
    const stored = await backend.api.call('legalAid.get', { id });
    expect(stored).toMatchObject({ id, caseNumber, status: 'received', createdAt: '2026-11-22T02:00:00.000Z' });
    expect(stored.application).toEqual(validApplication());
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

  it('stores the canonical ID number and phone, and keeps an agent and several opposing parties in order', async () => {
    const minorBirth = '2012-05-01';
    const body = `430111${minorBirth.replace(/-/g, '')}003`;
    const app = validApplication();
    const application = {
      ...app,
      applicant: {
        ...app.applicant,
        birthDate: minorBirth,
        sex: '男' as const,
        idNumber: (body + idCheckChar(body)).toLowerCase(),
        phone: '０７３１-８５１２３４５６',
      },
      agent: { name: '张建华', relation: '父母' as const, idNumber: '11010519491231002x', phone: '13900001111' },
      opposingParties: [
        { name: '甲公司', idNumber: '91350100M000100Y43' },
        { name: '乙', idNumber: '' },
      ],
    };
    const { id } = await backend.api.call('legalAid.create', { draftId: null, application });
    const stored = (await backend.api.call('legalAid.get', { id })).application;
    expect(stored.applicant.idNumber).toBe(body + idCheckChar(body));
    expect(stored.applicant.phone).toBe('0731-85123456');
    expect(stored.agent).toEqual({
      name: '张建华',
      relation: '父母',
      idNumber: '11010519491231002X',
      phone: '13900001111',
    });
    expect(stored.opposingParties.map((p) => p.name)).toEqual(['甲公司', '乙']);
  });

  it('numbers cases per year and never reuses a number', async () => {
    const app = validApplication();
    const first = await backend.api.call('legalAid.create', { draftId: null, application: app });
    const second = await backend.api.call('legalAid.create', { draftId: null, application: app });
    const lastYear = await backend.api.call('legalAid.create', {
      draftId: null,
      application: { ...app, receivedOn: '2025-12-31' },
    });
    expect([first.caseNumber, second.caseNumber, lastYear.caseNumber]).toEqual([
      '〔2026〕黎托援字第0001号',
      '〔2026〕黎托援字第0002号',
      '〔2025〕黎托援字第0001号',
    ]);
    // Even if a case row disappears, its number is not given again.
    await backend.store.db.deleteFrom('cases').where('id', '=', second.id).execute();
    const third = await backend.api.call('legalAid.create', { draftId: null, application: app });
    expect(third.caseNumber).toBe('〔2026〕黎托援字第0003号');
  });

  it('refuses to register before the office is set up', async () => {
    const fresh = testBackend();
    const result = await fresh.dispatch('legalAid.create', { draftId: null, application: validApplication() });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_SET_UP', message: '请先完成司法所设置' } });
    await fresh.close();
  });

  const app = validApplication();
  it.each([
    ['an empty required field', { ...app, matter: '' }, 'application.matter', '案由：不能为空'],
    [
      'a wrong check digit',
      { ...app, applicant: { ...app.applicant, idNumber: '110105194912310021' } },
      'application.applicant.idNumber',
      '公民身份号码：校验码不正确，请核对号码',
    ],
    [
      '19990230 as a birth date',
      { ...app, applicant: { ...app.applicant, birthDate: '19990230' } },
      'application.applicant.birthDate',
      '出生日期：不是真实的日期',
    ],
    [
      'a birth date after the application date',
      { ...app, receivedOn: '1949-12-01' },
      'application.applicant.birthDate',
      '出生日期：不能晚于申请日期',
    ],
    [
      'a 10,000-character name',
      { ...app, applicant: { ...app.applicant, name: '名'.repeat(10_000) } },
      'application.applicant.name',
      '申请人姓名：不能超过50个字符',
    ],
    ['control characters', { ...app, matter: '赡养\u001b[31m' }, 'application.matter', '案由：含有不可见的控制字符'],
    ['emoji', { ...app, facts: '拖欠工资🙏' }, 'application.facts', '案情及申请理由：不能包含表情符号'],
    [
      'a value of the wrong type',
      { ...app, finance: { ...app.finance, householdSize: '3' } },
      'application.finance.householdSize',
      '家庭人口数：格式不正确',
    ],
    [
      'an extra unknown field',
      { ...app, applicant: { ...app.applicant, nickname: '阿英' } },
      'application.applicant.nickname',
      '不允许的字段“application.applicant.nickname”',
    ],
    [
      'a fractional-fen income',
      { ...app, finance: { ...app.finance, monthlyIncomePerCapitaFen: 0.5 } },
      'application.finance.monthlyIncomePerCapitaFen',
      '家庭月人均收入：金额最多两位小数',
    ],
  ])(
    'refuses %s naming the field, and the file is byte-for-byte unchanged',
    async (_what, application, field, message) => {
      const before = fileState(backend.dataFile);
      const result = await create(application);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) });
      expect(fileState(backend.dataFile)).toBe(before);
    },
  );

  it('lists every offending field at once for the form', async () => {
    const result = await create({ ...app, matter: '', receivedBy: '' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues?.map((i) => i.field)).toEqual(['application.matter', 'application.receivedBy']);
  });

  it('refuses an unknown draft and writes nothing', async () => {
    const before = fileState(backend.dataFile);
    expect(await create(app, 999)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'draftId', message: '草稿不存在或已删除' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect(await backend.store.db.selectFrom('case_number_counters').selectAll().execute()).toEqual([]);
  });

  it('reports a case that does not exist', async () => {
    await expect(backend.api.call('legalAid.get', { id: 404 })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', field: 'id', message: '案件不存在' },
    });
    expect(await backend.dispatch('legalAid.get', { id: -1 })).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'id', message: '案件：格式不正确' }),
    });
  });
});

describe('criminal defence by application: the ground (法律援助法 第24条)', () => {
  const app = validApplication();
  const defence = (defenceGround: '' | '经济困难' | '其他原因', finance = app.finance) => ({
    ...app,
    opposingParties: [],
    category: '刑事' as const,
    serviceForm: '刑事辩护与代理' as const,
    matter: '涉嫌盗窃罪',
    proceedingStage: '审查起诉' as const,
    handlingAuthority: '雨花区人民检察院',
    defenceGround,
    finance,
  });
  const noFinances = { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '' as const, exemptReason: '' };

  it('registers a defence for another reason without the finances, and no financial check is asked', async () => {
    const { id } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: defence('其他原因', noFinances),
    });
    const stored = await backend.api.call('legalAid.get', { id });
    expect(stored.application).toMatchObject({ defenceGround: '其他原因', finance: noFinances });
    const verdict = await backend.api.call('legalAid.eligibility', {
      caseId: id,
      matterType: null,
      mandatoryDefenceGrounds: null,
      limitEndsOn: null,
      urgentPreservation: null,
    });
    expect(verdict.financial).toMatchObject({ test: 'notRequired', article: '法律援助法第24条' });
  });

  it('a defence on financial difficulty must state the finances (第41条)', async () => {
    const result = await create(defence('经济困难', noFinances));
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'application.finance.basis', message: '经济困难核查方式：请选择' }),
    });
  });

  it('refuses a ground on a case that is not criminal', async () => {
    const result = await create({ ...app, defenceGround: '其他原因' });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        field: 'application.defenceGround',
        message: '没有委托辩护人的原因：仅刑事案件申请辩护时填写（法律援助法第24条）',
      }),
    });
  });
});

describe('matters the statute names beside 第31、32条: 申诉、再审 (第33条), 强制医疗 (第28条)', () => {
  const eligibility = (caseId: number) =>
    backend.api.call('legalAid.eligibility', {
      caseId,
      matterType: null,
      mandatoryDefenceGrounds: null,
      limitEndsOn: null,
      urgentPreservation: null,
    });

  it('reviews an application to retry a judgment as 第33条 and decides it under that 事项类型', async () => {
    const { id } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), matter: '不服离婚纠纷生效判决申请再审' },
    });
    const verdict = await eligibility(id);
    expect(verdict.matterType).toBe('申诉再审');
    expect(verdict.scope).toMatchObject({ inScope: true, article: '法律援助法第33条' });
    const decided = await backend.dispatch('legalAid.decide', {
      caseId: id,
      actedOn: '2026-11-20',
      decision: '给予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '申诉再审',
      mandatoryDefenceGrounds: [],
      documentNumber: '',
      reasons: '',
    });
    expect(decided).toMatchObject({ ok: true });
    expect((await eligibility(id)).matterType).toBe('申诉再审');
  });

  it('finds a notified 强制医疗 case in scope under 第28条 with no financial check', async () => {
    const notice = validNotifiedDefence();
    const { id } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: {
        ...notice,
        matter: '强制医疗',
        notice: { ...notice.notice!, grounds: ['强制医疗案件的被申请人或者被告人'] },
      },
    });
    const verdict = await eligibility(id);
    expect(verdict.scope).toMatchObject({ inScope: true, article: '法律援助法第28条' });
    expect(verdict.financial.test).toBe('notRequired');
  });
});
