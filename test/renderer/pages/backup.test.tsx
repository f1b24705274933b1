import { screen, waitFor, within } from '@testing-library/react';
import type { BackupInfo } from '../../../shared/contract';
import { Refusal, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const BACKUPS: BackupInfo[] = [
  {
    file: '/data/backups/casedesk-20261122-180000-manual.sqlite',
    takenAt: '2026-11-22T10:00:00.000Z',
    reason: 'manual',
    bytes: 2_411_724,
    keyId: 'F2FE-9342-59D3',
    keyNote: '本机当前密钥',
  },
  {
    file: '/data/backups/casedesk-20261121-175900-daily.sqlite',
    takenAt: '2026-11-21T09:59:00.000Z',
    reason: 'daily',
    bytes: 900,
    keyId: null,
    keyNote: '旧版本的未加密备份（恢复时加密）',
  },
];

/** The confirmation, once it has finished opening (it takes no clicks while it zooms in). */
async function confirmation(): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog.closest('.ant-modal')).not.toHaveClass('ant-zoom-appear'), { timeout: 20_000 });
  return dialog;
}

describe('数据备份', () => {
  it('lists the backups with time, reason and size in Chinese, and backs up now into a folder the clerk names', async () => {
    const { user, backend } = await renderApp('#/backup', {
      'backup.list': () => BACKUPS,
      'backup.create': ({ folder }) => ({
        file: `${folder}/casedesk-20261122-183000-manual.sqlite`,
        takenAt: '2026-11-22T10:30:00.000Z',
        reason: 'manual',
        bytes: 3_145_728,
        keyId: 'F2FE-9342-59D3',
        keyNote: '本机当前密钥',
      }),
    });
    const row = (await screen.findByText(BACKUPS[0]!.file)).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1, 3),
    ).toEqual(['手动备份', '2.3 MB']);
    expect(within(screen.getByText(BACKUPS[1]!.file).closest('tr')!).getByText('每日自动备份')).toBeInTheDocument();

    await user.type(screen.getByLabelText('备份到文件夹（可不填）'), '/media/usb');
    await user.click(screen.getByRole('button', { name: '立即备份' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '已备份：/media/usb/casedesk-20261122-183000-manual.sqlite（3.0 MB）',
    );
    expect(backend.inputs('backup.create')).toEqual([{ folder: '/media/usb' }]);
  });

  it('restores for an administrator only after a confirmation that says the app must restart', async () => {
    const { user, backend } = await renderApp('#/backup', {
      'backup.list': () => BACKUPS,
      'backup.restore': ({ file }) => ({ restartRequired: true, checked: { ...BACKUPS[0]!, file } }),
    });
    await screen.findByText(BACKUPS[0]!.file);
    await user.click(screen.getAllByRole('button', { name: /的备份恢复$/ })[0]!);
    const dialog = await confirmation();
    expect(dialog).toHaveTextContent('须退出并重新启动本程序，恢复才会生效');
    expect(backend.inputs('backup.restore')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: '核对并恢复' }));
    await waitFor(() => expect(backend.inputs('backup.restore')).toEqual([{ file: BACKUPS[0]!.file }]));
    expect(await screen.findByText('备份已核对，重新启动后恢复')).toBeInTheDocument();
  });

  it('says why a backup was refused', async () => {
    const { user } = await renderApp('#/backup', {
      'backup.list': () => BACKUPS,
      'backup.restore': () =>
        new Refusal({ code: 'VALIDATION', field: 'file', message: '备份文件：不是完整的SQLite文件（可能被截断）' }),
    });
    await user.type(await screen.findByLabelText('备份文件（如U盘上的备份）'), '/media/usb/broken.sqlite');
    await user.click(screen.getByRole('button', { name: '从备份恢复' }));
    await user.click(within(await confirmation()).getByRole('button', { name: '核对并恢复' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '未能恢复：备份文件：不是完整的SQLite文件（可能被截断）',
    );
  });

  it('lets a clerk back up, without the list or restoring', async () => {
    const { backend } = await renderApp('#/backup', {}, { as: USERS.clerk });
    expect(await screen.findByRole('button', { name: '立即备份' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '从备份恢复' })).not.toBeInTheDocument();
    expect(screen.getByText('备份列表和恢复仅管理员、所长可用。')).toBeInTheDocument();
    expect(backend.inputs('backup.list')).toHaveLength(0);
  });
});
