import { screen, waitFor, within } from '@testing-library/react';
import type { RosterCandidate, RosterEntry } from '../../../shared/contract';
import { localDate } from '../../../shared/dates';
import { deadlinesOf } from '../../../shared/kinds/legalAid/deadlines';
import { availableActions, factsOf } from '../../../shared/kinds/legalAid/lifecycle';
import { field, legalAidCase, messageOf, Refusal, renderApp, USERS } from '../support';

jest.setTimeout(60_000);

const entry = (overrides: Partial<RosterEntry>): RosterEntry => ({
  id: 1,
  orgType: '律师事务所',
  orgName: '湖南弘毅律师事务所',
  personName: '王律师',
  phone: '',
  expertise: ['婚姻家庭与赡养抚养'],
  note: '',
  active: true,
  createdAt: '2026-11-01T01:00:00.000Z',
  updatedAt: '2026-11-01T01:00:00.000Z',
  ...overrides,
});

describe('援助人员名册', () => {
  it('adds a person with their expertise, refusing a duplicate under the name, and lists them', async () => {
    let entries: RosterEntry[] = [entry({})];
    const { user, backend } = await renderApp(
      '#/roster',
      {
        'legalAid.rosterList': () => entries,
        'legalAid.rosterAdd': (input) => {
          if (entries.some((e) => e.orgName === input.orgName && e.personName === input.personName)) {
            return new Refusal({
              code: 'CONFLICT',
              field: 'personName',
              message: `名册中已有${input.orgName}的${input.personName}`,
            });
          }
          const added = entry({ ...input, id: 2 } as Partial<RosterEntry>);
          entries = [...entries, added];
          return added;
        },
      },
      { as: USERS.clerk },
    );
    expect(await screen.findByRole('cell', { name: '王律师' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加人员' }));
    const dialog = await screen.findByRole('dialog', { name: '添加援助人员' });
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(messageOf(field('承办机构类型'))).toBe('承办机构类型：请选择');
    expect(messageOf(field('承办人员'))).toBe('承办人员：不能为空');
    expect(backend.inputs('legalAid.rosterAdd')).toHaveLength(0);

    await user.click(field('承办机构类型'));
    await user.click(await screen.findByTitle('律师事务所'));
    await user.type(field('承办机构名称'), '湖南弘毅律师事务所');
    await user.type(field('承办人员'), '王律师');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(messageOf(field('承办人员'))).toBe('名册中已有湖南弘毅律师事务所的王律师'));

    await user.clear(field('承办人员'));
    await user.type(field('承办人员'), '陈律师');
    await user.click(within(dialog).getByRole('checkbox', { name: '刑事辩护与代理' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('cell', { name: '陈律师' })).toBeInTheDocument();
    expect(backend.inputs('legalAid.rosterAdd').at(-1)).toEqual({
      orgType: '律师事务所',
      orgName: '湖南弘毅律师事务所',
      personName: '陈律师',
      phone: '',
      expertise: ['刑事辩护与代理'],
      note: '',
    });
  });

  it('takes a person off the roster by changing their entry, never deleting it', async () => {
    let entries: RosterEntry[] = [entry({})];
    const { user, backend } = await renderApp(
      '#/roster',
      {
        'legalAid.rosterList': () => entries,
        'legalAid.rosterUpdate': (input) => {
          entries = [entry({ ...input } as Partial<RosterEntry>)];
          return entries[0]!;
        },
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '修改王律师' }));
    const dialog = await screen.findByRole('dialog', { name: '修改：王律师' });
    expect(field('承办机构名称')).toHaveValue('湖南弘毅律师事务所');
    await user.type(field('联系电话'), '0731-84123456');
    expect(field('在册')).toBeChecked();
    await user.click(field('在册'));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('不在册')).toBeInTheDocument();
    expect(backend.inputs('legalAid.rosterUpdate')).toEqual([
      {
        id: 1,
        orgType: '律师事务所',
        orgName: '湖南弘毅律师事务所',
        personName: '王律师',
        phone: '0731-84123456',
        expertise: ['婚姻家庭与赡养抚养'],
        note: '',
        active: false,
      },
    ]);
  });

  it('shows the roster to a read-only user without the means to change it', async () => {
    await renderApp('#/roster', { 'legalAid.rosterList': () => [entry({ active: false })] }, { as: USERS.readonly });
    expect(await screen.findByRole('cell', { name: '王律师' })).toBeInTheDocument();
    expect(screen.getByText('不在册')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '添加人员' })).toBeNull();
    expect(screen.queryByRole('button', { name: '修改王律师' })).toBeNull();
  });
});

describe('指派 from the roster', () => {
  it('suggests the next in rotation with matching expertise, and sends the roster entry it was taken from', async () => {
    const today = localDate();
    const granted = [
      {
        id: 2,
        action: 'decide',
        actedOn: today,
        data: { decision: '给予法律援助', decidedBy: '司法所', matterType: '赡养费抚养费扶养费' },
        fromStatus: 'received',
        toStatus: 'granted',
        username: '李娟',
        recordedAt: `${today}T02:00:00.000Z`,
      },
    ];
    const facts = factsOf({ receivedOn: today, status: 'granted' }, granted);
    const candidate = (e: RosterEntry, extra: Partial<RosterCandidate>): RosterCandidate => ({
      ...e,
      matchesExpertise: true,
      lastAssignedOn: null,
      assignmentCount: 0,
      ...extra,
    });
    const wang = candidate(entry({}), {});
    const liu = candidate(
      entry({
        id: 3,
        orgType: '基层法律服务所',
        orgName: '黎托法律服务所',
        personName: '刘明',
        expertise: ['劳动争议与劳动报酬'],
      }),
      { matchesExpertise: false, lastAssignedOn: '2026-10-01', assignmentCount: 2 },
    );
    const { user, backend } = await renderApp(
      '#/cases/7',
      {
        'legalAid.get': () => legalAidCase({ status: 'granted' }),
        'legalAid.actions': () => ({
          caseId: 7,
          status: 'granted',
          statusLabel: '已决定给予',
          available: availableActions(facts, today),
          facts,
        }),
        'legalAid.deadlines': () => deadlinesOf(facts, today),
        'legalAid.rosterSuggest': () => ({ expertise: '婚姻家庭与赡养抚养', next: wang, candidates: [wang, liu] }),
        'legalAid.assign': () => ({ caseId: 7, status: 'assigned', statusLabel: '已指派', available: [] }),
      },
      { as: USERS.clerk },
    );
    await user.click(await screen.findByRole('button', { name: '指派' }));
    const dialog = await screen.findByRole('dialog', { name: '指派' });
    expect(await within(dialog).findByText(/擅长本类事项/)).toHaveTextContent(
      '轮换建议：王律师（湖南弘毅律师事务所），擅长本类事项',
    );
    expect(backend.inputs('legalAid.rosterSuggest')).toEqual([{ caseId: 7, orgType: null }]);

    // Chosen from the list: the fields are filled; changing the person drops the roster link.
    await user.click(within(dialog).getByLabelText('从名册选择'));
    await user.click(await screen.findByTitle(/^刘明（黎托法律服务所） · 最近指派 2026年10月1日 · 共 2 件$/));
    expect(field('承办人员')).toHaveValue('刘明');
    expect(within(dialog).getByText('取自名册：黎托法律服务所 刘明')).toBeInTheDocument();
    await user.type(field('承办人员'), '华');
    expect(within(dialog).queryByText(/取自名册/)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: '采用建议' }));
    expect(field('承办人员')).toHaveValue('王律师');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(backend.inputs('legalAid.assign')).toHaveLength(1));
    expect(backend.inputs('legalAid.assign')[0]).toEqual({
      caseId: 7,
      actedOn: today,
      assignedBy: '司法所',
      orgType: '律师事务所',
      orgName: '湖南弘毅律师事务所',
      personName: '王律师',
      rosterId: 1,
    });
  });
});
