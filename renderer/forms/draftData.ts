// A form's values as a draft's plain JSON and back. Going out, every dayjs date becomes its ISO day; coming back,
// a draft is old data (an earlier version of the form, another window), so each field is read defensively and
// falls back to the empty form's value when it is missing or of the wrong type.
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT, isoOf } from './typedValues';

/** The values as JSON: dates as yyyy-mm-dd ('' when blank), everything else as it is. */
export function draftDataOf(values: unknown): unknown {
  if (dayjs.isDayjs(values)) return isoOf(values);
  if (Array.isArray(values)) return values.map(draftDataOf);
  if (values && typeof values === 'object')
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, draftDataOf(v)]));
  return values === undefined ? null : values;
}

export const draftRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const draftList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const draftText = (v: unknown, fallback = ''): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
/** A select's value: a non-empty string, or the fallback (undefined: nothing chosen). */
export const draftChoice = (v: unknown, fallback?: string): string | undefined =>
  typeof v === 'string' && v !== '' ? v : v === null || v === '' ? undefined : fallback;
export const draftFlag = (v: unknown, fallback = false): boolean => (typeof v === 'boolean' ? v : fallback);
export function draftDay(v: unknown, fallback: Dayjs | null = null): Dayjs | null {
  if (v === '' || v === null) return null;
  const d = typeof v === 'string' ? dayjs(v, DATE_FORMAT, true) : null;
  return d && d.isValid() ? d : fallback;
}

/** A draft's title: the first names on the form, as the 草稿 page lists it (at most 50 characters). */
export const draftTitleOf = (names: readonly string[]): string =>
  [
    ...names
      .map((n) => n.trim())
      .filter(Boolean)
      .join('、'),
  ]
    .slice(0, 50)
    .join('');
