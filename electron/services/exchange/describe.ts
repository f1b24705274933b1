// A package in a few Chinese lines, for the CLI's `verify` and `import`.
import { formatMoment } from '../../../shared/dates';
import type { Manifest, RestoredNote } from '../../../shared/exchange/manifest';
import type { ImportOutcome } from '../../../shared/exchange/types';

export function describeManifest(manifest: Manifest): string[] {
  const encryption = manifest.encryption
    ? `已加密（接收方公钥指纹 ${manifest.encryption.recipientFingerprint}）`
    : '未加密';
  if (manifest.kind === 'bureau-config') {
    return [
      `县局配置包：${manifest.bureau.name}，签发于 ${manifest.issuedAt}`,
      `签名公钥指纹：${manifest.signer.fingerprint}`,
    ];
  }
  if (manifest.kind === 'office-recovery') {
    const rows = Object.values(manifest.counts).reduce((n, c) => n + c.rows, 0);
    return [
      `县局恢复包：${manifest.bureau.name}为${manifest.office.name}（${manifest.office.code}）生成于 ${formatMoment(manifest.issuedAt)}，${manifest.lastImport ? `含至第${manifest.lastImport.sequence}次报送` : '尚无导入的报送'}`,
      `签名公钥指纹：${manifest.signer.fingerprint}；${encryption}`,
      `数据行：${rows}行`,
    ];
  }
  if (manifest.kind === 'office-dossiers') {
    return [
      `司法所案卷包：${manifest.office.name}（${manifest.office.code}）为“${manifest.round.name}”提交${manifest.dossiers.length}份电子卷宗，生成于 ${formatMoment(manifest.createdAt)}`,
      `签名公钥指纹：${manifest.signer.fingerprint}；${encryption}`,
    ];
  }
  const rows = Object.values(manifest.counts).reduce((n, c) => n + c.rows, 0);
  const tombstones = Object.values(manifest.counts).reduce((n, c) => n + c.tombstones, 0);
  return [
    `司法所数据包：${manifest.office.name}（${manifest.office.code}），${manifest.period}，第${manifest.sequence}次报送，生成于 ${manifest.createdAt}`,
    `签名公钥指纹：${manifest.signer.fingerprint}；${encryption}`,
    `数据行：${rows}行，删除记录：${tombstones}条；${manifest.changes.upTo > manifest.changes.after ? `变更序号 ${manifest.changes.after + 1}–${manifest.changes.upTo}` : '上次报送以来无变化'}；审计日志末条：第${manifest.auditHead.seq}条`,
    ...(manifest.restored ? [restoredLine(manifest.restored)] : []),
  ];
}

export function describeOutcome(o: ImportOutcome): string {
  if (o.status === 'rejected') return `已拒收：${o.fileName}：${o.reason}`;
  const c = o.counts;
  const head = o.status === 'duplicate' ? '已导入过，未作改动' : '已导入';
  const line = `${head}：${o.fileName}（${o.officeName}，${o.period}，第${o.sequence}次报送）新增${c.inserted}行，更新${c.updated}行，未变${c.unchanged}行，较旧${c.older}行，冲突${c.conflicts}行`;
  return [line, ...o.warnings.map((w) => `  注意：${w}`)].join('\n');
}

const RESTORE_KIND_TEXT: Record<RestoredNote['events'][number]['kind'], string> = {
  backup: '从备份恢复',
  recovery: '安装县局恢复包',
  replaced: '数据文件在程序外被替换',
};

/** 恢复备份后的报送: what happened at the office, and where its sequences continue. */
export function restoredLine(restored: RestoredNote): string {
  const events = restored.events.map(
    (e) =>
      `${formatMoment(e.at)}${RESTORE_KIND_TEXT[e.kind]}${e.source ? `（${e.source}${e.sourceTime ? `，${formatMoment(e.sourceTime)}` : ''}）` : ''}${e.by ? `，经办 ${e.by}` : ''}`,
  );
  return `恢复备份后的报送：${events.join('；')}；变更序号从${restored.changesContinueAfter + 1}继续，报送序号从${restored.sequenceContinuesAfter + 1}继续`;
}
