// Fixtures of notarization tests: a valid request, and a valid payload for each lifecycle action.
import type { Api } from '../../../../shared/client';
import type { NotarizationCase } from '../../../../shared/contract';
import { idCheckChar } from '../../../../shared/identity';
import type { NotarizationActionInput } from '../../../../shared/kinds/notarization/actions';
import type { NotarizationAction } from '../../../../shared/kinds/notarization/lifecycle';
import type { NotarizationRequestInput } from '../../../../shared/kinds/notarization/intake';

/** A GB 11643 number from its first 17 characters. */
export const withCheck = (body17: string) => body17 + idCheckChar(body17);

/** 王晓明, male, born 1998-03-15, registered in 雨花区. */
export const APPLICANT_ID = withCheck('43011119980315001');
/** The GB 11643 sample number: female, born 1949-12-31. */
export const AGENT_ID = '11010519491231002X';
/** A valid 统一社会信用代码. */
export const CREDIT_CODE = '91350100M000100Y43';

/** A complete, valid 学历 request for use in the United Kingdom, with an English translation. */
export function validRequest(overrides: Partial<NotarizationRequestInput> = {}): NotarizationRequestInput {
  return {
    applicants: [
      {
        kind: 'person',
        name: '王晓明',
        sex: '男',
        birthDate: '1998-03-15',
        idType: '居民身份证',
        idNumber: APPLICANT_ID,
        address: '雨花区黎托街道花侯村3组',
        phone: '13800138000',
      },
    ],
    agent: null,
    matterCode: 'education',
    purpose: '出国留学',
    placeOfUse: '英国',
    copies: 2,
    needsTranslation: true,
    translationLanguage: '英语',
    pickupOn: '',
    feeFen: 16_000,
    receivedOn: '2026-11-20',
    receivedBy: '李娟',
    ...overrides,
  };
}

export const NOTARY_OFFICE = '湖南省长沙市雨花公证处';
export const CERTIFICATE_NUMBER = '（2026）湘长雨证字第1234号';

/** A valid payload for each action (no missing items, no 容缺). */
export const PAYLOADS: { [A in NotarizationAction]: NotarizationActionInput<A>['data'] } = {
  checkMaterials: { missingItems: [], note: '' },
  supplyMaterials: { note: '' },
  forward: { notaryOffice: NOTARY_OFFICE, note: '' },
  accept: { noticeNumber: '（2026）湘长雨证受字第0101号', deferred: null },
  suspend: { reason: '核实有关情况', missingItems: [], toldOn: '2026-11-12', toldHow: '电话告知', note: '' },
  resume: { note: '' },
  supplyDeferred: { note: '' },
  issue: { certificateNumber: CERTIFICATE_NUMBER },
  deliver: { method: '本人领取', recipient: '王晓明', receiptSigned: true },
  refuse: { reason: '申请公证的事项不真实' },
  terminate: { reason: '申请人撤回公证申请' },
  archive: { archiveNumber: '2026-公-001' },
};

/** One step of a request as a clerk sends it: the action's channel (notarization.<action>) and its input. */
export interface Step<A extends NotarizationAction = NotarizationAction> {
  channel: `notarization.${A}`;
  input: NotarizationActionInput<A>;
}

export function step<A extends NotarizationAction>(
  caseId: number,
  action: A,
  actedOn: string,
  data?: NotarizationActionInput<A>['data'],
): Step<A> {
  return {
    channel: `notarization.${action}`,
    // The applicant told of a stop on the day it stopped (公证程序规则 第35条), unless the data says otherwise.
    input: {
      caseId,
      actedOn,
      data: data ?? (action === 'suspend' ? { ...PAYLOADS.suspend, toldOn: actedOn } : PAYLOADS[action]),
    } as NotarizationActionInput<A>,
  };
}

/** Takes a step through its action's channel; answers the request as it now stands. */
export const takeStep = (api: Api, { channel, input }: Step): Promise<NotarizationCase> =>
  api.call(channel, input as never);
