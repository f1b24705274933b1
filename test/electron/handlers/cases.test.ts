import { fileState, OFFICE, testBackend, validApplication, type TestBackend } from '../../support/fixtures';
import type { LegalAidApplicationInput } from '../../../shared/kinds/legalAid/intake';
import { idCheckChar } from '../../../shared/identity';
import type { ChannelInput } from '../../../shared/contract';

let backend: TestBackend;

function person(name: string, birth: string, sex: '男' | '女', seq: string): LegalAidApplicationInput {
  const app = validApplication();
  const body = `430111${birth.replace(/-/g, '')}${seq}`;
  return { ...app, applicant: { ...app.applicant, name, birthDate: birth, sex, idNumber: body + idCheckChar(body) } };
}

const query: ChannelInput<'cases.list'> = {
  kind: null,
  status: null,
  query: '',
  page: 1,
  pageSize: 20,
  sortBy: 'receivedOn',
  sortOrder: 'desc',
};

beforeAll(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
  const apps = [
    { ...person('欧阳秀英', '1950-03-04', '女', '002'), receivedOn: '2026-10-02', matter: '赡养费纠纷' },
    {
      ...person('王建国', '1980-07-15', '男', '011'),
      receivedOn: '2026-11-01',
      matter: '追索劳动报酬',
      facts: '包工头拖欠工资三万元。',
    },
    { ...person('李秀兰', '1975-01-20', '女', '024'), receivedOn: '2026-09-15', matter: '交通事故人身损害赔偿' },
    { ...person('秀', '1990-01-01', '女', '026'), receivedOn: '2026-08-01' },
  ];
  for (const application of apps) await backend.api.call('legalAid.create', { draftId: null, application });
});
afterAll(() => backend.close());

const names = async (patch: Partial<typeof query>) =>
  (await backend.api.call('cases.list', { ...query, ...patch })).rows.map((r) => r.applicantName);

describe('finding cases', () => {
  it('lists cases newest application first, with the ID number masked', async () => {
    const page = await backend.api.call('cases.list', query);
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.applicantName)).toEqual(['王建国', '欧阳秀英', '李秀兰', '秀']);
    expect(page.rows[0]).toMatchObject({
      kind: 'legal_aid',
      status: 'received',
      title: '追索劳动报酬',
      receivedOn: '2026-11-01',
      receivedBy: '李娟',
    });
    expect(page.rows[0]!.applicantIdMasked).toMatch(/^430111\*{8}\d{3}[\dX]$/);
  });

  it('pages and sorts by case number either way', async () => {
    expect(await names({ sortBy: 'caseNumber', sortOrder: 'asc', pageSize: 2 })).toEqual(['欧阳秀英', '王建国']);
    expect(await names({ sortBy: 'caseNumber', sortOrder: 'asc', pageSize: 2, page: 2 })).toEqual(['李秀兰', '秀']);
    const page3 = await backend.api.call('cases.list', { ...query, pageSize: 2, page: 3 });
    expect(page3).toEqual({ total: 4, rows: [] });
  });

  it('filters by status and kind', async () => {
    expect(await names({ status: 'received' })).toHaveLength(4);
    expect(await names({ status: 'closed' })).toEqual([]);
    expect(await names({ kind: 'mediation' })).toEqual([]);
  });

  it('finds Chinese substrings of one, two and more characters', async () => {
    expect(await names({ query: '秀英' })).toEqual(['欧阳秀英']);
    expect(await names({ query: '欧阳秀英' })).toEqual(['欧阳秀英']);
    expect(await names({ query: '秀', sortBy: 'caseNumber', sortOrder: 'asc' })).toEqual(['欧阳秀英', '李秀兰', '秀']);
    expect(await names({ query: '兰' })).toEqual(['李秀兰']);
    expect(await names({ query: '拖欠工资' })).toEqual(['王建国']);
    expect(await names({ query: '赵' })).toEqual([]);
  });

  it('finds by case number and by part of an ID number', async () => {
    expect(await names({ query: '援字第0002号' })).toEqual(['王建国']);
    expect(await names({ query: '19800715' })).toEqual(['王建国']);
    expect(await names({ query: '0715' })).toEqual(['王建国']);
  });

  it('treats search syntax as text', async () => {
    expect(await names({ query: '"秀 OR' })).toEqual([]);
    expect(await names({ query: '%' })).toEqual([]);
    expect(await names({ query: '*' })).toEqual([]);
  });

  it.each([
    [{ page: 0 }, 'page', '页码：不能小于1'],
    [{ pageSize: 1000 }, 'pageSize', '每页条数：不能大于200'],
    [{ sortBy: 'name' }, 'sortBy', '排序字段：不是可选的值'],
    [{ status: 'open' }, 'status', '状态：不是可选的值'],
    [{ query: 'x'.repeat(51) }, 'query', '搜索内容：不能超过50个字符'],
  ])('refuses %j naming the field', async (patch, field, message) => {
    const before = fileState(backend.dataFile);
    expect(await backend.dispatch('cases.list', { ...query, ...patch })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', field, message }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });
});
