// What the clerk types, turned into what the channels judge: dates picked as dayjs become ISO dates, money typed
// in yuan becomes fen. A malformed value is passed on in a form the shared schema refuses with its own message
// ("金额最多两位小数", "金额不能为负数", "格式不正确"), so the words the clerk reads are the main process's.
// Used by the mediation and the notarization pages alike.
import dayjs, { type Dayjs } from 'dayjs';
import { yuanToFen } from '../../shared/money';
import { labelFor, type Labels } from '../../shared/validation';

export const DATE_FORMAT = 'YYYY-MM-DD';
/** Typed dates are accepted in any of these; the first is how a date is shown. */
export const DATE_FORMATS = [DATE_FORMAT, 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD'];

export const isoOf = (d: Dayjs | null | undefined): string =>
  d && dayjs.isDayjs(d) && d.isValid() ? d.format(DATE_FORMAT) : '';

/** Yuan as typed → fen; blank → `blank`; 12.345 → 1234.5 (not an integer of fen), -5 → -500, "abc" → "abc". */
export function typedFen<B extends number | null>(typed: string | undefined, blank: B): number | string | B {
  const t = (typed ?? '').trim();
  if (t === '') return blank;
  const fen = yuanToFen(t);
  if (fen !== null) return fen;
  const n = Number(t.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100_000) / 1000 : t;
}

/** A whole number as typed; anything else goes as typed for the schema to refuse. */
export function typedInteger(typed: string | undefined): number | string | null {
  const t = (typed ?? '').trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** Choices as antd options; `labels` gives a choice a longer label (the article's wording) than its stored value. */
export const options = (values: readonly string[], labels?: Readonly<Record<string, string>>) =>
  values.map((v) => ({ value: v, label: labels?.[v] ?? v }));
export const searchable = { optionFilterProp: 'label' } as const;

/** Names separated by 、，, or spaces → the list. */
export const namesOf = (typed: string | undefined): string[] =>
  (typed ?? '')
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The cross-field rules (an ID number's check character, a credit code, the oral agreement's content) said while
 * the rest of the form is still incomplete: the schema runs them only once every field has its shape, so they are
 * run here on the values as they stand, for the fields the schema had nothing to say about yet.
 */
export function withRuleIssues(
  issues: Map<string, string>,
  labels: Labels,
  rules: () => readonly { path: (string | number)[]; message: string }[],
): Map<string, string> {
  if (issues.size === 0) return issues; // the schema ran the rules itself
  let found: readonly { path: (string | number)[]; message: string }[];
  try {
    found = rules();
  } catch {
    return issues; // values too incomplete to judge; the schema will, once they have their shape
  }
  for (const { path, message } of found) {
    const key = path.join('.');
    if (issues.has(key)) continue;
    const label = labelFor(labels, path);
    issues.set(key, label ? `${label}：${message}` : message);
  }
  return issues;
}
