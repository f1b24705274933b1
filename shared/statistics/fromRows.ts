// CaseFacts from the rows of the tables the facts come from — the office's own database, or the same tables as an
// office exported them to the bureau — with each kind's timeline folded by that kind's own pure rules
// (shared/kinds/<kind>/), so the office and the county count alike.
import { followUpsOf } from '../followUp/form';
import type { HolidayTable } from '../holidays';
import { kindOf } from '../kinds';
import type { CaseAction } from '../lifecycle';
import { CASE_KINDS, type CaseKind } from '../options';
import type { CaseFacts } from './caseFacts';
import type { CaseLimit } from './facts';

/** The columns read, named as in the database (db/schema.ts) and in the exported rows (shared/exchange/tables.ts). */
export interface CaseRowSet {
  cases: readonly { id: number; kind: string; case_number: string; status: string; received_on: string }[];
  /** Oldest first within a case (by id). */
  actions: readonly {
    id: number;
    case_id: number;
    action: string;
    acted_on: string;
    data: string;
    from_status: string | null;
    to_status: string;
  }[];
  /** Each kind's own table (shared/kinds/<kind>/detail.ts): the row of each case, by `case_id`. */
  details: { readonly [K in CaseKind]: readonly ({ case_id: number } & Record<string, unknown>)[] };
  /**
   * A director's override of the dossier check (shared/dossier): the case was closed ('close') or archived
   * ('archive') with materials missing. Absent when the source keeps no dossier: completeness is then unknown.
   */
  dossierOverrides?: readonly { case_id: number; action: string }[];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function timelinesOf(actions: CaseRowSet['actions']): Map<number, CaseAction[]> {
  const timelines = new Map<number, CaseAction[]>();
  // The office's query hands them over in order; imported rows come in key order (text), so sort only when needed.
  const inOrder = actions.every(
    (a, i, all) =>
      i === 0 || all[i - 1]!.case_id < a.case_id || (all[i - 1]!.case_id === a.case_id && all[i - 1]!.id < a.id),
  );
  for (const a of inOrder ? actions : [...actions].sort((x, y) => x.case_id - y.case_id || x.id - y.id)) {
    let list = timelines.get(a.case_id);
    if (!list) timelines.set(a.case_id, (list = []));
    list.push({
      id: a.id,
      action: a.action,
      actedOn: a.acted_on,
      data: parseJson<Record<string, unknown>>(a.data, {}),
      fromStatus: a.from_status,
      toStatus: a.to_status,
      username: '',
      recordedAt: '',
    });
  }
  return timelines;
}

const isKind = (kind: string): kind is CaseKind => (CASE_KINDS as readonly string[]).includes(kind);

/** `table`: the holiday schedule the limits are counted with (the shipped one when not given). */
export function caseFactsFromRows(
  officeCode: string,
  rows: CaseRowSet,
  asOf: string,
  table?: HolidayTable,
): CaseFacts[] {
  const timelines = timelinesOf(rows.actions);
  const details = new Map(CASE_KINDS.map((k) => [k, new Map(rows.details[k].map((r) => [r.case_id, r]))]));
  const overridden = rows.dossierOverrides
    ? new Set(rows.dossierOverrides.map((o) => `${o.case_id}:${o.action}`))
    : null;
  const out: CaseFacts[] = [];
  for (const c of rows.cases) {
    if (!isKind(c.kind)) continue;
    const kind = kindOf(c.kind);
    const timeline = timelines.get(c.id) ?? [];
    const detail = details.get(c.kind)!.get(c.id);
    const facts = kind.factsOf({ receivedOn: c.received_on, status: c.status, detail }, timeline);
    const limits: CaseLimit[] = kind
      .deadlinesOf(facts, asOf, { table })
      .filter((d) => d.status !== null && (kind.statistics.limitKeys as readonly string[]).includes(d.key))
      .map((d) => ({ key: d.key as CaseLimit['key'], due: d.due, doneOn: d.doneOn }));
    out.push(
      kind.statistics.factsOf({
        base: {
          officeCode,
          caseNumber: c.case_number,
          status: c.status,
          receivedOn: c.received_on,
          asOf,
          followUps: followUpsOf(timeline).map((u) => ({ on: u.on, satisfaction: u.satisfaction })),
        },
        facts,
        detail,
        timeline,
        limits,
        /**
         * Whether the dossier was complete when the case was finished, where the dossier module gates it: the gate
         * refuses an incomplete dossier unless a director overrides it, so "finished without an override" is
         * "complete".
         */
        completeAt: (action, finished) =>
          overridden === null || !finished ? null : !overridden.has(`${c.id}:${action}`),
      }) as CaseFacts,
    );
  }
  return out;
}
