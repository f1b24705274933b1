// A package in a few Chinese lines, for the CLI's `verify` and `import`.
import type { Manifest } from '../../../shared/exchange/manifest';
import type { ImportOutcome } from '../../../shared/exchange/types';

export function describeManifest(manifest: Manifest): string[] {
  const encryption = manifest.encryption ? `已加密（接收方公钥指纹 ${manifest.encryption.recipientFingerprint}）` : '未加密';
  if (manifest.kind === 'bureau-config') {
    return [`县局配置包：${manifest.bureau.name}，签发于 ${manifest.issuedAt}`, `签名公钥指纹：${manifest.signer.fingerprint}`];
  }
  const rows = Object.values(manifest.counts).reduce((n, c) => n + c.rows, 0);
  const tombstones = Object.values(manifest.counts).reduce((n, c) => n + c.tombstones, 0);
  return [
    `司法所数据包：${manifest.office.name}（${manifest.office.code}），${manifest.period}，第${manifest.sequence}次报送，生成于 ${manifest.createdAt}`,
    `签名公钥指纹：${manifest.signer.fingerprint}；${encryption}`,
    `数据行：${rows}行，删除记录：${tombstones}条；${manifest.changes.upTo > manifest.changes.after ? `变更序号 ${manifest.changes.after + 1}–${manifest.changes.upTo}` : '上次报送以来无变化'}；审计日志末条：第${manifest.auditHead.seq}条`,
  ];
}

export function describeOutcome(o: ImportOutcome): string {
  if (o.status === 'rejected') return `已拒收：${o.fileName}：${o.reason}`;
  const c = o.counts;
  const head = o.status === 'duplicate' ? '已导入过，未作改动' : '已导入';
  const line = `${head}：${o.fileName}（${o.officeName}，${o.period}，第${o.sequence}次报送）新增${c.inserted}行，更新${c.updated}行，未变${c.unchanged}行，较旧${c.older}行，冲突${c.conflicts}行`;
  return [line, ...o.warnings.map((w) => `  注意：${w}`)].join('\n');
}
