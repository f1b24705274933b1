import { z } from 'zod';
import {
  checkLegalAidApplication,
  legalAidApplicationSchema,
  LEGAL_AID_LABELS,
  type LegalAidApplication,
  type LegalAidApplicationInput,
} from '../../../../shared/kinds/legalAid/intake';
import { idCheckChar } from '../../../../shared/identity';
import { fieldIssues } from '../../../../shared/validation';
import { validApplication } from '../../../support/fixtures';

const TODAY = '2026-11-22';
const schema = legalAidApplicationSchema(() => TODAY);

function issuesOf(input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(fieldIssues(result.error, LEGAL_AID_LABELS).map((i) => [i.field, i.message]));
}

function withApplicant(patch: Partial<LegalAidApplicationInput['applicant']>): LegalAidApplicationInput {
  const app = validApplication();
  return { ...app, applicant: { ...app.applicant, ...patch } };
}

function idFor(birth: string, seq = '002'): string {
  const body = `430111${birth.replace(/-/g, '')}${seq}`;
  return body + idCheckChar(body);
}

describe('法律援助申请表 validation', () => {
  it('accepts a complete application and stores canonical numbers', () => {
    const result = schema.parse({
      ...validApplication(),
      applicant: { ...validApplication().applicant, idNumber: '11010519491231002x', phone: '138 0013 8000' },
    });
    expect(result.applicant.idNumber).toBe('11010519491231002X');
    expect(result.applicant.phone).toBe('13800138000');
  });

  it('names the field with its printed label when a required field is empty', () => {
    expect(issuesOf(withApplicant({ name: '   ' }))).toMatchObject({ 'applicant.name': '申请人姓名：不能为空' });
  });

  it('rejects a wrong check digit, naming 公民身份号码', () => {
    expect(issuesOf(withApplicant({ idNumber: '110105194912310021' }))['applicant.idNumber']).toBe(
      '公民身份号码：校验码不正确，请核对号码',
    );
  });

  it('cross-checks the birth date and sex entered against the ID number', () => {
    const issues = issuesOf(withApplicant({ birthDate: '1949-12-30', sex: '男' }));
    expect(issues['applicant.birthDate']).toContain('1949年12月31日');
    expect(issues['applicant.sex']).toContain('女');
  });

  it('rejects 19990230 as a birth date', () => {
    expect(issuesOf(withApplicant({ birthDate: '19990230' }))['applicant.birthDate']).toBe('出生日期：不是真实的日期');
  });

  it('rejects a birth date after the application date', () => {
    const app = withApplicant({ birthDate: '2026-11-21', idNumber: idFor('2026-11-21'), sex: '女' });
    expect(issuesOf(app)['applicant.birthDate']).toBe('出生日期：不能晚于申请日期');
  });

  it('rejects an application date in the future', () => {
    expect(issuesOf({ ...validApplication(), receivedOn: '2026-11-23' })['receivedOn']).toBe('申请日期：不能晚于今天');
  });

  it('rejects a 10,000-character name, control characters and emoji', () => {
    expect(issuesOf(withApplicant({ name: '张'.repeat(10_000) }))['applicant.name']).toBe(
      '申请人姓名：不能超过50个字符',
    );
    expect(issuesOf(withApplicant({ name: '张\u0000三' }))['applicant.name']).toBe('申请人姓名：含有不可见的控制字符');
    expect(issuesOf(withApplicant({ name: '张三😀' }))['applicant.name']).toBe('申请人姓名：不能包含表情符号');
    // Newlines are fine in free text, not in a name.
    expect(issuesOf({ ...validApplication(), facts: '第一行\n第二行' })).toEqual({});
    expect(issuesOf(withApplicant({ name: '张\n三' }))['applicant.name']).toBeDefined();
  });

  it('accepts a name with a rare CJK Extension B character and a middle dot', () => {
    expect(issuesOf(withApplicant({ name: '王𠮷' }))).toEqual({});
    expect(issuesOf(withApplicant({ name: '阿依古丽·买买提' }))).toEqual({});
  });

  it('rejects values of the wrong type and unknown fields', () => {
    expect(issuesOf(withApplicant({ name: 42 as unknown as string }))['applicant.name']).toBe('申请人姓名：格式不正确');
    expect(issuesOf({ ...validApplication(), nickname: 'x' })['nickname']).toBe('不允许的字段“nickname”');
    expect(issuesOf(withApplicant({ sex: '未知' as '男' }))['applicant.sex']).toBe('性别：不是可选的值');
  });

  it('requires an agent for a minor applicant', () => {
    const minor = withApplicant({ birthDate: '2012-05-01', idNumber: idFor('2012-05-01'), sex: '女' });
    expect(issuesOf(minor)['agent']).toBe('代理人：申请人为未成年人，须填写代理人');
    const withAgent = {
      ...minor,
      agent: { name: '张建华', relation: '父母' as const, idNumber: '11010519491231002X', phone: '13900001111' },
    };
    expect(issuesOf(withAgent)).toEqual({});
  });

  it('requires an agent for an applicant without full capacity, and checks the agent’s numbers', () => {
    expect(issuesOf(withApplicant({ lacksCapacity: true }))['agent']).toContain('须填写代理人');
    const app = {
      ...validApplication(),
      agent: { name: '张建华', relation: '子女' as const, idNumber: '110105194912310021', phone: '123' },
    };
    const issues = issuesOf(app);
    expect(issues['agent.idNumber']).toBe('代理人公民身份号码：校验码不正确，请核对号码');
    expect(issues['agent.phone']).toBe('代理人联系电话：应为手机号码或带区号的固定电话');
  });

  it('requires the stage and the authority for a criminal case', () => {
    const issues = issuesOf({ ...validApplication(), category: '刑事', opposingParties: [] });
    expect(issues['proceedingStage']).toBe('案件所处阶段：刑事案件须选择案件所处阶段');
    expect(issues['handlingAuthority']).toBe('办案机关：刑事案件须填写办案机关');
    expect(
      issuesOf({
        ...validApplication(),
        category: '刑事',
        opposingParties: [],
        proceedingStage: '审判',
        handlingAuthority: '雨花区人民法院',
      }),
    ).toEqual({});
  });

  it('requires an opposing party for civil, administrative and state-compensation cases only', () => {
    for (const category of ['民事', '行政', '国家赔偿'] as const) {
      expect(issuesOf({ ...validApplication(), category, opposingParties: [] })['opposingParties']).toContain(
        '至少一个对方当事人',
      );
    }
    expect(issuesOf({ ...validApplication(), category: '非诉讼及其他', opposingParties: [] })).toEqual({});
  });

  it('accepts an organisation as the opposing party by its credit code, and names a bad one', () => {
    expect(
      issuesOf({ ...validApplication(), opposingParties: [{ name: '某公司', idNumber: '91350100M000100Y43' }] }),
    ).toEqual({});
    expect(
      issuesOf({ ...validApplication(), opposingParties: [{ name: '某公司', idNumber: '91350100M000100Y44' }] })[
        'opposingParties.0.idNumber'
      ],
    ).toBe('对方当事人证件号码：应为有效的公民身份号码或统一社会信用代码');
  });

  it('asks for a reason when financial verification is exempt, and for figures otherwise', () => {
    const exempt = {
      ...validApplication(),
      finance: { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '免予核查' as const, exemptReason: '' },
    };
    expect(issuesOf(exempt)['finance.exemptReason']).toBe('免予核查理由：选择免予核查时须写明理由');
    expect(issuesOf({ ...exempt, finance: { ...exempt.finance, exemptReason: '特困人员' } })).toEqual({});
    const noFigures = {
      ...validApplication(),
      finance: { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '承诺' as const, exemptReason: '' },
    };
    expect(Object.keys(issuesOf(noFigures))).toEqual(['finance.householdSize', 'finance.monthlyIncomePerCapitaFen']);
  });

  it('rejects a negative or fractional-fen income', () => {
    const finance = (fen: number) => ({
      ...validApplication(),
      finance: { ...validApplication().finance, monthlyIncomePerCapitaFen: fen },
    });
    expect(issuesOf(finance(-1))['finance.monthlyIncomePerCapitaFen']).toBe('家庭月人均收入：金额不能为负数');
    expect(issuesOf(finance(10.5))['finance.monthlyIncomePerCapitaFen']).toBe('家庭月人均收入：金额最多两位小数');
  });

  it('keeps the cross-field rules a pure function of the application and today', () => {
    const app = z.parse(schema, validApplication()) as LegalAidApplication;
    expect(checkLegalAidApplication(app, TODAY)).toEqual([]);
    expect(checkLegalAidApplication(app, '2026-11-19')).toEqual([{ path: ['receivedOn'], message: '不能晚于今天' }]);
  });
});
