// The sample's electronic dossiers at the bureau (issue 16 item 3): an office's dossier package (made by
// officeEvaluation.ts, docs/export-format.md "Dossier package") imported with the checks of a data package — the
// container, signature and part hashes, a registered office signing with its registered key, encrypted to this
// bureau's key — and then every dossier checked against the round's sample and the SHA-256 the manifest gives it.
// Only when all pass is each PDF kept in the encrypted file store and recorded with its sampled case, so a refused
// package changes nothing. An evaluator opens the PDF beside the score sheet (`evaluation.dossierPdf`).
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type { DossierPdf, DossierImportOutcome } from '../../../shared/evaluation/travel';
import { AppError } from '../../../shared/errors';
import { contentHashOf, contentKeyFor, PackageRefused, plaintextChunks, verifyPackage } from '../exchange/container';
import { withBytes, type PackageFile } from '../exchange/bureauImport';
import { loadKeys } from '../exchange/keys';
import type { FileStore } from '../fileStore';
import type { Clock } from '../system/clock';
import { requireBureau } from './bureauMode';

const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

interface CheckedDossier {
  sampleId: number;
  caseNumber: string;
  pages: number | null;
  bytes: Buffer;
}

/** Every check of one package, writing nothing: the dossiers to keep, or PackageRefused with why. */
async function checkPackage(db: Kysely<Database>, file: PackageFile) {
  return withBytes(file, async (bytes) => {
    const opened = verifyPackage(bytes);
    const manifest = opened.manifest;
    if (manifest.kind !== 'office-dossiers') throw new PackageRefused('这不是司法所为案卷评查提交的案卷包');
    const office = await db
      .selectFrom('bureau_offices')
      .selectAll()
      .where('code', '=', manifest.office.code)
      .executeTakeFirst();
    if (!office)
      throw new PackageRefused(
        `机构 ${manifest.office.code}（${manifest.office.name}）未登记，请先在机构管理中登记其公钥指纹`,
      );
    if (office.fingerprint !== manifest.signer.fingerprint || office.public_key !== manifest.signer.publicKey)
      throw new PackageRefused(
        `签名公钥（指纹 ${manifest.signer.fingerprint}）与机构 ${office.code} 登记的指纹（${office.fingerprint}）不符`,
      );
    const key = contentKeyFor(opened, await loadKeys(db));
    const round = await db
      .selectFrom('evaluation_rounds')
      .select(['id', 'name', 'status'])
      .where('id', '=', manifest.round.id)
      .executeTakeFirst();
    if (!round) throw new PackageRefused(`本县局没有编号为${manifest.round.id}的评查活动（“${manifest.round.name}”）`);
    const samples = new Map(
      (
        await db
          .selectFrom('evaluation_samples')
          .select(['id', 'case_number'])
          .where('round_id', '=', round.id)
          .where('office_code', '=', office.code)
          .execute()
      ).map((s) => [s.case_number, s.id]),
    );
    const names = opened.stored.map((p) => p.name);
    if (names.join(',') !== manifest.dossiers.map((d) => d.part).join(','))
      throw new PackageRefused('数据部分与清单所列的卷宗不符');
    const plain = manifest.dossiers.map((_, i) => ({
      name: names[i]!,
      bytes: Buffer.concat([...plaintextChunks(opened, i, key)]),
    }));
    if (contentHashOf(plain) !== manifest.contentHash) throw new PackageRefused('内容校验失败：解密后的内容与清单不符');
    const dossiers: CheckedDossier[] = manifest.dossiers.map((d, i) => {
      const sampleId = samples.get(d.caseNumber);
      if (sampleId === undefined)
        throw new PackageRefused(`案号“${d.caseNumber}”不在“${round.name}”对${office.name}的抽查清单中`);
      const pdf = plain[i]!.bytes;
      if (sha256Of(pdf) !== d.sha256)
        throw new PackageRefused(`案号“${d.caseNumber}”的电子卷宗SHA-256校验失败：内容被改动或损坏`);
      if (!pdf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC))
        throw new PackageRefused(`案号“${d.caseNumber}”的电子卷宗不是PDF文件`);
      return { sampleId, caseNumber: d.caseNumber, pages: d.pages, bytes: pdf };
    });
    if (new Set(dossiers.map((d) => d.sampleId)).size !== dossiers.length)
      throw new PackageRefused('同一案件的电子卷宗重复出现');
    return { manifest, office, round, dossiers, fileSha256: opened.fileSha256 };
  });
}

/**
 * Imports dossier packages (in the calling channel's transaction), each checked in full before anything of it is
 * written; a refused one writes nothing and the others are still imported. One outcome per file, in order.
 */
export async function importDossierPackages(
  db: Kysely<Database>,
  files: readonly PackageFile[],
  { files: store, user, clock }: { files: FileStore; user: SessionUser; clock: Clock },
): Promise<DossierImportOutcome[]> {
  await requireBureau(db, '只有县局模式的数据文件能导入案卷包', 'files');
  const outcomes: DossierImportOutcome[] = [];
  for (const file of files) {
    let checked: Awaited<ReturnType<typeof checkPackage>>;
    try {
      checked = await checkPackage(db, file);
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      outcomes.push({ fileName: file.fileName, status: 'rejected', reason: error.message });
      continue;
    }
    const at = clock.now().toISOString();
    for (const d of checked.dossiers) {
      // Content-addressed: a file left behind by a transaction rolled back later is harmless.
      const sha256 = store.put(d.bytes);
      const values = {
        pdf_sha256: sha256,
        pages: d.pages,
        file_name: `${d.caseNumber.replace(/[\\/:*?"<>|]/g, '_')}电子卷宗.pdf`,
        package_sha256: checked.fileSha256,
        received_at: at,
        received_by: user.displayName,
      };
      await db
        .insertInto('evaluation_dossiers')
        .values({ sample_id: d.sampleId, ...values })
        .onConflict((oc) => oc.column('sample_id').doUpdateSet(values))
        .execute();
    }
    outcomes.push({
      fileName: file.fileName,
      status: 'imported',
      officeCode: checked.office.code,
      officeName: checked.office.name,
      roundName: checked.round.name,
      caseNumbers: checked.dossiers.map((d) => d.caseNumber),
    });
  }
  return outcomes;
}

/** The electronic dossier received for a sampled case, checked against its SHA-256. Reads only. */
export async function dossierPdf(db: Kysely<Database>, sampleId: number, store: FileStore): Promise<DossierPdf> {
  const sample = await db
    .selectFrom('evaluation_samples')
    .select(['id', 'case_number', 'office_name'])
    .where('id', '=', sampleId)
    .executeTakeFirst();
  if (!sample) throw new AppError('NOT_FOUND', '抽查案件：不存在', 'sampleId');
  const row = await db
    .selectFrom('evaluation_dossiers')
    .selectAll()
    .where('sample_id', '=', sampleId)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `抽查案件：尚未收到${sample.office_name}报送的“${sample.case_number}”电子卷宗，可按纸质卷宗评分`,
      'sampleId',
    );
  if (!store.has(row.pdf_sha256)) throw new AppError('DATA_FILE', '抽查案件：收到的电子卷宗文件缺失', 'sampleId');
  const bytes = store.read(row.pdf_sha256);
  if (sha256Of(bytes) !== row.pdf_sha256)
    throw new AppError('DATA_FILE', '抽查案件：收到的电子卷宗文件已被改动（SHA-256不符）', 'sampleId');
  return {
    sampleId,
    caseNumber: sample.case_number,
    fileName: row.file_name,
    base64: bytes.toString('base64'),
    pages: row.pages,
    sha256: row.pdf_sha256,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
  };
}
