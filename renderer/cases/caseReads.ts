// The reads every case page makes whatever its kind — its timeline, its interference records, its dossier and its
// evaluation — started beside the kinds' reads that find the case (renderer/cases/CaseDetailPage.tsx) instead of
// once the kind's page is drawn: the page is whole after one round trip through the bridge and the kind's limits,
// not two. The page's parts ask as before (useApi): the api handed to them answers the first ask of each of these
// reads with the read already under way, and every later ask (刷新, a read again after an action) goes to the
// backend.
import type { Channel, ChannelInput } from '../../shared/contract';
import type { Api } from '../api';

type Read = { [C in Channel]: readonly [C, ChannelInput<C>] }[Channel];

const readsOf = (caseId: number): Read[] => [
  ['cases.timeline', { caseId }],
  ['interference.list', { caseId, period: null }],
  ['dossier.get', { caseId }],
  ['evaluation.feedback', { caseId }],
];

/** The same read whatever order its input's keys were written in. */
const keyOf = (channel: string, input: object) => `${channel} ${JSON.stringify(input, Object.keys(input).sort())}`;

/** Starts the case page's reads of case `caseId` now; the api returned hands each over to its first asker. */
export function withCaseReadsStarted(api: Api, caseId: number): Api {
  const started = new Map<string, Promise<unknown>>();
  for (const [channel, input] of readsOf(caseId)) {
    const read = api.call(channel, input as never);
    // When the case is not found nothing asks for them: their refusals are not errors of the page.
    read.catch(() => undefined);
    started.set(keyOf(channel, input), read);
  }
  return {
    call(channel, input) {
      const key = keyOf(channel, input as object);
      const read = started.get(key);
      if (!read) return api.call(channel, input);
      started.delete(key);
      return read as never;
    },
  };
}
