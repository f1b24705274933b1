// Channels of the periodic report (统计报表): the figures, the workbook, and the template the bureau adjusts.
import { channel, empty, read, write } from '../channel';
import { APPROVERS } from '../roles';
import type { CountyStatistics, OfficeStatistics } from '../statistics/compute';
import { INDICATORS, type Section, type Unit } from '../statistics/indicators';
import { periodKey } from '../statistics/period';
import { REPORT_TEMPLATE_LABELS, reportTemplateSchema, type ReportTemplate } from '../statistics/template';
import { choice, strictObject } from '../validation';

const REPORT_SCOPES = ['office', 'county'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export type StatisticsReport =
  { scope: 'office'; office: OfficeStatistics } | { scope: 'county'; county: CountyStatistics };

export interface StatisticsWorkbook {
  fileName: string;
  /** The .xlsx bytes, base64: the renderer saves them as a download. */
  base64: string;
}

export interface IndicatorInfo {
  key: string;
  label: string;
  section: Section;
  unit: Unit;
  breakdown: boolean;
  note: string;
}

export interface TemplateInfo {
  template: ReportTemplate;
  isDefault: boolean;
  updatedBy: string;
  updatedAt: string;
  /** The catalogue a template may draw on. */
  indicators: IndicatorInfo[];
}

export const INDICATOR_INFO: IndicatorInfo[] = INDICATORS.map((i) => ({
  key: i.key,
  label: i.label,
  section: i.section,
  unit: i.unit,
  breakdown: i.aggregate === 'sum' && i.breakdown !== undefined,
  note: i.note ?? '',
}));

const reportQuery = strictObject({ period: periodKey(), scope: choice(REPORT_SCOPES) });
const REPORT_LABELS = { period: '统计期间', scope: '统计范围' };

export const statisticsChannels = {
  /** The figures for a month, quarter or year: this office's, or (县局模式) every office's and the county total. */
  'statistics.report': channel<StatisticsReport>()(reportQuery, read(REPORT_LABELS)),
  /** The same report as an .xlsx workbook laid out by the template. */
  'statistics.workbook': channel<StatisticsWorkbook>()(reportQuery, read(REPORT_LABELS)),
  'statistics.template': channel<TemplateInfo>()(empty, read()),
  /** Replaces the template; null goes back to the default that ships. */
  'statistics.setTemplate': channel<TemplateInfo>()(
    strictObject({ template: reportTemplateSchema.nullable() }),
    write(REPORT_TEMPLATE_LABELS, APPROVERS),
  ),
} as const;
