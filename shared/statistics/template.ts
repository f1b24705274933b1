// The report template: which indicators the workbook shows, in which order, under which labels, on which sheet.
// Layouts vary by province, so the bureau may replace it (statistics.setTemplate); the default below is what
// ships. A row names an indicator of the catalogue; a breakdown indicator brings its rows (其中：…) unless
// `breakdown` is false.
import { z } from 'zod';
import type { FigureRow } from './compute';
import { INDICATOR_BY_KEY, INDICATORS, SECTION_LABELS, SECTIONS, type Unit } from './indicators';
import { strictObject, type Labels } from '../validation';

interface TemplateRow {
  key: string;
  /** The label printed; '' keeps the catalogue's. */
  label: string;
  breakdown: boolean;
}

export interface TemplateSheet {
  /** The sheet's name in the workbook (at most 31 characters, none of []:*?/\). */
  name: string;
  rows: TemplateRow[];
}

export interface ReportTemplate {
  /** The title printed above every table: 法律援助工作统计表 … */
  title: string;
  sheets: TemplateSheet[];
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export const reportTemplateSchema = strictObject({
  title: z.string({ error: '格式不正确' }).trim().min(1, '请填写报表标题').max(50, '最多50个字'),
  sheets: z
    .array(
      strictObject({
        name: z
          .string({ error: '格式不正确' })
          .trim()
          .min(1, '请填写工作表名称')
          .max(31, '工作表名称最多31个字')
          .refine((s) => !SHEET_NAME_FORBIDDEN.test(s), '工作表名称不能含有 [ ] : * ? / \\'),
        rows: z
          .array(
            strictObject({
              key: z.string({ error: '格式不正确' }).refine((k) => INDICATOR_BY_KEY.has(k), '不是统计目录中的指标'),
              label: z.string({ error: '格式不正确' }).trim().max(50, '最多50个字'),
              breakdown: z.boolean({ error: '格式不正确' }),
            }),
            { error: '格式不正确' },
          )
          .min(1, '每个工作表至少一项指标')
          .max(200, '指标过多'),
      }),
      { error: '格式不正确' },
    )
    .min(1, '至少一个工作表')
    .max(20, '工作表过多')
    .refine((sheets) => new Set(sheets.map((s) => s.name)).size === sheets.length, '工作表名称重复'),
});

export const REPORT_TEMPLATE_LABELS: Labels = {
  template: '报表模板',
  'template.title': '报表标题',
  'template.sheets': '工作表',
  'template.sheets.*.name': '工作表名称',
  'template.sheets.*.rows': '指标',
  'template.sheets.*.rows.*.key': '指标',
  'template.sheets.*.rows.*.label': '指标名称',
  'template.sheets.*.rows.*.breakdown': '分项',
  title: '报表标题',
  sheets: '工作表',
  'sheets.*.name': '工作表名称',
  'sheets.*.rows': '指标',
  'sheets.*.rows.*.key': '指标',
  'sheets.*.rows.*.label': '指标名称',
  'sheets.*.rows.*.breakdown': '分项',
};

const row = (key: string): TemplateRow => ({ key, label: '', breakdown: true });

/** The default: one sheet per section with every indicator of it, and 汇总 with the headline figures. */
export const DEFAULT_TEMPLATE: ReportTemplate = {
  title: '司法所业务工作统计表',
  sheets: [
    {
      name: '汇总',
      rows: [
        'legalAid.received',
        'legalAid.granted',
        'legalAid.closed',
        'mediation.registered',
        'mediation.succeeded',
        'mediation.successRate',
        'notarization.received',
        'notarization.issued',
        'dossier.closed',
        'dossier.missingNotices',
      ].map((key) => ({ key, label: '', breakdown: false })),
    },
    ...SECTIONS.map((section) => ({
      name: SECTION_LABELS[section],
      rows: INDICATORS.filter((i) => i.section === section).map((i) => row(i.key)),
    })),
  ],
};

/** One line of a sheet as the template lays it out: an indicator's row or a row of its breakdown. */
export interface SheetLine {
  key: string;
  label: string;
  unit: Unit;
  level: 0 | 1;
}

/**
 * The lines of a template sheet over computed rows: each template row's figure (under the template's label), then
 * its breakdown's rows when it has one and the template keeps them. The screen, the workbook and its test all
 * read the sheet through here.
 */
export function sheetLines(sheet: TemplateSheet, rows: readonly FigureRow[]): SheetLine[] {
  const out: SheetLine[] = [];
  for (const t of sheet.rows) {
    for (const r of rows) {
      if (r.indicatorKey !== t.key) continue;
      if (r.level === 0) out.push({ key: r.key, label: t.label || r.label, unit: r.unit, level: 0 });
      else if (t.breakdown) out.push({ key: r.key, label: r.label, unit: r.unit, level: 1 });
    }
  }
  return out;
}

/** A figure as a sheet or a table shows it: money in yuan, rates in percent, '—' when not recorded. */
export function displayValue(unit: Unit, value: number | null): number | string {
  if (value === null) return '—';
  return unit === '元' ? value / 100 : value;
}
