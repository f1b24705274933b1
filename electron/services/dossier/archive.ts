// Archived means fixed: archiving (归档) makes the electronic dossier, keeps it in the encrypted file store and
// records its SHA-256 and what it was made from, in the archive action's own transaction; afterwards the case page
// compares the case's current materials (and the kept files themselves) with that record, so a change after
// archiving shows. `ElectronicDossiers` is what the backend hands every call: the file store, the PDF renderer the
// shell injected (none for the demo generator and the tests that do not print), the generated-record sources, and
// the outgoing files the dossiers made for the clerk are written to (never answered as bytes).
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import type {
  DossierArchiveRecord,
  DossierArchiveStatus,
  ElectronicDossierFile,
} from '../../../shared/dossier/electronic';
import { AppError } from '../../../shared/errors';
import type { FileStore } from '../fileStore';
import type { OutgoingFiles } from '../outgoingFiles';
import type { Clock } from '../system/clock';
import { requireCase } from './checklist';
import type { DossierSources, GeneratedRecordSource, PdfRenderer } from './electronic';
import { collectingSink, type PdfSink } from './pdfSink';
import { DOSSIER_RECORD_SOURCES } from './recordSources';

/**
 * The electronic dossier's maker, loaded when a dossier is first made, kept or compared: it brings pdf-lib, a large
 * part of the main bundle's code that most sessions never run (as exceljs is loaded only for a workbook).
 */
const electronic = () => import('./electronic');

const sha256Of = (bytes: Uint8Array | string) => crypto.createHash('sha256').update(bytes).digest('hex');

/** What differs between the sources recorded at archiving and the case's sources now, one Chinese line each. */
function sourceChanges(kept: DossierSources, now: DossierSources): string[] {
  const changes: string[] = [];
  const before = new Map(kept.items.map((i) => [i.key, i]));
  const after = new Map(now.items.map((i) => [i.key, i]));
  for (const [key, was] of before) {
    const is = after.get(key);
    if (!is) {
      changes.push(`“${was.name}”已不在卷内`);
      continue;
    }
    if (was.pages !== is.pages || was.form !== is.form || was.note !== is.note)
      changes.push(`“${was.name}”的登记信息（页数、原件或复印件、备注）已改动`);
    const removed = was.attachments.filter((a) => !is.attachments.includes(a)).length;
    const added = is.attachments.filter((a) => !was.attachments.includes(a)).length;
    if (removed) changes.push(`“${was.name}”少了${removed}个归档时的附件`);
    if (added) changes.push(`“${was.name}”多了${added}个归档后加入的附件`);
    if (was.generated !== is.generated) changes.push(`“${was.name}”由本系统生成的内容已改变`);
  }
  for (const [key, is] of after) if (!before.has(key)) changes.push(`“${is.name}”是归档后加入卷内的`);
  return changes;
}

export class ElectronicDossiers {
  constructor(
    readonly files: FileStore,
    /** Null: this process has no Chromium to print with; archiving then records the sources without a PDF. */
    readonly renderer: PdfRenderer | null,
    /** Where a dossier made for the clerk is written, to be saved by the shell. */
    readonly outgoing: OutgoingFiles,
    readonly sources: readonly GeneratedRecordSource[] = DOSSIER_RECORD_SOURCES,
  ) {}

  private requireRenderer(): PdfRenderer {
    if (!this.renderer) throw new AppError('CONFLICT', '本程序未配置PDF生成，不能生成电子卷宗', 'caseId');
    return this.renderer;
  }

  /**
   * The case's electronic dossier, written to `sink`: for an archived case the one kept at archiving (checked
   * against its hash), otherwise made now from the current materials. Writes nothing to the data file.
   */
  async writeDossier(
    db: Kysely<Database>,
    caseId: number,
    clock: Clock,
    sink: PdfSink,
  ): Promise<{ pages: number; sha256: string; notIncluded: string[] }> {
    await requireCase(db, caseId);
    const kept = await db
      .selectFrom('dossier_archives')
      .select(['pdf_sha256', 'pages'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (kept?.pdf_sha256) {
      await sink(this.readKept(kept.pdf_sha256));
      return { pages: kept.pages ?? 0, sha256: kept.pdf_sha256, notIncluded: [] };
    }
    const { makeElectronicDossier } = await electronic();
    const made = await makeElectronicDossier(
      db,
      { files: this.files, renderer: this.requireRenderer(), sources: this.sources },
      caseId,
      { today: clock.today(), now: clock.now() },
      sink,
    );
    return { pages: made.pages, sha256: made.sha256, notIncluded: made.notIncluded };
  }

  /** The case's electronic dossier (as writeDossier) as a file waiting for the clerk to save it. */
  async dossierOf(db: Kysely<Database>, caseId: number, clock: Clock): Promise<ElectronicDossierFile> {
    const c = await requireCase(db, caseId);
    const { file, result } = await this.outgoing.write(
      { fileName: (await electronic()).dossierFileName(c.caseNumber), contentType: 'application/pdf' },
      (sink) => this.writeDossier(db, caseId, clock, sink),
    );
    return { file, ...result };
  }

  private readKept(sha256: string): Buffer {
    if (!this.files.has(sha256)) throw new AppError('DATA_FILE', '归档时保存的电子卷宗文件缺失', 'caseId');
    const bytes = this.files.read(sha256);
    if (sha256Of(bytes) !== sha256)
      throw new AppError('DATA_FILE', '归档时保存的电子卷宗文件已被改动（SHA-256不符）', 'caseId');
    return bytes;
  }

  /**
   * Inside the archive action's transaction: makes the dossier, keeps it encrypted, records its hash and sources.
   * Without materials (or without a renderer) only the sources are recorded, so a later change still shows.
   */
  async keepAtArchive(db: Kysely<Database>, caseId: number, { user, clock }: { user: SessionUser; clock: Clock }) {
    const { describeSources, makeElectronicDossier } = await electronic();
    const { sources, plan } = await describeSources(db, caseId, this.sources);
    let pdf: { sha256: string; pages: number } | null = null;
    if (this.renderer && plan.length > 0) {
      // The file store encrypts a whole file: the PDF is collected in memory here (archiving is one case at a time).
      const collected = collectingSink();
      const made = await makeElectronicDossier(
        db,
        { files: this.files, renderer: this.renderer, sources: this.sources },
        caseId,
        { today: clock.today(), now: clock.now() },
        collected.sink,
      );
      // Content-addressed: a file left by a transaction that rolls back later is harmless.
      this.files.put(collected.bytes(), made.sha256);
      pdf = { sha256: made.sha256, pages: made.pages };
    }
    const text = JSON.stringify(sources);
    await db
      .insertInto('dossier_archives')
      .values({
        case_id: caseId,
        pdf_sha256: pdf?.sha256 ?? null,
        pages: pdf?.pages ?? null,
        sources: text,
        sources_sha256: sha256Of(text),
        made_at: clock.now().toISOString(),
        made_by: user.displayName,
      })
      .execute();
  }

  /** The archived record and whether the current materials and the kept files still match it. Reads only. */
  async status(db: Kysely<Database>, caseId: number): Promise<DossierArchiveStatus> {
    await requireCase(db, caseId);
    const row = await db.selectFrom('dossier_archives').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!row) return { record: null, matches: true, changes: [] };
    const record: DossierArchiveRecord = {
      pdfSha256: row.pdf_sha256,
      pages: row.pages,
      sourcesSha256: row.sources_sha256,
      madeAt: row.made_at,
      madeBy: row.made_by,
    };
    const changes: string[] = [];
    if (sha256Of(row.sources) !== row.sources_sha256) changes.push('归档记录本身已被改动（SHA-256不符）');
    const kept = JSON.parse(row.sources) as DossierSources;
    const { describeSources } = await electronic();
    const { sources: now } = await describeSources(db, caseId, this.sources);
    changes.push(...sourceChanges(kept, now));
    const names = new Map(
      (await db.selectFrom('attachments').select(['sha256', 'file_name']).where('case_id', '=', caseId).execute()).map(
        (a) => [a.sha256, a.file_name],
      ),
    );
    for (const sha256 of new Set(now.items.flatMap((i) => i.attachments))) {
      const name = names.get(sha256) ?? sha256.slice(0, 12);
      if (!this.files.has(sha256)) changes.push(`附件“${name}”的文件缺失`);
      else if (!this.intact(sha256)) changes.push(`附件“${name}”的文件内容已被改动（SHA-256不符）`);
    }
    if (row.pdf_sha256) {
      if (!this.files.has(row.pdf_sha256)) changes.push('归档时保存的电子卷宗文件缺失');
      else if (!this.intact(row.pdf_sha256)) changes.push('归档时保存的电子卷宗文件已被改动（SHA-256不符）');
    }
    return { record, matches: changes.length === 0, changes };
  }

  private intact(sha256: string): boolean {
    try {
      return sha256Of(this.files.read(sha256)) === sha256;
    } catch {
      return false;
    }
  }
}
