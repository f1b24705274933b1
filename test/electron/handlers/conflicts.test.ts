import type { LegalAidApplicationInput } from '../../../shared/kinds/legalAid/intake';
import { idCheckChar } from '../../../shared/identity';
import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';

let backend: TestBackend;
let aided: number; // 张秀英 applies for legal aid against her son
let against: number; // 王建国 applies against 张秀英

function idOf(birth: string, seq: string): string {
  const body = `430111${birth.replace(/-/g, '')}${seq}`;
  return body + idCheckChar(body);
}

beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  aided = (await backend.api.call('legalAid.create', { draftId: null, application: validApplication() })).id;
  const app = validApplication();
  const wang: LegalAidApplicationInput = {
    ...app,
    applicant: {
      ...app.applicant,
      name: '王建国',
      sex: '男',
      birthDate: '1980-07-15',
      idNumber: idOf('1980-07-15', '011'),
    },
    applicantGroups: ['农民工'],
    opposingParties: [{ name: '张秀英', idNumber: '11010519491231002X' }],
    matter: '追索劳动报酬',
  };
  against = (await backend.api.call('legalAid.create', { draftId: null, application: wang })).id;
});
afterEach(() => backend.close());

describe('conflict checks', () => {
  it('finds an opposing party who is an aided person in another case, by ID number, and marks it', async () => {
    const report = await backend.api.call('cases.conflicts', { caseId: against, parties: [] });
    expect(report.checked).toBe(2);
    expect(report.matches).toEqual([
      expect.objectContaining({
        partyName: '张秀英',
        partyRole: 'opposing',
        matchedBy: 'idNumber',
        otherRole: 'applicant',
        aidedElsewhere: true,
        adverse: true,
        severity: 'high',
        otherCase: expect.objectContaining({ id: aided, kind: 'legal_aid', caseNumber: '〔2026〕黎托援字第0001号' }),
        message:
          '对方当事人“张秀英”是本所法律援助案件〔2026〕黎托援字第0001号的法律援助申请人（受援人），本案与其利益相对，请注意利益冲突',
      }),
    ]);
  });

  it('sees it from the other side: the applicant here is an opposing party there', async () => {
    const report = await backend.api.call('cases.conflicts', { caseId: aided, parties: [] });
    expect(report.matches).toEqual([
      expect.objectContaining({
        partyRole: 'applicant',
        otherRole: 'opposing',
        aidedElsewhere: false,
        adverse: true,
        severity: 'warning',
        otherCase: expect.objectContaining({ id: against }),
      }),
    ]);
  });

  it('finds the same person by name and birth date when no ID number is given (the birth date read from a stored number)', async () => {
    const report = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '张秀英', idNumber: '', birthDate: '1949-12-31', role: 'opposing' }],
    });
    expect(report.matches.map((m) => [m.otherCase.id, m.otherRole, m.matchedBy, m.severity])).toEqual([
      [aided, 'applicant', 'nameAndBirthDate', 'high'],
      [against, 'opposing', 'nameAndBirthDate', 'info'],
    ]);
    const otherBirthday = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '张秀英', idNumber: '', birthDate: '1950-01-01', role: 'opposing' }],
    });
    expect(otherBirthday.matches).toEqual([]);
    const sameBirthdayOtherName = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '张秀兰', idNumber: '', birthDate: '1949-12-31', role: 'applicant' }],
    });
    expect(sameBirthdayOtherName.matches).toEqual([]);
  });

  it('matches a 15-digit number and a lowercase x to the stored canonical number', async () => {
    const old = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '张某', idNumber: '110105491231002', birthDate: '', role: 'applicant' }],
    });
    expect(old.matches.map((m) => [m.otherCase.id, m.matchedBy, m.severity])).toEqual([
      [against, 'idNumber', 'warning'],
      [aided, 'idNumber', 'info'],
    ]);
    const lower = await backend.api.call('cases.conflicts', {
      caseId: null,
      parties: [{ name: '张秀英', idNumber: '11010519491231002x', birthDate: '', role: 'applicant' }],
    });
    expect(lower.matches).toHaveLength(2);
  });

  it('records that the clerk saw the warning: the case, the matches, who and when', async () => {
    const report = await backend.api.call('cases.conflicts', { caseId: against, parties: [] });
    const matches = report.matches.map((m) => ({
      otherCaseId: m.otherCase.id,
      partyName: m.partyName,
      matchedBy: m.matchedBy,
    }));
    const ack = await backend.api.call('cases.acknowledgeConflicts', {
      caseId: against,
      matches,
      note: '已报所长，另行指派其他律师事务所',
    });
    expect(ack).toEqual({
      id: 1,
      caseId: against,
      matches,
      note: '已报所长，另行指派其他律师事务所',
      username: '命令行',
      acknowledgedAt: '2026-11-22T02:00:00.000Z',
    });
    expect(await backend.api.call('cases.conflictAcknowledgements', { caseId: against })).toEqual([ack]);
    expect(await backend.api.call('cases.conflictAcknowledgements', { caseId: aided })).toEqual([]);
    expect(() => backend.store.sqlite.prepare('DELETE FROM conflict_acknowledgements').run()).toThrow(/append-only/);
  });

  it.each([
    [
      'cases.acknowledgeConflicts',
      () => ({
        caseId: against,
        matches: [{ otherCaseId: 999, partyName: '张秀英', matchedBy: 'idNumber' }],
        note: '',
      }),
      'NOT_FOUND',
      'matches.0.otherCaseId',
      '冲突案件不存在',
    ],
    [
      'cases.acknowledgeConflicts',
      () => ({
        caseId: against,
        matches: [{ otherCaseId: against, partyName: '张秀英', matchedBy: 'idNumber' }],
        note: '',
      }),
      'VALIDATION',
      'matches.0.otherCaseId',
      '冲突案件：不能是本案',
    ],
    [
      'cases.acknowledgeConflicts',
      () => ({ caseId: against, matches: [], note: '' }),
      'VALIDATION',
      'matches',
      '冲突记录：没有需要确认的冲突',
    ],
    [
      'cases.acknowledgeConflicts',
      () => ({ caseId: against, matches: [{ otherCaseId: aided, partyName: '张秀英', matchedBy: 'phone' }], note: '' }),
      'VALIDATION',
      'matches.0.matchedBy',
      '匹配方式：不是可选的值',
    ],
    ['cases.conflicts', () => ({ caseId: null, parties: [] }), 'VALIDATION', 'parties', '当事人：请至少填写一个当事人'],
    [
      'cases.conflicts',
      () => ({ caseId: null, parties: [{ name: '', idNumber: '', birthDate: '', role: 'opposing' }] }),
      'VALIDATION',
      'parties.0.name',
      '当事人姓名（名称）：不能为空',
    ],
    [
      'cases.conflicts',
      () => ({ caseId: null, parties: [{ name: '张三', idNumber: '', birthDate: '1990-02-30', role: 'opposing' }] }),
      'VALIDATION',
      'parties.0.birthDate',
      '出生日期：不是真实的日期',
    ],
    ['cases.conflicts', () => ({ caseId: 999, parties: [] }), 'NOT_FOUND', 'caseId', '案件不存在'],
  ] as const)(
    '%s refuses bad input naming the field (%#), with the file unchanged',
    async (channel, input, code, field, message) => {
      const before = fileState(backend.dataFile);
      expect(await backend.dispatch(channel, input())).toEqual({
        ok: false,
        error: expect.objectContaining({ code, field, message }),
      });
      expect(fileState(backend.dataFile)).toBe(before);
    },
  );
});
