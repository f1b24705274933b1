// `evaluation create|sample|list|results`: a round made, drawn (the 抽查清单 printed, the same seed giving the same
// list) and read back from the command line, on a bureau's file holding two offices' imported cases.
import { cliLines as cli } from '../support/cli';
import { bureauWithTwoOffices } from '../electron/services/evaluation/fixtures';

jest.setTimeout(120_000);

let db: string;
beforeAll(async () => {
  const county = await bureauWithTwoOffices(30);
  for (const username of ['pc1', 'pc2'])
    await county.api.call('users.create', {
      username,
      displayName: username,
      role: 'evaluator',
      password: 'Initial123',
    });
  db = county.dataFile;
  await county.close();
});

const create = (name: string, ...more: string[]) =>
  cli(
    'evaluation',
    'create',
    '--db',
    db,
    '--name',
    name,
    '--year',
    '2026',
    '--kinds',
    'mediation,legalAidCivil,legalAidCriminal,notarization',
    '--from',
    '2017-01-01',
    '--to',
    '2026-12-31',
    '--evaluators',
    'pc1,pc2',
    '--scores',
    '2',
    ...more,
  );

describe('evaluation', () => {
  it('creates a round, prints its 抽查清单 from a seed (the same seed, the same list) and lists the rounds', async () => {
    const made = await create('2026年度案卷评查', '--method', 'per-office', '--n', '4');
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out[0]).toMatch(/^已建立评查活动：1\t2026年度案卷评查（2026年，抽查（每所N件））$/);
    const drawn = await cli('evaluation', 'sample', '--db', db, '--round', '1', '--seed', 'abc');
    expect(drawn).toMatchObject({ code: 0, err: '' });
    expect(drawn.out[0]).toMatch(/^抽查清单：2026年度案卷评查（随机种子 abc，范围内已办结\d+件，抽取8件）$/);
    const list = drawn.out.slice(1);
    expect(list).toHaveLength(8);
    expect(list.filter((l) => l.includes('黎托街道司法所'))).toHaveLength(4);

    expect((await create('复核', '--method', 'per-office', '--n', '4')).code).toBe(0);
    const again = await cli('evaluation', 'sample', '--db', db, '--round', '2', '--seed', 'abc');
    expect(again.out.slice(1)).toEqual(list);

    const rounds = await cli('evaluation', 'list', '--db', db);
    expect(rounds.out).toEqual([
      '2\t复核\t2026年\t评查中\t抽查（每所N件）\t抽查8件，已完成评分0件',
      '1\t2026年度案卷评查\t2026年\t评查中\t抽查（每所N件）\t抽查8件，已完成评分0件',
    ]);
    const results = await cli('evaluation', 'results', '--db', db, '--round', '1');
    expect(results.out).toEqual([
      '评查结果：2026年度案卷评查（2026年）',
      '合计\t评查0件\t优秀0\t良好0\t合格0\t不合格0\t优良率—\t合格率—\t平均分—',
    ]);
  });

  it('refuses bad input with the field in Chinese and changes nothing', async () => {
    const bad = await create('按比例', '--method', 'percent');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^抽查比例（%）：按比例抽查时须填写/);
    expect((await cli('evaluation', 'sample', '--db', db, '--round', '1')).err).toContain(
      '评查活动已抽样，不能再修改范围、方式或评查员',
    );
    expect((await cli('evaluation', 'list', '--db', db)).out).toHaveLength(2);
    expect(await cli('evaluation', 'draw', '--db', db)).toMatchObject({ code: 2 });
    expect((await create('x', '--method', 'sometimes')).err).toContain('--method 应为 census、per-office 或 percent');
  });
});
