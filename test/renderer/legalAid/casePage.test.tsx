import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { EligibilityReport, LegalAidProgress } from '../../../shared/contract';
import { localDate } from '../../../shared/dates';
import { deadlinesOf } from '../../../shared/kinds/legalAid/deadlines';
import {
  availableActions,
  factsOf,
  LEGAL_AID_STATUS_LABELS,
  type LegalAidStatus,
} from '../../../shared/kinds/legalAid/lifecycle';
import type { CaseAction } from '../../../shared/lifecycle';
import { field, legalAidCase, messageOf, Refusal, renderApp, USERS, type Replies } from '../support';

jest.setTimeout(60_000);

const today = localDate();

const step = (
  action: string,
  data: Record<string, unknown>,
  fromStatus: LegalAidStatus,
  toStatus: LegalAidStatus,
): CaseAction => ({
  id: 2,
  action,
  actedOn: today,
  data,
  fromStatus,
  toStatus,
  username: '李娟',
  recordedAt: `${today}T02:00:00.000Z`,
});

/** What legalAid.actions answers for a case received today whose timeline is `steps`. */
function progressOf(status: LegalAidStatus, steps: CaseAction[] = []): LegalAidProgress {
  const facts = factsOf({ receivedOn: today, status: status }, steps);
  return {
    caseId: 7,
    status,
    statusLabel: LEGAL_AID_STATUS_LABELS[status],
    available: availableActions(facts, today),
    facts,
  };
}

const ELIGIBILITY: EligibilityReport = {
  caseId: 7,
  matterType: '赡养费抚养费扶养费',
  matterTypeSource: 'inferred',
  scope: {
    inScope: true,
    reason: '属于可以申请法律援助的民事、行政事项：请求给付赡养费、抚养费、扶养费',
    article: '法律援助法第31条第（四）项',
  },
  mandatoryDefence: null,
  financial: {
    test: 'exemptIfNoFixedIncome',
    reason: '申请人为老年人，有材料证明无固定生活来源的，免予核查经济困难状况；有固定生活来源的仍须核查',
    article: '法律援助法第42条第（一）项',
  },
  provisional: {
    grounds: false,
    daysLeft: null,
    reason: '未填写时效或期限届满日期，也无紧急保全或先予执行的需要',
    article: '法律援助法第44条',
  },
  warnings: ['事项类型系根据案由“赡养费纠纷”推断为“请求给付赡养费、抚养费、扶养费”，请核对'],
  overrides: [],
  overridden: {},
};

function caseReplies(progress: () => LegalAidProgress, extra: Replies = {}): Replies {
  return {
    'legalAid.get': () => legalAidCase({ application: { ...legalAidCase().application, receivedOn: today } }),
    'legalAid.actions': () => progress(),
    'legalAid.deadlines': () => deadlinesOf(progress().facts, today),
    'legalAid.eligibility': () => ELIGIBILITY,
    'cases.timeline': () => [],
    'cases.conflicts': () => ({ checked: 2, matches: [] }),
    'cases.conflictAcknowledgements': () => [],
    ...extra,
  };
}

async function typeDate(user: UserEvent, label: string, iso: string) {
  await user.clear(field(label));
  await user.type(field(label), iso);
  await user.keyboard('{Enter}');
}

describe('法律援助案件页面', () => {
  it('shows the stage, the limits with the days left, what may be done now, and why the rest may not', async () => {
    const { user } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received')),
      { as: USERS.clerk },
    );
    expect(await screen.findByTestId('case-status')).toHaveTextContent('待审查');

    const limits = await screen.findByRole('region', { name: '办理期限' });
    const decision = within(limits).getByText('法律援助审查决定').closest('tr')!;
    expect(decision).toHaveTextContent('剩余7日');
    expect(decision).toHaveTextContent('法律援助法 第43条');

    const actions = screen.getByRole('region', { name: '可进行的操作' });
    for (const label of ['一次性告知补充材料', '审查决定', '先行提供'])
      expect(within(actions).getByRole('button', { name: label })).toBeEnabled();
    expect(within(actions).queryByRole('button', { name: '结案' })).toBeNull(); // folded away until asked for
    await user.click(within(actions).getByText('暂不能进行的操作（11）'));
    const assign = await screen.findByTestId('blocked-assign');
    expect(within(assign).getByRole('button', { name: '指派' })).toBeDisabled();
    expect(assign).toHaveTextContent(
      '案件当前为“待审查”，不能进行“指派”（须在“已决定给予”、“先行提供”、“待指派（通知辩护）”时进行）',
    );
  });

  it("asks for the timeline, interference records, dossier and evaluation with the kinds' reads, once each", async () => {
    // Every kind's page shows them: they are asked while the case's kind is still being found, not once the kind's
    // page is drawn (renderer/cases/caseReads.ts), and each part takes its answer without asking again.
    const { backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received')),
      { as: USERS.clerk },
    );
    expect(await screen.findByTestId('case-status')).toHaveTextContent('待审查');
    await screen.findByRole('region', { name: '办理期限' });
    await screen.findByText('尚无办理记录');
    const channels = backend.calls.map((c) => c.channel);
    const kindPageDrawn = channels.indexOf('legalAid.deadlines');
    for (const read of ['cases.timeline', 'interference.list', 'dossier.get', 'evaluation.feedback'] as const) {
      expect(backend.inputs(read)).toHaveLength(1);
      expect(channels.indexOf(read)).toBeLessThan(kindPageDrawn);
    }
    expect(backend.inputs('cases.timeline')).toEqual([{ caseId: 7 }]);
    expect(backend.inputs('legalAid.get')).toEqual([{ id: 7 }]);
  });

  it('sends 一次性告知 with the list of items and ISO dates, then reads the case again', async () => {
    let status: LegalAidStatus = 'received';
    const notified: CaseAction[] = [];
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf(status, notified), {
        'legalAid.notifyMissing': (input) => {
          status = 'awaiting_materials';
          notified.push(
            step(
              'notifyMissing',
              { items: input.items, dueOn: input.dueOn, note: input.note },
              'received',
              'awaiting_materials',
            ),
          );
          return { caseId: 7, status, statusLabel: '待补充材料', available: [] };
        },
      }),
      { as: USERS.clerk },
    );
    await user.click(await screen.findByRole('button', { name: '一次性告知补充材料' }));
    const dialog = await screen.findByRole('dialog', { name: '一次性告知补充材料' });
    expect(field('告知日期')).toHaveValue(today);

    // Nothing listed: said under the list, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(messageOf(field('补充材料清单'))).toBe('补充材料清单：至少列出一项需要补充的材料');
    expect(messageOf(field('补充期限'))).toBe('补充期限：不能为空');
    expect(backend.inputs('legalAid.notifyMissing')).toHaveLength(0);

    await user.type(field('补充材料清单'), '户口簿复印件{Enter}  {Enter}收入证明');
    const due = new Date(Date.now() + 10 * 86_400_000);
    const dueOn = localDate(due);
    await typeDate(user, '补充期限', dueOn);
    await user.click(within(dialog).getByRole('button', { name: '确定' }));

    await waitFor(() => expect(backend.inputs('legalAid.notifyMissing')).toHaveLength(1));
    expect(backend.inputs('legalAid.notifyMissing')[0]).toEqual({
      caseId: 7,
      actedOn: today,
      items: ['户口簿复印件', '收入证明'],
      dueOn,
      note: '',
    });
    await waitFor(() => expect(screen.getByTestId('case-status')).toHaveTextContent('待补充材料'));
    expect(screen.queryByRole('dialog', { name: '一次性告知补充材料' })).toBeNull();
    expect(await screen.findByRole('button', { name: '补齐材料' })).toBeInTheDocument();
    const limits = screen.getByRole('region', { name: '办理期限' });
    expect(within(limits).getByText('补充材料期间，期限中止')).toBeInTheDocument();
  });

  it("shows the main process's refusal under the field it names, and keeps the dialog open", async () => {
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received'), {
        'legalAid.notifyMissing': () =>
          new Refusal({ code: 'VALIDATION', field: 'dueOn', message: '补充期限：应晚于告知日期' }),
      }),
      { as: USERS.clerk },
    );
    await user.click(await screen.findByRole('button', { name: '一次性告知补充材料' }));
    const dialog = await screen.findByRole('dialog', { name: '一次性告知补充材料' });
    await user.type(field('补充材料清单'), '身份证复印件');
    await typeDate(user, '补充期限', today);
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(messageOf(field('补充期限'))).toBe('补充期限：应晚于告知日期'));
    expect(backend.inputs('legalAid.notifyMissing')).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: '一次性告知补充材料' })).toBeInTheDocument();
    expect(screen.getByTestId('case-status')).toHaveTextContent('待审查');
  });

  it('refuses a negative or fractional-fen subsidy and a date in the future before sending, and sends fen', async () => {
    const closed = [step('close', { matterEndedOn: today, materialsSubmittedOn: today }, 'assigned', 'closed')];
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('closed', closed), {
        'legalAid.recordSubsidy': () => ({ caseId: 7, status: 'closed', statusLabel: '已结案', available: [] }),
      }),
      { as: USERS.clerk },
    );
    await user.click(await screen.findByRole('button', { name: '办案补贴' }));
    const dialog = await screen.findByRole('dialog', { name: '办案补贴' });

    await user.type(field('办案补贴金额'), '-5');
    await typeDate(user, '补贴发放日期', today);
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(messageOf(field('办案补贴金额'))).toBe('办案补贴金额：金额不能为负数');

    await user.clear(field('办案补贴金额'));
    await user.type(field('办案补贴金额'), '800.005');
    expect(messageOf(field('办案补贴金额'))).toBe('办案补贴金额：金额最多两位小数');

    const tomorrow = localDate(new Date(Date.now() + 86_400_000));
    await typeDate(user, '结案审查日期', tomorrow);
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(messageOf(field('结案审查日期'))).toBe('结案审查日期：不能晚于今天');
    expect(backend.inputs('legalAid.recordSubsidy')).toHaveLength(0);

    await typeDate(user, '结案审查日期', today);
    await user.clear(field('办案补贴金额'));
    await user.type(field('办案补贴金额'), '800.5');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(backend.inputs('legalAid.recordSubsidy')).toHaveLength(1));
    expect(backend.inputs('legalAid.recordSubsidy')[0]).toEqual({
      caseId: 7,
      actedOn: today,
      amountFen: 80_050,
      paidOn: today,
      note: '',
    });
  });
});

describe('审查决定', () => {
  it('starts from the 事项类型 the verdict found, and refuses a refusal without written reasons', async () => {
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received'), {
        'legalAid.decide': () => ({ caseId: 7, status: 'refused', statusLabel: '不予援助', available: [] }),
      }),
      { as: USERS.clerk },
    );
    await user.click(await screen.findByRole('button', { name: '审查决定' }));
    const dialog = await screen.findByRole('dialog', { name: '审查决定' });
    expect(field('事项类型').closest('.ant-select')).toHaveTextContent('请求给付赡养费、抚养费、扶养费');
    expect(screen.getByRole('radio', { name: '给予法律援助' })).toBeChecked();
    expect(screen.queryByLabelText('通知辩护情形')).toBeNull(); // only for a criminal defence

    await user.click(screen.getByRole('radio', { name: '不予法律援助' }));
    await user.click(screen.getByRole('radio', { name: '县法律援助中心' }));
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(messageOf(field('理由'))).toBe('理由：不予法律援助须书面写明理由');
    expect(backend.inputs('legalAid.decide')).toHaveLength(0);

    await user.type(field('理由'), '申请人有固定生活来源，经核查不符合经济困难标准。');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(backend.inputs('legalAid.decide')).toHaveLength(1));
    expect(backend.inputs('legalAid.decide')[0]).toEqual({
      caseId: 7,
      actedOn: today,
      decision: '不予法律援助',
      decidedBy: '县法律援助中心',
      matterType: '赡养费抚养费扶养费',
      mandatoryDefenceGrounds: [],
      documentNumber: '',
      reasons: '申请人有固定生活来源，经核查不符合经济困难标准。',
    });
  });
});

describe('援助条件审查', () => {
  it('shows each part of the verdict with the article behind it, and no override to a clerk', async () => {
    await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received')),
      { as: USERS.clerk },
    );
    const panel = await screen.findByRole('region', { name: '援助条件审查' });
    await within(panel).findByText('属于援助范围');
    expect(within(panel).getByTestId('eligibility-事项范围')).toHaveTextContent('依据：法律援助法第31条第（四）项');
    expect(within(panel).getByTestId('eligibility-经济困难条件')).toHaveTextContent('依据：法律援助法第42条第（一）项');
    expect(within(panel).getByTestId('eligibility-先行提供条件')).toHaveTextContent('依据：法律援助法第44条');
    expect(panel).toHaveTextContent('请求给付赡养费、抚养费、扶养费（根据案由推断）');
    expect(within(panel).queryByRole('button', { name: '改变认定' })).toBeNull();
  });

  it('lets a director override a part only with a written reason, and shows who did it', async () => {
    let report = ELIGIBILITY;
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received'), {
        'legalAid.eligibility': () => report,
        'legalAid.overrideEligibility': (input) => {
          const override = {
            id: 1,
            part: input.part as '经济困难条件',
            conclusion: input.conclusion as '符合',
            reason: input.reason,
            username: '张伟',
            recordedAt: '2026-11-22T03:00:00.000Z',
          };
          report = { ...report, overrides: [override], overridden: { 经济困难条件: override } };
          return override;
        },
      }),
      { as: USERS.director },
    );
    const panel = await screen.findByRole('region', { name: '援助条件审查' });
    await user.click(await within(panel).findByRole('button', { name: '改变认定' }));
    await user.click(field('认定事项'));
    await user.click(await screen.findByTitle('经济困难条件'));
    await user.click(screen.getByRole('radio', { name: '符合' }));
    await user.click(within(panel).getByRole('button', { name: '记录认定' }));
    expect(messageOf(field('书面理由'))).toBe('书面理由：不能为空');
    expect(backend.inputs('legalAid.overrideEligibility')).toHaveLength(0);

    await user.type(field('书面理由'), '村委会证明申请人无固定生活来源');
    await user.click(within(panel).getByRole('button', { name: '记录认定' }));
    await waitFor(() => expect(backend.inputs('legalAid.overrideEligibility')).toHaveLength(1));
    expect(backend.inputs('legalAid.overrideEligibility')[0]).toEqual({
      caseId: 7,
      part: '经济困难条件',
      conclusion: '符合',
      reason: '村委会证明申请人无固定生活来源',
    });
    const financial = await within(panel).findByText(/改变认定为“符合”（张伟/);
    expect(financial.closest('[data-testid="eligibility-经济困难条件"]')).toHaveTextContent(
      '书面理由：村委会证明申请人无固定生活来源',
    );
  });
});

describe('利益冲突检查 on a registered case', () => {
  it("shows the matches of the case's own parties and records that the clerk saw those not yet acknowledged", async () => {
    const match = {
      partyIndex: 0,
      partyName: '张秀英',
      partyRole: 'applicant' as const,
      matchedBy: 'nameAndBirthDate' as const,
      otherCase: {
        id: 4,
        kind: 'mediation' as const,
        caseNumber: '〔2026〕黎托调字第0009号',
        status: 'mediating',
        title: '相邻关系纠纷',
        receivedOn: '2026-09-01',
      },
      otherName: '张秀英',
      otherRole: 'party' as const,
      aidedElsewhere: false,
      adverse: false,
      severity: 'warning' as const,
      message: '申请人“张秀英”在人民调解案件〔2026〕黎托调字第0009号中为调解当事人',
    };
    const acknowledgements: {
      id: number;
      caseId: number;
      matches: { otherCaseId: number; partyName: string; matchedBy: 'nameAndBirthDate' }[];
      note: string;
      username: string;
      acknowledgedAt: string;
    }[] = [];
    const { user, backend } = await renderApp(
      '#/cases/7',
      caseReplies(() => progressOf('received'), {
        'cases.conflicts': () => ({ checked: 2, matches: [match] }),
        'cases.conflictAcknowledgements': () => acknowledgements,
        'cases.acknowledgeConflicts': (input) => {
          const ack = {
            id: 1,
            caseId: 7,
            matches: input.matches as never,
            note: input.note ?? '',
            username: '李娟',
            acknowledgedAt: '2026-11-22T02:00:00.000Z',
          };
          acknowledgements.push(ack);
          return ack;
        },
      }),
      { as: USERS.clerk },
    );
    await screen.findByTestId('case-status');
    const section = await screen.findByRole('region', { name: '利益冲突检查' });
    expect(await within(section).findByText(match.message)).toBeInTheDocument();
    expect(section).toHaveTextContent('姓名和出生日期相同');
    expect(backend.inputs('cases.conflicts')).toEqual([{ caseId: 7, parties: [] }]);

    await user.click(within(section).getByRole('button', { name: '确认已知悉（1 处未确认）' }));
    await waitFor(() =>
      expect(backend.inputs('cases.acknowledgeConflicts')).toEqual([
        { caseId: 7, matches: [{ otherCaseId: 4, partyName: '张秀英', matchedBy: 'nameAndBirthDate' }], note: '' },
      ]),
    );
    expect(await within(section).findByText(/李娟 于 2026年11月22日 \d\d:00 确认已知悉 1 处/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /确认已知悉/ })).toBeNull();
  });
});
