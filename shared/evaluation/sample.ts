// The draw of a round's dossiers (抽查): a seeded random sample, stratified by office and by sheet kind, or all of
// them (普查). The same seed over the same candidates always gives the same sample — the bureau records the seed and
// anyone can draw again to check — and each stratum draws from its own stream, so an office added to the scope
// does not change the other offices' draws. Pure.
import { SHEET_KINDS, type SheetKind } from './sheets';

export interface SampleCandidate {
  officeCode: string;
  caseNumber: string;
  sheetKind: SheetKind;
}

export type SampleMethod =
  | { method: 'census' }
  /** N dossiers of each office (all of an office that has fewer). */
  | { method: 'perOffice'; perOffice: number }
  /** This percentage of each office's dossiers, rounded up. */
  | { method: 'percent'; percent: number };

/** cyrb53: a 53-bit string hash, enough to seed a stream per stratum. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: a small, well-mixed 32-bit generator; numbers in [0, 1). */
function stream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of an office's `total` dossiers the method takes. */
function officeQuota(method: SampleMethod, total: number): number {
  if (method.method === 'census') return total;
  if (method.method === 'perOffice') return Math.min(total, method.perOffice);
  return Math.min(total, Math.ceil((total * method.percent) / 100 - 1e-9));
}

/**
 * An office's quota shared among its kinds in proportion to their dossiers (largest remainder; ties to the kind
 * listed first), so each kind is represented as it is in the office's work.
 */
function allocate(quota: number, sizes: ReadonlyMap<SheetKind, number>): Map<SheetKind, number> {
  const total = [...sizes.values()].reduce((s, n) => s + n, 0);
  const out = new Map<SheetKind, number>();
  if (total === 0) return out;
  const shares = SHEET_KINDS.filter((k) => sizes.has(k)).map((k) => {
    const exact = (quota * sizes.get(k)!) / total;
    return { k, n: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = quota - shares.reduce((s, x) => s + x.n, 0);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left === 0) break;
    if (x.n < sizes.get(x.k)!) (x.n++, left--);
  }
  for (const x of shares) out.set(x.k, x.n);
  return out;
}

const byCase = (a: SampleCandidate, b: SampleCandidate) =>
  a.officeCode === b.officeCode
    ? a.caseNumber < b.caseNumber
      ? -1
      : a.caseNumber > b.caseNumber
        ? 1
        : 0
    : a.officeCode < b.officeCode
      ? -1
      : 1;

/** The sample, in office, kind and drawing order; independent of the candidates' order. */
export function drawSample<C extends SampleCandidate>(
  candidates: readonly C[],
  method: SampleMethod,
  seed: string,
): C[] {
  const offices = new Map<string, Map<SheetKind, C[]>>();
  for (const c of [...candidates].sort(byCase)) {
    const kinds = offices.get(c.officeCode) ?? new Map<SheetKind, C[]>();
    offices.set(c.officeCode, kinds);
    kinds.set(c.sheetKind, [...(kinds.get(c.sheetKind) ?? []), c]);
  }
  const out: C[] = [];
  for (const [office, kinds] of [...offices].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sizes = new Map([...kinds].map(([k, list]) => [k, list.length]));
    const quota = officeQuota(
      method,
      [...sizes.values()].reduce((s, n) => s + n, 0),
    );
    for (const [kind, n] of allocate(quota, sizes)) {
      const pool = [...kinds.get(kind)!];
      const next = stream(hash(`${seed}\u0000${office}\u0000${kind}`));
      // A partial Fisher–Yates shuffle: the first n of a uniformly random order.
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      out.push(...pool.slice(0, n));
    }
  }
  return out;
}
