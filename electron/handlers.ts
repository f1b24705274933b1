// The handler map: every channel of the contract, implemented by the services. Handlers receive input the
// dispatcher has already validated and authorised, and a database that, for a writing channel, is the one
// transaction the whole call runs in. They import neither electron nor React.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppInfo, Channel, ChannelOutput, ChannelParsed } from '../shared/contract';
import { listCases } from './services/caseList';
import type { Clock } from './services/clock';
import { discardDraft, getDraft, listDrafts, saveDraft } from './services/drafts';
import { createLegalAidCase, getLegalAidCase } from './services/legalAid';
import { getOffice, setupOffice } from './services/office';

/** What one call knows besides its input. */
export interface CallContext {
  db: Kysely<Database>;
  clock: Clock;
}

export type Handlers = {
  [C in Channel]: (input: ChannelParsed<C>, call: CallContext) => Promise<ChannelOutput<C>>;
};

export function createHandlers({ appInfo }: { appInfo: AppInfo }): Handlers {
  return {
    'app.info': async () => appInfo,
    'office.get': (_, { db }) => getOffice(db),
    'office.setup': (input, { db, clock }) => setupOffice(db, input, clock),
    'legalAid.create': ({ draftId, application }, { db, clock }) => createLegalAidCase(db, application, { draftId, clock }),
    'legalAid.get': ({ id }, { db }) => getLegalAidCase(db, id),
    'cases.list': (input, { db }) => listCases(db, input),
    'drafts.save': (input, { db, clock }) => saveDraft(db, input, clock),
    'drafts.list': ({ kind }, { db }) => listDrafts(db, kind),
    'drafts.get': ({ id }, { db }) => getDraft(db, id),
    'drafts.discard': ({ id }, { db }) => discardDraft(db, id),
  };
}
