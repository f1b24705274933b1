import { render, screen, within } from '@testing-library/react';
import { ConfigProvider, Descriptions, Tag, Typography } from 'antd';
import { APP_THEME } from '../../../renderer/app/theme';
import type { CaseAction } from '../../../shared/lifecycle';
import { ApiProvider } from '../../../renderer/app/apiContext';
import { CaseTimeline } from '../../../renderer/cases/CaseTimeline';
import { fakeBackend, Refusal } from '../support';

jest.setTimeout(30_000);

const entry = (overrides: Partial<CaseAction>): CaseAction => ({
  id: 1,
  action: 'register',
  actedOn: '2026-11-02',
  data: {},
  fromStatus: null,
  toStatus: 'received',
  username: '李娟',
  recordedAt: '2026-11-02T01:30:00.000Z',
  ...overrides,
});

function renderTimeline(kind: 'legal_aid' | 'mediation' | 'notarization', timeline: CaseAction[] | Refusal) {
  const backend = fakeBackend({ 'cases.timeline': () => timeline });
  render(
    <ApiProvider api={backend.api}>
      <CaseTimeline caseId={7} kind={kind} />
    </ApiProvider>,
  );
  return backend;
}

/** A legal-aid case's 告知补充材料 step, with the items asked for and the date they are due. */
const notifyMissing = () =>
  entry({
    id: 2,
    action: 'notifyMissing',
    actedOn: '2026-11-03',
    fromStatus: 'received',
    toStatus: 'awaiting_materials',
    data: { items: ['户口簿复印件', '收入证明'], dueOn: '2026-11-13', note: '' },
  });

describe('办理过程', () => {
  it('shows each step of a legal-aid case: when, what, who, the status it moved and what it recorded', async () => {
    const backend = renderTimeline('legal_aid', [
      entry({}),
      notifyMissing(),
      entry({
        id: 5,
        action: 'decide',
        actedOn: '2026-11-19',
        fromStatus: 'received',
        toStatus: 'granted',
        data: {
          decision: '给予法律援助',
          decidedBy: '司法所',
          matterType: '赡养费抚养费扶养费',
          mandatoryDefenceGrounds: [],
          documentNumber: '',
          reasons: '',
        },
      }),
      entry({
        id: 3,
        action: 'assign',
        actedOn: '2026-11-20',
        fromStatus: 'granted',
        toStatus: 'assigned',
        username: '张伟',
        data: {
          assignedBy: '司法所',
          orgType: '律师事务所',
          orgName: '湖南弘毅律师事务所',
          personName: '王律师',
          rosterId: 4,
        },
      }),
      entry({
        id: 4,
        action: 'recordSubsidy',
        actedOn: '2026-11-25',
        fromStatus: 'closed',
        toStatus: 'closed',
        data: { amountFen: 80000, paidOn: '2026-11-25', note: '' },
      }),
    ]);
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(backend.inputs('cases.timeline')).toEqual([{ caseId: 7 }]);
    expect(entries).toHaveLength(5);

    expect(entries[0]).toHaveTextContent(
      /^2026年11月2日 登记受理 · 状态：待审查李娟 记录于 2026年11月\d+日 \d\d:\d\d$/,
    );

    const notice = within(entries[1]!);
    expect(notice.getByText('2026年11月3日 一次性告知补充材料')).toBeInTheDocument();
    expect(entries[1]).toHaveTextContent('待审查 → 待补充材料');
    expect(notice.getByText('户口簿复印件、收入证明')).toBeInTheDocument();
    expect(notice.getByText('2026年11月13日')).toBeInTheDocument();
    expect(entries[1]).toHaveTextContent('补充期限');
    expect(entries[1]).not.toHaveTextContent('说明'); // an empty field is not listed

    // A stored choice reads as the statute words it.
    expect(entries[2]).toHaveTextContent('事项类型请求给付赡养费、抚养费、扶养费');
    expect(entries[2]).toHaveTextContent('待审查 → 已决定给予');

    expect(entries[3]).toHaveTextContent('承办人员王律师');
    expect(entries[3]).toHaveTextContent('张伟 记录于 2026年11月');
    expect(entries[3]).not.toHaveTextContent('名册人员');

    expect(entries[4]).toHaveTextContent('状态不变（已结案）');
    expect(entries[4]).toHaveTextContent('办案补贴金额800.00 元');
  });

  it('reads a notarization step with its nested 容缺 commitment under Chinese labels', async () => {
    renderTimeline('notarization', [
      entry({
        id: 9,
        action: 'accept',
        actedOn: '2026-11-10',
        fromStatus: 'forwarded',
        toStatus: 'accepted',
        data: {
          noticeNumber: '受字12号',
          deferred: { item: '亲属关系证明', commitmentSigned: true, promisedOn: '2026-11-20' },
        },
      }),
    ]);
    const [accepted] = await screen.findAllByTestId('timeline-entry');
    expect(accepted).toHaveTextContent(/^2026年11月10日 受理/);
    expect(accepted).toHaveTextContent('已转递待受理 → 已受理办理中');
    expect(accepted).toHaveTextContent('容缺材料亲属关系证明');
    expect(accepted).toHaveTextContent('书面承诺是');
    expect(accepted).toHaveTextContent('承诺补交日期2026年11月20日');
    expect(accepted).not.toHaveTextContent('deferred');
  });

  it('shows when and how the applicant was told of a stop (公证程序规则 第35条), and reads an older stop without it', async () => {
    renderTimeline('notarization', [
      entry({
        id: 10,
        action: 'suspend',
        actedOn: '2026-11-12',
        fromStatus: 'accepted',
        toStatus: 'suspended',
        data: { reason: '核实有关情况', missingItems: [], toldOn: '2026-11-13', toldHow: '电话告知', note: '' },
      }),
      // Recorded before the 告知 was required: no toldOn, no toldHow.
      entry({
        id: 11,
        action: 'suspend',
        actedOn: '2026-11-14',
        fromStatus: 'accepted',
        toStatus: 'suspended',
        data: { reason: '补充材料', missingItems: ['户口簿'], note: '' },
      }),
    ]);
    const [told, older] = await screen.findAllByTestId('timeline-entry');
    expect(told).toHaveTextContent('告知当事人日期2026年11月13日');
    expect(told).toHaveTextContent('告知方式电话告知');
    expect(older).toHaveTextContent('理由补充材料');
    expect(older).toHaveTextContent('所缺材料户口簿');
    expect(older).not.toHaveTextContent('告知');
  });

  it("draws each step with the elements and classes antd's Typography and Descriptions would, so it looks the same", async () => {
    // The entry is our own markup under antd's class names (renderer/cases/CaseTimeline.tsx); drawn beside it, the
    // antd components it stands for, with the same text, must give the same HTML, theme hash and variables' scope
    // included (renderer/app/antdScope.ts).
    const backend = fakeBackend({
      'cases.timeline': () => [notifyMissing()],
    });
    // Under the app's theme, as in the window: its variables' scope is then the ConfigProvider's own (css-var-<id>).
    render(
      <ConfigProvider theme={APP_THEME}>
        <ApiProvider api={backend.api}>
          <CaseTimeline caseId={7} kind="legal_aid" />
          <div data-testid="antd">
            <Typography.Text strong>2026年11月3日 一次性告知补充材料</Typography.Text>
            <Typography.Text type="secondary" className="timeline-status">
              {' '}
              · 状态：待审查 → <Tag>待补充材料</Tag>
            </Typography.Text>
            <Descriptions
              size="small"
              column={1}
              className="timeline-fields"
              items={[
                {
                  key: 'items',
                  label: '补充材料清单',
                  children: <span className="facts">户口簿复印件、收入证明</span>,
                },
                { key: 'dueOn', label: '补充期限', children: <span className="facts">2026年11月13日</span> },
              ]}
            />
          </div>
        </ApiProvider>
      </ConfigProvider>,
    );
    const [drawn] = await screen.findAllByTestId('timeline-entry');
    const antd = screen.getByTestId('antd');
    expect(antd.querySelector('.timeline-fields')!.className).toMatch(/ css-[\w-]+ css-var-(?!root)[\w-]+$/);
    const own = [...drawn!.children].slice(0, 3).map((e) => e.outerHTML);
    expect(own).toEqual([...antd.children].map((e) => e.outerHTML));
  });

  it('says so when the timeline cannot be read', async () => {
    renderTimeline('mediation', new Refusal({ code: 'NOT_FOUND', field: 'caseId', message: '案件不存在' }));
    expect(await screen.findByText('案件不存在')).toBeInTheDocument();
  });
});
