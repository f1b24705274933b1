import type { ChannelInput } from '../../../shared/contract';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const entry = (patch: Partial<ChannelInput<'legalAid.rosterAdd'>> = {}): ChannelInput<'legalAid.rosterAdd'> => ({
  orgType: '律师事务所',
  orgName: '湖南星城律师事务所',
  personName: '周明',
  phone: '13800138001',
  expertise: ['婚姻家庭与赡养抚养'],
  note: '',
  ...patch,
});

/** A granted 赡养费 case (婚姻家庭与赡养抚养), ready to assign. */
async function grantedCase(): Promise<number> {
  const { id } = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  await backend.api.call('legalAid.decide', {
    caseId: id,
    actedOn: '2026-11-22',
    decision: '给予法律援助',
    decidedBy: '司法所',
    matterType: '赡养费抚养费扶养费',
    mandatoryDefenceGrounds: [],
    documentNumber: '',
    reasons: '',
  });
  return id;
}

async function assign(caseId: number, rosterId: number) {
  const e = (await backend.api.call('legalAid.rosterList', { activeOnly: false })).find((r) => r.id === rosterId)!;
  return backend.api.call('legalAid.assign', {
    caseId,
    actedOn: '2026-11-22',
    assignedBy: '司法所',
    orgType: e.orgType,
    orgName: e.orgName,
    personName: e.personName,
    rosterId,
  });
}

const names = (s: { candidates: { personName: string }[] }) => s.candidates.map((c) => c.personName);

describe('the roster and its rotation', () => {
  it('keeps entries with their expertise and lists the active ones', async () => {
    const zhou = await backend.api.call('legalAid.rosterAdd', entry({ phone: '138 0013 8001' }));
    expect(zhou).toMatchObject({
      personName: '周明',
      phone: '13800138001',
      expertise: ['婚姻家庭与赡养抚养'],
      active: true,
    });
    const wang = await backend.api.call(
      'legalAid.rosterAdd',
      entry({
        orgType: '基层法律服务所',
        orgName: '黎托法律服务所',
        personName: '王芳',
        expertise: ['劳动争议与劳动报酬'],
      }),
    );
    await backend.api.call('legalAid.rosterUpdate', {
      ...entry(),
      id: wang.id,
      orgType: '基层法律服务所',
      orgName: '黎托法律服务所',
      personName: '王芳',
      expertise: [],
      active: false,
    });
    expect((await backend.api.call('legalAid.rosterList', { activeOnly: true })).map((r) => r.personName)).toEqual([
      '周明',
    ]);
    expect(
      (await backend.api.call('legalAid.rosterList', { activeOnly: false })).map((r) => [r.personName, r.active]),
    ).toEqual([
      ['周明', true],
      ['王芳', false],
    ]);
  });

  it('suggests those with matching expertise first, least recently assigned first, and rotates', async () => {
    const zhou = await backend.api.call('legalAid.rosterAdd', entry());
    const li = await backend.api.call(
      'legalAid.rosterAdd',
      entry({
        orgName: '湖南湘江律师事务所',
        personName: '李华',
        expertise: ['劳动争议与劳动报酬', '婚姻家庭与赡养抚养'],
      }),
    );
    await backend.api.call(
      'legalAid.rosterAdd',
      entry({
        orgType: '基层法律服务所',
        orgName: '黎托法律服务所',
        personName: '王芳',
        expertise: ['劳动争议与劳动报酬'],
      }),
    );

    const first = await grantedCase();
    const s1 = await backend.api.call('legalAid.rosterSuggest', { caseId: first, orgType: null });
    expect(s1.expertise).toBe('婚姻家庭与赡养抚养');
    expect(names(s1)).toEqual(['周明', '李华', '王芳']);
    expect(s1.candidates.map((c) => c.matchesExpertise)).toEqual([true, true, false]);
    expect(s1.next).toMatchObject({ personName: '周明', lastAssignedOn: null, assignmentCount: 0 });
    await assign(first, zhou.id);

    const second = await grantedCase();
    const s2 = await backend.api.call('legalAid.rosterSuggest', { caseId: second, orgType: null });
    expect(names(s2)).toEqual(['李华', '周明', '王芳']);
    expect(s2.candidates[1]).toMatchObject({ lastAssignedOn: '2026-11-22', assignmentCount: 1 });
    await assign(second, li.id);

    // Both assigned on the same day: 周明 was assigned earlier, so he is next again.
    const third = await grantedCase();
    expect((await backend.api.call('legalAid.rosterSuggest', { caseId: third, orgType: null })).next?.personName).toBe(
      '周明',
    );
    // Filtered by the kind of organisation: only 王芳 is left, though her expertise does not match.
    const grassroots = await backend.api.call('legalAid.rosterSuggest', { caseId: third, orgType: '基层法律服务所' });
    expect(grassroots.next).toMatchObject({ personName: '王芳', matchesExpertise: false });
  });

  it('leaves inactive entries out of the rotation and refuses to assign them', async () => {
    const zhou = await backend.api.call('legalAid.rosterAdd', entry());
    await backend.api.call('legalAid.rosterUpdate', { ...entry(), id: zhou.id, active: false });
    const caseId = await grantedCase();
    expect((await backend.api.call('legalAid.rosterSuggest', { caseId, orgType: null })).next).toBeNull();
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('legalAid.assign', {
      caseId,
      actedOn: '2026-11-22',
      assignedBy: '司法所',
      orgType: '律师事务所',
      orgName: '湖南星城律师事务所',
      personName: '周明',
      rosterId: zhou.id,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'rosterId', message: '名册人员：已不在册' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses an assignment whose names differ from the roster entry it cites', async () => {
    const zhou = await backend.api.call('legalAid.rosterAdd', entry());
    const caseId = await grantedCase();
    const result = await backend.dispatch('legalAid.assign', {
      caseId,
      actedOn: '2026-11-22',
      assignedBy: '司法所',
      orgType: '律师事务所',
      orgName: '湖南星城律师事务所',
      personName: '周敏',
      rosterId: zhou.id,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'rosterId',
        message: '名册人员：与所填承办机构或承办人员不一致（名册：湖南星城律师事务所 周明）',
      },
    });
  });

  it.each([
    ['a duplicate person', entry(), 'personName', '名册中已有湖南星城律师事务所的周明', 'CONFLICT'],
    [
      'a bad phone number',
      entry({ personName: '李华', phone: '12345' }),
      'phone',
      '联系电话：应为手机号码或带区号的固定电话',
      'VALIDATION',
    ],
    [
      'an unknown expertise',
      entry({ personName: '李华', expertise: ['知识产权' as never] }),
      'expertise.0',
      '擅长领域：不是可选的值',
      'VALIDATION',
    ],
    [
      'an unknown kind of organisation',
      entry({ personName: '李华', orgType: '公证处' as never }),
      'orgType',
      '承办机构类型：不是可选的值',
      'VALIDATION',
    ],
    ['an empty name', entry({ personName: '' }), 'personName', '承办人员：不能为空', 'VALIDATION'],
  ])('refuses %s naming the field, with the file unchanged', async (_what, input, field, message, code) => {
    await backend.api.call('legalAid.rosterAdd', entry());
    const before = fileState(backend.dataFile);
    expect(await backend.dispatch('legalAid.rosterAdd', input)).toEqual({
      ok: false,
      error: expect.objectContaining({ code, field, message }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses to update an entry that does not exist', async () => {
    expect(await backend.dispatch('legalAid.rosterUpdate', { ...entry(), id: 404, active: true })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id', message: '名册中没有该人员' },
    });
  });
});
