import { screen, waitFor } from '@testing-library/react';
import { fakeSession, field, messageOf, OFFICE, renderApp, USERS } from '../support';

describe('司法所设置 on the first run', () => {
  it('shows the rule a wrong code breaks, and does not send the form', async () => {
    const { backend, user } = await renderApp('#/cases', fakeSession({ accounts: [], office: null }).replies);
    await user.type(await screen.findByLabelText('县级行政区划代码'), '430100');
    await user.tab();
    expect(messageOf(field('县级行政区划代码'))).toBe('县级行政区划代码：应为6位县级行政区划代码（如430203）');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(messageOf(field('司法所名称'))).toBe('司法所名称：不能为空');
    expect(field('司法所名称')).toHaveFocus();
    expect(backend.inputs('auth.setup')).toHaveLength(0);
  });
});

describe('司法所设置 later on', () => {
  it('shows the office as set up, keeps the 案号代字 the clerk chose, and saves a correction', async () => {
    const { backend, user } = await renderApp('#/settings', {
      'office.setup': (input) => ({ ...OFFICE, ...input }),
    });
    expect(await screen.findByLabelText('司法所名称')).toHaveValue('黎托街道司法所');
    expect(field('案号代字')).toHaveValue('黎托');
    await user.clear(field('司法所名称'));
    await user.type(field('司法所名称'), '洞井街道司法所');
    expect(field('案号代字')).toHaveValue('黎托'); // not replaced by a new suggestion
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.inputs('office.setup')).toHaveLength(1));
    expect(backend.inputs('office.setup')[0]).toMatchObject({ name: '洞井街道司法所', caseNumberPrefix: '黎托' });
    expect(await screen.findByTestId('office-name')).toHaveTextContent('洞井街道司法所');
    expect(screen.getByText('/tmp/casedesk.sqlite')).toBeInTheDocument();
  });
});

describe('司法所设置 for those who may not change it', () => {
  it('shows a director the office as it is, with nothing to save', async () => {
    await renderApp('#/settings', {}, { as: USERS.director });
    expect(await screen.findByLabelText('司法所名称')).toHaveValue('黎托街道司法所');
    expect(field('司法所名称')).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
    expect(screen.getByText('司法所设置只有管理员可以修改。')).toBeInTheDocument();
  });
});
