// Sample data shared by the node tests and the renderer tests. Plain values only: nothing here loads the
// backend, so jsdom tests can import it too.
import type { LegalAidApplication } from '../../shared/kinds/legalAid/intake';

export const OFFICE = {
  name: '黎托街道司法所',
  divisionCode: '430111',
  officeNumber: '01',
  bureauName: '长沙市雨花区司法局',
  caseNumberPrefix: '黎托',
};

/** The first administrator, as the first-run setup creates them (with OFFICE: the whole of auth.setup). */
export const FIRST_ADMIN = { username: 'admin', displayName: '王所长', password: 'Admin2026' };

/** A complete, valid civil application (the GB 11643 sample number: female, born 1949-12-31), as stored. */
export function validApplication(): LegalAidApplication {
  return {
    applicant: {
      name: '张秀英',
      sex: '女',
      ethnicity: '汉族',
      birthDate: '1949-12-31',
      idType: '居民身份证',
      idNumber: '11010519491231002X',
      householdAddress: '雨花区黎托街道花侯村3组',
      residence: '',
      phone: '13800138000',
      employer: '',
      lacksCapacity: false,
    },
    applicantGroups: ['老年人', '妇女'],
    agent: null,
    opposingParties: [{ name: '张建国', idNumber: '' }],
    category: '民事',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    matter: '赡养费纠纷',
    defenceGround: '',
    proceedingStage: '',
    handlingAuthority: '',
    facts: '申请人年逾七旬，子女拒不支付赡养费。',
    finance: { householdSize: 1, monthlyIncomePerCapitaFen: 85_050, basis: '承诺', exemptReason: '' },
    receivedOn: '2026-11-20',
    receivedBy: '李娟',
  };
}
