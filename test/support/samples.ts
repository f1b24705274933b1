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
    notice: null,
    proceedingStage: '',
    handlingAuthority: '',
    facts: '申请人年逾七旬，子女拒不支付赡养费。',
    finance: { householdSize: 1, monthlyIncomePerCapitaFen: 85_050, basis: '承诺', exemptReason: '' },
    receivedOn: '2026-11-20',
    receivedBy: '李娟',
  };
}

/**
 * A notified defence (法律援助法 第36条) as stored: a court's notice for a deaf defendant, received 2026-11-20; no
 * application review, no finances, no defence ground.
 */
export function validNotifiedDefence(): LegalAidApplication {
  return {
    ...validApplication(),
    applicant: {
      ...validApplication().applicant,
      name: '王建军',
      sex: '男',
      birthDate: '1980-07-15',
      idNumber: '430111198007150011',
    },
    applicantGroups: ['残疾人'],
    opposingParties: [],
    category: '刑事',
    serviceForm: '刑事辩护与代理',
    matter: '涉嫌盗窃罪',
    proceedingStage: '审判',
    handlingAuthority: '雨花区人民法院',
    facts: '雨花区人民法院来函：被告人王建军系聋哑人，没有委托辩护人，通知指派律师担任辩护人。',
    finance: { householdSize: null, monthlyIncomePerCapitaFen: null, basis: '', exemptReason: '' },
    notice: {
      authority: '雨花区人民法院',
      documentNumber: '（2026）湘0111刑初88号',
      grounds: ['视力、听力、言语残疾人'],
    },
  };
}
