// Handlers of cases of every kind: finding them, their timelines, the deadline dashboard, conflict checks, drafts.
import type { caseChannels } from '../../shared/channels/cases';
import { actor, type HandlersOf } from '../handlerTypes';
import * as conflicts from '../services/cases/conflicts';
import { deadlineDashboard } from '../services/cases/dashboard';
import { discardDraft, getDraft, listDrafts, saveDraft } from '../services/cases/drafts';
import { listCases } from '../services/cases/list';
import { caseTimeline } from '../services/cases/timeline';

export function caseHandlers(): HandlersOf<typeof caseChannels> {
  return {
    'cases.list': (input, { db }) => listCases(db, input),
    'drafts.save': (input, { db, clock }) => saveDraft(db, input, clock),
    'drafts.list': ({ kind }, { db }) => listDrafts(db, kind),
    'drafts.get': ({ id }, { db }) => getDraft(db, id),
    'drafts.discard': ({ id }, { db }) => discardDraft(db, id),
    'cases.timeline': ({ caseId }, { db }) => caseTimeline(db, caseId),
    'dashboard.deadlines': (_, { db, clock }) => deadlineDashboard(db, clock.today()),
    'cases.conflicts': (input, { db, clock }) => conflicts.checkConflicts(db, input, clock.today()),
    'cases.acknowledgeConflicts': (input, call) =>
      conflicts.acknowledgeConflicts(call.db, actor(call), input, call.clock),
    'cases.conflictAcknowledgements': ({ caseId }, { db }) => conflicts.listConflictAcknowledgements(db, caseId),
  };
}
