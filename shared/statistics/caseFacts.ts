// CaseFacts: the statistics facts of a case of any kind — the union of each kind's (shared/kinds/<kind>/
// statistics.ts) — and the schema that checks facts from outside before they are counted.
import { z } from 'zod';
import { CASE_KIND_MODULES } from '../kinds';
import type { CaseKind } from '../options';

export type CaseFacts = z.output<(typeof CASE_KIND_MODULES)[CaseKind]['statistics']['schema']>;

export const caseFactsSchema = z.union(
  Object.values(CASE_KIND_MODULES).map((k) => k.statistics.schema),
) as unknown as z.ZodType<CaseFacts>;
