// 统计报表 as the director and the bureau use it: the period picked, the figures by section, the charts, the
// workbook saved, and at the bureau every office's column with the late offices.
import { screen, waitFor, within } from '@testing-library/react';
import type { ExchangeStatus, StatisticsReport } from '../../../shared/contract';
import { localDate } from '../../../shared/dates';
import { computeCounty, computeFigures, periodInfo } from '../../../shared/statistics/compute';
import type { CaseFacts } from '../../../shared/statistics/caseFacts';
import { lastFinishedMonth, parsePeriod } from '../../../shared/statistics/period';
import { INDICATOR_INFO } from '../../../shared/channels/statistics';
import { DEFAULT_TEMPLATE } from '../../../shared/statistics/template';
import { Refusal, renderApp, USERS } from '../support';

jest.setTimeout(90_000);

const base = {
  officeCode: '43011101',
  caseNumber: '',
  status: 'received',
  closedOn: null,
  asOf: '2026-11-22',
  limits: [],
  missingNoticeDates: [],
  dossierCompleteAtClosing: null,
  followUps: [],
  handler: '',
};
const FACTS: CaseFacts[] = [
  {
    ...base,
    kind: 'legal_aid',
    receivedOn: '2026-10-09',
    category: '刑事',
    serviceForm: '刑事辩护与代理',
    applicantGroups: ['未成年人'],
    grantedOn: '2026-10-12',
    refusedOn: null,
    notifiedOn: null,
    provisionalOn: null,
    assignedOn: null,
    terminatedOn: null,
    subsidy: { paidOn: '2026-10-30', amountFen: 150_050 },
  },
  {
    ...base,
    kind: 'legal_aid',
    receivedOn: '2026-10-10',
    category: '民事',
    serviceForm: '法律咨询',
    applicantGroups: [],
    grantedOn: null,
    refusedOn: null,
    notifiedOn: null,
    provisionalOn: null,
    assignedOn: null,
    terminatedOn: null,
    subsidy: null,
  },
  {
    ...base,
    kind: 'legal_aid',
    receivedOn: '2026-10-11',
    category: '民事',
    serviceForm: '法律咨询',
    applicantGroups: [],
    grantedOn: null,
    refusedOn: null,
    notifiedOn: null,
    provisionalOn: null,
    assignedOn: null,
    terminatedOn: null,
    subsidy: null,
  },
  {
    ...base,
    kind: 'mediation',
    receivedOn: '2026-10-12',
    disputeType: '邻里纠纷',
    amountFen: 0,
    peopleCount: 2,
    outcome: { on: '2026-10-20', result: '调解成功' },
    agreement: { form: '口头', amountFen: 0 },
    confirmationAppliedOn: null,
    confirmedOn: null,
    crimePrevention: false,
    subsidy: null,
  },
];

function officeReport(key: string): StatisticsReport {
  const period = parsePeriod(key)!;
  return {
    scope: 'office',
    office: {
      period: periodInfo(period),
      office: { code: '43011101', name: '黎托街道司法所' },
      asOf: '2026-11-22',
      caseCount: FACTS.length,
      ...computeFigures(FACTS, period),
    },
  };
}

const OFFICE_MODE: ExchangeStatus = {
  mode: 'office',
  publicKey: null,
  fingerprint: null,
  bureauPublicKey: '',
  bureauFingerprint: null,
};

/** An option of the open select's list (the same words may also be elsewhere on the page). */
async function option(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByTitle(title).find((el) => el.classList.contains('ant-select-item-option'));
    if (!found) throw new Error(`no option ${title}`);
    return found;
  });
}

/** The cells of the row whose first cell reads `label`, in a section. */
function rowOf(section: HTMLElement, label: string): string[] {
  const cell = within(section)
    .getAllByRole('cell')
    .find((c) => c.textContent === label);
  if (!cell) throw new Error(`no row ${label}`);
  return within(cell.closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('统计报表', () => {
  it('opens on last month with the office’s figures by section, charts them, and changes to a quarter', async () => {
    const { user, backend } = await renderApp('#/statistics', {
      'exchange.status': () => OFFICE_MODE,
      'statistics.report': ({ period }) => officeReport(period),
    });
    // The file's first render of the report page (its charts) took over 15 s on a loaded 2-core machine.
    await waitFor(
      () =>
        expect(backend.inputs('statistics.report')).toEqual([
          { period: lastFinishedMonth(localDate()), scope: 'office' },
        ]),
      { timeout: 60_000 },
    );

    await user.click(screen.getByRole('combobox', { name: '月份' }));
    await user.click(await option('10月'));
    await user.click(screen.getByRole('combobox', { name: '年度' }));
    await user.click(await option('2026年'));
    await waitFor(() =>
      expect(backend.inputs('statistics.report').at(-1)).toEqual({ period: '2026-10', scope: 'office' }),
    );

    const legalAid = await screen.findByRole('region', { name: '法律援助' });
    expect(rowOf(legalAid, '受理申请')).toEqual(['受理申请', '件', '3', '3']);
    expect(rowOf(legalAid, '其中：民事')).toEqual(['其中：民事', '件', '2', '2']);
    expect(rowOf(legalAid, '办案补贴金额')).toEqual(['办案补贴金额', '元', '1,500.50', '1,500.50']);
    // A breakdown row with nothing in it is left off the screen.
    expect(within(legalAid).queryByText('其中：国家赔偿')).toBeNull();
    const mediation = screen.getByRole('region', { name: '人民调解' });
    expect(rowOf(mediation, '调解成功率')).toEqual(['调解成功率', '%', '100.0%', '100.0%']);
    expect(rowOf(screen.getByRole('region', { name: '卷宗质量' }), '卷宗齐全率')).toEqual([
      '卷宗齐全率',
      '%',
      '—',
      '—',
    ]);

    const categories = screen.getByRole('img', { name: '2026年10月法律援助申请（按案件类别）' });
    expect(
      [...categories.querySelectorAll('g[data-label]')].map((g) => [
        g.getAttribute('data-label'),
        g.getAttribute('data-value'),
      ]),
    ).toEqual([
      ['刑事', '1'],
      ['民事', '2'],
      ['行政', '0'],
      ['国家赔偿', '0'],
      ['非诉讼及其他', '0'],
    ]);
    const disputes = screen.getByRole('img', { name: '2026年10月受理纠纷（按纠纷类型）' });
    expect([...disputes.querySelectorAll('g[data-label]')].map((g) => g.getAttribute('data-label'))).toEqual([
      '邻里纠纷',
    ]);
    const trend = screen.getByRole('img', { name: '本年各月受理案件' });
    expect(trend.querySelectorAll('g[data-month]')).toHaveLength(10);
    expect(trend.querySelector('g[data-month="2026-10"] rect[data-kind="legalAid"]')?.getAttribute('data-value')).toBe(
      '3',
    );

    await user.click(screen.getByRole('combobox', { name: '报表类型' }));
    await user.click(await option('季报'));
    await waitFor(() =>
      expect(backend.inputs('statistics.report').at(-1)).toEqual({ period: '2026-Q4', scope: 'office' }),
    );
    expect(await screen.findByText(/统计期间：2026年第四季度/)).toBeInTheDocument();
  });

  it('saves the workbook as a download named for the office and the period', async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:casedesk/1');
    URL.revokeObjectURL = () => {};
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    try {
      const { user, backend } = await renderApp('#/statistics', {
        'exchange.status': () => OFFICE_MODE,
        'statistics.report': ({ period }) => officeReport(period),
        'statistics.workbook': ({ period }) => ({
          fileName: `统计报表-黎托街道司法所-${period}.xlsx`,
          base64: Buffer.from('PK\u0003\u0004xlsx').toString('base64'),
        }),
      });
      await screen.findByRole('region', { name: '法律援助' });
      await user.click(screen.getByRole('button', { name: '导出Excel' }));
      const fileName = `统计报表-黎托街道司法所-${lastFinishedMonth(localDate())}.xlsx`;
      expect(await screen.findByText(`已导出：${fileName}`)).toBeInTheDocument();
      expect(backend.inputs('statistics.workbook')).toEqual([
        { period: lastFinishedMonth(localDate()), scope: 'office' },
      ]);
      expect(clicked).toEqual([fileName]);
      expect(created[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(created[0]?.size).toBe(8);
    } finally {
      click.mockRestore();
    }
  });

  it('says why the report was refused', async () => {
    await renderApp('#/statistics', {
      'exchange.status': () => OFFICE_MODE,
      'statistics.report': () =>
        new Refusal({
          code: 'VALIDATION',
          field: 'period',
          message: '统计期间：应为年月（2026-10）、季度（2026-Q4）或年度（2026）',
        }),
    });
    expect(await screen.findByText('统计期间：应为年月（2026-10）、季度（2026-Q4）或年度（2026）')).toBeInTheDocument();
  });

  it('at the county bureau shows each office’s column, the total and the offices late with their exports', async () => {
    const county = (key: string): StatisticsReport => ({
      scope: 'county',
      county: computeCounty(
        [
          { code: '43011101', name: '黎托街道司法所', facts: FACTS, lastExportedMonth: '2026-10' },
          { code: '43011102', name: '同升街道司法所', facts: FACTS.slice(0, 1), lastExportedMonth: '2026-08' },
        ],
        parsePeriod(key)!,
        { countyName: '雨花区司法局', today: '2026-11-22' },
      ),
    });
    const { backend } = await renderApp('#/statistics', {
      'exchange.status': () => ({ ...OFFICE_MODE, mode: 'bureau' }),
      'statistics.report': ({ period, scope }) => (scope === 'county' ? county(period) : officeReport(period)),
    });
    await waitFor(() =>
      expect(backend.inputs('statistics.report')[0]).toEqual({
        period: lastFinishedMonth(localDate()),
        scope: 'county',
      }),
    );
    expect(await screen.findByText('逾期未报送：同升街道司法所（最近报送2026-08）')).toBeInTheDocument();
    const legalAid = screen.getByRole('region', { name: '法律援助' });
    const headers = within(legalAid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '指标',
      '单位',
      '黎托街道司法所（本期）',
      '同升街道司法所（本期）',
      '合计（本期）',
      '合计（本年累计）',
    ]);
    expect(screen.getByRole('radio', { name: '全县汇总' })).toBeChecked();
  });

  it('lets the director rename a sheet of the template, says why a broken one was refused, and goes back to the default', async () => {
    const info = {
      template: DEFAULT_TEMPLATE,
      isDefault: true,
      updatedBy: '',
      updatedAt: '',
      indicators: INDICATOR_INFO,
    };
    const { user, backend } = await renderApp(
      '#/statistics',
      {
        'exchange.status': () => OFFICE_MODE,
        'statistics.report': ({ period }) => officeReport(period),
        'statistics.template': () => info,
        'statistics.setTemplate': ({ template }) =>
          template === null
            ? info
            : template.sheets.some((s) => s.name.includes('/'))
              ? new Refusal({
                  code: 'VALIDATION',
                  field: 'template.sheets.0.name',
                  message: '工作表名称：工作表名称不能含有 [ ] : * ? / \\',
                })
              : { ...info, template: template as typeof DEFAULT_TEMPLATE, isDefault: false, updatedBy: '张伟' },
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByText('报表模板（Excel工作簿的格式）'));
    const name = await screen.findByLabelText('第1个工作表名称');
    await user.clear(name);
    await user.type(name, '汇总/本所');
    await user.click(screen.getByRole('button', { name: '保存模板' }));
    expect(await screen.findByText(/^工作表名称：工作表名称不能含有/)).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, '本所汇总');
    await user.click(screen.getByRole('button', { name: '保存模板' }));
    expect(await screen.findByText('报表模板已保存')).toBeInTheDocument();
    const saved = backend.inputs('statistics.setTemplate').at(-1)!.template!;
    expect(saved.sheets.map((s) => s.name)).toEqual([
      '本所汇总',
      ...DEFAULT_TEMPLATE.sheets.slice(1).map((s) => s.name),
    ]);
    expect(saved.sheets[0]!.rows).toEqual(DEFAULT_TEMPLATE.sheets[0]!.rows);
    expect(await screen.findByText(/当前模板由张伟修改/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '恢复默认模板' }));
    await waitFor(() => expect(backend.inputs('statistics.setTemplate').at(-1)).toEqual({ template: null }));
  });

  it('does not offer the template to a read-only user, who still sees the figures', async () => {
    await renderApp(
      '#/statistics',
      { 'exchange.status': () => OFFICE_MODE, 'statistics.report': ({ period }) => officeReport(period) },
      { as: USERS.readonly },
    );
    await screen.findByRole('region', { name: '法律援助' });
    expect(screen.queryByText('报表模板（Excel工作簿的格式）')).toBeNull();
  });
});
