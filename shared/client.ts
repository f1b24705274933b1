// The typed client of the contract over any transport that answers with envelopes: the renderer's (preload or
// loopback HTTP) and the CLI's (the dispatcher itself).
import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { AppErrorData, Envelope } from './errors';

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** A refused call, carrying the main process's Chinese message and the field it names. */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
  }
}

export interface Api {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export function createApi(invoke: Invoke): Api {
  return {
    async call(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
  };
}
