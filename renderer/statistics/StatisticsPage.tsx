// 统计报表: the periodic report for a month, quarter or year — this office's figures, or at the county bureau
// (县局模式) every office's and the total, with the offices late with their exports — as tables by section, simple
// charts, and 导出Excel (the bureau's workbook, laid out by the report template).
import { Alert, App as AntApp, Button, Collapse, Empty, Radio, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { StatisticsReport } from '../../shared/contract';
import type { ReportScope } from '../../shared/channels/statistics';
import { formatChineseDate, localDate } from '../../shared/dates';
import type { FigureRow, TrendPoint } from '../../shared/statistics/compute';
import { SECTION_LABELS, SECTIONS, type Section } from '../../shared/statistics/indicators';
import { lastFinishedMonth } from '../../shared/statistics/period';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { BarChart, TrendChart, type Bar } from './charts';
import { formatFigure } from './figureFormat';
import { PeriodPicker } from './PeriodPicker';
import { base64Bytes, saveBytes, XLSX_TYPE } from './saveFile';
import { TemplateEditor } from './TemplateEditor';

interface Line {
  key: string;
  label: string;
  unit: FigureRow['unit'];
  level: 0 | 1;
  /** Column key → the figure shown. */
  cells: Record<string, string>;
}

/** Breakdown rows with nothing in them are left off the screen (the workbook keeps every row of the template). */
const shownOnScreen = (r: FigureRow) => r.level === 0 || (r.period ?? 0) !== 0 || (r.yearToDate ?? 0) !== 0;

function officeLines(rows: readonly FigureRow[], section: Section): Line[] {
  return rows
    .filter((r) => r.section === section && shownOnScreen(r))
    .map((r) => ({
      key: r.key,
      label: r.label,
      unit: r.unit,
      level: r.level,
      cells: { period: formatFigure(r.unit, r.period), yearToDate: formatFigure(r.unit, r.yearToDate) },
    }));
}

function countyLines(report: Extract<StatisticsReport, { scope: 'county' }>['county'], section: Section): Line[] {
  const byOffice = report.offices.map((o) => new Map(o.rows.map((r) => [r.key, r])));
  return report.total.rows
    .filter((r) => r.section === section && shownOnScreen(r))
    .map((r) => {
      const cells: Record<string, string> = {
        total: formatFigure(r.unit, r.period),
        totalYear: formatFigure(r.unit, r.yearToDate),
      };
      report.offices.forEach((o, i) => {
        cells[`office:${o.code}`] = formatFigure(r.unit, byOffice[i]!.get(r.key)?.period ?? null);
      });
      return { key: r.key, label: r.label, unit: r.unit, level: r.level, cells };
    });
}

function breakdownBars(rows: readonly FigureRow[], indicatorKey: string, onlyNonZero: boolean): Bar[] {
  return rows
    .filter((r) => r.indicatorKey === indicatorKey && r.level === 1 && (!onlyNonZero || (r.period ?? 0) > 0))
    .map((r) => ({ label: r.label, value: r.period ?? 0 }));
}

function Charts({
  rows,
  trend,
  periodLabel,
}: {
  rows: readonly FigureRow[];
  trend: readonly TrendPoint[];
  periodLabel: string;
}) {
  return (
    <Space wrap align="start" size={32} className="statistics-charts">
      <BarChart
        title={`${periodLabel}法律援助申请（按案件类别）`}
        bars={breakdownBars(rows, 'legalAid.byCategory', false)}
      />
      <BarChart
        title={`${periodLabel}受理纠纷（按纠纷类型）`}
        bars={breakdownBars(rows, 'mediation.byDisputeType', true)}
      />
      <TrendChart title="本年各月受理案件" points={trend} />
    </Space>
  );
}

export function StatisticsPage({ today = localDate() }: { today?: string }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [period, setPeriod] = useState(() => lastFinishedMonth(today));
  const [bureau, setBureau] = useState<boolean | null>(null);
  const [scope, setScope] = useState<ReportScope>('office');
  const [report, setReport] = useState<StatisticsReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const mayEditTemplate = useMay('statistics.setTemplate');

  // At the county bureau's file the report opens on the county.
  useEffect(() => {
    let live = true;
    api.call('exchange.status', {}).then(
      (s) => {
        if (!live) return;
        setBureau(s.mode === 'bureau');
        if (s.mode === 'bureau') setScope('county');
      },
      () => live && setBureau(false),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (bureau === null) return;
    let live = true;
    setReport(null);
    setFailure(null);
    api.call('statistics.report', { period, scope }).then(
      (r) => live && setReport(r),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, period, scope, bureau]);

  const exportWorkbook = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const workbook = await api.call('statistics.workbook', { period, scope });
      saveBytes(workbook.fileName, base64Bytes(workbook.base64), XLSX_TYPE);
      message.success(`已导出：${workbook.fileName}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const figures = report
    ? report.scope === 'office'
      ? report.office
      : { ...report.county.total, period: report.county.period, asOf: report.county.asOf }
    : null;
  const columns = (() => {
    const label = {
      title: '指标',
      dataIndex: 'label',
      key: 'label',
      render: (_: unknown, line: Line) =>
        line.level === 1 ? <span style={{ paddingInlineStart: 24 }}>{`其中：${line.label}`}</span> : line.label,
    };
    const unit = { title: '单位', dataIndex: 'unit', key: 'unit', width: 60 };
    const cell = (key: string, title: string) => ({
      title,
      key,
      align: 'right' as const,
      render: (_: unknown, line: Line) => line.cells[key],
    });
    if (!report || report.scope === 'office')
      return [label, unit, cell('period', '本期'), cell('yearToDate', '本年累计')];
    return [
      label,
      unit,
      ...report.county.offices.map((o) => cell(`office:${o.code}`, `${o.name}（本期）`)),
      cell('total', '合计（本期）'),
      cell('totalYear', '合计（本年累计）'),
    ];
  })();

  return (
    <div className="page statistics-page">
      <Typography.Title level={3}>统计报表</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <PeriodPicker value={period} onChange={setPeriod} thisYear={Number(today.slice(0, 4))} />
        {bureau ? (
          <Radio.Group
            aria-label="统计范围"
            value={scope}
            onChange={(e) => setScope(e.target.value as ReportScope)}
            options={[
              { value: 'county', label: '全县汇总' },
              { value: 'office', label: '本单位' },
            ]}
            optionType="button"
          />
        ) : null}
        <Button type="primary" onClick={exportWorkbook} loading={exporting} disabled={!report}>
          导出Excel
        </Button>
      </Space>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      {!report && !failure ? <Spin /> : null}
      {report && figures ? (
        <>
          <Typography.Paragraph>
            {report.scope === 'office'
              ? `${report.office.office.name}　统计期间：${figures.period.label}（${formatChineseDate(figures.period.from)}至${formatChineseDate(figures.period.to)}）`
              : `${report.county.county.name}（${report.county.offices.length}个司法所）　统计期间：${figures.period.label}`}
          </Typography.Paragraph>
          {report.scope === 'county' ? (
            report.county.lateOffices.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`逾期未报送：${report.county.lateOffices.map((o) => `${o.name}（${o.lastExportedMonth ? `最近报送${o.lastExportedMonth}` : '从未报送'}）`).join('、')}`}
                description={report.county.lateRule}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                title="各司法所均已按时报送"
                description={report.county.lateRule}
              />
            )
          ) : null}
          {report.scope === 'county' && report.county.offices.length === 0 ? (
            <Empty description="尚未登记任何司法所" />
          ) : null}
          <Charts rows={figures.rows} trend={figures.trend} periodLabel={figures.period.label} />
          {SECTIONS.map((section) => (
            <section key={section} aria-label={SECTION_LABELS[section]} style={{ marginTop: 24 }}>
              <Typography.Title level={4}>{SECTION_LABELS[section]}</Typography.Title>
              <Table<Line>
                size="small"
                bordered
                pagination={false}
                rowKey="key"
                columns={columns}
                dataSource={
                  report.scope === 'office'
                    ? officeLines(report.office.rows, section)
                    : countyLines(report.county, section)
                }
              />
            </section>
          ))}
        </>
      ) : null}
      {mayEditTemplate ? (
        <Collapse
          style={{ marginTop: 24 }}
          destroyOnHidden
          items={[{ key: 'template', label: '报表模板（Excel工作簿的格式）', children: <TemplateEditor /> }]}
        />
      ) : null}
    </div>
  );
}
