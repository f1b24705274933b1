// Handlers of the periodic report: the office's figures or (县局模式) the county's, the workbook, the template.
import type { StatisticsReport, statisticsChannels } from '../../shared/channels/statistics';
import { INDICATOR_INFO } from '../../shared/channels/statistics';
import { actor, type CallContext, type HandlersOf } from '../handlerTypes';
import { closedRoundsResults } from '../services/evaluation/workbookSheet';
import type { Store } from '../../db/open';
import { officeReportsOf } from '../services/statistics/officeReports';
import { bureauStatistics } from '../services/statistics/county';
import { reportTemplate, setReportTemplate } from '../services/statistics/template';
import { statisticsWorkbook, workbookFileName } from '../services/statistics/workbook';

export function statisticsHandlers({ store }: { store: Store }): HandlersOf<typeof statisticsChannels> {
  // The office's report is kept for the period's export, which carries the same figures (officeReports.ts).
  const report = async (
    { period, scope }: { period: string; scope: 'office' | 'county' },
    { db, clock }: CallContext,
  ): Promise<StatisticsReport> =>
    scope === 'office'
      ? { scope, office: await officeReportsOf(store.sqlite).report(db, period, clock.today()) }
      : { scope, county: await bureauStatistics(db, period, { now: clock.now(), today: clock.today() }) };
  return {
    'statistics.report': report,
    'statistics.workbook': async (input, call) => {
      const figures = await report(input, call);
      const { template } = await reportTemplate(call.db);
      // The county's workbook carries the year's closed evaluation rounds (案件质量评估).
      const evaluation =
        figures.scope === 'county'
          ? await closedRoundsResults(call.db, Number(figures.county.period.from.slice(0, 4)))
          : [];
      const bytes = await statisticsWorkbook(figures, template, evaluation);
      return { fileName: workbookFileName(figures), base64: bytes.toString('base64') };
    },
    'statistics.template': async (_input, { db }) => ({ ...(await reportTemplate(db)), indicators: INDICATOR_INFO }),
    'statistics.setTemplate': async ({ template }, call) => ({
      ...(await setReportTemplate(call.db, template, { user: actor(call), clock: call.clock })),
      indicators: INDICATOR_INFO,
    }),
  };
}
