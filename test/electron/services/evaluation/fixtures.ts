// What the evaluation suites set up alike: a bureau with two offices' exports imported, an evaluator signed in
// (initial password changed), and the mediation round they draw from.
import { createApi, type Api } from '../../../../shared/client';
import type { ChannelInput } from '../../../../shared/contract';
import { bureau, introduce, office, type Site } from '../exchange/fixtures';

/** A bureau that has imported the exports of two offices, each with `cases` cases taken along their lifecycles. */
export async function bureauWithTwoOffices(cases = 40): Promise<Site> {
  const county = await bureau();
  const files: string[] = [];
  for (const [number, name, seed] of [
    ['01', '黎托街道司法所', 3],
    ['02', '同升街道司法所', 5],
  ] as const) {
    const site = await office({ number, name, cases, seed });
    await introduce(site, county);
    files.push((await site.api.call('exchange.export', { period: null, folder: site.folder })).file);
    await site.close();
  }
  const outcomes = await county.api.call('bureau.importFiles', { files });
  if (outcomes.some((o) => o.status !== 'imported'))
    throw new Error(`exports not imported: ${JSON.stringify(outcomes)}`);
  return county;
}

/** A 评查员 account at the bureau, signed in with its initial password changed: its id and its caller. */
export async function signedInEvaluator(
  county: Site,
  username: string,
  newPassword = 'Changed2026',
): Promise<{ id: number; api: Api }> {
  const made = await county.api.call('users.create', {
    username,
    displayName: '评查员甲',
    role: 'evaluator',
    password: 'Initial123',
  });
  const api = createApi((channel, input) => county.dispatch(channel, input, username));
  await api.call('auth.signIn', { username, password: 'Initial123' });
  await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword });
  return { id: made.id, api };
}

/** The year's mediation round: every office, `perOffice` closed cases each, one score per case. */
export function mediationRound(
  evaluatorIds: number[],
  perOffice: number,
): ChannelInput<'evaluation.createRound'>['round'] {
  return {
    name: '2026年度人民调解卷宗评查',
    year: 2026,
    theme: '',
    sheetKinds: ['mediation'],
    closedFrom: '2017-01-01',
    closedTo: '2026-12-31',
    officeCodes: [],
    method: 'perOffice',
    perOffice,
    percent: null,
    scoresPerCase: 1,
    evaluatorIds,
  };
}
