// Recording dossier materials and attaching scans: the input schemas the channels use (with their Chinese
// labels), and the attachment rules that both the renderer (early refusal) and the main process (the check that
// counts) apply: the size limit and the type read from the file's first bytes, never from its name.
import { z } from 'zod';
import { id } from '../channel';
import { choice, integer, isoDate, strictObject, text, type Labels } from '../validation';
import { MATERIAL_FORMS } from './evaluate';

const MAX_PAGES = 9999;
/** The largest attachment, in bytes. */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Bytes per upload chunk: its base64 form (4/3 larger) stays well under the channel payload limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
const ATTACHMENT_TYPE_LABELS: Record<AttachmentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

const MAGIC: [AttachmentType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The type the file's first bytes show, or null when it is none of PDF, JPEG, PNG. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  for (const [type, magic] of MAGIC) if (magic.every((b, i) => head[i] === b)) return type;
  return null;
}

/** The type a file name claims by its extension (only to say what it pretended to be). */
function claimedType(fileName: string): AttachmentType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  return null;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Null when the size is acceptable; otherwise the Chinese reason. */
export function attachmentSizeProblem(bytes: number): string | null {
  if (bytes <= 0) return '文件是空的';
  if (bytes > MAX_ATTACHMENT_BYTES)
    return `文件过大（${formatBytes(bytes)}），附件不能超过${formatBytes(MAX_ATTACHMENT_BYTES)}`;
  return null;
}

/** Null when the first bytes are a PDF, JPEG or PNG; otherwise the Chinese reason (naming what the name claimed). */
export function attachmentTypeProblem(fileName: string, head: Uint8Array): string | null {
  if (sniffAttachmentType(head)) return null;
  const claimed = claimedType(fileName);
  return claimed
    ? `文件“${fileName}”的扩展名是${ATTACHMENT_TYPE_LABELS[claimed]}，但内容不是${ATTACHMENT_TYPE_LABELS[claimed]}文件`
    : `文件“${fileName}”不是PDF、JPEG或PNG文件`;
}

const itemKey = z.string({ error: '格式不正确' }).min(1, '请选择材料').max(200, '格式不正确');
const pages = integer({ min: 1, max: MAX_PAGES });

export const markReceivedSchema = strictObject({
  caseId: id,
  itemKey,
  receivedOn: isoDate(),
  pages,
  form: choice(MATERIAL_FORMS),
  note: text({ max: 200 }),
});
export const MARK_RECEIVED_LABELS: Labels = {
  caseId: '案件',
  itemKey: '材料',
  receivedOn: '收到日期',
  pages: '页数',
  form: '原件或复印件',
  note: '备注',
};

export const unmarkSchema = strictObject({ caseId: id, itemKey });
export const UNMARK_LABELS: Labels = { caseId: '案件', itemKey: '材料' };

export const uploadBeginSchema = strictObject({
  caseId: id,
  itemKey,
  fileName: text({ max: 200, required: true }),
  size: z.number({ error: '格式不正确' }).int('格式不正确').min(0, '格式不正确'),
});
export const UPLOAD_BEGIN_LABELS: Labels = { caseId: '案件', itemKey: '材料', fileName: '文件名', size: '文件' };

export const uploadChunkSchema = strictObject({
  uploadId: z.string({ error: '格式不正确' }).regex(/^[0-9a-f]{32}$/, '上传已失效，请重新选择文件'),
  offset: z.number({ error: '格式不正确' }).int('格式不正确').min(0, '格式不正确'),
  /** Base64 of at most UPLOAD_CHUNK_BYTES bytes. */
  data: z
    .string({ error: '格式不正确' })
    .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, '分块过大')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '格式不正确'),
});
export const UPLOAD_CHUNK_LABELS: Labels = { uploadId: '上传', offset: '位置', data: '文件内容' };

export const attachSchema = strictObject({
  uploadId: uploadChunkSchema.shape.uploadId,
  /** Pages the scan holds; the item's record is created with it when the item was not marked received yet. */
  pages,
});
export const ATTACH_LABELS: Labels = { uploadId: '上传', pages: '页数' };

const GATED_ACTIONS = ['close', 'archive'] as const;
export type GatedAction = (typeof GATED_ACTIONS)[number];
export const GATED_ACTION_LABELS: Record<GatedAction, string> = { close: '结案', archive: '归档' };

export const overrideSchema = strictObject({
  caseId: id,
  action: choice(GATED_ACTIONS),
  reason: text({ max: 500, required: true, multiLine: true }).refine(
    (s) => s === '' || [...s].length >= 5,
    '请写明理由（至少5个字）',
  ),
});
export const OVERRIDE_LABELS: Labels = { caseId: '案件', action: '操作', reason: '特批理由' };

export const PRINT_DOCUMENTS = ['cover', 'toc', 'checklist', 'notice', 'followUp'] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];
export const PRINT_DOCUMENT_LABELS: Record<PrintDocument, string> = {
  cover: '卷宗封面',
  toc: '卷内目录',
  checklist: '卷宗材料核对表',
  notice: '补正材料通知书',
  followUp: '回访记录',
};
