import {
  notarizationRequestSchema,
  useScopeOf,
  canonicalPlaceOfUse,
  type NotarizationRequestInput,
} from '../../../../shared/kinds/notarization/intake';
import { AGENT_ID, APPLICANT_ID, CREDIT_CODE, validRequest, withCheck } from './fixtures';

const TODAY = '2026-11-22';
const schema = notarizationRequestSchema(() => TODAY);

/** The first problem as [path, message]. */
function problems(input: NotarizationRequestInput): [string, string][] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const person = validRequest().applicants[0] as Extract<
  NotarizationRequestInput['applicants'][number],
  { kind: 'person' }
>;
const organisation = {
  kind: 'organisation' as const,
  name: '长沙黎托农产品有限公司',
  creditCode: CREDIT_CODE,
  legalRepresentative: '周建军',
  phone: '0731-85123456',
};

describe('the notarization request form', () => {
  it('accepts a valid request and stores numbers and the place of use canonically', () => {
    const result = schema.parse(
      validRequest({
        applicants: [
          { ...person, idNumber: APPLICANT_ID.toLowerCase().replace(/(\d{6})/, '$1 '), phone: '+86 138 0013 8000' },
          { ...organisation, creditCode: CREDIT_CODE.toLowerCase() },
        ],
        placeOfUse: ' 香港 ',
      }),
    );
    expect(result.applicants[0]).toMatchObject({ idNumber: APPLICANT_ID, phone: '13800138000' });
    expect(result.applicants[1]).toMatchObject({ creditCode: CREDIT_CODE, phone: '0731-85123456' });
    expect(result.placeOfUse).toBe('香港特别行政区');
  });

  it.each([
    [
      'a wrong check character',
      { applicants: [{ ...person, idNumber: APPLICANT_ID.slice(0, 17) + (APPLICANT_ID.endsWith('1') ? '2' : '1') }] },
      'applicants.0.idNumber',
      '校验码不正确，请核对号码',
    ],
    [
      'an ID number whose birth date differs from the one entered',
      { applicants: [{ ...person, birthDate: '1998-03-16' }] },
      'applicants.0.birthDate',
      '与公民身份号码中的出生日期（1998年3月15日）不一致',
    ],
    [
      'a bad 统一社会信用代码',
      { applicants: [{ ...organisation, creditCode: '91350100M000100Y44' }] },
      'applicants.0.creditCode',
      '应为18位有效的统一社会信用代码（校验不通过）',
    ],
    [
      'translation without a language',
      { needsTranslation: true, translationLanguage: '' },
      'translationLanguage',
      '需要翻译时须填写译文语种',
    ],
    [
      'a language without translation',
      { needsTranslation: false, translationLanguage: '英语' },
      'translationLanguage',
      '不需要翻译时不应填写译文语种',
    ],
    ['0 copies', { copies: 0 }, 'copies', '不能小于1'],
    ['51 copies', { copies: 51 }, 'copies', '不能大于50'],
    ['a negative fee', { feeFen: -100 }, 'feeFen', '金额不能为负数'],
    ['a fee in fractions of a fen', { feeFen: 10.5 }, 'feeFen', '金额最多两位小数'],
    ['no applicant', { applicants: [] }, 'applicants', '至少填写一个申请人'],
    [
      'an applicant of no kind',
      { applicants: [{ ...person, kind: 'robot' as 'person' }] },
      'applicants.0.kind',
      '请选择自然人或法人或其他组织',
    ],
    ['the same person twice', { applicants: [person, person] }, 'applicants.1.idNumber', '与第1个申请人重复'],
    ['a receipt date after today', { receivedOn: '2026-11-23' }, 'receivedOn', '不能晚于今天'],
    [
      'a pick-up date before the receipt date',
      { pickupOn: '2026-11-19' },
      'pickupOn',
      '不能早于受理日期（2026年11月20日）',
    ],
    ['a blank purpose', { purpose: ' ' }, 'purpose', '不能为空'],
    [
      'a bad phone',
      { applicants: [{ ...person, phone: '12345' }] },
      'applicants.0.phone',
      '应为手机号码或带区号的固定电话',
    ],
  ])('refuses %s', (_what, change, path, message) => {
    expect(problems(validRequest(change as Partial<NotarizationRequestInput>))).toContainEqual([path, message]);
  });

  describe('agents', () => {
    const agent = {
      kind: '委托代理人' as const,
      name: '张秀英',
      idNumber: AGENT_ID,
      phone: '13900001111',
      powerOfAttorney: true,
    };
    it('accepts an entrusted agent with a 授权委托书', () => {
      expect(problems(validRequest({ agent }))).toEqual([]);
    });
    it('refuses an entrusted agent without a 授权委托书', () => {
      expect(problems(validRequest({ agent: { ...agent, powerOfAttorney: false } }))).toEqual([
        ['agent.powerOfAttorney', '委托代理人须提交申请人签署的授权委托书'],
      ]);
    });
    it('refuses an agent whose ID number is wrong, or who is the applicant', () => {
      expect(problems(validRequest({ agent: { ...agent, idNumber: '110105194912310021' } }))).toEqual([
        ['agent.idNumber', '校验码不正确，请核对号码'],
      ]);
      expect(problems(validRequest({ agent: { ...agent, idNumber: APPLICANT_ID } }))).toEqual([
        ['agent.idNumber', '代理人不能是申请人本人'],
      ]);
    });
    it('requires a guardian as 法定代理人 for a minor', () => {
      const child = {
        ...person,
        name: '王小雨',
        sex: '女' as const,
        birthDate: '2012-05-01',
        idNumber: withCheck('43011120120501002'),
      };
      expect(problems(validRequest({ applicants: [child] }))).toEqual([
        ['agent', '申请人为未成年人，须由监护人作为法定代理人代为申办'],
      ]);
      expect(problems(validRequest({ applicants: [child], agent }))).toEqual([
        ['agent', '申请人为未成年人，须由监护人作为法定代理人代为申办'],
      ]);
      expect(
        problems(
          validRequest({ applicants: [child], agent: { ...agent, kind: '法定代理人', powerOfAttorney: false } }),
        ),
      ).toEqual([]);
    });
  });
});

describe('the place of use', () => {
  it.each([
    ['国内', '国内', '国内'],
    ['中国大陆', '国内', '国内'],
    ['英国', '英国', '涉外'],
    ['澳门', '澳门特别行政区', '涉港澳台'],
    ['台湾地区', '台湾地区', '涉港澳台'],
  ])('%s is stored as %s and counts as %s', (typed, stored, scope) => {
    expect(canonicalPlaceOfUse(typed)).toBe(stored);
    expect(useScopeOf(typed)).toBe(scope);
  });
});
