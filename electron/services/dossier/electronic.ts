// The electronic dossier (电子卷宗): one PDF per case — the cover, the 卷内目录 with each item's 页号 counted in this
// PDF, then every received item in filing order: its scans as A4 pages, its PDF attachments' own pages, a page the
// app generates for it (a generated-record source), or, for an item on paper only, one stand-in page for its N
// paper pages, so the 页号 match the paper dossier. A 页码 is stamped on every page after the cover.
//
// Chromium renders the pages CaseDesk writes (shared/print/dossierPages.ts) through an injected `PdfRenderer`
// (Electron's printToPDF in electron/main.ts; Debian Chromium for the CLI and the preview, scripts/chromiumPdf.ts),
// so this stays plain Node; @cantoo/pdf-lib merges and stamps. One bad attachment does not stop the dossier: its
// place holds a page saying it could not be included and why. The PDF is written to a sink object by object
// (streamedPdf.ts), never held whole: the caller says where it goes (a file to hand the clerk, the file store).
import crypto from 'node:crypto';
import { PDFDocument, StandardFonts, type PDFPage } from '@cantoo/pdf-lib';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { formatChineseDate } from '../../../shared/dates';
import { pageRange } from '../../../shared/dossier/electronic';
import type { ChecklistItem } from '../../../shared/dossier/evaluate';
import { attachmentTypeProblem, sniffAttachmentType } from '../../../shared/dossier/materials';
import { AppError } from '../../../shared/errors';
import { renderDossierFront, type DossierTocRow, type StandInPage } from '../../../shared/print/dossierPages';
import type { FileStore } from '../fileStore';
import { caseChecklist, requireCase } from './checklist';
import { dossierPrintData } from './print';
import { addScanPage, embedStoredJpeg, jpegOrientation, jpegProblem, type ScanImage } from './scanPages';
import type { PdfSink } from './pdfSink';
import { writePdf } from './streamedPdf';

/** HTML (a whole A4 document) to PDF bytes: Chromium, however the process reaches it. */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  close?(): Promise<void>;
}

/**
 * A page the app itself generates that fills a dossier item (e.g. a 回访记录 standing for legal aid's
 * 受援人意见反馈表): asked for every checklist item of a case in filing order; answers the item's pages as one HTML
 * document (rendered by the same renderer), or null when it has none for that item. Its HTML must depend only on
 * the case's data (no "printed today"): archiving hashes it as part of what the dossier was made from.
 */
export interface GeneratedRecordSource {
  recordFor(db: Kysely<Database>, caseId: number, item: ChecklistItem): Promise<{ html: string; note?: string } | null>;
}

export interface DossierMaking {
  files: FileStore;
  renderer: PdfRenderer;
  sources: readonly GeneratedRecordSource[];
}

interface AttachmentRow {
  id: number;
  sha256: string;
  fileName: string;
}

/** One attachment read and checked: its pages to place, or why it cannot be placed. */
type LoadedAttachment =
  | { kind: 'pdf'; fileName: string; pages: PDFPage[] }
  | { kind: 'image'; fileName: string; image: ScanImage; orientation: number }
  | { kind: 'failed'; fileName: string; reason: string };

/** An item of the dossier, in filing order, with the pages it takes. */
type Part =
  | { kind: 'files'; item: ChecklistItem; files: LoadedAttachment[] }
  | { kind: 'paper'; item: ChecklistItem; paperPages: number }
  | { kind: 'generated'; item: ChecklistItem; doc: PDFDocument; note: string };

/** What the dossier was made from, in a canonical form: archiving keeps its SHA-256 and the text. */
export interface DossierSources {
  caseNumber: string;
  items: {
    key: string;
    name: string;
    pages: number | null;
    form: string | null;
    note: string | null;
    attachments: string[];
    generated: string | null;
  }[];
}

/** What was made: the PDF itself went to the sink. */
export interface MadeDossier {
  sizeBytes: number;
  sha256: string;
  pages: number;
  notIncluded: string[];
  sources: DossierSources;
}

const sha256Of = (bytes: Uint8Array | string) => crypto.createHash('sha256').update(bytes).digest('hex');

function attachmentsOf(db: Kysely<Database>, caseId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'item_key', 'sha256', 'file_name'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** The item's parts without loading any file: what the dossier is made from (archiving compares it later). */
export async function describeSources(
  db: Kysely<Database>,
  caseId: number,
  sources: readonly GeneratedRecordSource[],
): Promise<{
  sources: DossierSources;
  plan: { item: ChecklistItem; files: AttachmentRow[]; html: string | null; note: string }[];
}> {
  const c = await requireCase(db, caseId);
  const checklist = await caseChecklist(db, c);
  const rows = await attachmentsOf(db, caseId);
  const plan: { item: ChecklistItem; files: AttachmentRow[]; html: string | null; note: string }[] = [];
  for (const item of checklist.items) {
    if (item.generated) continue; // the cover and the 目录 themselves
    let generated: { html: string; note?: string } | null = null;
    for (const source of sources) if (!generated) generated = await source.recordFor(db, caseId, item);
    const files = rows
      .filter((r) => r.item_key === item.key)
      .map((r) => ({ id: r.id, sha256: r.sha256, fileName: r.file_name }));
    if (!generated && files.length === 0 && !item.material) continue;
    const m = item.material;
    plan.push({
      item,
      files,
      html: generated?.html ?? null,
      note: generated?.note ?? [m?.form, m?.note].filter(Boolean).join('；'),
    });
  }
  return {
    plan,
    sources: {
      caseNumber: c.caseNumber,
      items: plan.map(({ item, files, html }) => ({
        key: item.key,
        name: item.name,
        pages: item.material?.pages ?? null,
        form: item.material?.form ?? null,
        note: item.material?.note ?? null,
        attachments: files.map((f) => f.sha256),
        generated: html === null ? null : sha256Of(html),
      })),
    },
  };
}

/**
 * Reads, decrypts and checks one attachment (a PNG is decoded into `out`, a JPEG registered there to be read again
 * when the PDF is written, a PDF's pages copied there); a problem becomes its reason, never an exception.
 */
async function loadAttachment(files: FileStore, out: PDFDocument, row: AttachmentRow): Promise<LoadedAttachment> {
  const { fileName } = row;
  const failed = (reason: string): LoadedAttachment => ({ kind: 'failed', fileName, reason });
  let bytes: Buffer;
  try {
    bytes = files.read(row.sha256);
  } catch (error) {
    if (error instanceof AppError) return failed(error.message);
    return failed('附件文件缺失或无法读取');
  }
  const changed = '文件内容与上传时不一致（可能已被改动）';
  if (sha256Of(bytes) !== row.sha256) return failed(changed);
  const problem = attachmentTypeProblem(fileName, bytes.subarray(0, 16));
  const type = sniffAttachmentType(bytes.subarray(0, 16));
  if (problem || !type) return failed(problem ?? '不是PDF、JPEG或PNG文件');
  const claimed = /\.(pdf|jpe?g|png)$/i.exec(fileName)?.[1]?.toLowerCase();
  const claimedType =
    claimed === 'pdf' ? 'application/pdf' : claimed === 'png' ? 'image/png' : claimed ? 'image/jpeg' : null;
  if (claimedType && claimedType !== type)
    return failed(
      `扩展名与内容不符（内容是${type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : 'JPEG'}文件）`,
    );
  if (type === 'image/jpeg') {
    const jpeg = jpegProblem(bytes);
    if (jpeg) return failed(jpeg);
    try {
      // Read again at save, checked as now: a file swapped in the meantime fails the dossier, never enters it.
      const again = () => {
        const stored = files.read(row.sha256);
        if (sha256Of(stored) !== row.sha256) throw new AppError('DATA_FILE', `附件“${fileName}”：${changed}`, 'caseId');
        return stored;
      };
      const image = embedStoredJpeg(out, bytes, again);
      return { kind: 'image', fileName, image, orientation: jpegOrientation(bytes) };
    } catch {
      return failed('JPEG图像已损坏，无法读取');
    }
  }
  if (type === 'image/png') {
    try {
      return { kind: 'image', fileName, image: await out.embedPng(bytes), orientation: 1 };
    } catch {
      return failed('PNG图像已损坏，无法读取');
    }
  }
  // A copy cut short loses its end-of-file marker (the reader would find no pages and say nothing).
  if (
    !bytes
      .subarray(Math.max(0, bytes.length - 1024))
      .toString('latin1')
      .includes('%%EOF')
  )
    return failed('PDF文件不完整或已损坏（缺少文件结束标记）');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof Error && /encrypted/i.test(error.message)) return failed('PDF文件已加密，无法合并');
    return failed('PDF文件已损坏，无法读取');
  }
  if (doc.isEncrypted) return failed('PDF文件已加密，无法合并');
  try {
    if (doc.getPageCount() === 0) return failed('PDF文件没有任何页面');
    // Copied now, so that a page that cannot be copied makes this file's stand-in, not a failed dossier.
    return { kind: 'pdf', fileName, pages: await out.copyPages(doc, doc.getPageIndices()) };
  } catch {
    return failed('PDF文件已损坏，无法读取页面');
  }
}

/** The 页号 a part takes in the dossier: its pages in the PDF, or a paper item's N pages (on one stand-in page). */
function numberedPagesOf(part: Part): number {
  if (part.kind === 'paper') return part.paperPages;
  if (part.kind === 'generated') return part.doc.getPageCount();
  return part.files.reduce((sum, f) => sum + (f.kind === 'pdf' ? f.pages.length : 1), 0);
}

const notIncludedLine = (f: { fileName: string; reason: string }) => `“${f.fileName}”：${f.reason}`;

/** Draws the 页码 at the page's top right corner (digits: the standard font needs no CJK glyphs). */
function stampPageNumber(page: PDFPage, label: string, font: Awaited<ReturnType<PDFDocument['embedFont']>>): void {
  const size = 11;
  const { width, height } = page.getSize();
  page.drawText(label, { x: width - 28 - font.widthOfTextAtSize(label, size), y: height - 26, size, font });
}

async function pdfOf(renderer: PdfRenderer, html: string): Promise<PDFDocument> {
  return PDFDocument.load(await renderer.render(html), { updateMetadata: false });
}

/** Makes the electronic dossier of a case as it stands now, into `sink`. Reads only; writes nothing else. */
export async function makeElectronicDossier(
  db: Kysely<Database>,
  making: DossierMaking,
  caseId: number,
  { today, now }: { today: string; now: Date },
  sink: PdfSink,
): Promise<MadeDossier> {
  const { plan, sources } = await describeSources(db, caseId, making.sources);
  if (plan.length === 0) throw new AppError('VALIDATION', '案件：本案尚无已收到的材料，不能生成电子卷宗', 'caseId');
  const data = await dossierPrintData(db, caseId, '', today);
  const out = await PDFDocument.create();
  const parts: Part[] = [];
  for (const p of plan) {
    if (p.html !== null)
      parts.push({ kind: 'generated', item: p.item, doc: await pdfOf(making.renderer, p.html), note: p.note });
    else if (p.files.length > 0) {
      const files: LoadedAttachment[] = [];
      for (const f of p.files) files.push(await loadAttachment(making.files, out, f));
      parts.push({ kind: 'files', item: p.item, files });
    } else parts.push({ kind: 'paper', item: p.item, paperPages: p.item.material!.pages });
  }

  // The 目录's 页号 depend on its own length (below). The cover's 本卷共N页 counts the 页号 (a paper item's pages
  // included), as on the paper dossier.
  const numberFrom = (tocPages: number): { rows: DossierTocRow[]; starts: number[]; last: number } => {
    let next = tocPages + 1;
    const starts: number[] = [];
    const rows = parts.map((part, i) => {
      const numbered = numberedPagesOf(part);
      starts.push(next);
      const row = {
        position: i + 1,
        name: part.item.name,
        pages: pageRange(next, next + numbered - 1),
        note: part.kind === 'generated' ? part.note : plan[i]!.note,
      };
      next += numbered;
      return row;
    });
    return { rows, starts, last: next - 1 };
  };
  // Stand-ins (paper items, attachments that could not be included), one page each, at the 页号 numbered from.
  const standInsAt = (starts: readonly number[]): StandInPage[] => {
    const standIns: StandInPage[] = [];
    parts.forEach((part, i) => {
      let at = starts[i]!;
      if (part.kind === 'paper') {
        const to = at + part.paperPages - 1;
        standIns.push({
          range: `第${at === to ? at : `${at}–${to}`}页：纸质材料，未扫描`,
          lines: [part.item.name, `共${part.paperPages}页，${plan[i]!.note || '纸质'}，见纸质卷宗`],
        });
      } else if (part.kind === 'files') {
        for (const f of part.files) {
          if (f.kind === 'failed')
            standIns.push({
              range: `第${at}页：附件未能收入`,
              lines: [part.item.name, `文件“${f.fileName}”未能收入电子卷宗`, `原因：${f.reason}`],
            });
          at += f.kind === 'pdf' ? f.pages.length : 1;
        }
      }
    });
    return standIns;
  };
  // The cover, the 目录 and the stand-ins in one Chromium rendering: each rendering embeds the CJK fonts anew, and
  // that, not the pages, is what a rendering costs (seconds on a loaded machine). Only the 目录's length is
  // unknown (a stand-in is one page by its style): number from a guess, render, and again if the 目录's length
  // differs from the guess.
  let tocPages = 1;
  let numbering = numberFrom(tocPages);
  let standIns = standInsAt(numbering.starts);
  let front = await pdfOf(making.renderer, renderDossierFront(data, numbering.rows, numbering.last, standIns));
  const renderedTocPages = () => front.getPageCount() - 1 - standIns.length;
  for (let tries = 0; renderedTocPages() !== tocPages && tries < 3; tries++) {
    tocPages = renderedTocPages();
    numbering = numberFrom(tocPages);
    standIns = standInsAt(numbering.starts);
    front = await pdfOf(making.renderer, renderDossierFront(data, numbering.rows, numbering.last, standIns));
  }
  if (renderedTocPages() !== tocPages) throw new Error('the 卷内目录 does not settle on a page count');

  // Assembly: each physical page with the 页码 it carries.
  const labels: (string | null)[] = [];
  // One copy of the rendered pages: copied one by one, each page would bring its own copy of the fonts.
  const frontPages = await out.copyPages(front, front.getPageIndices());
  for (const p of frontPages.slice(0, 1 + tocPages)) out.addPage(p);
  labels.push(null, ...Array.from({ length: tocPages }, (_, i) => `${i + 1}`));
  let standIn = 1 + tocPages;
  const addStandIn = () => {
    out.addPage(frontPages[standIn++]!);
  };
  for (const [i, part] of parts.entries()) {
    let at = numbering.starts[i]!;
    if (part.kind === 'paper') {
      addStandIn();
      labels.push(pageRange(at, at + part.paperPages - 1));
      continue;
    }
    if (part.kind === 'generated') {
      for (const p of await out.copyPages(part.doc, part.doc.getPageIndices())) {
        out.addPage(p);
        labels.push(`${at++}`);
      }
      continue;
    }
    for (const f of part.files) {
      if (f.kind === 'failed') addStandIn();
      else if (f.kind === 'pdf') for (const p of f.pages) out.addPage(p);
      else addScanPage(out, f.image, f.orientation);
      const n = f.kind === 'pdf' ? f.pages.length : 1;
      for (let k = 0; k < n; k++) labels.push(`${at++}`);
    }
  }
  if (labels.length !== out.getPageCount()) throw new Error('page labels out of step with the pages');
  const font = await out.embedFont(StandardFonts.Helvetica);
  out.getPages().forEach((page, i) => {
    const label = labels[i];
    if (label) stampPageNumber(page, label, font);
  });

  out.setTitle(`${data.caseNumber} 电子卷宗`);
  out.setAuthor(data.officeName);
  out.setSubject(`${data.officeName} ${data.kindLabel}卷宗 ${data.caseNumber} 制作日期${formatChineseDate(today)}`);
  out.setKeywords([data.caseNumber, data.officeName, `制作日期${today}`]);
  out.setCreator('CaseDesk');
  out.setProducer('CaseDesk');
  out.setCreationDate(now);
  out.setModificationDate(now);
  const pages = out.getPageCount();
  const notIncluded = parts.flatMap((p) =>
    p.kind === 'files' ? p.files.flatMap((f) => (f.kind === 'failed' ? [notIncludedLine(f)] : [])) : [],
  );
  const { sizeBytes, sha256 } = await writePdf(out, sink);
  return { sizeBytes, sha256, pages, notIncluded, sources };
}

/** The file name the dossier is saved as: the case number (path characters replaced) and 电子卷宗. */
export const dossierFileName = (caseNumber: string) => `${caseNumber.replace(/[\\/:*?"<>|]/g, '_')}电子卷宗.pdf`;
