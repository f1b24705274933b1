// Chinese names for what the audit log records: the call that made a change and the table it changed. A kind's action
// channel not listed here reads as its action (the kind's lifecycle names it); any other name not listed (a channel
// or table added later) is shown as it is stored.
import { ALL_KINDS } from '../../shared/kinds';
import { TABLE_LABELS, tableLabel } from '../../shared/tableLabels';

export { TABLE_LABELS, tableLabel };

const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  'auth.setup': '首次设置',
  'auth.signIn': '登录',
  'auth.unlock': '解锁',
  'auth.changePassword': '修改密码',
  'users.create': '添加用户',
  'users.update': '修改用户',
  'users.resetPassword': '重置密码',
  'office.setup': '司法所设置',
  'interference.record': '记录过问或干预情况',
  'interference.submitStatement': '提交月度报告',
  'legalAid.create': '登记法律援助申请',
  'drafts.save': '保存草稿',
  'drafts.discard': '删除草稿',
  'legalAid.notifyMissing': '告知补充材料',
  'legalAid.supplyMaterials': '补齐材料',
  'legalAid.deemWithdrawn': '视为撤回申请',
  'legalAid.decide': '审查决定',
  'legalAid.provideProvisionally': '先行提供法律援助',
  'legalAid.assign': '指派',
  'legalAid.recordProgress': '记录办理情况',
  'legalAid.terminate': '终止法律援助',
  'legalAid.close': '结案',
  'legalAid.object': '提出异议',
  'legalAid.reviewObjection': '异议审查',
  'legalAid.recordSubsidy': '记录办案补贴',
  'legalAid.archive': '归档',
  'legalAid.overrideEligibility': '经济困难审查例外',
  'legalAid.rosterAdd': '添加名册人员',
  'legalAid.rosterUpdate': '修改名册人员',
  'cases.acknowledgeConflicts': '确认利益冲突提示',
  'notarization.updateMatter': '修改公证事项',
  'notarization.create': '登记公证申请',
  // Every notarization step, in entries written before each action had a channel of its own.
  'notarization.act': '办理公证申请',
  'mediation.create': '登记人民调解',
  'mediation.quickOral': '口头调解快速登记',
  'mediation.investigate': '调查',
  'mediation.recordSession': '记录调解',
  'mediation.extend': '延长调解期限',
  'mediation.succeed': '调解成功',
  'mediation.fail': '调解不成',
  'mediation.terminate': '终止调解',
  'mediation.recordPerformance': '记录履行情况',
  'mediation.followUp': '回访',
  'mediation.applyConfirmation': '申请司法确认',
  'mediation.recordConfirmation': '记录司法确认结果',
  'mediation.markCrimePrevention': '标记防止民转刑',
  'mediation.recordSubsidy': '记录调解补贴',
  'mediation.archive': '调解归档',
  'mediation.saveDisputeTypes': '修改纠纷类型',
  'mediation.setSubsidyRates': '修改补贴标准',
  restore: '从备份恢复',
  'restore:replaced': '数据文件在程序外被替换',
  'exchange.recover': '安装县局恢复包',
  'exchange.reenterIdNumber': '重新录入证件号码',
  'bureau.recoveryPackage': '生成恢复包',
  'bureau.replaceOfficeKey': '重新登记司法所公钥',
};

export const OP_LABELS = { insert: '新增', update: '修改', delete: '删除' } as const;

const ACTION_CHANNEL_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_KINDS.flatMap((k) =>
    Object.entries(k.lifecycle.actions).map(([action, def]) => [`${k.key}.${action}`, def.label]),
  ),
);

/** Every channel the log names: those listed, then the kinds' action channels not listed. */
export const AUDITED_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  ...CHANNEL_LABELS,
  ...Object.fromEntries(Object.entries(ACTION_CHANNEL_LABELS).filter(([channel]) => !(channel in CHANNEL_LABELS))),
};

export function channelLabel(channel: string): string {
  if (channel.startsWith('migration:')) return `数据升级（${channel.slice('migration:'.length)}）`;
  return AUDITED_CHANNEL_LABELS[channel] ?? channel;
}
