// One entry point for every call from a renderer, whatever carried it (Electron IPC or the preview's HTTP):
// unknown channel, oversized or malformed payload, invalid fields → a typed error as data, and nothing written.
// A writing channel runs as one transaction: the handler's writes and their audit entries commit together or
// not at all.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { contract, isChannel, MAX_PAYLOAD_CHARS } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import { validationError } from '../shared/validation';
import type { CallContext, Handlers } from './handlers';
import { recordAudit } from '../db/auditLog';
import type { Clock } from './services/clock';

/**
 * `caller` names where the call came from, one session each: `window:<webContents id>` under Electron,
 * `preview` for the preview server, `cli` for the CLI.
 */
export type Dispatch = (channel: unknown, input: unknown, caller?: string) => Promise<Envelope<unknown>>;

export function payloadSize(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or not serialisable: refused as malformed
  }
}

export interface DispatchOptions {
  db: Kysely<Database>;
  clock: Clock;
  handlers: Handlers;
  log?: (error: unknown) => void;
}

export function createDispatch({ db, clock, handlers, log = console.error }: DispatchOptions): Dispatch {
  return async (channel, input) => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `未知的请求类型：${String(channel).slice(0, 50)}`);
      const size = payloadSize(input);
      if (!Number.isFinite(size)) throw new AppError('MALFORMED_PAYLOAD', '请求数据格式不正确');
      if (size > MAX_PAYLOAD_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', '请求数据过大');
      const def = contract[channel];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error, def.labels);
      const handler = handlers[channel] as (value: unknown, call: CallContext) => Promise<unknown>;
      const value = def.writes
        ? await db.transaction().execute(async (trx) => {
            const result = await handler(parsed.data, { db: trx, clock });
            await recordAudit(trx, { channel, user: null, at: clock.now() });
            return result;
          })
        : await handler(parsed.data, { db, clock });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log(error);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } };
    }
  };
}
