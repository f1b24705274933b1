// Handlers of cases: registering, reading and finding them, and drafts.
import type { caseChannels } from '../../shared/channels/cases';
import type { HandlersOf } from '../handlerTypes';
import { caseTimeline } from '../services/caseActions';
import { listCases } from '../services/caseList';
import { deadlineDashboard } from '../services/dashboard';
import { discardDraft, getDraft, listDrafts, saveDraft } from '../services/drafts';
import { createLegalAidCase, getLegalAidCase } from '../services/legalAid';

export function caseHandlers(): HandlersOf<typeof caseChannels> {
  return {
    'legalAid.create': ({ draftId, application }, { db, clock }) => createLegalAidCase(db, application, { draftId, clock }),
    'legalAid.get': ({ id }, { db }) => getLegalAidCase(db, id),
    'cases.list': (input, { db }) => listCases(db, input),
    'drafts.save': (input, { db, clock }) => saveDraft(db, input, clock),
    'drafts.list': ({ kind }, { db }) => listDrafts(db, kind),
    'drafts.get': ({ id }, { db }) => getDraft(db, id),
    'drafts.discard': ({ id }, { db }) => discardDraft(db, id),
    'cases.timeline': ({ caseId }, { db }) => caseTimeline(db, caseId),
    'dashboard.deadlines': (_, { db, clock }) => deadlineDashboard(db, clock.today()),
  };
}
