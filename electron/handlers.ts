// The handler map: every channel of the contract, implemented by the services. Handlers receive input the
// dispatcher has already validated and authorised, and a database that, for a writing channel, is the one
// transaction the whole call runs in. They import neither electron nor React.
import type { Kysely } from 'kysely';
import type { Store } from '../db/open';
import type { Database } from '../db/schema';
import { IDLE_LOCK_MINUTES } from '../shared/accounts';
import type { AppInfo, Channel, ChannelOutput, ChannelParsed } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { SessionControl } from './sessions';
import * as accounts from './services/accounts';
import { verifyAuditLog } from '../db/auditLog';
import { listAudit } from './services/auditTrail';
import { createBackup, listBackups, stageRestore } from './services/backup';
import * as interference from './services/interference';
import { listCases } from './services/caseList';
import type { Clock } from './services/clock';
import { discardDraft, getDraft, listDrafts, saveDraft } from './services/drafts';
import { createLegalAidCase, getLegalAidCase } from './services/legalAid';
import { getOffice, setupOffice } from './services/office';

/** What one call knows besides its input. */
export interface CallContext {
  db: Kysely<Database>;
  clock: Clock;
  session: SessionControl;
}

export type Handlers = {
  [C in Channel]: (input: ChannelParsed<C>, call: CallContext) => Promise<ChannelOutput<C>>;
};

/** The signed-in user of a call (the dispatcher has checked there is one for every non-public channel). */
function actor(call: CallContext) {
  const session = call.session.current();
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  return session.user;
}

export function createHandlers({ appInfo, store }: { appInfo: AppInfo; store: Store }): Handlers {
  return {
    'app.info': async () => appInfo,
    'office.get': (_, { db }) => getOffice(db),
    'office.setup': (input, { db, clock }) => setupOffice(db, input, clock),

    'auth.status': async (_, { db, session }) => {
      const current = session.current();
      return {
        hasUsers: (await accounts.countUsers(db)) > 0,
        office: await getOffice(db),
        user: current?.user ?? null,
        locked: current?.locked ?? false,
        idleLockMinutes: IDLE_LOCK_MINUTES,
      };
    },
    'auth.setup': async ({ office, admin }, { db, clock, session }) => {
      if ((await accounts.countUsers(db)) > 0) throw new AppError('CONFLICT', '本机已完成首次设置，请使用管理员账户登录');
      await setupOffice(db, office, clock);
      const created = await accounts.createUser(db, { ...admin, role: 'admin' }, clock);
      session.signIn(created);
      return created;
    },
    'auth.signIn': async ({ username, password }, { db, clock, session }) => {
      const user = await accounts.signIn(db, username, password, clock);
      session.signIn(user);
      return user;
    },
    'auth.signOut': async (_, { session }) => {
      session.signOut();
      return { signedOut: true };
    },
    'auth.lock': async (_, { session }) => {
      session.lock();
      return { locked: true };
    },
    'auth.unlock': async ({ password }, call) => {
      const row = await accounts.requireUser(call.db, actor(call).id);
      await accounts.checkPassword(call.db, row, password, call.clock);
      call.session.unlock();
      return actor(call);
    },
    'auth.changePassword': async ({ currentPassword, newPassword }, call) => {
      const user = await accounts.changePassword(call.db, actor(call).id, currentPassword, newPassword, call.clock);
      call.session.signIn(user);
      return user;
    },
    'users.list': (_, { db }) => accounts.listUsers(db),
    'users.create': (input, { db, clock }) => accounts.createUser(db, input, clock, true),
    'users.update': (input, { db, clock }) => accounts.updateUser(db, input, clock),
    'users.resetPassword': ({ userId, newPassword }, call) => accounts.resetPassword(call.db, actor(call), userId, newPassword, call.clock),

    'backup.list': () => listBackups(store),
    'backup.create': ({ folder }, { clock }) => createBackup(store, { folder, reason: 'manual', now: clock.now() }),
    'backup.restore': async ({ file }) => ({ restartRequired: true, checked: await stageRestore(store, file) }),

    'audit.list': (input, { db }) => listAudit(db, input),
    'audit.verify': async () => verifyAuditLog(store.sqlite),

    'interference.record': (input, call) => interference.recordInterference(call.db, actor(call), input, call.clock),
    'interference.list': (input, { db }) => interference.listInterference(db, input),
    'interference.submitStatement': ({ period, note }, call) => interference.submitStatement(call.db, actor(call), period, note, call.clock),
    'interference.statements': ({ period }, { db }) => interference.statementOverview(db, period),

    'legalAid.create': ({ draftId, application }, { db, clock }) => createLegalAidCase(db, application, { draftId, clock }),
    'legalAid.get': ({ id }, { db }) => getLegalAidCase(db, id),
    'cases.list': (input, { db }) => listCases(db, input),
    'drafts.save': (input, { db, clock }) => saveDraft(db, input, clock),
    'drafts.list': ({ kind }, { db }) => listDrafts(db, kind),
    'drafts.get': ({ id }, { db }) => getDraft(db, id),
    'drafts.discard': ({ id }, { db }) => discardDraft(db, id),
  };
}
