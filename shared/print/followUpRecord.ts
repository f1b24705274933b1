// The printed 回访记录: one sheet per follow-up of a case — the case, the date, the way, who was reached, the
// county's questions with their answers, the 满意度 and the remarks, and who recorded it — in the same A4 style as
// the other dossier pages (./dossierPages.ts). A closing follow-up's sheet is what stands for legal aid's
// 受援人意见反馈表 in the dossier. Pure: data in, HTML out.
import { formatChineseDate } from '../dates';
import type { FollowUpQuestion, FollowUpRecord } from '../followUp/form';

export interface FollowUpPrintData {
  officeName: string;
  kindLabel: string;
  caseNumber: string;
  title: string;
  handler: string;
  /** The kind's questions, whose labels head the answers. */
  questions: readonly FollowUpQuestion[];
  records: readonly FollowUpRecord[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One follow-up's sheet (its own page when printed). */
function followUpSheet(d: Omit<FollowUpPrintData, 'records'>, r: FollowUpRecord): string {
  const reached = `${r.reached}${r.reachedName ? `（${r.reachedName}）` : ''}`;
  const asked = d.questions.filter((q) => r.answers[q.key] !== undefined);
  const rows: [string, string][] = [
    ['案号', d.caseNumber],
    ['案由', d.title],
    ['承办人', d.handler],
    ['回访日期', formatChineseDate(r.on)],
    ['回访方式', r.method],
    ['回访对象', reached],
    ...asked.map((q): [string, string] => [q.label, r.answers[q.key]!]),
    ['满意度', r.satisfaction ?? '未记录'],
    ['回访意见及情况', r.remarks || '无'],
    ['回访人', r.recordedBy],
  ];
  return `<div class="follow-up" style="page-break-after: always">
<div class="office">${escapeHtml(d.officeName)}</div>
<h1>回访记录</h1>
<div class="case-number">${escapeHtml(d.kindLabel)}</div>
<table class="cover">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<div class="signature">被回访人（签名）：__________<br>回访人（签名）：__________</div></div>`;
}

/** Every follow-up of the case, oldest first; a line saying there is none when there is none. */
export function followUpSheets(d: FollowUpPrintData): string {
  if (d.records.length === 0)
    return `<h1>回访记录</h1><div class="case-number">案号：${escapeHtml(d.caseNumber)}</div><p>本案尚无回访记录。</p>`;
  return d.records.map((r) => followUpSheet(d, r)).join('');
}
