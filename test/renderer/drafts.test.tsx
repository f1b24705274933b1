import { screen, waitFor, within } from '@testing-library/react';
import { field, renderApp } from './support';

jest.setTimeout(30_000);

const summary = { id: 5, kind: 'legal_aid' as const, title: '王小红', createdAt: '2026-11-21T01:00:00.000Z', updatedAt: '2026-11-21T02:30:00.000Z' };

describe('草稿', () => {
  it('autosaves the form after the clerk pauses, and saves again into the same draft', async () => {
    const { user, backend } = await renderApp('#/legal-aid/new', {
      'drafts.save': (input) => ({ ...summary, id: input.id ?? 12, title: input.title }),
    });
    await user.type(await screen.findByLabelText('申请人姓名'), '张秀英');
    expect(backend.inputs('drafts.save')).toHaveLength(0); // not on every keystroke

    await waitFor(() => expect(backend.inputs('drafts.save')).toHaveLength(1), { timeout: 3000 });
    const first = backend.inputs('drafts.save')[0]!;
    expect(first).toMatchObject({ id: null, kind: 'legal_aid', title: '张秀英' });
    expect(first.data).toMatchObject({ applicant: { name: '张秀英', idType: '居民身份证', ethnicity: '汉族' } });
    expect(await screen.findByText(/草稿已自动保存/)).toBeInTheDocument();

    await user.type(field('户籍所在地'), '黎托街道');
    await waitFor(() => expect(backend.inputs('drafts.save')).toHaveLength(2), { timeout: 3000 });
    expect(backend.inputs('drafts.save')[1]).toMatchObject({ id: 12, data: { applicant: { householdAddress: '黎托街道' } } });
    expect(backend.inputs('drafts.discard')).toHaveLength(0);
  });

  it('lists unfinished drafts and resumes one where the clerk left it', async () => {
    const { user, backend } = await renderApp('#/drafts', {
      'drafts.list': () => [summary],
      'drafts.get': () => ({
        ...summary,
        data: {
          applicant: { name: '王小红', idType: '居民身份证', ethnicity: '汉族', idNumber: '110105194912310021', birthDate: '1949-12-31', sex: '女' },
          finance: { monthlyIncomePerCapitaYuan: '850.50' },
          receivedOn: '2026-11-20',
        },
      }),
      'legalAid.create': () => ({ id: 9, caseNumber: '〔2026〕黎托援字第0002号' }),
    });
    const row = (await screen.findByText('王小红')).closest('tr')!;
    expect(within(row).getAllByText(/^2026年11月21日 \d\d:\d\d$/)).toHaveLength(2);
    await user.click(within(row).getByRole('button', { name: '继续填写“王小红”' }));

    expect(await screen.findByDisplayValue('王小红')).toBe(field('申请人姓名'));
    expect(backend.inputs('drafts.get')).toEqual([{ id: 5 }]);
    expect(window.location.hash).toBe('#/legal-aid/new?draft=5');
    expect(field('家庭月人均收入')).toHaveValue('850.50');
    expect(field('申请日期')).toHaveValue('2026-11-20');
    // What was typed before is judged at once: the wrong check character is pointed out.
    expect(screen.getByText('公民身份号码：校验码不正确，请核对号码')).toBeInTheDocument();
  });

  it('discards a draft only after the clerk confirms', async () => {
    let drafts = [summary];
    const { user, backend } = await renderApp('#/drafts', {
      'drafts.list': () => drafts,
      'drafts.discard': ({ id }) => {
        drafts = drafts.filter((d) => d.id !== id);
        return { id };
      },
    });
    await user.click(await screen.findByRole('button', { name: '删除“王小红”' }));
    await user.click(await screen.findByRole('button', { name: '取消' }));
    expect(backend.inputs('drafts.discard')).toHaveLength(0);
    expect(screen.getByText('王小红')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '删除“王小红”' }));
    const confirm = await screen.findByText('删除这份草稿？');
    await user.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(backend.inputs('drafts.discard')).toEqual([{ id: 5 }]));
    expect(await screen.findByText('没有未完成的草稿')).toBeInTheDocument();
  });
});
