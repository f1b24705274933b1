// Handlers of the application's own channels: office, accounts and sessions, users, backups, audit log.
import { verifyAuditLog } from '../../db/auditLog';
import type { Store } from '../../db/open';
import { IDLE_LOCK_MINUTES } from '../../shared/accounts';
import type { AppInfo } from '../../shared/contract';
import type { systemChannels } from '../../shared/channels/system';
import { AppError } from '../../shared/errors';
import { actor, type HandlersOf } from '../handlerTypes';
import * as accounts from '../services/accounts/accounts';
import { listAudit } from '../services/audit/auditTrail';
import { createBackup, listBackups, stageRestore } from '../services/backup';
import { recoveryKeyInfo, rekeyStore } from '../services/dataKeys';
import { getOffice, setupOffice } from '../services/system/office';

export function systemHandlers({
  appInfo,
  store,
}: {
  appInfo: AppInfo;
  store: Store;
}): HandlersOf<typeof systemChannels> {
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
      if ((await accounts.countUsers(db)) > 0)
        throw new AppError('CONFLICT', '本机已完成首次设置，请使用管理员账户登录');
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
    'users.resetPassword': ({ userId, newPassword }, call) =>
      accounts.resetPassword(call.db, actor(call), userId, newPassword, call.clock),
    'backup.list': () => listBackups(store),
    'backup.create': ({ folder }, { clock }) => createBackup(store, { folder, reason: 'manual', now: clock.now() }),
    'backup.restore': async ({ file, recoveryKey }, call) => {
      const { id, username } = actor(call);
      const checked = await stageRestore(store, file, {
        by: { id: id > 0 ? id : null, username },
        now: call.clock.now(),
        recoveryKey: recoveryKey || null,
      });
      return { restartRequired: true, checked };
    },
    'dataKey.show': async () => recoveryKeyInfo(store),
    'dataKey.rekey': async () => rekeyStore(store),
    'dataKey.unlock': async () => {
      throw new AppError('CONFLICT', '数据文件已经打开，无需输入恢复密钥');
    },
    'audit.list': (input, { db }) => listAudit(db, input),
    'audit.verify': async () => verifyAuditLog(store.sqlite),
  };
}
