// How a channel is declared: its input schema, the labels of its fields, who may call it, whether it writes,
// and its output type; and the channels of a kind's actions, generated from its action table. The channel maps
// themselves are in shared/channels/, merged in shared/contract.ts.
import { z } from 'zod';
import { READERS, WRITERS, type Access } from './roles';
import { strictObject, type Labels } from './validation';

/** The largest payload a channel accepts, in characters of its JSON form. */
export const MAX_PAYLOAD_CHARS = 1_000_000;

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** The Chinese label of each field, by path, for error messages. */
  labels: Labels;
  /** Who may call it; checked in the main process before the handler runs. */
  access: Access;
  /** A writing channel runs in one transaction, with its audit entries. */
  writes: boolean;
  /** Phantom: carries the output type only. */
  output: O;
  /** A larger limit than MAX_PAYLOAD_CHARS, for a channel that carries file contents (packages, attachments). */
  maxPayloadChars?: number;
}

export interface ChannelOptions {
  labels?: Labels;
  access: Access;
  writes: boolean;
  maxPayloadChars?: number;
}

export function channel<O>() {
  return <I extends z.ZodType>(
    input: I,
    { labels = {}, access, writes, maxPayloadChars }: ChannelOptions,
  ): ChannelDef<I, O> => ({
    input,
    labels,
    access,
    writes,
    output: undefined as O,
    ...(maxPayloadChars ? { maxPayloadChars } : {}),
  });
}

export const read = (labels: Labels = {}, access: Access = READERS): ChannelOptions => ({
  labels,
  access,
  writes: false,
});
export const write = (labels: Labels = {}, access: Access = WRITERS): ChannelOptions => ({
  labels,
  access,
  writes: true,
});

/**
 * One writing channel per action of a kind's table, named `<key>.<action>`: the action's own schema, labels and
 * access, answering O. An action added to the table is a channel, checked and audited like any other.
 */
export function actionChannels<O>() {
  return <const K extends string, T extends Readonly<Record<string, { schema: z.ZodType; labels: Labels }>>>(
    key: K,
    table: T,
    access: Access = WRITERS,
  ) =>
    Object.fromEntries(
      Object.entries(table).map(([action, spec]) => [
        `${key}.${action}`,
        channel<O>()(spec.schema, write(spec.labels, access)),
      ]),
    ) as {
      readonly [A in keyof T & string as `${K}.${A}`]: ChannelDef<T[A]['schema'], O>;
    };
}

export function prefixed(prefix: string, labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export const id = z.number({ error: '格式不正确' }).int('格式不正确').positive('格式不正确');
export const empty = strictObject({});
