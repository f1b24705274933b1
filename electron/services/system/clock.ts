import { localDate } from '../../../shared/dates';

/** The time source services use, so tests can fix "now". */
export interface Clock {
  now(): Date;
  today(): string;
}

export const systemClock: Clock = { now: () => new Date(), today: () => localDate() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => at, today: () => localDate(at) };
}
