// The printed dossier pages — 卷宗封面, 卷内目录, 卷宗材料核对表, 补正材料通知书 — as one self-contained HTML page
// each (A4, bordered tables, serif CJK fonts with fallbacks). One renderer for every way of printing: the app's
// print view (window.print), and the CLI's PDF through Chromium. Pure: strings in, a string out.
import { formatChineseDate } from '../dates';
import { numberPages, totalPages, type DossierChecklist } from '../dossier/evaluate';
import { HISTORICAL_DOSSIER, HISTORICAL_DOSSIER_REASON } from '../dossier/historical';
import { PRINT_DOCUMENT_LABELS, type PrintDocument } from '../dossier/materials';
import { followUpSheets, type FollowUpPrintData } from './followUpRecord';

export interface DossierPrintData {
  officeName: string;
  bureauName: string;
  kindLabel: string;
  caseNumber: string;
  title: string;
  /** 当事人: applicants (and agents), or the parties to a dispute. */
  parties: string[];
  /** The person the notice is addressed to. */
  addressee: string;
  handler: string;
  openedOn: string;
  closedOn: string | null;
  retention: string;
  filedBy: string;
  checklist: DossierChecklist;
  /** The day the page is printed. */
  printedOn: string;
  /** 补正期限 of the notice. */
  noticeDueOn: string;
  /** What follows when the materials are not supplied in time (the kind's own rule). */
  noticeTerms: string;
  /** 回访: the kind's questions and the case's follow-ups (none for a kind not followed up). */
  followUps: Pick<FollowUpPrintData, 'questions' | 'records'>;
}

export const PRINT_FONT_FAMILY =
  '"SimSun", "宋体", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", serif';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const date = (iso: string | null) => (iso ? formatChineseDate(iso) : '');

/**
 * The pages' style, every rule under .dossier-sheet (and the page box), so the app can show a page inside itself
 * without restyling anything else.
 */
const PRINT_CSS = `
@page { size: A4; margin: 25mm 20mm 20mm 25mm; }
.dossier-sheet { font-family: ${PRINT_FONT_FAMILY}; font-size: 12pt; line-height: 1.5; color: #000; background: #fff; }
.dossier-sheet * { box-sizing: border-box; }
.dossier-sheet h1 { font-size: 22pt; text-align: center; letter-spacing: 0.3em; margin: 0 0 8mm; font-weight: bold; }
.dossier-sheet .office { text-align: center; font-size: 14pt; margin-bottom: 4mm; }
.dossier-sheet .case-number { text-align: right; margin-bottom: 3mm; }
.dossier-sheet table { width: 100%; border-collapse: collapse; }
.dossier-sheet th, .dossier-sheet td { border: 1px solid #000; padding: 2.5mm 2mm; vertical-align: middle; }
.dossier-sheet th { font-weight: bold; text-align: center; }
.dossier-sheet td.num, .dossier-sheet td.center { text-align: center; }
.dossier-sheet .cover th { width: 28%; font-size: 13pt; }
.dossier-sheet .cover td { font-size: 13pt; height: 13mm; }
.dossier-sheet .cover-title { margin-top: 30mm; }
.dossier-sheet tr { page-break-inside: avoid; }
.dossier-sheet .missing { font-weight: bold; }
.dossier-sheet .notice p { line-height: 2; text-indent: 2em; margin: 0; }
.dossier-sheet .notice ol { line-height: 2; margin: 2mm 0 2mm 2em; }
.dossier-sheet .signature { margin-top: 20mm; text-align: right; line-height: 2; }
.dossier-sheet .footnote { margin-top: 4mm; font-size: 10.5pt; }
.dossier-sheet .page-break { break-before: page; }
.dossier-sheet .stand-in { margin-top: 60mm; text-align: center; max-height: 160mm; overflow: hidden; overflow-wrap: anywhere; }
.dossier-sheet .stand-in .range { font-size: 18pt; font-weight: bold; margin-bottom: 10mm; }
.dossier-sheet .stand-in p { font-size: 14pt; line-height: 2; margin: 0; }
`;

/** One printed page: its style, and its sheet (a div the app can place in itself). */
export interface PrintedPage {
  title: string;
  css: string;
  sheet: string;
  /** The whole page as a standalone HTML document (what Chromium prints to PDF). */
  html: string;
}

function page(title: string, body: string): PrintedPage {
  const sheet = `<div class="dossier-sheet">${body}</div>`;
  return {
    title,
    css: PRINT_CSS,
    sheet,
    html: `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body { margin: 0; }${PRINT_CSS}</style></head>
<body>${sheet}</body></html>`,
  };
}

function cover(d: DossierPrintData, total = totalPages(d.checklist.items)): string {
  const rows: [string, string][] = [
    ['案件类别', d.kindLabel],
    ['案号', d.caseNumber],
    ['案由', d.title],
    ['当事人', d.parties.join('、')],
    ['承办人', d.handler],
    ['立案日期', date(d.openedOn)],
    ['结案日期', date(d.closedOn)],
    ['保管期限', d.retention],
    ['立卷人', d.filedBy],
    ['本卷共', `${total}页`],
  ];
  return `<div class="cover-title office">${escapeHtml(d.officeName)}</div>
<h1>${escapeHtml(d.kindLabel)}卷宗</h1>
<table class="cover">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function toc(d: DossierPrintData, rows: readonly DossierTocRow[] = numberPages(d.checklist.items)): string {
  const body = rows.length
    ? rows
        .map(
          (r) =>
            `<tr><td class="num">${r.position}</td><td>${escapeHtml(r.name)}</td><td class="num">${r.pages}</td><td>${escapeHtml(r.note)}</td></tr>`,
        )
        .join('')
    : '<tr><td colspan="4" class="center">尚无已收到的材料</td></tr>';
  return `<h1>卷内目录</h1>
<div class="case-number">案号：${escapeHtml(d.caseNumber)}</div>
<table><thead><tr><th style="width:10%">序号</th><th>材料名称</th><th style="width:15%">页号</th><th style="width:26%">备注</th></tr></thead>
<tbody>${body}</tbody></table>`;
}

function checklist(d: DossierPrintData): string {
  const rows = d.checklist.items
    .map((item, i) => {
      const required = item.optional
        ? '有则归档'
        : d.checklist.historical && !item.generated
          ? '不要求'
          : item.required
            ? item.due
              ? '必备'
              : `必备（${item.dueAtLabel}）`
            : '不适用';
      const state = item.present
        ? item.generated
          ? '已生成'
          : '已收到'
        : item.missing
          ? '缺少'
          : item.required
            ? '未到期'
            : '—';
      const note = item.material
        ? `${date(item.material.receivedOn)} ${item.material.form} ${item.material.pages}页`
        : item.reason;
      return `<tr${item.missing ? ' class="missing"' : ''}><td class="num">${i + 1}</td><td>${escapeHtml(item.name)}</td><td class="center">${required}</td><td class="center">${state}</td><td>${escapeHtml(note)}</td></tr>`;
    })
    .join('');
  const summary = d.checklist.historical
    ? HISTORICAL_DOSSIER_REASON
    : d.checklist.missing.length
      ? `现缺少${d.checklist.missing.length}项：${d.checklist.missing.map(escapeHtml).join('；')}`
      : '应备材料齐全';
  return `<h1>卷宗材料核对表${d.checklist.historical ? `（${HISTORICAL_DOSSIER}）` : ''}</h1>
<div class="case-number">${escapeHtml(d.kindLabel)}　案号：${escapeHtml(d.caseNumber)}</div>
<table><thead><tr><th style="width:9%">序号</th><th>材料名称</th><th style="width:15%">是否必备</th><th style="width:11%">情况</th><th style="width:24%">备注</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="footnote">${summary}。核对依据：卷宗材料标准第${d.checklist.ruleSetVersion}版。核对日期：${date(d.printedOn)}</div>`;
}

function notice(d: DossierPrintData): string {
  const items = d.checklist.missing;
  const list = items.length
    ? `<ol>${items.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ol>`
    : '<p>（无需补正的材料）</p>';
  return `<div class="notice"><h1>补正材料通知书</h1>
<div class="case-number">案号：${escapeHtml(d.caseNumber)}</div>
<p style="text-indent:0">${escapeHtml(d.addressee)}：</p>
<p>你（单位）申请的${escapeHtml(d.kindLabel)}事项（${escapeHtml(d.title)}），经审查，申请材料不齐全。现一次性告知你需要补正的全部材料如下：</p>
${list}
<p>请于${date(d.noticeDueOn)}前补正上述材料。${escapeHtml(d.noticeTerms)}</p>
<div class="signature">${escapeHtml(d.officeName)}<br>${date(d.printedOn)}</div></div>`;
}

const followUp = (d: DossierPrintData) => followUpSheets({ ...d, ...d.followUps });

const RENDERERS: Record<PrintDocument, (d: DossierPrintData) => string> = {
  cover: (d) => cover(d),
  toc: (d) => toc(d),
  checklist,
  notice,
  followUp,
};

/** One printed page, titled e.g. 卷内目录（〔2026〕黎托援字第0001号）. */
export function renderDossierDocument(doc: PrintDocument, data: DossierPrintData): PrintedPage {
  return page(`${PRINT_DOCUMENT_LABELS[doc]}（${data.caseNumber}）`, RENDERERS[doc](data));
}

/** One row of the electronic dossier's 卷内目录: 页号 as counted in that PDF ("3" or "3-5"). */
export interface DossierTocRow {
  position: number;
  name: string;
  pages: string;
  note: string;
}

/** A page standing in the electronic dossier for what is not there as pages: its 页号 and what it says. */
export interface StandInPage {
  /** "第12–15页：纸质材料，未扫描", "第7页：附件未能收入". */
  range: string;
  lines: string[];
}

/**
 * The pages of the electronic dossier CaseDesk writes, as one HTML document (one rendering: each rendering embeds
 * the fonts anew): the cover (with the PDF's real page total) on the first page, the 卷内目录 with the ranges
 * counted in that PDF from the next page on (as many pages as it takes), then each stand-in on exactly one page
 * of its own (in the order given; its style clips what would not fit, so the pages after the 目录 are counted).
 */
export function renderDossierFront(
  d: DossierPrintData,
  rows: readonly DossierTocRow[],
  total: number,
  standIns: readonly StandInPage[] = [],
): string {
  const standInPages = standIns
    .map(
      (p) =>
        `<div class="stand-in page-break"><div class="range">${escapeHtml(p.range)}</div>${p.lines
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('')}</div>`,
    )
    .join('');
  return page(
    `电子卷宗（${d.caseNumber}）`,
    `${cover(d, total)}<div class="page-break">${toc(d, rows)}</div>${standInPages}`,
  ).html;
}
