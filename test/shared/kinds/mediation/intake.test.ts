import { parseOrThrow } from '../../../../shared/validation';
import {
  checkMediationRegistration,
  MEDIATION_LABELS,
  mediationRegistrationSchema,
  QUICK_ORAL_LABELS,
  quickOralMediationSchema,
  type MediationRegistration,
} from '../../../../shared/kinds/mediation/intake';
import { AppError } from '../../../../shared/errors';
import { CREDIT_CODE, LI_ID, validPeople, validQuickOral, validRegistration, WANG_ID } from './fixtures';

const TODAY = '2026-11-22';
const schema = mediationRegistrationSchema(() => TODAY);
const quickSchema = quickOralMediationSchema(() => TODAY);

/** The first refusal: field and message, as the dispatcher reports it. */
function refusal(run: () => unknown): { field?: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}
const register = (input: unknown) => parseOrThrow(schema, input, MEDIATION_LABELS);
const quick = (input: unknown) => parseOrThrow(quickSchema, input, QUICK_ORAL_LABELS);

describe('the 受理登记表 schema', () => {
  it('accepts a complete registration and returns it as entered', () => {
    expect(register(validRegistration())).toEqual(validRegistration());
  });

  it('puts numbers into canonical form: full-width digits, a lowercase x, spaces, +86', () => {
    const reg = validRegistration();
    const [wang, li] = validPeople();
    const fullWidth = WANG_ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const org = {
      kind: 'organisation',
      name: '某公司',
      creditCode: ` ${CREDIT_CODE.toLowerCase()} `,
      legalRepresentative: '刘强',
      address: '某地',
      phone: '+86 139 0000 1111',
    };
    const parsed = register({ ...reg, parties: [{ ...wang, idNumber: fullWidth }, li, org], peopleCount: 3 });
    expect(parsed.parties.map((p) => (p.kind === 'person' ? p.idNumber : p.creditCode))).toEqual([
      WANG_ID,
      '',
      CREDIT_CODE,
    ]);
    expect(parsed.parties[2]!.phone).toBe('13900001111');
  });

  it('needs two parties, and says so in the parties field', () => {
    const reg = validRegistration();
    expect(refusal(() => register({ ...reg, parties: [reg.parties[0]] }))).toEqual({
      field: 'parties',
      message: '当事人：纠纷须有两方或以上当事人',
    });
  });

  it('tells a person from an organisation by kind: each has only its own fields', () => {
    const reg = validRegistration();
    const person = reg.parties[0] as Record<string, unknown>;
    const org = {
      kind: 'organisation',
      name: '某公司',
      creditCode: CREDIT_CODE,
      legalRepresentative: '刘强',
      address: '某地',
      phone: '13900001111',
    };
    expect(register({ ...reg, parties: [person, org] }).parties.map((p) => p.kind)).toEqual(['person', 'organisation']);
    expect(refusal(() => register({ ...reg, parties: [person, { ...org, kind: 'person' }] })).field).toMatch(
      /^parties\.1\./,
    );
    expect(refusal(() => register({ ...reg, parties: [{ ...person, kind: 'organisation' }, org] })).field).toMatch(
      /^parties\.0\./,
    );
    // A person's 公民身份号码 is optional; an organisation's 统一社会信用代码 is not.
    expect(register({ ...reg, parties: [{ ...person, idNumber: '' }, org] }).parties[0]).toMatchObject({
      idNumber: '',
    });
    expect(refusal(() => register({ ...reg, parties: [person, { ...org, creditCode: '' }] }))).toEqual({
      field: 'parties.1.creditCode',
      message: '统一社会信用代码：不能为空',
    });
  });

  it.each([
    ['a credit code whose check character is wrong', '91350100M000100Y40'],
    ['a credit code of 17 characters', '91350100M000100Y4'],
    ['an ID number given as a credit code', WANG_ID],
  ])('refuses %s', (_what, creditCode) => {
    const reg = validRegistration();
    const org = {
      kind: 'organisation',
      name: '某公司',
      creditCode,
      legalRepresentative: '刘强',
      address: '某地',
      phone: '13900001111',
    };
    expect(refusal(() => register({ ...reg, parties: [reg.parties[0], org] }))).toEqual({
      field: 'parties.1.creditCode',
      message: expect.stringMatching(/^统一社会信用代码：应为18位有效的统一社会信用代码/),
    });
  });

  it('checks a person’s ID number against GB 11643 and against the sex and birth date entered', () => {
    const reg = validRegistration();
    const [wang, li] = validPeople();
    expect(refusal(() => register({ ...reg, parties: [wang, { ...li, idNumber: '43011119720903004' }] }))).toEqual({
      field: 'parties.1.idNumber',
      message: '公民身份号码：应为18位（或旧式15位）公民身份号码',
    });
    expect(refusal(() => register({ ...reg, parties: [wang, { ...li, idNumber: LI_ID, sex: '男' }] }))).toEqual({
      field: 'parties.1.sex',
      message: '性别：与公民身份号码显示的性别（女）不一致',
    });
  });

  it('returns every rule issue, not only the first', () => {
    const reg = register(validRegistration()) as MediationRegistration;
    const issues = checkMediationRegistration(
      { ...reg, requests: '', peopleCount: 1, receivedOn: '2026-12-01' },
      TODAY,
    );
    expect(issues.map((i) => i.path.join('.'))).toEqual(['receivedOn', 'requests', 'peopleCount']);
  });

  it('asks who referred a referred dispute, and what the source was for 其他', () => {
    expect(refusal(() => register(validRegistration({ source: '法院委托/移送' })))).toEqual({
      field: 'sourceDetail',
      message: '来源说明：法院委托/移送的，须写明移送或委托单位',
    });
    expect(refusal(() => register(validRegistration({ source: '其他' })))).toEqual({
      field: 'sourceDetail',
      message: '来源说明：纠纷来源为“其他”的，须写明具体来源',
    });
    expect(register(validRegistration({ source: '主动调解', requests: '' })).source).toBe('主动调解');
  });
});

describe('the 口头调解登记 schema', () => {
  it('accepts minimal parties and canonicalises their numbers', () => {
    const parsed = quick(validQuickOral());
    expect(parsed.parties).toEqual([
      { kind: 'person', name: '陈立', idNumber: LI_ID, phone: '', address: '' },
      { kind: 'organisation', name: '长沙市黎托家电经营部', creditCode: CREDIT_CODE, phone: '13900001111' },
    ]);
  });

  it('requires the oral agreement’s content (人民调解法第28条)', () => {
    expect(refusal(() => quick(validQuickOral({ agreementContent: '' })))).toEqual({
      field: 'agreementContent',
      message: '协议内容：口头协议须由调解员记录协议内容（人民调解法第28条）',
    });
  });

  it('needs two parties and valid numbers when numbers are given', () => {
    const q = validQuickOral();
    expect(refusal(() => quick({ ...q, parties: [q.parties[0]] })).field).toBe('parties');
    expect(
      refusal(() =>
        quick({
          ...q,
          parties: [q.parties[0], { kind: 'organisation', name: '某店', creditCode: '12345', phone: '' }],
        }),
      ).field,
    ).toBe('parties.1.creditCode');
    expect(
      quick({ ...q, parties: [q.parties[0], { kind: 'organisation', name: '某店', creditCode: '', phone: '' }] })
        .parties[1],
    ).toMatchObject({ creditCode: '' });
  });

  it('refuses a date after today', () => {
    expect(refusal(() => quick(validQuickOral({ mediatedOn: '2026-11-23' })))).toEqual({
      field: 'mediatedOn',
      message: '调解日期：不能晚于今天',
    });
  });
});
