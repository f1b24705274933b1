import { screen, waitFor, within } from '@testing-library/react';
import type { DossierView } from '../../../shared/contract';
import { evaluateAtStage, evaluateDossier, type DossierMaterial } from '../../../shared/dossier/evaluate';
import { DEFAULT_DOSSIER_RULES } from '../../../shared/dossier/rules/default';
import { LEGAL_AID_DOSSIER } from '../../../shared/kinds/legalAid/dossier';
import { factsOf } from '../../../shared/kinds/legalAid/lifecycle';
import { legalAidCase, messageOf, Refusal, renderApp, USERS } from '../support';

jest.setTimeout(60_000); // a page of antd tables under a busy 2-core CI: 38 s alone at load 10

const FACTS = LEGAL_AID_DOSSIER.factsOf(
  factsOf({ receivedOn: '2026-11-20', status: 'received' }, []),
  { category: '民事', service_form: '法律咨询', applicant_groups: '[]', finance_basis: '承诺' },
  { agentApplied: false },
);

function view(materials: DossierMaterial[] = []): DossierView {
  const missingAt = (stage: string) => evaluateAtStage(DEFAULT_DOSSIER_RULES, FACTS, materials, stage).missing;
  return {
    caseId: 7,
    kind: 'legal_aid',
    caseNumber: '〔2026〕黎托援字第0001号',
    status: 'received',
    receivedOn: '2026-11-20',
    checklist: evaluateDossier(DEFAULT_DOSSIER_RULES, FACTS, materials),
    attachments: [],
    overrides: [],
    checkedVersion: 1,
    gates: [
      { action: 'close', missing: missingAt('closed') },
      { action: 'archive', missing: missingAt('archived') },
    ],
  };
}

const row = (key: string) => screen.getByTestId(`dossier-item-${key}`);

describe('卷宗材料 on a case page', () => {
  it('shows what is missing now and what falls due next, and records an item received', async () => {
    let materials: DossierMaterial[] = [];
    const { user, backend } = await renderApp(
      '#/cases/7',
      {
        'legalAid.get': () => legalAidCase(),
        'dossier.get': () => view(materials),
        'dossier.markReceived': (input) => {
          if (input.receivedOn > '2026-11-22')
            return new Refusal({ code: 'VALIDATION', field: 'receivedOn', message: '收到日期：不能晚于今天' });
          materials = [
            {
              itemKey: input.itemKey,
              receivedOn: input.receivedOn,
              pages: input.pages,
              form: input.form,
              note: input.note,
              attachments: 0,
            },
          ];
          return view(materials);
        },
      },
      { as: USERS.clerk },
    );
    expect(
      await screen.findByText(
        '现缺少4项：法律援助申请表、申请人身份证明、个人诚信承诺书、与所申请法律援助事项有关的案件材料',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('审查决定后应备：给予（不予）法律援助决定书')).toBeInTheDocument();
    expect(within(row('applicantId')).getByText('缺少')).toBeInTheDocument();
    expect(within(row('agentId')).getByText('不适用')).toBeInTheDocument();
    expect(within(row('cover')).getByText('系统生成')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /所长特批/ })).not.toBeInTheDocument(); // a clerk may not override

    await user.click(within(row('applicantId')).getByRole('button', { name: '登记收到' }));
    const pages = screen.getByLabelText('页数');
    await user.clear(pages);
    await user.type(pages, '10000');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(pages)).toBe('页数：不能大于9999');
    expect(backend.inputs('dossier.markReceived')).toEqual([]);

    await user.clear(pages);
    await user.type(pages, '2');
    const date = screen.getByLabelText('收到日期');
    await user.clear(date);
    await user.type(date, '2026-12-01{Enter}');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(screen.getByLabelText('收到日期'))).toBe('收到日期：不能晚于今天'));

    const again = screen.getByLabelText('收到日期');
    await user.clear(again);
    await user.type(again, '2026-11-20{Enter}');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(row('applicantId')).getByText('已收到')).toBeInTheDocument());
    expect(within(row('applicantId')).getByText('2026年11月20日，原件，2页')).toBeInTheDocument();
    expect(backend.inputs('dossier.markReceived').at(-1)).toEqual({
      caseId: 7,
      itemKey: 'applicantId',
      receivedOn: '2026-11-20',
      pages: 2,
      form: '原件',
      note: '',
    });
    expect(
      screen.getByText('现缺少3项：法律援助申请表、个人诚信承诺书、与所申请法律援助事项有关的案件材料'),
    ).toBeInTheDocument();
  });

  it('lets a director override the closing check with a written reason', async () => {
    const { user, backend } = await renderApp(
      '#/cases/7',
      {
        'legalAid.get': () => legalAidCase(),
        'dossier.get': () => view(),
        'dossier.override': (input) => ({
          id: 1,
          action: input.action,
          missing: [],
          reason: input.reason,
          username: '张伟',
          recordedAt: '2026-11-22T02:00:00.000Z',
        }),
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '所长特批（缺材料结案、归档）' }));
    expect(screen.getByText(/特批后可在缺少以下材料的情况下结案：法律援助申请表/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '特批' }));
    expect(messageOf(screen.getByLabelText('特批理由'))).toBe('特批理由：不能为空');
    await user.type(screen.getByLabelText('特批理由'), '承办律师住院，材料出院后补交');
    await user.click(screen.getByRole('button', { name: '特批' }));
    await waitFor(() =>
      expect(backend.inputs('dossier.override')).toEqual([
        { caseId: 7, action: 'close', reason: '承办律师住院，材料出院后补交' },
      ]),
    );
  });
});

describe('卷宗 in the case list', () => {
  it('tags each case with how many dossier items it lacks', async () => {
    const rowOf = {
      id: 7,
      kind: 'legal_aid' as const,
      caseNumber: '〔2026〕黎托援字第0001号',
      status: 'received',
      title: '赡养费纠纷',
      applicantName: '张秀英',
      applicantIdMasked: '110105********002X',
      receivedOn: '2026-11-20',
      receivedBy: '李娟',
    };
    const { backend } = await renderApp('#/cases', {
      'cases.list': () => ({ total: 1, rows: [rowOf] }),
      'dossier.completeness': ({ caseIds }) =>
        caseIds.map((caseId) => ({
          caseId,
          missingCount: 2,
          missing: ['法律援助申请表', '个人诚信承诺书'],
          ruleSetVersion: 1,
        })),
    });
    expect(await screen.findByTestId('dossier-missing-7')).toHaveTextContent('卷宗缺2项');
    expect(backend.inputs('dossier.completeness')).toEqual([{ caseIds: [7] }]);
  });
});
