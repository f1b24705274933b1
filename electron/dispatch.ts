// One entry point for every call from a renderer, whatever carried it (Electron IPC or the preview's HTTP):
// unknown channel, oversized or malformed payload, invalid fields → a typed error as data, and nothing written.
import { contract, isChannel, MAX_PAYLOAD_CHARS, type Channel } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import { validationError } from '../shared/validation';
import type { Handlers } from './handlers';

export type Dispatch = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function payloadSize(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or not serialisable: refuse as malformed below
  }
}

export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return async (channel, input) => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `未知的请求类型：${String(channel).slice(0, 50)}`);
      const size = payloadSize(input);
      if (!Number.isFinite(size)) throw new AppError('MALFORMED_PAYLOAD', '请求数据格式不正确');
      if (size > MAX_PAYLOAD_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', '请求数据过大');
      const def = contract[channel];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error, def.labels);
      const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log(error);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } };
    }
  };
}

export type { Channel };
