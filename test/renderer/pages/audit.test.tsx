import { screen, waitFor, within } from '@testing-library/react';
import type { AuditRow } from '../../../shared/contract';
import { Refusal, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const ROWS: AuditRow[] = [
  {
    seq: 42,
    at: '2026-11-22T02:05:00.000Z',
    username: 'admin',
    channel: 'users.update',
    tableName: 'users',
    rowKey: '3',
    op: 'update',
    before: { id: 3, display_name: '李娟', role: 'clerk', active: 1 },
    after: { id: 3, display_name: '李娟', role: 'director', active: 0 },
  },
  {
    seq: 41,
    at: '2026-11-22T02:00:00.000Z',
    username: 'lijuan',
    channel: 'drafts.save',
    tableName: 'drafts',
    rowKey: '12',
    op: 'insert',
    before: null,
    after: { id: 12, title: '张秀英' },
  },
];

/** An option of the open select's list. */
async function option(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByTitle(title).find((el) => el.classList.contains('ant-select-item-option'));
    if (!found) throw new Error(`no option ${title}`);
    return found;
  });
}

describe('审计日志', () => {
  it('shows each entry with its changed fields before and after', async () => {
    const { backend } = await renderApp('#/audit', {
      'audit.list': () => ({ total: 2, rows: ROWS }),
      'users.list': () => [],
    });
    const diff = await screen.findByRole('table', { name: '第42条的字段变化' });
    const rows = within(diff)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    // Only what changed: the name stayed.
    expect(rows.slice(1)).toEqual([
      ['role', 'clerk', 'director'],
      ['active', '1', '0'],
    ]);
    const entry = diff.closest('tr.ant-table-row')!;
    expect(within(entry as HTMLElement).getByText('修改用户')).toBeInTheDocument();
    expect(within(entry as HTMLElement).getByText('用户')).toBeInTheDocument();
    expect(within(entry as HTMLElement).getByText('修改')).toBeInTheDocument();
    const inserted = screen.getByRole('table', { name: '第41条的字段变化' });
    expect(within(inserted).getByText('张秀英').previousElementSibling).toHaveTextContent('—');
    expect(screen.getByText('共 2 条')).toBeInTheDocument();
    expect(backend.inputs('audit.list')[0]).toEqual({
      username: null,
      channel: null,
      tableName: null,
      rowKey: null,
      from: null,
      to: null,
      page: 1,
      pageSize: 20,
    });
  });

  it('filters by who, what, which table and record, and pages', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ ...ROWS[1]!, seq: 100 - i }));
    const { user, backend } = await renderApp('#/audit', {
      'audit.list': () => ({ total: 45, rows }),
      'users.list': () => [],
    });
    await screen.findByRole('table', { name: '第100条的字段变化' });
    await user.type(screen.getByRole('combobox', { name: '操作人' }), 'lijuan');
    // Long lists: the clerk types to narrow them.
    await user.type(screen.getByRole('combobox', { name: '操作' }), '保存草稿');
    await user.click(await option('保存草稿（drafts.save）'));
    await user.type(screen.getByRole('combobox', { name: '数据表' }), '草稿');
    await user.click(await option('草稿'));
    await user.type(screen.getByRole('textbox', { name: '记录' }), '12');
    await user.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(backend.inputs('audit.list').at(-1)).toEqual({
        username: 'lijuan',
        channel: 'drafts.save',
        tableName: 'drafts',
        rowKey: '12',
        from: null,
        to: null,
        page: 1,
        pageSize: 20,
      }),
    );
    await user.click(screen.getByTitle('3'));
    await waitFor(() =>
      expect(backend.inputs('audit.list').at(-1)).toMatchObject({
        page: 3,
        username: 'lijuan',
        channel: 'drafts.save',
      }),
    );
    await user.click(screen.getByRole('button', { name: '重置' }));
    await waitFor(() =>
      expect(backend.inputs('audit.list').at(-1)).toMatchObject({
        page: 1,
        username: null,
        channel: null,
        rowKey: null,
      }),
    );
  });

  it('verifies the chain and says the result in Chinese', async () => {
    let verdict: { ok: true; entries: number; headHash: string } | { ok: false; seq: number; reason: string } = {
      ok: true,
      entries: 42,
      headHash: 'ab'.repeat(32),
    };
    const { user, backend } = await renderApp('#/audit', {
      'audit.list': () => ({ total: 0, rows: [] }),
      'users.list': () => [],
      'audit.verify': () => verdict,
    });
    await user.click(await screen.findByRole('button', { name: '校验' }));
    expect(await screen.findByRole('status')).toHaveTextContent('审计日志完整：共42条记录，未发现改动、删除或调换。');

    verdict = { ok: false, seq: 17, reason: '记录内容与其哈希不符（记录被改动）' };
    await user.click(screen.getByRole('button', { name: '校验' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        '审计日志校验失败：第17条记录：记录内容与其哈希不符（记录被改动）',
      ),
    );
    expect(backend.inputs('audit.verify')).toHaveLength(2);
  });

  it('says why when the log cannot be read', async () => {
    await renderApp('#/audit', {
      'audit.list': () => new Refusal({ code: 'FORBIDDEN', message: '当前角色（办事员）无权进行此操作' }),
      'users.list': () => [],
    });
    expect(await screen.findByText('当前角色（办事员）无权进行此操作')).toBeInTheDocument();
  });

  it('is not offered to a clerk', async () => {
    const { backend } = await renderApp('#/audit', {}, { as: USERS.clerk });
    expect(await screen.findByText('无权使用此功能')).toBeInTheDocument();
    expect(backend.inputs('audit.list')).toHaveLength(0);
  });
});
