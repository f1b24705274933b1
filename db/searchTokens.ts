// Documents and queries for the case search indexes (see migration 0003-case-search).

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * The bigram document of a text: for every run of letters and digits, its overlapping two-character pieces and
 * its last character, lower-cased and space-separated. A two-character query is then one token, and a
 * one-character query a prefix of one.
 */
export function bigramDocument(text: string): string {
  const tokens = new Set<string>();
  for (const run of text.toLowerCase().match(WORD_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
    tokens.add(chars[chars.length - 1]!);
  }
  return [...tokens].join(' ');
}

export type SearchPlan =
  | { index: 'trigram'; match: string }
  | { index: 'bigram'; match: string }
  | { index: 'like'; pattern: string }
  | { index: 'none' };

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Which index answers a query, and the expression to ask it with. */
export function planSearch(rawQuery: string): SearchPlan {
  const query = rawQuery.trim().toLowerCase();
  const chars = [...query];
  if (chars.length === 0) return { index: 'none' };
  if (chars.length >= 3) return { index: 'trigram', match: quote(query) };
  if (/^[\p{L}\p{N}]+$/u.test(query)) {
    return chars.length === 2
      ? { index: 'bigram', match: quote(query) }
      : { index: 'bigram', match: `${quote(query)}*` };
  }
  return { index: 'like', pattern: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}
