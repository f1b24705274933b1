// The shipped default dossier rules (version 1), after the filing order in ../shared/domain/legal-aid.md,
// mediation.md and notarization.md (practice; local standards add or rename items, so the county bureau may
// install its own set). Migration 0011 stores this version in the data file; a released version is never edited:
// a change is a new version.
import type { DossierRuleSet } from '../ruleSet';

const COVER = { key: 'cover', name: '卷宗封面', dueAt: '', generated: true } as const;
const TOC = { key: 'toc', name: '卷内目录', dueAt: '', generated: true } as const;

export const DEFAULT_DOSSIER_RULES: DossierRuleSet = {
  version: 1,
  name: '默认卷宗材料标准',
  source: '法律援助、人民调解、公证卷宗常用立卷顺序（实务）',
  kinds: {
    legal_aid: {
      retention: '长期',
      items: [
        { ...COVER, dueAt: 'received' },
        { ...TOC, dueAt: 'received' },
        {
          key: 'applicationForm',
          name: '法律援助申请表',
          dueAt: 'received',
          when: { not: { fact: 'notifiedDefence', equals: true } },
          reason: '申请人申请法律援助时',
        },
        {
          key: 'defenceNotice',
          name: '通知辩护公函',
          dueAt: 'decided',
          when: { fact: 'notifiedDefence', equals: true },
          reason: '办案机关通知辩护时',
        },
        { key: 'applicantId', name: '申请人身份证明', dueAt: 'received' },
        {
          key: 'agentId',
          name: '代理人身份证明及代理关系证明',
          dueAt: 'received',
          when: { fact: 'agentApplied', equals: true },
          reason: '代理人代为申请时',
        },
        {
          key: 'financeProof',
          name: '经济困难状况证明材料',
          dueAt: 'received',
          reason: '以证明材料核查经济困难状况时',
          when: {
            all: [
              { fact: 'financeBasis', equals: '证明材料' },
              { fact: 'noFinancialTest', equals: false },
              { fact: 'notifiedDefence', equals: false },
            ],
          },
        },
        {
          key: 'financeCommitment',
          name: '个人诚信承诺书',
          dueAt: 'received',
          reason: '以个人诚信承诺核查经济困难状况时',
          when: {
            all: [
              { fact: 'financeBasis', equals: '承诺' },
              { fact: 'noFinancialTest', equals: false },
              { fact: 'notifiedDefence', equals: false },
            ],
          },
        },
        {
          key: 'financeExemption',
          name: '免予核查经济困难状况的证明材料',
          dueAt: 'received',
          reason: '免予核查经济困难状况时',
          when: {
            all: [
              { fact: 'financeBasis', equals: '免予核查' },
              { fact: 'noFinancialTest', equals: false },
              { fact: 'notifiedDefence', equals: false },
            ],
          },
        },
        { key: 'caseMaterials', name: '与所申请法律援助事项有关的案件材料', dueAt: 'received' },
        { key: 'decision', name: '给予（不予）法律援助决定书', dueAt: 'decided' },
        { key: 'assignment', name: '指派通知书（指派函）', dueAt: 'assigned' },
        {
          key: 'mandate',
          name: '委托代理协议、授权委托书',
          dueAt: 'assigned',
          reason: '民事、行政、国家赔偿案件',
          when: { fact: 'category', in: ['民事', '行政', '国家赔偿'] },
        },
        {
          key: 'interviewRecords',
          name: '会见笔录、阅卷笔录',
          dueAt: 'closed',
          when: { fact: 'criminalDefence', equals: true },
          reason: '刑事辩护案件',
        },
        { key: 'closingDocument', name: '起诉书、判决书、裁定书、调解书、仲裁裁决书或其他结案文书', dueAt: 'closed' },
        { key: 'closingReport', name: '结案报告表', dueAt: 'closed' },
        { key: 'feedback', name: '受援人意见反馈表（回访记录）', dueAt: 'closed' },
        {
          key: 'subsidyApproval',
          name: '办案补贴审批表',
          dueAt: 'archived',
          when: { fact: 'subsidyPaid', equals: true },
          reason: '发放办案补贴时',
        },
      ],
    },
    mediation: {
      retention: '长期',
      items: [
        { ...COVER, dueAt: 'registered' },
        { ...TOC, dueAt: 'registered' },
        {
          key: 'application',
          name: '人民调解申请书',
          dueAt: 'registered',
          reason: '当事人申请调解时',
          when: {
            all: [
              { fact: 'source', equals: '当事人申请' },
              { fact: 'simple', equals: false },
            ],
          },
        },
        { key: 'registrationForm', name: '人民调解受理登记表', dueAt: 'registered' },
        {
          key: 'partyIds',
          name: '当事人身份证明',
          dueAt: 'registered',
          when: { fact: 'simple', equals: false },
          reason: '口头调解登记以外的案件',
        },
        {
          key: 'investigation',
          name: '人民调解调查记录',
          dueAt: 'mediated',
          when: { fact: 'investigated', equals: true },
          reason: '进行了调查时',
        },
        { key: 'evidence', name: '证据材料', dueAt: 'mediated', optional: true },
        {
          key: 'sessionRecord',
          name: '人民调解记录（调解笔录）',
          dueAt: 'mediated',
          when: { fact: 'simple', equals: false },
          reason: '口头调解登记以外的案件',
        },
        {
          key: 'writtenAgreement',
          name: '人民调解协议书',
          dueAt: 'agreed',
          when: { fact: 'agreementForm', equals: '书面' },
          reason: '达成书面调解协议时',
        },
        {
          key: 'oralAgreement',
          name: '口头调解协议登记',
          dueAt: 'agreed',
          when: { fact: 'agreementForm', equals: '口头' },
          reason: '达成口头调解协议时',
        },
        {
          key: 'confirmation',
          name: '司法确认申请书、法院确认裁定书',
          dueAt: 'archived',
          when: { fact: 'confirmationSought', equals: true },
          reason: '申请司法确认时',
        },
        {
          key: 'performance',
          name: '履行情况记录、人民调解回访记录',
          dueAt: 'archived',
          reason: '调解成功的案件（口头调解登记除外）',
          when: {
            all: [
              { fact: 'outcome', equals: '调解成功' },
              { fact: 'simple', equals: false },
            ],
          },
        },
        {
          key: 'terminationNotice',
          name: '终止调解告知记录',
          dueAt: 'concluded',
          when: { fact: 'outcome', in: ['调解不成功', '终止调解'] },
          reason: '调解不成功或终止调解时',
        },
      ],
    },
    notarization: {
      retention: '长期',
      items: [
        { ...COVER, dueAt: 'received' },
        { ...TOC, dueAt: 'received' },
        { key: 'applicationForm', name: '公证申请表', dueAt: 'received' },
        { key: 'applicantId', name: '当事人身份证明', dueAt: 'received' },
        {
          key: 'agentPapers',
          name: '代理人身份证明及授权委托书',
          dueAt: 'received',
          when: { fact: 'agentApplied', equals: true },
          reason: '代理人代为申请时',
        },
        {
          key: 'document',
          name: '申请公证的文书',
          dueAt: 'received',
          when: { fact: 'documentMatter', equals: true },
          reason: '公证事项为文书（合同、委托书、声明书等）时',
        },
        { key: 'matterMaterials', name: '公证事项所需证明材料', dueAt: 'forwarded', expand: 'matterMaterials' },
        { key: 'acceptanceNotice', name: '受理通知单', dueAt: 'accepted' },
        {
          key: 'deferralCommitment',
          name: '容缺承诺书',
          dueAt: 'accepted',
          when: { fact: 'deferredAcceptance', equals: true },
          reason: '容缺受理时',
        },
        { key: 'interview', name: '告知书、询问笔录', dueAt: 'accepted' },
        {
          key: 'verification',
          name: '核实材料',
          dueAt: 'issued',
          when: { fact: 'verified', equals: true },
          reason: '进行了核实时',
        },
        { key: 'approval', name: '审批表', dueAt: 'issued' },
        { key: 'certificateCopy', name: '公证书存档（正本或副本）', dueAt: 'issued' },
        { key: 'feeReceipt', name: '收费凭证', dueAt: 'delivered' },
        { key: 'deliveryReceipt', name: '送达回执（领取签收）', dueAt: 'delivered' },
      ],
    },
  },
};
