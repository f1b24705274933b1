// The 承办人 a case's statistics facts carry to the bureau (for the quality evaluation's results per handler): legal
// aid's assigned person and 律所 from the 指派 step, mediation's 调解员 from its row, blank where none is recorded.
import { caseFactsFromRows, type CaseRowSet } from '../../../shared/statistics/fromRows';

const rows = (over: Partial<CaseRowSet>): CaseRowSet => ({
  cases: [],
  actions: [],
  details: { legal_aid: [], mediation: [], notarization: [] },
  ...over,
});

const legalAidDetail = { category: '民事', service_form: '诉讼代理', applicant_groups: '[]', finance_basis: '' };

describe('the handler in a case’s facts', () => {
  it('is the assigned person and their 律所 for legal aid, blank before the assignment', () => {
    const facts = caseFactsFromRows(
      '43011101',
      rows({
        cases: [
          { id: 1, kind: 'legal_aid', case_number: '援2026-1', status: 'assigned', received_on: '2026-03-01' },
          { id: 2, kind: 'legal_aid', case_number: '援2026-2', status: 'received', received_on: '2026-03-02' },
        ],
        actions: [
          {
            id: 1,
            case_id: 1,
            action: 'assign',
            acted_on: '2026-03-05',
            data: JSON.stringify({
              orgType: '律师事务所',
              orgName: '湘江律师事务所',
              personName: '王明',
              rosterId: null,
            }),
            from_status: 'granted',
            to_status: 'assigned',
          },
        ],
        details: {
          legal_aid: [
            { case_id: 1, ...legalAidDetail },
            { case_id: 2, ...legalAidDetail },
          ],
          mediation: [],
          notarization: [],
        },
      }),
      '2026-06-30',
    );
    expect(facts.map((f) => f.handler)).toEqual(['王明（湘江律师事务所）', '']);
  });

  it('is the 调解员 of a mediation, joined', () => {
    const detail = { simple: 0, source: '申请', dispute_type: '邻里纠纷', amount_fen: 0, people_count: 2 };
    const facts = caseFactsFromRows(
      '43011101',
      rows({
        cases: [
          { id: 1, kind: 'mediation', case_number: '调2026-1', status: 'received', received_on: '2026-03-01' },
          { id: 2, kind: 'mediation', case_number: '调2026-2', status: 'received', received_on: '2026-03-01' },
        ],
        details: {
          legal_aid: [],
          mediation: [
            { case_id: 1, ...detail, mediators: JSON.stringify(['李华', '赵敏']) },
            { case_id: 2, ...detail, mediators: 'not json' },
          ],
          notarization: [],
        },
      }),
      '2026-06-30',
    );
    expect(facts.map((f) => f.handler)).toEqual(['李华、赵敏', '']);
  });
});
