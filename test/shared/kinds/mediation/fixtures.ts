// Fixtures of mediation tests: a valid 受理登记表, a valid 口头调解登记, and a valid payload for each action.
import { idCheckChar } from '../../../../shared/identity';
import type { MediationAction } from '../../../../shared/kinds/mediation/lifecycle';
import type { MediationRegistrationInput, QuickOralMediationInput } from '../../../../shared/kinds/mediation/intake';

/** A GB 11643 number from its first 17 characters. */
export const withCheck = (body17: string) => body17 + idCheckChar(body17);

/** 王建国, male (17th digit odd), born 1968-04-12, registered in 雨花区. */
export const WANG_ID = withCheck('43011119680412003');
/** 李秀梅, female (17th digit even), born 1972-09-03. */
export const LI_ID = withCheck('43011119720903004');
/** A valid 统一社会信用代码 (GB 32100). */
export const CREDIT_CODE = '91350100M000100Y43';

/** A neighbours' dispute over a drain between two villagers, applied for by one of them. */
export function validRegistration(overrides: Partial<MediationRegistrationInput> = {}): MediationRegistrationInput {
  return {
    source: '当事人申请',
    sourceDetail: '',
    committee: '花侯村人民调解委员会',
    parties: [
      {
        kind: 'person',
        name: '王建国',
        sex: '男',
        birthDate: '1968-04-12',
        ethnicity: '汉族',
        idNumber: WANG_ID,
        address: '雨花区黎托街道花侯村3组12号',
        phone: '13800138000',
        occupation: '务农',
      },
      {
        kind: 'person',
        name: '李秀梅',
        sex: '女',
        birthDate: '1972-09-03',
        ethnicity: '土家族',
        idNumber: '',
        address: '雨花区黎托街道花侯村3组14号',
        phone: '0731-85123456',
        occupation: '',
      },
    ],
    disputeType: '邻里纠纷',
    summary: '双方房屋相邻，李秀梅家新修排水沟将雨水排向王建国家院墙，致墙基受损，双方多次争吵。',
    requests: '请求调解排水沟改道并赔偿墙基修复费用',
    amountFen: 300_000,
    peopleCount: 2,
    major: false,
    mass: false,
    mediators: ['赵德明', '周小兰'],
    receivedOn: '2026-11-02',
    receivedBy: '李娟',
    ...overrides,
  };
}

/** A shop that sold a faulty heater, settled orally on the spot. */
export function validQuickOral(overrides: Partial<QuickOralMediationInput> = {}): QuickOralMediationInput {
  return {
    source: '当事人申请',
    committee: '黎托街道人民调解委员会',
    parties: [
      { kind: 'person', name: '陈立', idNumber: LI_ID.toLowerCase(), phone: '', address: '' },
      {
        kind: 'organisation',
        name: '长沙市黎托家电经营部',
        creditCode: CREDIT_CODE.toLowerCase(),
        phone: '13900001111',
      },
    ],
    disputeType: '消费纠纷',
    summary: '陈立购买的电暖器使用三天即损坏，经营部拒绝退货。',
    agreementContent: '经营部当场为陈立更换同型号新品一台，双方再无争议。',
    agreementAmountFen: 0,
    performanceMethod: '即时履行',
    performanceDueOn: '',
    mediator: '赵德明',
    mediatedOn: '2026-11-20',
    receivedBy: '李娟',
    crimePrevention: false,
    ...overrides,
  };
}

/** A valid payload for each action (a written agreement, performed on the spot; no dates beyond the action's). */
export const PAYLOADS: { [A in MediationAction]: Record<string, unknown> } = {
  investigate: {
    investigator: '赵德明',
    subject: '王建国',
    place: '王建国家',
    content: '查看院墙，墙基有明显水渍和裂缝。',
  },
  recordSession: {
    place: '花侯村村委会',
    attendees: '王建国、李秀梅、赵德明、周小兰',
    content: '双方陈述意见，同意排水沟改道。',
  },
  extend: { extendedTo: '2026-12-31', partiesConsent: true, reason: '需待雨季后共同查看改道效果' },
  succeed: {
    form: '书面',
    content: '李秀梅于十日内将排水沟改道，并赔偿王建国墙基修复费1500元。',
    amountFen: 150_000,
    performanceMethod: '即时履行',
    performanceDueOn: '',
    effectiveOn: '',
    agreementNumber: '花调〔2026〕12号',
    crimePrevention: false,
    note: '',
  },
  fail: { reason: '双方对赔偿数额分歧过大', routesTold: ['司法'] },
  terminate: { reason: '当事人撤回调解申请', explanation: '双方已自行和解，王建国撤回申请。' },
  recordPerformance: { state: '已履行', note: '' },
  followUp: {
    method: '上门',
    reached: '当事人',
    reachedName: '王建国',
    answers: { performed: '已履行', newDispute: '否' },
    satisfaction: '满意',
    remarks: '排水沟已改道，赔偿款已付清，双方关系缓和。',
  },
  applyConfirmation: { court: '长沙市雨花区人民法院', note: '' },
  recordConfirmation: { result: '确认调解协议有效', rulingNumber: '（2026）湘0111民特88号', note: '' },
  markCrimePrevention: { crimePrevention: true, note: '双方曾持械对峙，调解化解了矛盾激化的风险。' },
  recordSubsidy: { amountFen: null, note: '' },
  archive: { archiveNumber: '2026-调-012', note: '' },
};

/** The two villagers of `validRegistration`, loosely typed so that tests can break them field by field. */
export function validPeople(): [Record<string, unknown>, Record<string, unknown>] {
  const [wang, li] = validRegistration().parties;
  return [{ ...wang }, { ...li }];
}
