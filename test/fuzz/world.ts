// The data files the contract fuzzer calls into, each in its own folder under one temp folder: an office with demo
// cases of all three kinds, its users of every role, an export sent to the bureau and a backup; and a county bureau
// (县局模式) that registered the office, imported its package and exported its configuration. Every call made to
// build them is a valid input of its channel and is kept as an example; every value of their rows and of the
// answers is kept in pools by field name, so that generated ids and keys point at real rows.
import fs from 'node:fs';
import path from 'node:path';
import { makeDemoCases } from '../../scripts/demoCases';
import type { SessionUser } from '../../shared/accounts';
import { createApi, type Api } from '../../shared/client';
import { contract, type Channel } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { ROLES, type Role } from '../../shared/roles';
import { FIRST_ADMIN, OFFICE, testBackend, type TestBackend } from '../support/fixtures';
import { fixedClock } from '../../electron/services/system/clock';
import type { PathKind } from './schemaArbitrary';

/** The data's today: the demo runs until two days before. */
export const WORLD_NOW = '2026-11-22T02:00:00Z';
const DEMO_UNTIL = '2026-11-20';
const POOL_SIZE = 40;
const EXAMPLES_PER_CHANNEL = 40;

/** Values seen for each field name, in the order first seen, at most POOL_SIZE distinct ones each. */
class Pools {
  private readonly byKey = new Map<string, { values: unknown[]; seen: Set<string> }>();

  add(key: string, value: unknown): void {
    if (key === '' || value === undefined) return;
    let pool = this.byKey.get(key);
    if (!pool) this.byKey.set(key, (pool = { values: [], seen: new Set() }));
    if (pool.values.length >= POOL_SIZE) return;
    const id = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
    if (pool.seen.has(id)) return;
    pool.seen.add(id);
    pool.values.push(value);
  }

  get(key: string): readonly unknown[] {
    return this.byKey.get(key)?.values ?? [];
  }

  /** Every named leaf of a value (and arrays of leaves as wholes), by the name it is under. */
  harvest(value: unknown, key = ''): void {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) this.add(key, value);
      for (const v of value) this.harvest(v, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.harvest(v, k);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      this.add(key, value);
    }
  }
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export interface World {
  name: 'office' | 'bureau';
  backend: TestBackend;
  folder: string;
  /** The users of each role (signed in directly in the session store for each call). */
  users: Record<Role, SessionUser>;
  /** Inputs each channel accepted while the worlds were built (shared by both). */
  examples: Map<Channel, unknown[]>;
  pools: Pools;
  /** What the dispatcher logged for the last INTERNAL error, for the report. */
  internal: unknown[];
  /** Whether the last call's handler refused in a way that keeps its writes (a failed sign-in counts). */
  committedRefusal: { value: boolean };
}

/** An Api over the world's dispatcher, as the trusted local session, keeping every accepted input and answer. */
function recordingApi(world: Pick<World, 'backend' | 'examples' | 'pools'>, caller: string): Api {
  return createApi(async (channel, input) => {
    const result = await world.backend.dispatch(channel, input, caller);
    if (result.ok) {
      const list = world.examples.get(channel as Channel) ?? [];
      if (list.length < EXAMPLES_PER_CHANNEL) list.push(structuredClone(input));
      world.examples.set(channel as Channel, list);
      world.pools.harvest(input);
      world.pools.harvest(result.value);
    }
    return result;
  });
}

/** Every value of the world's own rows (a sample of each table), by column name and its camelCase form. */
function harvestRows(world: World): void {
  const { sqlite } = world.backend.store;
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" LIMIT 200`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number' || (typeof value === 'string' && value.length <= 300)) {
          world.pools.add(column, value);
          world.pools.add(camel(column), value);
        }
      }
    }
  }
}

async function openWorld(name: World['name'], root: string, examples: World['examples']): Promise<World> {
  const folder = path.join(root, name);
  fs.mkdirSync(folder, { recursive: true });
  const internal: unknown[] = [];
  const backend = testBackend(path.join(folder, 'casedesk.sqlite'), {
    clock: fixedClock(WORLD_NOW),
    log: (error) => internal.push(error),
  });
  const world: World = {
    name,
    backend,
    folder,
    users: {} as Record<Role, SessionUser>,
    examples,
    pools: new Pools(),
    internal,
    committedRefusal: { value: false },
  };
  // Observe, without changing, each handler: a refusal marked `commit` keeps its writes by design (dispatch.ts).
  const handlers = backend.handlers as unknown as Record<string, (input: unknown, call: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(contract)) {
    const handler = handlers[channel]!;
    handlers[channel] = async (input, call) => {
      try {
        return await handler(input, call);
      } catch (error) {
        if (error instanceof AppError && error.commit) world.committedRefusal.value = true;
        throw error;
      }
    };
  }
  return world;
}

/** The first administrator by the first-run setup, then one user of each other role. */
async function addUsers(world: World, office: typeof OFFICE): Promise<Api> {
  const setup = recordingApi(world, 'first-run');
  const admin = await setup.call('auth.setup', { office, admin: FIRST_ADMIN });
  world.backend.sessions.signInSystem('builder');
  const api = recordingApi(world, 'builder');
  world.users.admin = admin;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const made = await api.call('users.create', {
      username: `fuzz_${role}`,
      displayName: `测试${role}`,
      role,
      password: 'Initial123',
    });
    world.users[role] = { ...made, mustChangePassword: false };
  }
  return api;
}

export interface WorldOptions {
  /** Demo cases in the office's file. */
  cases: number;
}

/** Both worlds, built in `root` (a temp folder the caller owns and removes). */
export async function buildWorlds(root: string, { cases }: WorldOptions): Promise<World[]> {
  // One set of examples for both: what one file accepted is a meaningful try at the other.
  const examples: World['examples'] = new Map();
  const office = await openWorld('office', root, examples);
  const officeApi = await addUsers(office, OFFICE);
  await makeDemoCases(officeApi, { count: cases, seed: 7, until: DEMO_UNTIL });
  await officeApi.call('drafts.save', { id: null, kind: 'mediation', title: '草稿', data: { note: '未填完' } });

  const bureau = await openWorld('bureau', root, examples);
  const bureauApi = await addUsers(bureau, {
    ...OFFICE,
    name: '长沙市雨花区司法局',
    officeNumber: '00',
    caseNumberPrefix: '雨司',
  });
  await bureauApi.call('exchange.setMode', { mode: 'bureau' });

  // Introduced as in real life; then one export imported, the county's configuration exported, a backup each.
  const bureauKeys = await bureauApi.call('exchange.keys', {});
  await officeApi.call('exchange.setBureauKey', { publicKey: bureauKeys.publicKey! });
  const officeKeys = await officeApi.call('exchange.keys', {});
  const officeRow = (await officeApi.call('office.get', {}))!;
  await bureauApi.call('bureau.registerOffice', {
    code: officeRow.officeCode,
    name: officeRow.name,
    publicKey: officeKeys.publicKey!,
    fingerprint: officeKeys.fingerprint!,
  });
  const exported = await officeApi.call('exchange.export', { period: null, folder: null });
  const download = await officeApi.call('exchange.download', { sequence: exported.sequence });
  await bureauApi.call('bureau.importFiles', { files: [exported.file] });
  await bureauApi.call('bureau.importUploads', { packages: [download] }); // the same package again: unchanged
  const config = await bureauApi.call('bureau.exportConfig', { folder: null });
  await officeApi.call('exchange.importConfig', { fileName: config.fileName, base64: config.base64 });
  await officeApi.call('backup.create', { folder: null });
  await bureauApi.call('backup.create', { folder: null });

  for (const world of [office, bureau]) harvestRows(world);
  return [office, bureau];
}

/** Paths the fuzzer may put in a path field: what exists under `root`, and names there that do not. */
export function sandboxPaths(root: string, kind: PathKind): string[] {
  const files: string[] = [];
  const folders: string[] = [root];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        folders.push(full);
        if (depth < 4) walk(full, depth + 1);
      } else files.push(full);
    }
  };
  walk(root, 0);
  const sandbox = path.join(root, 'sandbox');
  const missing =
    kind === 'file'
      ? [
          path.join(sandbox, 'missing.casedesk'),
          path.join(sandbox, '不存在的 数据包.casedesk'),
          `${sandbox}${path.sep}`,
        ]
      : [
          path.join(sandbox, 'new-folder'),
          path.join(sandbox, 'new', 'deeper'),
          path.join(root, 'office', '..', 'sandbox', 'up-and-back'),
        ];
  return [...(kind === 'file' ? files : folders), ...missing].sort();
}

/** Whether `candidate` (an absolute path, as given) stays inside `root` once resolved. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, path.resolve(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
