import { screen, waitFor, within } from '@testing-library/react';
import type {
  BureauConflict,
  BureauOffice,
  ExchangeStatus,
  ExportRecord,
  ImportOutcome,
} from '../../../shared/contract';
import { Refusal, renderApp, USERS } from '../support';

jest.setTimeout(30_000);

const OFFICE_STATUS: ExchangeStatus = {
  mode: 'office',
  publicKey: 'casedesk1:AAAA',
  fingerprint: '1a2b-3c4d-5e6f-7a8b-9c0d-1e2f-3a4b-5c6d',
  bureauPublicKey: '',
  bureauFingerprint: null,
};
const HISTORY: ExportRecord[] = [
  {
    sequence: 1,
    period: '2026-10',
    fileName: '43011101-2026-10-0001.casedesk',
    createdAt: '2026-11-02T01:00:00.000Z',
    createdBy: 'lijuan',
    rowCount: 812,
    afterSeq: 0,
    upToSeq: 812,
    restored: false,
  },
];

describe('数据报送 (office)', () => {
  it('makes the month’s package into the folder the clerk names, lists the history and makes an earlier one again', async () => {
    const { user, backend } = await renderApp('#/exchange', {
      'exchange.status': () => OFFICE_STATUS,
      'exchange.history': () => HISTORY,
      'exchange.export': ({ folder }) => ({
        ...HISTORY[0]!,
        sequence: 2,
        period: '2026-11',
        fileName: '43011101-2026-11-0002.casedesk',
        rowCount: 40,
        file: `${folder}/43011101-2026-11-0002.casedesk`,
      }),
      'exchange.exportAgain': ({ sequence, folder }) => ({
        ...HISTORY[0]!,
        sequence,
        file: `${folder ?? '/data/exports'}/43011101-2026-10-0001.casedesk`,
      }),
    });
    const row = (await screen.findByText('43011101-2026-10-0001.casedesk', undefined, { timeout: 20_000 })).closest(
      'tr',
    )!;
    expect(within(row).getByText('812')).toBeInTheDocument();
    expect(screen.getByText('1a2b-3c4d-5e6f-7a8b-9c0d-1e2f-3a4b-5c6d')).toBeInTheDocument();

    await user.type(screen.getByLabelText('保存到文件夹（可不填）'), '/media/usb');
    await user.click(screen.getByRole('button', { name: '生成数据包' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '已生成第2次报送（2026-11，40行，已加密）：/media/usb/43011101-2026-11-0002.casedesk',
    );
    expect(backend.inputs('exchange.export')).toEqual([{ period: null, folder: '/media/usb' }]);

    await user.click(within(row).getByRole('button', { name: '重新生成' }));
    await waitFor(() =>
      expect(backend.inputs('exchange.exportAgain')).toEqual([{ sequence: 1, folder: '/media/usb' }]),
    );
  });

  it('says in Chinese why the bureau’s key was refused', async () => {
    const { user } = await renderApp('#/exchange', {
      'exchange.status': () => OFFICE_STATUS,
      'exchange.history': () => [],
      'exchange.setBureauKey': () =>
        new Refusal({
          code: 'VALIDATION',
          field: 'publicKey',
          message: '县司法局公钥：格式不正确，应为以 casedesk1: 开头的一行公钥',
        }),
    });
    await user.type(
      await screen.findByLabelText('县司法局公钥（由县局提供，以 casedesk1: 开头）', undefined, { timeout: 20_000 }),
      'abc',
    );
    await user.click(screen.getByRole('button', { name: '保存县司法局公钥' }));
    expect(await screen.findByRole('status')).toHaveTextContent('县司法局公钥：格式不正确');
  });
});

describe('县局模式', () => {
  it('shows the bureau’s pages in the navigation, and the result of each package imported, with the reason of a refused one', async () => {
    const outcomes: ImportOutcome[] = [
      {
        fileName: 'a.casedesk',
        status: 'imported',
        officeCode: '43011101',
        officeName: '黎托街道司法所',
        period: '2026-10',
        sequence: 1,
        counts: { inserted: 812, updated: 0, unchanged: 0, older: 0, conflicts: 0 },
        warnings: [],
        restored: null,
      },
      { fileName: 'b.casedesk', status: 'rejected', reason: '签名校验失败：清单被改动或不是该机构签发的' },
    ];
    const { user, backend } = await renderApp('#/bureau/import', {
      'exchange.status': () => ({ ...OFFICE_STATUS, mode: 'bureau' }),
      'bureau.importUploads': () => outcomes,
    });
    expect(await screen.findByRole('menuitem', { name: '机构管理' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: '数据报送' })).toBeNull();
    await user.upload(screen.getByLabelText('选择数据包文件（.casedesk，可多选）'), [
      new File([new Uint8Array([1, 2, 3])], 'a.casedesk'),
      new File([new Uint8Array([4, 5])], 'b.casedesk'),
    ]);
    expect(await screen.findByText('签名校验失败：清单被改动或不是该机构签发的')).toBeInTheDocument();
    expect(screen.getByText(/黎托街道司法所，2026-10，第1次报送：新增812行/)).toBeInTheDocument();
    expect(backend.inputs('bureau.importUploads')).toEqual([
      {
        packages: [
          { fileName: 'a.casedesk', base64: 'AQID' },
          { fileName: 'b.casedesk', base64: 'BAU=' },
        ],
      },
    ]);
  });
});

describe('县局模式: a restore at an office and what the bureau keeps', () => {
  const BUREAU_STATUS: ExchangeStatus = { ...OFFICE_STATUS, mode: 'bureau' };

  it('shows a conflict’s stored version beside the incoming one, the differing fields marked', async () => {
    const conflict: BureauConflict = {
      id: 7,
      officeCode: '43011101',
      kind: 'identity',
      tableName: 'cases',
      rowKey: '151',
      seq: 1600,
      keptSeq: 1400,
      keptData: { id: 151, case_number: '〔2024〕枫溪公字第0006号', title: '继承公证' },
      incomingData: { id: 151, case_number: '〔2024〕枫溪公字第0007号', title: '委托公证' },
      detail:
        '编号相同而案件不同：本局所存为〔2024〕枫溪公字第0006号，报来的是〔2024〕枫溪公字第0007号；两者都已保留，未合并',
      detectedAt: '2026-11-22T02:00:00.000Z',
      resolvedAt: null,
    };
    const { user } = await renderApp('#/bureau/conflicts', {
      'exchange.status': () => BUREAU_STATUS,
      'bureau.conflicts': () => [conflict],
    });
    const row = (await screen.findByText('案件 151', undefined, { timeout: 20_000 })).closest('tr')!;
    expect(within(row).getByText('编号被另一条记录占用')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /展开/ }));
    const versions = (await screen.findByText('本局所存（第1400号变更）')).closest('table')!;
    expect(within(versions).getByText('〔2024〕枫溪公字第0006号')).toBeInTheDocument();
    expect(within(versions).getByText('〔2024〕枫溪公字第0007号')).toBeInTheDocument();
    expect(within(versions).getByText('案号').closest('.ant-tag')).not.toBeNull(); // differs: marked
  });

  it('lets a director re-register a reinstalled office’s key with a reason, and shows the retired key', async () => {
    const office: BureauOffice = {
      code: '43011101',
      name: '黎托街道司法所',
      fingerprint: 'aaaa-bbbb-cccc-dddd-eeee-ffff-0000-1111',
      registeredAt: '2026-11-22T02:00:00.000Z',
      lastPeriod: '2026-11',
      lastSequence: 3,
      lastImportedAt: '2026-11-22T02:00:00.000Z',
      late: false,
      missingSequences: [],
      lastRestore: { sequence: 3, note: '恢复备份后的报送', lostRows: 98 },
      retiredKeys: [],
    };
    let registered = office;
    const { user, backend } = await renderApp(
      '#/bureau/offices',
      {
        'exchange.status': () => BUREAU_STATUS,
        'bureau.offices': () => [registered],
        'bureau.replaceOfficeKey': (input) =>
          (registered = {
            ...office,
            fingerprint: input.fingerprint,
            retiredKeys: [
              {
                fingerprint: office.fingerprint,
                retiredAt: '2026-11-23T02:00:00.000Z',
                retiredBy: 'zhangwei',
                reason: input.reason,
              },
            ],
          }),
      },
      { as: USERS.director },
    );
    expect(await screen.findByText('司法所已没有的行98行', { exact: false }, { timeout: 20_000 })).toBeInTheDocument();
    await user.type(screen.getByLabelText('机构代码'), '43011101');
    await user.type(screen.getByLabelText('司法所的新公钥（以 casedesk1: 开头）'), 'casedesk1:BBBB');
    await user.type(
      screen.getByLabelText('新公钥指纹（与司法所电话或书面核对）'),
      '1111-2222-3333-4444-5555-6666-7777-8888',
    );
    await user.type(screen.getByLabelText('重新登记的原因'), '电脑硬盘损坏，重新安装');
    await user.click(screen.getByRole('button', { name: '重新登记' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '已重新登记：黎托街道司法所（43011101），新公钥指纹 1111-2222-3333-4444-5555-6666-7777-8888',
    );
    expect(
      await screen.findByText(
        /^已停用：aaaa-bbbb-cccc-dddd-eeee-ffff-0000-1111（2026年11月23日 \d{2}:\d{2}，zhangwei：电脑硬盘损坏，重新安装）$/,
      ),
    ).toBeInTheDocument();
    expect(backend.inputs('bureau.replaceOfficeKey')).toEqual([
      {
        code: '43011101',
        publicKey: 'casedesk1:BBBB',
        fingerprint: '1111-2222-3333-4444-5555-6666-7777-8888',
        reason: '电脑硬盘损坏，重新安装',
      },
    ]);
  });
});
