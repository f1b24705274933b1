// One entry point for every call from a renderer, whatever carried it (Electron IPC or the preview's HTTP):
// unknown channel, oversized or malformed payload, invalid fields, no session or the wrong role → a typed
// error as data, and nothing written. A writing channel runs as one transaction: the handler's writes and their
// audit entries commit together or not at all.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/auditLog';
import type { Database } from '../db/schema';
import { contract, isChannel, MAX_PAYLOAD_CHARS, type Channel } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import { ROLE_LABELS, roleAllows } from '../shared/roles';
import { validationError } from '../shared/validation';
import type { CallContext, Handlers } from './handlers';
import type { ElectronicDossiers } from './services/dossier/archive';
import type { Clock } from './services/system/clock';
import type { Session, Sessions } from './sessions';

/**
 * `caller` names where the call came from, one session each: `window:<webContents id>` under Electron,
 * `preview` for the preview server, `cli` for the CLI.
 */
export type Dispatch = (channel: unknown, input: unknown, caller?: string) => Promise<Envelope<unknown>>;

function payloadSize(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or not serialisable: refused as malformed
  }
}

/** Channels a locked window may still call: to see that it is locked, to unlock, or to leave. */
const ALLOWED_WHILE_LOCKED: ReadonlySet<Channel> = new Set(['auth.status', 'auth.unlock', 'auth.signOut', 'app.info']);
/** Channels a user who must change an initial password may call before doing so. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<Channel> = new Set([
  ...ALLOWED_WHILE_LOCKED,
  'auth.changePassword',
  'auth.lock',
]);

/** Refuses a call its session may not make; says why in Chinese. */
function authorise(channel: Channel, session: Session | null): void {
  const { access } = contract[channel];
  if (access === 'anyone') return;
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (session.locked && !ALLOWED_WHILE_LOCKED.has(channel)) throw new AppError('LOCKED', '窗口已锁定，请输入密码解锁');
  if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(channel)) {
    throw new AppError('FORBIDDEN', '请先修改初始密码');
  }
  if (!roleAllows(session.user.role, access)) {
    throw new AppError('FORBIDDEN', `当前角色（${ROLE_LABELS[session.user.role]}）无权进行此操作`);
  }
}

export interface DispatchOptions {
  db: Kysely<Database>;
  clock: Clock;
  handlers: Handlers;
  sessions: Sessions;
  dossiers: ElectronicDossiers;
  log?: (error: unknown) => void;
}

export function createDispatch({
  db,
  clock,
  handlers,
  sessions,
  dossiers,
  log = console.error,
}: DispatchOptions): Dispatch {
  return async (channel, input, caller = 'local') => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `未知的请求类型：${String(channel).slice(0, 50)}`);
      const size = payloadSize(input);
      if (!Number.isFinite(size)) throw new AppError('MALFORMED_PAYLOAD', '请求数据格式不正确');
      if (size > (contract[channel].maxPayloadChars ?? MAX_PAYLOAD_CHARS))
        throw new AppError('PAYLOAD_TOO_LARGE', '请求数据过大');
      const session = sessions.get(caller);
      authorise(channel, session);
      const def = contract[channel];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error, def.labels);
      if (channel !== 'auth.status') sessions.touch(caller);

      const handler = handlers[channel] as (value: unknown, call: CallContext) => Promise<unknown>;
      const control = sessions.control(caller);
      if (!def.writes)
        return { ok: true, value: await handler(parsed.data, { db, clock, session: control, dossiers }) };

      const outcome = await db.transaction().execute(async (trx) => {
        let result: { value: unknown } | { refused: AppError };
        try {
          result = { value: await handler(parsed.data, { db: trx, clock, session: control, dossiers }) };
        } catch (error) {
          // A refusal that must keep its writes (a failed sign-in counts); anything else rolls back.
          if (!(error instanceof AppError && error.commit)) throw error;
          result = { refused: error };
        }
        const user = control.current()?.user ?? session?.user ?? null;
        await recordAudit(trx, {
          channel,
          user: user ? { id: user.id > 0 ? user.id : null, username: user.username } : null,
          at: clock.now(),
        });
        return result;
      });
      if ('refused' in outcome) throw outcome.refused;
      return { ok: true, value: outcome.value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log(error);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } };
    }
  };
}
