// What an office's own ledger (台账) can tell CaseDesk, per kind: the fields a column may map to, the header texts
// each field goes by in the ledgers offices really keep (the synonym table: data, the one place it is written), and
// how a ledger's 结果 column names the end states of the kind's lifecycle. Read by the header detection, the row
// checks, the import page and the docs (docs/ledger-import.md).
import type { CaseKind } from '../options';

export type LedgerFieldKey =
  | 'caseNumber'
  | 'receivedOn'
  | 'applicantName'
  | 'idNumber'
  | 'phone'
  | 'address'
  | 'otherParty'
  | 'disputeType'
  | 'summary'
  | 'mediators'
  | 'committee'
  | 'amount'
  | 'matter'
  | 'category'
  | 'serviceForm'
  | 'handler'
  | 'purpose'
  | 'placeOfUse'
  | 'copies'
  | 'result'
  | 'closedOn'
  | 'receivedBy'
  | 'note';

export interface LedgerField {
  key: LedgerFieldKey;
  /** The field's name on the import page and in the report. */
  label: string;
  /** Header texts that mean this field (compared after normalising, `normalizeHeader`). */
  synonyms: readonly string[];
  /** A row without it is refused (the form cannot do without it, and it cannot be 未登记). */
  required?: boolean;
}

const CASE_NUMBER: LedgerField = {
  key: 'caseNumber',
  label: '案号',
  synonyms: ['案号', '案件编号', '编号', '登记编号', '受理编号', '案件号', '卷宗号'],
};
const RECEIVED_ON: LedgerField = {
  key: 'receivedOn',
  label: '受理日期',
  synonyms: ['受理时间', '受理日期', '申请日期', '申请时间', '登记日期', '登记时间', '收案日期', '收案时间', '日期'],
  required: true,
};
const ID_NUMBER: LedgerField = {
  key: 'idNumber',
  label: '公民身份号码',
  synonyms: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '申请人身份证号', '当事人身份证号'],
};
const PHONE: LedgerField = {
  key: 'phone',
  label: '联系电话',
  synonyms: ['联系电话', '电话', '手机', '手机号码', '联系方式'],
};
const ADDRESS: LedgerField = {
  key: 'address',
  label: '住址',
  synonyms: ['住址', '地址', '家庭住址', '住所', '户籍地址', '户籍所在地', '现住址'],
};
const RECEIVED_BY: LedgerField = {
  key: 'receivedBy',
  label: '登记人',
  synonyms: ['登记人', '受理人', '经办人', '接待人', '记录人'],
};
const NOTE: LedgerField = { key: 'note', label: '备注', synonyms: ['备注', '说明'] };
const RESULT: LedgerField = {
  key: 'result',
  label: '结果',
  synonyms: ['调解结果', '处理结果', '办理结果', '结果', '结案情况', '办理情况', '办结情况', '案件状态', '状态'],
};

const MEDIATION_FIELDS: readonly LedgerField[] = [
  CASE_NUMBER,
  RECEIVED_ON,
  {
    key: 'applicantName',
    label: '当事人（申请人）',
    synonyms: ['当事人', '申请人', '申请人姓名', '当事人姓名', '姓名', '纠纷当事人', '双方当事人'],
    required: true,
  },
  ID_NUMBER,
  PHONE,
  ADDRESS,
  {
    key: 'otherParty',
    label: '对方当事人',
    synonyms: ['被申请人', '对方当事人', '被申请人姓名', '另一方当事人', '对方'],
  },
  { key: 'disputeType', label: '纠纷类型', synonyms: ['纠纷类型', '纠纷类别', '纠纷种类', '矛盾纠纷类型', '类型'] },
  {
    key: 'summary',
    label: '纠纷简要情况',
    synonyms: ['纠纷简要情况', '纠纷简况', '简要案情', '主要事实', '基本情况', '纠纷事由', '案情', '纠纷情况'],
  },
  { key: 'mediators', label: '调解员', synonyms: ['调解员', '调解人员', '调解人', '主持人', '承办人'] },
  { key: 'committee', label: '调解组织', synonyms: ['调解组织', '调委会', '人民调解委员会', '调解委员会'] },
  { key: 'amount', label: '涉及金额', synonyms: ['涉及金额', '涉案金额', '标的额', '金额', '涉及金额（元）'] },
  RESULT,
  {
    key: 'closedOn',
    label: '结案日期',
    synonyms: ['结案日期', '结案时间', '调解日期', '办结日期', '办结时间', '协议日期'],
  },
  RECEIVED_BY,
  NOTE,
];

const LEGAL_AID_FIELDS: readonly LedgerField[] = [
  CASE_NUMBER,
  RECEIVED_ON,
  {
    key: 'applicantName',
    label: '申请人',
    synonyms: ['申请人', '申请人姓名', '当事人', '当事人姓名', '受援人', '受援人姓名', '姓名'],
    required: true,
  },
  ID_NUMBER,
  PHONE,
  ADDRESS,
  { key: 'otherParty', label: '对方当事人', synonyms: ['对方当事人', '被申请人', '对方'] },
  { key: 'matter', label: '案由', synonyms: ['案由', '案件事由', '申请事项', '法律援助事项', '事由'] },
  { key: 'category', label: '案件类别', synonyms: ['案件类别', '案件类型', '类别', '案件性质'] },
  { key: 'serviceForm', label: '援助形式', synonyms: ['援助形式', '援助方式', '服务形式', '援助类型'] },
  { key: 'handler', label: '承办人', synonyms: ['承办人', '承办律师', '指派律师', '承办人员', '援助人员'] },
  RESULT,
  { key: 'closedOn', label: '结案日期', synonyms: ['结案日期', '结案时间', '办结日期', '办结时间'] },
  RECEIVED_BY,
  NOTE,
];

const NOTARIZATION_FIELDS: readonly LedgerField[] = [
  CASE_NUMBER,
  RECEIVED_ON,
  {
    key: 'applicantName',
    label: '申请人',
    synonyms: ['申请人', '申请人姓名', '当事人', '当事人姓名', '申办人', '姓名'],
    required: true,
  },
  ID_NUMBER,
  PHONE,
  ADDRESS,
  {
    key: 'matter',
    label: '公证事项',
    synonyms: ['公证事项', '申办事项', '事项', '公证类别', '公证种类'],
    required: true,
  },
  { key: 'purpose', label: '公证书用途', synonyms: ['用途', '公证用途', '公证书用途'] },
  { key: 'placeOfUse', label: '使用地', synonyms: ['使用地', '使用国家', '使用地区', '发往国家', '使用国'] },
  { key: 'copies', label: '份数', synonyms: ['份数', '公证书份数'] },
  RESULT,
  {
    key: 'closedOn',
    label: '结案日期',
    synonyms: ['结案日期', '领证日期', '出证日期', '送达日期', '办结日期', '办结时间'],
  },
  RECEIVED_BY,
  NOTE,
];

export const LEDGER_FIELDS: Readonly<Record<CaseKind, readonly LedgerField[]>> = {
  legal_aid: LEGAL_AID_FIELDS,
  mediation: MEDIATION_FIELDS,
  notarization: NOTARIZATION_FIELDS,
};

/** One end state a ledger's 结果 can name: the closing action the import records and the status it leads to. */
export interface LedgerOutcome {
  /** What the ledgers write (compared after normalising, `normalizeHeader`). */
  words: readonly string[];
  /** The lifecycle's actions recorded, in order (an archived case is closed first, then archived). */
  actions: readonly { action: string; to: string; data: Record<string, unknown> }[];
  status: string;
}

/** The status a case the ledger gives no result for is imported in: registered, as the intake leaves it. */
export const LEDGER_OPEN_STATUS: Readonly<Record<CaseKind, string>> = {
  legal_aid: 'received',
  mediation: 'registered',
  notarization: 'received',
};

/** The payload the import records for each action; its note says where it came from. */
const HISTORY = { note: '历史导入' } as const;

export const LEDGER_OUTCOMES: Readonly<Record<CaseKind, readonly LedgerOutcome[]>> = {
  mediation: [
    {
      words: ['调解成功', '成功', '达成协议', '已调解', '调成', '已结案', '结案'],
      actions: [{ action: 'succeed', to: 'concluded', data: { ...HISTORY, form: '未登记', content: '未登记' } }],
      status: 'concluded',
    },
    {
      words: ['调解不成功', '不成功', '未达成协议', '调解不成', '未调成', '调解失败', '失败'],
      actions: [{ action: 'fail', to: 'failed', data: { ...HISTORY, reason: '未登记', routesTold: [] } }],
      status: 'failed',
    },
    {
      words: ['终止', '终止调解', '已终止', '终止调解程序'],
      actions: [{ action: 'terminate', to: 'terminated', data: { ...HISTORY, reason: '未登记', explanation: '' } }],
      status: 'terminated',
    },
  ],
  legal_aid: [
    {
      words: ['已结案', '结案', '办结', '已办结', '完结'],
      actions: [{ action: 'close', to: 'closed', data: { ...HISTORY } }],
      status: 'closed',
    },
    {
      words: ['已归档', '归档'],
      actions: [
        { action: 'close', to: 'closed', data: { ...HISTORY } },
        { action: 'archive', to: 'archived', data: { ...HISTORY, archiveNumber: '' } },
      ],
      status: 'archived',
    },
    {
      words: ['终止', '已终止', '终止援助', '终止法律援助'],
      actions: [{ action: 'terminate', to: 'terminated', data: { ...HISTORY, reason: '未登记' } }],
      status: 'terminated',
    },
    {
      words: ['不予援助', '不予法律援助', '不予受理', '不符合条件'],
      actions: [
        { action: 'decide', to: 'refused', data: { ...HISTORY, decision: '不予法律援助', decidedBy: '司法所' } },
      ],
      status: 'refused',
    },
  ],
  notarization: [
    {
      words: ['已领证', '已领取', '已送达', '已发证', '已出证', '领证', '办结', '已办结', '已结案'],
      actions: [{ action: 'deliver', to: 'delivered', data: { ...HISTORY, method: '未登记' } }],
      status: 'delivered',
    },
    {
      words: ['不予办理', '拒绝办理', '不予受理'],
      actions: [{ action: 'refuse', to: 'refused', data: { ...HISTORY, reason: '未登记' } }],
      status: 'refused',
    },
    {
      words: ['终止', '已终止', '终止公证', '撤回', '申请人撤回'],
      actions: [{ action: 'terminate', to: 'terminated', data: { ...HISTORY, reason: '未登记' } }],
      status: 'terminated',
    },
  ],
};

/** A header's or a result's text as compared: no spaces, stars or colons, ASCII brackets, full-width digits halved. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000*＊:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** The field a header text means, if any: exactly a synonym, or one followed by a bracketed note (“受理日期(年月日)”). */
export function fieldOfHeader(kind: CaseKind, header: string): LedgerFieldKey | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  const bare = h.replace(/\([^)]*\)$/, '');
  for (const candidate of [h, bare]) {
    for (const field of LEDGER_FIELDS[kind]) {
      if (field.synonyms.some((s) => normalizeHeader(s) === candidate)) return field.key;
    }
  }
  return null;
}

/** The field of a kind by its key. */
export function ledgerField(kind: CaseKind, key: string): LedgerField | undefined {
  return LEDGER_FIELDS[kind].find((f) => f.key === key);
}

/** The end state a 结果 text names, or null when it names none (the case is imported as still open). */
export function outcomeOf(kind: CaseKind, result: string): LedgerOutcome | null {
  const r = normalizeHeader(result);
  if (!r) return null;
  return LEDGER_OUTCOMES[kind].find((o) => o.words.some((w) => normalizeHeader(w) === r)) ?? null;
}
