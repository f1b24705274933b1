// 输入恢复密钥 (the desktop app on a PC that does not hold the data key) and 设置 → 数据加密: the recovery key shown,
// and the director's 更换密钥.
import { screen, waitFor } from '@testing-library/react';
import { OFFICE, Refusal, renderApp, statusOf, USERS } from './support';

jest.setTimeout(30_000);

const KEY = 'AM0E2-9NZFF-85X57-3B37N-XM9T9-T9KMJ-CSMH3-CX0DF-VTQ4W-6HVBH-3Q13G-JHKD2-2XH02';

describe('输入恢复密钥', () => {
  it('asks for the recovery key when the data cannot be opened here, shows a refusal, and opens with the right key', async () => {
    let unlocked = false;
    const { user, backend } = await renderApp('#/cases', {
      'auth.status': () =>
        unlocked
          ? statusOf(USERS.admin)
          : new Refusal({
              code: 'DATA_KEY',
              message:
                '本机系统无法解开密钥文件中的数据密钥（编号 F2FE-9342-59D3）：请输入编号为 F2FE-9342-59D3 的恢复密钥',
            }),
      'dataKey.unlock': ({ recoveryKey }) => {
        if (recoveryKey !== KEY)
          return new Refusal({
            code: 'DATA_KEY',
            field: 'recoveryKey',
            message: '恢复密钥第2组“9NZFE”有误（校验位不符），请核对这一组',
          });
        unlocked = true;
        return { keyId: 'F2FE-9342-59D3' };
      },
    });
    expect(await screen.findByRole('heading', { name: '输入恢复密钥' })).toBeInTheDocument();
    expect(screen.getByText(/请输入编号为 F2FE-9342-59D3 的恢复密钥/)).toBeInTheDocument();
    const open = screen.getByRole('button', { name: '打开数据' });
    expect(open).toBeDisabled();
    await user.type(screen.getByLabelText('恢复密钥'), KEY.replace('9NZFF', '9NZFE'));
    await user.click(open);
    expect(await screen.findByText('恢复密钥第2组“9NZFE”有误（校验位不符），请核对这一组')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('恢复密钥'));
    await user.type(screen.getByLabelText('恢复密钥'), KEY);
    await user.click(screen.getByRole('button', { name: '打开数据' }));
    expect(await screen.findByTestId('current-user')).toHaveTextContent(USERS.admin.displayName);
    expect(backend.inputs('dataKey.unlock')).toEqual([
      { recoveryKey: KEY.replace('9NZFF', '9NZFE') },
      { recoveryKey: KEY },
    ]);
  });
});

describe('设置 → 数据加密', () => {
  it('shows the recovery key, and lets the director change the key, showing the new one to print', async () => {
    const { user, backend } = await renderApp(
      '#/settings',
      {
        'office.get': () => OFFICE,
        'dataKey.show': () => ({ keyId: 'F2FE-9342-59D3', recoveryKey: KEY }),
        'dataKey.rekey': () => ({
          keyId: '0A1B-2C3D-4E5F',
          previousKeyId: 'F2FE-9342-59D3',
          recoveryKey: KEY.replace('AM0E2', 'BM0E3'),
        }),
      },
      { as: USERS.director },
    );
    await user.click(await screen.findByRole('button', { name: '显示恢复密钥' }));
    expect(await screen.findByTestId('recovery-key')).toHaveTextContent(KEY.split('-').join(' '));
    await user.click(screen.getByRole('button', { name: '更换密钥' }));
    await user.click(await screen.findByRole('button', { name: '更换' }));
    expect(
      await screen.findByText('已更换数据密钥（原编号 F2FE-9342-59D3，新编号 0A1B-2C3D-4E5F）。请打印新的恢复密钥。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('key-id')).toHaveTextContent('0A1B-2C3D-4E5F'));
    expect(backend.inputs('dataKey.rekey')).toHaveLength(1);
  });
});
