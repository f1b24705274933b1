// 导出台账 on the case list: the clerk picks the kind (the list's filter first) and the year, and the ledger the main
// process made is saved as a download; a refusal is said; a read-only account is not offered the button.
import { screen, waitFor, within } from '@testing-library/react';
import { localDate } from '../../../shared/dates';
import { Refusal, renderApp, USERS } from '../support';

jest.setTimeout(60_000);

/** An option of the open select's list (the same words may also be in the navigation or the filters). */
async function option(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen
      .getAllByTitle(title)
      .filter((el) => el.classList.contains('ant-select-item-option'))
      .at(-1);
    if (!found) throw new Error(`no option ${title}`);
    return found;
  });
}

const THIS_YEAR = Number(localDate().slice(0, 4));

describe('导出台账', () => {
  let clicked: string[];
  let created: Blob[];
  let click: jest.SpyInstance;
  beforeEach(() => {
    clicked = [];
    created = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:casedesk/ledger');
    URL.revokeObjectURL = () => {};
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });
  afterEach(() => click.mockRestore());

  it('saves the ledger of the kind the list shows and the year chosen, as an .xlsx download', async () => {
    const { user, backend } = await renderApp(
      '#/cases',
      {
        'ledger.export': ({ kind, year }) => ({
          fileName: `人民调解台账-黎托街道司法所-${year}.xlsx`,
          base64: Buffer.from(`PK\u0003\u0004${kind}`).toString('base64'),
          rowCount: 48,
        }),
      },
      { as: USERS.clerk },
    );
    await user.click(await screen.findByLabelText('案件类型'));
    await user.click(await option('人民调解'));
    await waitFor(() => expect(backend.inputs('cases.list').at(-1)).toMatchObject({ kind: 'mediation' }));

    await user.click(screen.getByRole('button', { name: '导出台账' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('人民调解')).toBeInTheDocument();
    expect(within(dialog).getByText(`${THIS_YEAR}年`)).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('年度'));
    await user.click(await option(`${THIS_YEAR - 1}年`));
    await user.click(within(dialog).getByRole('button', { name: '导出' }));

    const fileName = `人民调解台账-黎托街道司法所-${THIS_YEAR - 1}.xlsx`;
    expect(await screen.findByText(`已导出：${fileName}（48件）`)).toBeInTheDocument();
    expect(backend.inputs('ledger.export')).toEqual([{ kind: 'mediation', year: THIS_YEAR - 1 }]);
    expect(clicked).toEqual([fileName]);
    expect(created[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(created[0]?.size).toBe(13); // PK\3\4 and "mediation"
  });

  it('says why the main process refused, and saves nothing', async () => {
    const { user } = await renderApp('#/cases', {
      'ledger.export': () =>
        new Refusal({ code: 'VALIDATION', field: 'year', message: '年度：应在2000年至2026年之间' }),
    });
    await user.click(await screen.findByRole('button', { name: '导出台账' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('法律援助')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '导出' }));
    expect(await screen.findByText('年度：应在2000年至2026年之间')).toBeInTheDocument();
    expect(clicked).toEqual([]);
  });

  it('is not offered to a read-only account', async () => {
    await renderApp('#/cases', {}, { as: USERS.readonly });
    expect(await screen.findByLabelText('案件类型')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '导出台账' })).toBeNull();
  });
});
