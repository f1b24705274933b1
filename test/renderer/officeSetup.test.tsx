import { screen, waitFor } from '@testing-library/react';
import { field, messageOf, OFFICE, renderApp } from './support';

describe('first run: 司法所设置', () => {
  it('asks for the office when none is set up, suggests the 案号代字, and enters the app once saved', async () => {
    const { backend, user } = await renderApp('#/cases', {
      'office.get': () => null,
      'office.setup': (input) => ({ ...OFFICE, ...input, officeCode: `${input.divisionCode}${input.officeNumber}` }),
    });
    expect(await screen.findByRole('heading', { name: '司法所设置' })).toBeInTheDocument();
    expect(screen.queryByText('案件列表')).not.toBeInTheDocument();

    await user.type(field('司法所名称'), '黎托街道司法所');
    expect(field('案号代字')).toHaveValue('黎托');
    await user.type(field('县级行政区划代码'), '430111');
    await user.type(field('司法所编号'), '01');
    await user.type(field('县（市、区）司法局名称'), '长沙市雨花区司法局');
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(backend.inputs('office.setup')).toHaveLength(1));
    expect(backend.inputs('office.setup')[0]).toEqual({
      name: '黎托街道司法所', divisionCode: '430111', officeNumber: '01', bureauName: '长沙市雨花区司法局', caseNumberPrefix: '黎托',
    });
    expect(await screen.findByTestId('office-name')).toHaveTextContent('黎托街道司法所');
    expect(screen.getByRole('heading', { name: '案件列表' })).toBeInTheDocument();
  });

  it('shows the rule a wrong code breaks, and does not send the form', async () => {
    const { backend, user } = await renderApp('#/cases', { 'office.get': () => null });
    await user.type(await screen.findByLabelText('县级行政区划代码'), '430100');
    await user.tab();
    expect(messageOf(field('县级行政区划代码'))).toBe('县级行政区划代码：应为6位县级行政区划代码（如430203）');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(messageOf(field('司法所名称'))).toBe('司法所名称：不能为空');
    expect(field('司法所名称')).toHaveFocus();
    expect(backend.inputs('office.setup')).toHaveLength(0);
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
