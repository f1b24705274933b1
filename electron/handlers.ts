// The handler map: every channel of the contract, implemented by the services. Handlers receive input the
// dispatcher has already validated against the contract; they import neither electron nor React.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppInfo, Channel, ChannelOutput, ChannelParsed } from '../shared/contract';
import { createLegalAidCase, getLegalAidCase } from './services/legalAid';
import { listCases } from './services/caseList';
import type { Clock } from './services/clock';
import { discardDraft, getDraft, listDrafts, saveDraft } from './services/drafts';
import { getOffice, setupOffice } from './services/office';

export interface HandlerContext {
  db: Kysely<Database>;
  clock: Clock;
  appInfo: AppInfo;
}

export type Handlers = {
  [C in Channel]: (input: ChannelParsed<C>) => Promise<ChannelOutput<C>>;
};

export function createHandlers({ db, clock, appInfo }: HandlerContext): Handlers {
  return {
    'app.info': async () => appInfo,
    'office.get': () => getOffice(db),
    'office.setup': (input) => setupOffice(db, input, clock),
    'legalAid.create': ({ draftId, application }) => createLegalAidCase(db, application, { draftId, clock }),
    'legalAid.get': ({ id }) => getLegalAidCase(db, id),
    'cases.list': (input) => listCases(db, input),
    'drafts.save': (input) => saveDraft(db, input, clock),
    'drafts.list': ({ kind }) => listDrafts(db, kind),
    'drafts.get': ({ id }) => getDraft(db, id),
    'drafts.discard': ({ id }) => discardDraft(db, id),
  };
}
