// Scans and photos of dossier items. A file arrives in chunks (a call carries at most MAX_PAYLOAD_CHARS): the
// size is refused before any byte is sent, the type is read from the first chunk's bytes (PDF, JPEG, PNG — never
// the name), and the complete file is filed, encrypted, in the data folder's attachments/ under its SHA-256 (the
// file store, fileStore.ts), which backups copy. Uploads in progress live in uploads-in-progress/ beside it,
// encrypted under a key held only in memory (scratchFile.ts); nothing reaches the data file until `attach`, which
// is one transaction.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { attachmentsDir } from '../../db/stagedRestore';
import type { SessionUser } from '../../shared/accounts';
import type { DossierView } from '../../shared/channels/dossier';
import {
  attachmentSizeProblem,
  attachmentTypeProblem,
  sniffAttachmentType,
  UPLOAD_CHUNK_BYTES,
  type AttachmentType,
} from '../../shared/dossier/materials';
import { AppError } from '../../shared/errors';
import type { Clock } from './system/clock';
import type { FileStore } from './fileStore';
import { ScratchFile } from './scratchFile';
import { dossierView, recordDossierCheck, requireCase, requireItem } from './dossier/checklist';

interface Upload {
  caseId: number;
  itemKey: string;
  fileName: string;
  size: number;
  received: number;
  type: AttachmentType | null;
  file: ScratchFile;
  startedAt: number;
}

/** An upload not finished within this time is dropped. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;

export class Uploads {
  private readonly open = new Map<string, Upload>();

  constructor(
    private readonly dataFile: string,
    private readonly files: FileStore,
  ) {}

  /** Beside attachments/, not in it: backups copy attachments/ and must not carry half-sent files. */
  get folder(): string {
    return path.join(path.dirname(path.resolve(this.dataFile)), 'uploads-in-progress');
  }

  private drop(id: string): void {
    const upload = this.open.get(id);
    this.open.delete(id);
    if (upload) {
      upload.file.close();
      fs.rmSync(upload.file.file, { force: true });
    }
  }

  private dropStale(now: number): void {
    for (const [id, u] of this.open) if (now - u.startedAt > UPLOAD_TTL_MS) this.drop(id);
  }

  async begin(
    db: Kysely<Database>,
    input: { caseId: number; itemKey: string; fileName: string; size: number },
    clock: Clock,
  ) {
    const c = await requireCase(db, input.caseId);
    if (c.status === 'archived') throw new AppError('CONFLICT', '案件已归档，卷宗材料不能再改动', 'caseId');
    await requireItem(db, c, input.itemKey);
    const sizeProblem = attachmentSizeProblem(input.size);
    if (sizeProblem) throw new AppError('VALIDATION', `文件：${sizeProblem}`, 'size');
    const now = clock.now().getTime();
    this.dropStale(now);
    const uploadId = crypto.randomBytes(16).toString('hex');
    fs.mkdirSync(this.folder, { recursive: true });
    const file = new ScratchFile(path.join(this.folder, uploadId));
    this.open.set(uploadId, { ...input, received: 0, type: null, file, startedAt: now });
    return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  private require(uploadId: string): Upload {
    const upload = this.open.get(uploadId);
    if (!upload) throw new AppError('VALIDATION', '上传：上传已失效，请重新选择文件', 'uploadId');
    return upload;
  }

  chunk(input: { uploadId: string; offset: number; data: string }): { received: number } {
    const upload = this.require(input.uploadId);
    if (input.offset !== upload.received)
      throw new AppError('VALIDATION', `位置：应从第${upload.received}字节续传`, 'offset');
    const bytes = Buffer.from(input.data, 'base64');
    if (bytes.length === 0 || bytes.length > UPLOAD_CHUNK_BYTES)
      throw new AppError('VALIDATION', '文件内容：分块大小不正确', 'data');
    if (upload.received + bytes.length > upload.size) {
      this.drop(input.uploadId);
      throw new AppError('VALIDATION', '文件内容：比声明的文件大小更大，上传已取消', 'data');
    }
    if (upload.received === 0) {
      const problem = attachmentTypeProblem(upload.fileName, bytes);
      if (problem) {
        this.drop(input.uploadId);
        throw new AppError('VALIDATION', `文件：${problem}`, 'data');
      }
      upload.type = sniffAttachmentType(bytes);
    }
    upload.file.append(bytes);
    upload.received += bytes.length;
    return { received: upload.received };
  }

  /** Files a complete upload: the content-addressed file, its row, the item received if it was not. */
  async attach(
    db: Kysely<Database>,
    user: SessionUser,
    input: { uploadId: string; pages: number },
    clock: Clock,
  ): Promise<DossierView> {
    const upload = this.require(input.uploadId);
    if (upload.received !== upload.size || !upload.type) {
      throw new AppError('VALIDATION', `上传：文件尚未传完（${upload.received}/${upload.size}字节）`, 'uploadId');
    }
    const c = await requireCase(db, upload.caseId);
    const item = await requireItem(db, c, upload.itemKey);
    const bytes = upload.file.readAll();
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const same = await db
      .selectFrom('attachments')
      .select(['file_name', 'item_key'])
      .where('case_id', '=', c.id)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (same) {
      this.drop(input.uploadId);
      throw new AppError('CONFLICT', `文件：本案已上传过相同的文件（“${same.file_name}”），不能重复上传`, 'uploadId');
    }
    const at = clock.now().toISOString();
    await db
      .insertInto('attachments')
      .values({
        case_id: c.id,
        item_key: upload.itemKey,
        sha256,
        content_type: upload.type,
        size_bytes: bytes.length,
        file_name: upload.fileName,
        added_by: user.displayName,
        added_at: at,
      })
      .execute();
    const material = await db
      .selectFrom('dossier_materials')
      .select('item_key')
      .where('case_id', '=', c.id)
      .where('item_key', '=', upload.itemKey)
      .executeTakeFirst();
    if (!material) {
      await db
        .insertInto('dossier_materials')
        .values({
          case_id: c.id,
          item_key: upload.itemKey,
          received_on: clock.today(),
          pages: input.pages,
          form: '复印件',
          note: `扫描件：${item.name}`.slice(0, 200),
          recorded_by: user.displayName,
          recorded_at: at,
        })
        .execute();
    }
    await recordDossierCheck(db, c.id, clock);
    // Content-addressed: a name always holds the same bytes, so a file left by a rolled-back call is harmless.
    this.files.put(bytes);
    this.drop(input.uploadId);
    return dossierView(db, c.id);
  }
}

/** The bytes of an attachment, read back from the data folder. */
export function attachmentPath(dataFile: string, sha256: string): string {
  return path.join(attachmentsDir(dataFile), sha256);
}
