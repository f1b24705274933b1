import { fileState, OFFICE, testBackend, type TestBackend } from '../../support/fixtures';
import {
  CREDIT_CODE,
  LI_ID,
  validPeople,
  validQuickOral,
  validRegistration,
  WANG_ID,
  withCheck,
} from '../../shared/kinds/mediation/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend(); // today is 2026-11-22
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const create = (registration: unknown, draftId: number | null = null) =>
  backend.dispatch('mediation.create', { draftId, registration });

/** The call is refused with this field and message, and the data file is byte-for-byte what it was. */
async function expectRefused(call: () => Promise<unknown>, code: string, field: string, message: string | RegExp) {
  const before = fileState(backend.dataFile);
  const result = await call();
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({
      code,
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  });
  expect(fileState(backend.dataFile)).toBe(before);
}

describe('registering a mediation case (受理登记表)', () => {
  it('registers a dispute, numbers it 调字 and reads it back as entered', async () => {
    const { id, caseNumber } = await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration(),
    });
    expect(caseNumber).toBe('〔2026〕黎托调字第0001号');
    const stored = await backend.api.call('mediation.get', { id });
    expect(stored).toMatchObject({
      id,
      caseNumber,
      status: 'registered',
      statusLabel: '已受理',
      simple: false,
      title: '王建国与李秀梅邻里纠纷',
      createdAt: '2026-11-22T02:00:00.000Z',
    });
    expect(stored.registration).toEqual(validRegistration());
    expect(stored.facts).toMatchObject({ outcome: null, agreement: null, sessions: [], crimePrevention: false });
    expect(stored.available.map((a) => a.action)).toEqual(['investigate', 'recordSession', 'terminate']);
    expect(await backend.api.call('cases.timeline', { caseId: id })).toEqual([
      expect.objectContaining({
        action: 'register',
        actedOn: '2026-11-02',
        fromStatus: null,
        toStatus: 'registered',
        username: '李娟',
      }),
    ]);
  });

  it('keeps the parties in the shared parties table, where search and conflict checks find them', async () => {
    const reg = validRegistration();
    const org = {
      kind: 'organisation' as const,
      name: '长沙市花侯物业管理有限公司',
      creditCode: CREDIT_CODE.toLowerCase(),
      legalRepresentative: '刘强',
      address: '雨花区黎托街道88号',
      phone: '0731-84000000',
    };
    const { id } = await backend.api.call('mediation.create', {
      draftId: null,
      registration: { ...reg, parties: [...reg.parties, org], peopleCount: 3 },
    });
    const rows = await backend.store.db
      .selectFrom('parties')
      .select(['role', 'position', 'name', 'id_type', 'id_number'])
      .where('case_id', '=', id)
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      { role: 'party', position: 0, name: '王建国', id_type: '居民身份证', id_number: WANG_ID },
      { role: 'party', position: 1, name: '李秀梅', id_type: '', id_number: '' },
      {
        role: 'party',
        position: 2,
        name: '长沙市花侯物业管理有限公司',
        id_type: '统一社会信用代码',
        id_number: CREDIT_CODE,
      },
    ]);
    const stored = await backend.api.call('mediation.get', { id });
    expect(stored.title).toBe('王建国与李秀梅等邻里纠纷');
    expect(stored.registration.parties[2]).toEqual({ ...org, creditCode: CREDIT_CODE });

    const list = (query: string) =>
      backend.api.call('cases.list', {
        kind: null,
        status: null,
        query,
        page: 1,
        pageSize: 20,
        sortBy: 'receivedOn',
        sortOrder: 'desc',
      });
    expect((await list('王建国')).rows.map((r) => r.id)).toEqual([id]);
    expect((await list('花侯物业')).rows.map((r) => r.id)).toEqual([id]);
    expect((await list('排水沟')).rows.map((r) => r.id)).toEqual([id]);
    expect((await list('调字第0001')).rows.map((r) => r.id)).toEqual([id]);

    // A later case with the same person: the conflict check sees the mediation party.
    const conflicts = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '王建国', idNumber: WANG_ID, birthDate: '', role: 'opposing' }],
    });
    expect(conflicts.matches).toEqual([
      expect.objectContaining({ matchedBy: 'idNumber', otherCase: expect.objectContaining({ id, kind: 'mediation' }) }),
    ]);
  });

  it('stores numbers in canonical form and numbers cases per year without reuse', async () => {
    const reg = validRegistration();
    const [wang, li] = validPeople();
    const first = await backend.api.call('mediation.create', {
      draftId: null,
      registration: {
        ...reg,
        parties: [
          { ...wang, idNumber: ` ${WANG_ID.slice(0, 9)} ${WANG_ID.slice(9)} `, phone: '+86 138 0013 8000' },
          { ...li, idNumber: LI_ID.toLowerCase() },
        ],
      } as never,
    });
    const second = await backend.api.call('mediation.create', { draftId: null, registration: validRegistration() });
    const lastYear = await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration({ receivedOn: '2025-12-30' }),
    });
    expect([first.caseNumber, second.caseNumber, lastYear.caseNumber]).toEqual([
      '〔2026〕黎托调字第0001号',
      '〔2026〕黎托调字第0002号',
      '〔2025〕黎托调字第0001号',
    ]);
    const parties = (await backend.api.call('mediation.get', { id: first.id })).registration.parties;
    expect(parties.map((p) => (p.kind === 'person' ? [p.idNumber, p.phone] : []))).toEqual([
      [WANG_ID, '13800138000'],
      [LI_ID, '0731-85123456'],
    ]);
  });

  it('removes the draft it was registered from', async () => {
    const draft = await backend.api.call('drafts.save', {
      id: null,
      kind: 'mediation',
      title: '王建国 邻里纠纷',
      data: { step: 2 },
    });
    await backend.api.call('mediation.create', { draftId: draft.id, registration: validRegistration() });
    expect(await backend.api.call('drafts.list', { kind: 'mediation' })).toEqual([]);
  });

  const reg = validRegistration();
  const [wang, li] = validPeople();
  const organisation = {
    kind: 'organisation',
    name: '长沙市花侯物业管理有限公司',
    creditCode: CREDIT_CODE,
    legalRepresentative: '刘强',
    address: '雨花区黎托街道88号',
    phone: '0731-84000000',
  };
  it.each([
    [
      'a dispute with one party',
      { ...reg, parties: [wang] },
      'registration.parties',
      '当事人：纠纷须有两方或以上当事人',
    ],
    ['a dispute with no parties', { ...reg, parties: [] }, 'registration.parties', '当事人：纠纷须有两方或以上当事人'],
    [
      'a wrong ID check character',
      { ...reg, parties: [{ ...wang, idNumber: WANG_ID.slice(0, 17) + (WANG_ID.endsWith('1') ? '2' : '1') }, li] },
      'registration.parties.0.idNumber',
      '公民身份号码：校验码不正确，请核对号码',
    ],
    [
      'an ID with an impossible birth date',
      { ...reg, parties: [wang, { ...li, idNumber: withCheck('43011119720230004') }] },
      'registration.parties.1.idNumber',
      '公民身份号码：号码中的出生日期不是真实日期',
    ],
    [
      'a birth date that contradicts the ID',
      { ...reg, parties: [{ ...wang, birthDate: '1968-04-13' }, li] },
      'registration.parties.0.birthDate',
      '出生日期：与公民身份号码中的出生日期（1968年4月12日）不一致',
    ],
    [
      'a sex that contradicts the ID',
      { ...reg, parties: [{ ...wang, sex: '女' }, li] },
      'registration.parties.0.sex',
      '性别：与公民身份号码显示的性别（男）不一致',
    ],
    [
      'a wrong credit-code check character',
      { ...reg, parties: [wang, { ...organisation, creditCode: '91350100M000100Y44' }] },
      'registration.parties.1.creditCode',
      /^统一社会信用代码：应为18位有效的统一社会信用代码/,
    ],
    [
      'a credit code with a letter GB 32100 does not use',
      { ...reg, parties: [wang, { ...organisation, creditCode: '91350100M000100I43' }] },
      'registration.parties.1.creditCode',
      /^统一社会信用代码：/,
    ],
    [
      'an organisation without its credit code',
      { ...reg, parties: [wang, { ...organisation, creditCode: '' }] },
      'registration.parties.1.creditCode',
      '统一社会信用代码：不能为空',
    ],
    [
      'an organisation without its legal representative',
      { ...reg, parties: [wang, { ...organisation, legalRepresentative: '' }] },
      'registration.parties.1.legalRepresentative',
      '法定代表人（负责人）：不能为空',
    ],
    [
      'a person given an organisation’s field',
      { ...reg, parties: [{ ...wang, creditCode: CREDIT_CODE }, li] },
      'registration.parties.0.creditCode',
      '不允许的字段“registration.parties.0.creditCode”',
    ],
    [
      'an organisation given a person’s field',
      { ...reg, parties: [wang, { ...organisation, sex: '男' }] },
      'registration.parties.1.sex',
      '不允许的字段“registration.parties.1.sex”',
    ],
    [
      'a party of no kind',
      { ...reg, parties: [wang, { ...li, kind: 'company' }] },
      'registration.parties.1.kind',
      '当事人类型：请选择自然人或法人、非法人组织',
    ],
    [
      'a person without a sex',
      { ...reg, parties: [{ ...wang, sex: '' }, li] },
      'registration.parties.0.sex',
      '性别：请选择',
    ],
    [
      'the same person twice',
      { ...reg, parties: [wang, { ...li, name: '王建', idNumber: WANG_ID, sex: '男', birthDate: '1968-04-12' }] },
      'registration.parties.1.idNumber',
      '公民身份号码：与第1个当事人重复，同一当事人只能填写一次',
    ],
    [
      'a bad phone number',
      { ...reg, parties: [wang, { ...li, phone: '12345' }] },
      'registration.parties.1.phone',
      '联系电话：应为手机号码或带区号的固定电话',
    ],
    [
      'a dispute type not in the office’s list',
      { ...reg, disputeType: '宠物纠纷' },
      'registration.disputeType',
      '纠纷类型：不在本所的纠纷类型列表中',
    ],
    [
      'an application without its requests',
      { ...reg, requests: '' },
      'registration.requests',
      '当事人申请事项：当事人申请调解的，须写明申请事项',
    ],
    [
      'a police referral without the referring body',
      { ...reg, source: '公安移送' },
      'registration.sourceDetail',
      '来源说明：公安移送的，须写明移送或委托单位',
    ],
    ['no mediator', { ...reg, mediators: [] }, 'registration.mediators', '调解员：至少填写一名调解员'],
    [
      'the same mediator twice',
      { ...reg, mediators: ['赵德明', '赵德明'] },
      'registration.mediators.1',
      '调解员：调解员重复',
    ],
    [
      'fewer people involved than parties',
      { ...reg, peopleCount: 1 },
      'registration.peopleCount',
      '涉及人数：不能少于当事人数（2）',
    ],
    ['a negative amount', { ...reg, amountFen: -100 }, 'registration.amountFen', '涉及金额：金额不能为负数'],
    ['a fractional-fen amount', { ...reg, amountFen: 100.5 }, 'registration.amountFen', '涉及金额：金额最多两位小数'],
    [
      'a registration date in the future',
      { ...reg, receivedOn: '2099-01-01' },
      'registration.receivedOn',
      '受理日期：不能晚于今天',
    ],
    [
      'a birth date after the registration date',
      { ...reg, receivedOn: '1970-01-01' },
      'registration.parties.1.birthDate',
      '出生日期：不能晚于受理日期',
    ],
    ['emoji in the facts', { ...reg, summary: '吵架😡' }, 'registration.summary', '纠纷简要情况：不能包含表情符号'],
  ])(
    'refuses %s naming the field, and the file is byte-for-byte unchanged',
    async (_what, registration, field, message) => {
      await expectRefused(() => create(registration), 'VALIDATION', field, message);
    },
  );

  it('refuses a registration dated after the office’s today although before the PC’s', async () => {
    // The schema checks against the PC's date; the service again against the backend's clock (2026-11-22).
    await expectRefused(
      () => create(validRegistration({ receivedOn: '2026-11-23' })),
      'VALIDATION',
      'registration.receivedOn',
      '受理日期：不能晚于今天',
    );
  });

  it('lists every offending field at once for the form', async () => {
    const result = await create({ ...reg, parties: [wang], committee: '' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues?.map((i) => i.field)).toEqual(['registration.committee', 'registration.parties']);
  });

  it('refuses an unknown draft and takes no case number', async () => {
    await expectRefused(() => create(validRegistration(), 999), 'NOT_FOUND', 'draftId', '草稿不存在或已删除');
    expect(await backend.store.db.selectFrom('case_number_counters').selectAll().execute()).toEqual([]);
  });

  it('reports a case that does not exist, or is not a mediation case', async () => {
    const legalAid = await backend.store.db.selectFrom('cases').select('id').executeTakeFirst();
    expect(legalAid).toBeUndefined();
    await expect(backend.api.call('mediation.get', { id: 404 })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', field: 'id', message: '案件不存在' },
    });
    await expect(backend.api.call('mediation.deadlines', { id: 404 })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', field: 'id' },
    });
  });
});

describe('口头调解登记: a simple dispute registered and concluded at once', () => {
  it('registers the dispute concluded with an oral agreement, flagged simple', async () => {
    const { id, caseNumber } = await backend.api.call('mediation.quickOral', validQuickOral());
    expect(caseNumber).toBe('〔2026〕黎托调字第0001号');
    const stored = await backend.api.call('mediation.get', { id });
    expect(stored).toMatchObject({
      status: 'concluded',
      statusLabel: '调解成功',
      simple: true,
      title: '陈立与长沙市黎托家电经营部消费纠纷',
    });
    expect(stored.facts.agreement).toEqual({
      on: '2026-11-20',
      form: '口头',
      content: '经营部当场为陈立更换同型号新品一台，双方再无争议。',
      amountFen: 0,
      performanceMethod: '即时履行',
      performanceDueOn: '',
      effectiveOn: '2026-11-20',
      agreementNumber: '',
    });
    expect(stored.facts.outcome).toEqual({ on: '2026-11-20', result: '调解成功' });
    // The person's sex and birth date come from the ID number; numbers are canonical.
    expect(stored.registration.parties).toEqual([
      {
        kind: 'person',
        name: '陈立',
        sex: '女',
        birthDate: '1972-09-03',
        ethnicity: '',
        idNumber: LI_ID,
        address: '',
        phone: '',
        occupation: '',
      },
      {
        kind: 'organisation',
        name: '长沙市黎托家电经营部',
        creditCode: CREDIT_CODE,
        legalRepresentative: '',
        address: '',
        phone: '13900001111',
      },
    ]);
    expect(stored.registration).toMatchObject({
      mediators: ['赵德明'],
      receivedOn: '2026-11-20',
      peopleCount: 2,
      requests: '',
    });
    expect(
      (await backend.api.call('cases.timeline', { caseId: id })).map((t) => [t.action, t.actedOn, t.toStatus]),
    ).toEqual([
      ['register', '2026-11-20', 'registered'],
      ['succeed', '2026-11-20', 'concluded'],
    ]);
    // What follows an agreement is open to it: performance, follow-up, the subsidy; not judicial confirmation (oral).
    expect(stored.available.map((a) => a.action)).toEqual([
      'recordPerformance',
      'followUp',
      'markCrimePrevention',
      'recordSubsidy',
      'archive',
    ]);
  });

  it('accepts parties with a name only', async () => {
    const { id } = await backend.api.call(
      'mediation.quickOral',
      validQuickOral({
        parties: [
          { kind: 'person', name: '甲', idNumber: '', phone: '', address: '' },
          { kind: 'person', name: '乙', idNumber: '', phone: '', address: '' },
        ],
      }),
    );
    expect((await backend.api.call('mediation.get', { id })).title).toBe('甲与乙消费纠纷');
  });

  const quick = validQuickOral();
  it.each([
    [
      'an oral agreement without its content',
      { ...quick, agreementContent: '' },
      'agreementContent',
      '协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）',
    ],
    [
      'an oral agreement of blanks only',
      { ...quick, agreementContent: '   ' },
      'agreementContent',
      '协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）',
    ],
    ['one party', { ...quick, parties: [quick.parties[0]] }, 'parties', '当事人：纠纷须有两方或以上当事人'],
    [
      'a bad credit code',
      {
        ...quick,
        parties: [
          quick.parties[0],
          { kind: 'organisation', name: '某店', creditCode: '913501001234567890', phone: '' },
        ],
      },
      'parties.1.creditCode',
      /^统一社会信用代码：应为18位有效/,
    ],
    [
      'a bad ID number',
      {
        ...quick,
        parties: [
          { kind: 'person', name: '陈立', idNumber: '430111197209030', phone: '', address: '' },
          quick.parties[1],
        ],
      },
      'parties.0.idNumber',
      /^公民身份号码：/,
    ],
    ['no mediator', { ...quick, mediator: '' }, 'mediator', '调解员：不能为空'],
    ['a date in the future', { ...quick, mediatedOn: '2099-01-01' }, 'mediatedOn', '调解日期：不能晚于今天'],
    [
      'a negative agreed amount',
      { ...quick, agreementAmountFen: -1 },
      'agreementAmountFen',
      '协议金额：金额不能为负数',
    ],
    [
      'an instalment plan without its due date',
      { ...quick, performanceMethod: '分期履行' },
      'performanceDueOn',
      '履行期限：分期履行的，须填写履行期限',
    ],
    [
      'a retired dispute type',
      { ...quick, disputeType: '没有的类型' },
      'disputeType',
      '纠纷类型：不在本所的纠纷类型列表中',
    ],
  ])('refuses %s naming the field, and the file is byte-for-byte unchanged', async (_what, input, field, message) => {
    await expectRefused(() => backend.dispatch('mediation.quickOral', input), 'VALIDATION', field, message);
  });
});

describe('the office’s list of dispute types', () => {
  it('starts with the county report’s categories, in order', async () => {
    const types = await backend.api.call('mediation.disputeTypes', { includeInactive: false });
    expect(types).toHaveLength(19);
    expect(types.slice(0, 3).map((t) => t.name)).toEqual(['婚姻纠纷', '家庭纠纷', '邻里纠纷']);
    expect(types.at(-1)).toEqual({ name: '其他纠纷', position: 19, active: true });
  });

  it('adds, reorders and retires types; a retired type is refused for new cases and kept for old ones', async () => {
    const { id } = await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration({ disputeType: '邻里纠纷' }),
    });
    const saved = await backend.api.call('mediation.saveDisputeTypes', {
      types: [
        { name: '养殖纠纷', active: true },
        { name: '其他纠纷', active: true },
        { name: '婚姻纠纷', active: false },
      ],
    });
    expect(saved.slice(0, 2)).toEqual([
      { name: '养殖纠纷', position: 1, active: true },
      { name: '其他纠纷', position: 2, active: true },
    ]);
    expect(saved.filter((t) => t.active)).toHaveLength(2);
    expect(saved).toHaveLength(20); // nothing is deleted
    expect((await backend.api.call('mediation.disputeTypes', { includeInactive: false })).map((t) => t.name)).toEqual([
      '养殖纠纷',
      '其他纠纷',
    ]);
    await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration({ disputeType: '养殖纠纷' }),
    });
    await expectRefused(
      () => create(validRegistration({ disputeType: '邻里纠纷' })),
      'VALIDATION',
      'registration.disputeType',
      '纠纷类型：该纠纷类型已停用',
    );
    expect((await backend.api.call('mediation.get', { id })).registration.disputeType).toBe('邻里纠纷');
  });

  it.each([
    ['an empty list', { types: [] }, 'types', '纠纷类型：至少保留一个纠纷类型'],
    [
      'a name twice',
      {
        types: [
          { name: '邻里纠纷', active: true },
          { name: '邻里纠纷', active: false },
        ],
      },
      'types.1.name',
      '纠纷类型名称：“邻里纠纷”重复',
    ],
    [
      'no active type',
      { types: [{ name: '邻里纠纷', active: false }] },
      'types',
      '纠纷类型：至少保留一个启用的纠纷类型',
    ],
  ])('refuses %s, and the file is byte-for-byte unchanged', async (_what, input, field, message) => {
    await expectRefused(() => backend.dispatch('mediation.saveDisputeTypes', input), 'VALIDATION', field, message);
  });
});

describe('以奖代补 rates', () => {
  it('starts with the default rates: 50 yuan an oral case, 100 yuan a written one', async () => {
    const rates = await backend.api.call('mediation.subsidyRates', {});
    expect(rates.inForce).toMatchObject({ effectiveFrom: '2000-01-01', oralFen: 5_000, writtenFen: 10_000 });
    expect(rates.history).toHaveLength(1);
  });

  it('takes the county’s rates from their effective date; the same date again replaces them', async () => {
    await backend.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2026-01-01',
      oralFen: 3_000,
      writtenFen: 20_000,
      note: '县司法局〔2026〕1号',
    });
    await backend.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2027-01-01',
      oralFen: 6_000,
      writtenFen: 20_000,
      note: '',
    });
    const rates = await backend.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2026-01-01',
      oralFen: 5_000,
      writtenFen: 20_000,
      note: '更正',
    });
    expect(rates.inForce).toMatchObject({
      effectiveFrom: '2026-01-01',
      oralFen: 5_000,
      writtenFen: 20_000,
      note: '更正',
      setBy: expect.any(String),
    });
    expect(rates.history.map((r) => r.effectiveFrom)).toEqual(['2027-01-01', '2026-01-01', '2000-01-01']);
  });

  it.each([
    [
      'a negative rate',
      { effectiveFrom: '2026-01-01', oralFen: -5_000, writtenFen: 10_000, note: '' },
      'oralFen',
      '口头调解案件补贴标准：金额不能为负数',
    ],
    [
      'a fractional-fen rate',
      { effectiveFrom: '2026-01-01', oralFen: 5_000, writtenFen: 10_000.5, note: '' },
      'writtenFen',
      '书面调解案件补贴标准：金额最多两位小数',
    ],
    [
      'a rate given as text',
      { effectiveFrom: '2026-01-01', oralFen: '50', writtenFen: 10_000, note: '' },
      'oralFen',
      '口头调解案件补贴标准：格式不正确',
    ],
    [
      'an unreal date',
      { effectiveFrom: '2026-02-30', oralFen: 5_000, writtenFen: 10_000, note: '' },
      'effectiveFrom',
      '执行日期：不是真实的日期',
    ],
  ])('refuses %s, and the file is byte-for-byte unchanged', async (_what, input, field, message) => {
    await expectRefused(() => backend.dispatch('mediation.setSubsidyRates', input), 'VALIDATION', field, message);
  });
});
