// Offices and a county bureau on temp files, for the exchange tests: an office with cases of every kind made by
// the demo (through the channels), a bureau in 县局模式, and the two introduced to each other as in real life
// (the office enters the bureau's public key, the bureau registers the office with its fingerprint).
import { openTestFile } from '../../../support/testKey';
import path from 'node:path';
import { planDemoCases } from '../../../../scripts/demoCases';
import type { PdfRenderer } from '../../../../electron/services/dossier/electronic';
import { ApiError, createApi, type Api } from '../../../../shared/client';
import type { Channel } from '../../../../shared/contract';
import { EXPORTED_TABLES } from '../../../../shared/exchange/tables';
import { maskIdNumber } from '../../../../shared/identity';
import {
  manualClock,
  OFFICE,
  tempDir,
  testBackend,
  type ManualClock,
  type TestBackend,
} from '../../../support/fixtures';

export interface Site extends TestBackend {
  clock: ManualClock;
  folder: string;
}

function site(clock = manualClock('2026-11-22T02:00:00Z'), pdfRenderer?: PdfRenderer): Site {
  const folder = tempDir();
  return {
    ...testBackend(path.join(folder, 'casedesk.sqlite'), { clock, ...(pdfRenderer ? { pdfRenderer } : {}) }),
    clock,
    folder,
  };
}

/** A clerk's own signed-in session (interference records and statements are personal). */
export async function clerk(s: Site): Promise<Api> {
  await s.api.call('users.create', { username: 'lijuan', displayName: '李娟', role: 'clerk', password: 'Initial123' });
  const api = createApi((channel, input) => s.dispatch(channel, input, 'lijuan'));
  await api.call('auth.signIn', { username: 'lijuan', password: 'Initial123' });
  await api.call('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Changed2026' });
  return api;
}

export async function office({
  number = '01',
  name = OFFICE.name,
  cases = 24,
  seed = 3,
  pdfRenderer,
}: { number?: string; name?: string; cases?: number; seed?: number; pdfRenderer?: PdfRenderer } = {}): Promise<Site> {
  const s = site(undefined, pdfRenderer);
  await s.api.call('office.setup', { ...OFFICE, name, officeNumber: number });
  if (cases > 0) await makeCases(s.api, cases, seed);
  return s;
}

/**
 * Cases of all three kinds through the channels, from the demo's plans: registered, then taken along their
 * lifecycle as far as the office's rules allow (a step the dossier check refuses ends that case's story there).
 */
async function makeCases(api: Api, count: number, seed: number): Promise<void> {
  const office = (await api.call('office.get', {}))!;
  const disputeTypes = (await api.call('mediation.disputeTypes', { includeInactive: false })).map((t) => t.name);
  const matters = await api.call('notarization.matters', { includeInactive: false });
  const call = api.call as (channel: Channel, input: unknown) => Promise<{ id: number }>;
  for (const plan of planDemoCases(count, { seed, until: '2026-11-20', office, disputeTypes, matters })) {
    const { id } = await call(plan.register.channel, plan.register.input);
    for (const step of plan.steps) {
      try {
        await call(step.channel, { ...step.input, caseId: id });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        break;
      }
    }
  }
}

export async function bureau(name = '长沙市雨花区司法局'): Promise<Site> {
  const s = site();
  await s.api.call('office.setup', {
    name,
    divisionCode: '430111',
    officeNumber: '00',
    bureauName: name,
    caseNumberPrefix: '雨司',
  });
  await s.api.call('exchange.setMode', { mode: 'bureau' });
  return s;
}

/** The office sets the bureau's key; the bureau registers the office by its key and fingerprint. */
export async function introduce(from: Site, to: Site): Promise<void> {
  const bureauKey = await to.api.call('exchange.keys', {});
  await from.api.call('exchange.setBureauKey', { publicKey: bureauKey.publicKey! });
  const keys = await from.api.call('exchange.keys', {});
  const office = (await from.api.call('office.get', {}))!;
  await to.api.call('bureau.registerOffice', {
    code: office.officeCode,
    name: office.name,
    publicKey: keys.publicKey!,
    fingerprint: keys.fingerprint!,
  });
}

/** Every exported row of an office's own file, as `table key → row`, read with SQLite directly, ID numbers masked as sent. */
export function officeRows(s: Pick<Site, 'dataFile'>): Map<string, Record<string, unknown>> {
  const sqlite = openTestFile(s.dataFile, { readonly: true });
  const rows = new Map<string, Record<string, unknown>>();
  try {
    for (const [table, spec] of Object.entries(EXPORTED_TABLES)) {
      const cols = Object.keys(spec.columns);
      for (const r of sqlite.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all() as Record<
        string,
        unknown
      >[]) {
        const key = spec.key.length === 1 ? String(r[spec.key[0]!]) : JSON.stringify(spec.key.map((c) => r[c]));
        for (const c of spec.masked ?? []) if (typeof r[c] === 'string') r[c] = maskIdNumber(r[c] as string);
        rows.set(`${table} ${key}`, r);
      }
    }
  } finally {
    sqlite.close();
  }
  return rows;
}

/** What the bureau holds of an office: live rows as `table key → row`, and the tombstones' keys. */
export function bureauRows(
  s: Site,
  officeCode: string,
): { live: Map<string, Record<string, unknown>>; tombstones: Set<string> } {
  const sqlite = openTestFile(s.dataFile, { readonly: true });
  try {
    const live = new Map<string, Record<string, unknown>>();
    const tombstones = new Set<string>();
    for (const r of sqlite
      .prepare(`SELECT table_name, row_key, deleted, data FROM bureau_rows WHERE office_code = ?`)
      .all(officeCode) as {
      table_name: string;
      row_key: string;
      deleted: number;
      data: string | null;
    }[]) {
      if (r.deleted) tombstones.add(`${r.table_name} ${r.row_key}`);
      else live.set(`${r.table_name} ${r.row_key}`, JSON.parse(r.data!) as Record<string, unknown>);
    }
    return { live, tombstones };
  } finally {
    sqlite.close();
  }
}
