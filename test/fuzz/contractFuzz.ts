// The contract fuzzer: every channel of shared/contract.ts, found through the contract itself, called through the
// real dispatcher as every role (and as nobody) with inputs generated from its own zod schema: valid ones (from
// the schema, and the inputs the demo data was made with), near-valid ones (one thing wrong) and random ones, in
// an office's data file with demo cases and in a county bureau's. What must hold after every call:
//   - no call ends in an INTERNAL error;
//   - every refusal has a known code and a Chinese message (no zod English), and a VALIDATION one names a field
//     the channel has;
//   - a role the channel is not for is refused before anything else;
//   - a refused write leaves the data file logically unchanged, and a reading channel never changes it;
//   - a path field never accepts a relative path (it would be resolved against wherever the program was started);
// and at the end of each world: PRAGMA integrity_check and foreign_key_check are clean, `audit-verify` passes, and
// nothing was written to the working folder. The jest test runs it small with a fixed seed; `npm run fuzz` long.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, type Channel } from '../../shared/contract';
import { ERROR_CODES, type Envelope } from '../../shared/errors';
import { ROLES, roleAllows, type Role } from '../../shared/roles';
import { localDate } from '../../shared/dates';
import { rowsState } from '../support/fixtures';
import { nearValid, randomInput } from './nearValid';
import { arbitraryFor, defOf, isFilePath, schemaAt, UnsupportedSchema, unwrap, type Hints } from './schemaArbitrary';
import { buildWorlds, isInside, sandboxPaths, WORLD_NOW, type World } from './world';

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
type InputKind = 'valid' | 'near-valid' | 'random';

export interface FuzzOptions {
  /** Generated calls per channel in each data file. */
  runs: number;
  seed: number;
  /** Only these channels (all when empty). */
  channels?: readonly string[];
  /** Demo cases in the office's data file. */
  cases?: number;
  /**
   * Times over every channel: a second pass meets the data the first one left (names with odd Unicode, new
   * cases, exports), so that printing, statistics and exports read what the fuzzer wrote.
   */
  passes?: number;
  /** Told each channel's counts as it finishes. */
  progress?: (count: ChannelCount) => void;
  /** For the fuzzer's own test: plants faults in a data file's handlers once it is built. */
  plant?: (world: World) => void;
}

export interface ChannelCount {
  pass: number;
  world: World['name'];
  channel: Channel;
  calls: number;
  byKind: Record<InputKind, number>;
  ok: number;
  /** Refusals by error code. */
  refused: Partial<Record<string, number>>;
  ms: number;
}

export interface FuzzFailure {
  pass: number;
  world: World['name'];
  channel: Channel;
  caller: Caller;
  kind: InputKind;
  /** The shrunk input, as fast-check prints it (undefined, NaN, lone surrogates shown). */
  input: string;
  problem: string;
  seed: number;
  channelSeed: number;
  runs: number;
  shrinks: number;
}

export interface FuzzReport {
  counts: ChannelCount[];
  failures: FuzzFailure[];
  /** What the end-of-world checks found (integrity, foreign keys, audit chain, the working folder). */
  finalProblems: string[];
  ms: number;
}

/** A property that did not hold for one call. */
class Violation extends Error {}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u3000-\u303f]/;
/** zod's own English messages, or any other English sentence, must never reach the clerk. */
const ENGLISH =
  /\b(Invalid|invalid|Expected|expected|Required|required|received|Unrecognized|Too (big|small)|must|should|cannot|undefined|null|NaN|Error|TypeError|SQLITE_\w+)\b/;

/** A channel's seed: the run's seed and the channel's name, so that `--channel` generates the same inputs. */
function channelSeed(seed: number, world: string, channel: string, pass = 1): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${pass > 1 ? `${pass}/` : ''}${world}/${channel}`)
    h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}

function hintsFor(world: World, root: string): Hints {
  const files = sandboxPaths(root, 'file');
  const folders = sandboxPaths(root, 'folder');
  return {
    pool: (key) => world.pools.get(key),
    paths: (kind) => (kind === 'file' ? files : folders),
    todays: [WORLD_NOW.slice(0, 10), localDate()],
  };
}

/** Every path field of an input (walking the input with its schema), with its value. */
function pathFields(
  schema: z.ZodType,
  value: unknown,
  at: (string | number)[] = [],
  out: { at: (string | number)[]; value: unknown }[] = [],
) {
  if (isFilePath(schema)) {
    out.push({ at, value });
    return out;
  }
  const def = defOf(schema);
  if (['nullable', 'optional', 'default', 'prefault', 'readonly'].includes(def.type))
    return pathFields(def.innerType!, value, at, out);
  if (def.type === 'pipe') return pathFields(def.in!, value, at, out);
  if (def.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, field] of Object.entries(def.shape!))
      pathFields(field, (value as Record<string, unknown>)[k], [...at, k], out);
  }
  if (def.type === 'array' && Array.isArray(value))
    value.forEach((v, i) => pathFields(def.element!, v, [...at, i], out));
  if (def.type === 'union') for (const option of def.options!) pathFields(option, value, at, out);
  return out;
}

/** The field names an input of the schema may have at its top (through wrappers and every option of a union). */
function rootKeys(schema: z.ZodType, out = new Set<string>()): Set<string> {
  const def = defOf(schema);
  if (def.type === 'object') for (const k of Object.keys(def.shape!)) out.add(k);
  else if (def.type === 'union') for (const o of def.options!) rootKeys(o, out);
  else if (def.type === 'pipe') rootKeys(def.in!, out);
  else if (def.innerType) rootKeys(def.innerType, out);
  return out;
}

/**
 * Keeps every absolute path of a path field inside `root` (an absolute path elsewhere is moved under
 * root/outside/, keeping its name, so that nothing the fuzzer does can write outside its temp folder). Relative
 * paths are left alone: the contract must refuse them (checked before the call).
 */
function confine(schema: z.ZodType, input: unknown, root: string): unknown {
  const outside = path.join(root, 'outside');
  let out = input;
  for (const { at, value } of pathFields(schema, input)) {
    if (typeof value !== 'string') continue;
    const t = value.trim();
    if (!path.isAbsolute(t) || isInside(root, t)) continue;
    out = replaceAt(out, at, path.join(outside, t.replace(/[/\\:]+/g, '_')));
  }
  return out;
}

function replaceAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  return {
    ...(value as Record<string, unknown>),
    [head as string]: replaceAt((value as Record<string, unknown>)[head as string], rest, replacement),
  };
}

/** The input arbitrary of a channel: valid, near-valid and random inputs, tagged, paths confined. */
function inputArbitrary(
  channel: Channel,
  world: World,
  hints: Hints,
  root: string,
): fc.Arbitrary<{ kind: InputKind; input: unknown }> {
  const schema = contract[channel].input as z.ZodType;
  let structural: fc.Arbitrary<unknown>;
  try {
    structural = arbitraryFor(schema, hints);
  } catch (error) {
    if (error instanceof UnsupportedSchema) throw new UnsupportedSchema(`${error.message} (channel ${channel})`, []);
    throw error;
  }
  const examples = world.examples.get(channel) ?? [];
  const valid =
    examples.length > 0
      ? fc.oneof(structural, fc.constantFrom(...examples), withOtherIds(examples, world, hints.todays[0]!))
      : structural;
  return fc
    .oneof(
      { weight: 4, arbitrary: valid.map((input) => ({ kind: 'valid' as const, input })) },
      {
        weight: 4,
        arbitrary: nearValid(schema, valid, hints).map((input) => ({ kind: 'near-valid' as const, input })),
      },
      { weight: 2, arbitrary: randomInput(schema).map((input) => ({ kind: 'random' as const, input })) },
    )
    .map(({ kind, input }) => ({ kind, input: confine(schema, input, root) }));
}

/**
 * An example with its ids pointed at other rows, and perhaps its dates moved to today: a step the demo took on one
 * case, tried on another (which may stand at the status the step needs, its previous step not after today). Ids
 * are the top-level `id`/`…Id` numbers; dates the top-level ISO dates.
 */
function withOtherIds(examples: readonly unknown[], world: World, today: string): fc.Arbitrary<unknown> {
  const idsOf = (key: string) =>
    world.pools.get(key).filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0);
  return fc.tuple(fc.constantFrom(...examples), fc.nat(), fc.boolean()).map(([example, pick, toToday]) => {
    if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
    const out: Record<string, unknown> = { ...(example as Record<string, unknown>) };
    for (const [k, v] of Object.entries(out)) {
      // The rows of the field's own name first (caseId: every case_id seen), else any table's ids.
      const ids = idsOf(k).length > 0 ? idsOf(k) : idsOf('id');
      if ((k === 'id' || k.endsWith('Id')) && typeof v === 'number' && ids.length > 0) out[k] = ids[pick % ids.length];
      if (toToday && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = today;
    }
    return out;
  });
}

/**
 * Labels that say a text field names a place on disk: such a field must be a `filePath()`, or the fuzzer could
 * write there. (A number labelled 位置 is a position in a file: only text fields are checked.)
 */
const PLACE_LABEL = /位置|路径|文件夹|目录/;

function isPathSchema(schema: z.ZodType | null): boolean {
  if (!schema) return false;
  if (isFilePath(schema)) return true;
  const def = defOf(schema);
  return def.innerType !== undefined && isPathSchema(def.innerType);
}

/**
 * Builds every channel's arbitrary once, so that a schema the generator cannot read fails the run at once; and
 * refuses to run when a field labelled as a place on disk is not marked as a path (its paths would not be confined).
 */
function checkGeneratorCoversContract(world: World, root: string): void {
  const hints = hintsFor(world, root);
  for (const channel of Object.keys(contract) as Channel[]) {
    inputArbitrary(channel, world, hints, root);
    const { input, labels } = contract[channel];
    for (const [key, label] of Object.entries(labels)) {
      const at = key.split('.').map((k) => (k === '*' ? 0 : k));
      const field = schemaAt(input as z.ZodType, at);
      if (PLACE_LABEL.test(label) && field && defOf(unwrap(field)).type === 'string' && !isPathSchema(field)) {
        throw new Error(
          `${channel}: the field "${key}" (${label}) names a place on disk but is not a filePath() (shared/validation.ts)`,
        );
      }
    }
  }
}

let callerSerial = 0;

/** A fresh window signed in as `caller` (directly in the session store: signing in is a channel of its own). */
function callerFor(world: World, who: Caller): string {
  const caller = `fuzz:${who}:${++callerSerial}`;
  if (who !== 'anonymous') world.backend.sessions.control(caller).signIn(world.users[who]);
  return caller;
}

function echoed(message: string, input: unknown): boolean {
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (strings.push(k), walk(x));
  };
  walk(input);
  const match = ENGLISH.exec(message)![0];
  return strings.some((s) => s.includes(match));
}

/**
 * What would show any change to the data file: the rows the store's connection changed (total_changes(), which a
 * rollback does not take back) and the commits of any other connection (data_version). While neither moves, the
 * rows are as they were and need not be hashed again.
 */
function touches(world: World): string {
  const { sqlite } = world.backend.store;
  return `${String(sqlite.prepare('SELECT total_changes()').pluck().get())}/${String(sqlite.pragma('data_version', { simple: true }))}`;
}

/** One call, and every property that must hold for it. Updates `state` (the data's hash) and the counts. */
async function callOnce(
  world: World,
  channel: Channel,
  who: Caller,
  kind: InputKind,
  input: unknown,
  count: ChannelCount,
  state: { hash: string },
) {
  const def = contract[channel];
  const schema = def.input as z.ZodType;
  for (const { value } of pathFields(schema, input)) {
    if (typeof value === 'string' && !path.isAbsolute(value.trim()) && schema.safeParse(input).success) {
      throw new Violation(
        `the path field accepts a relative path (${JSON.stringify(value)}), which the main process would resolve against its working folder`,
      );
    }
  }
  world.committedRefusal.value = false;
  world.internal.length = 0;
  const caller = callerFor(world, who);
  const touchedBefore = touches(world);
  let result: Envelope<unknown>;
  try {
    result = await world.backend.dispatch(channel, input, caller);
  } finally {
    world.backend.sessions.control(caller).signOut();
  }
  const before = state.hash;
  if (touches(world) !== touchedBefore) state.hash = rowsState(world.backend.store.sqlite);
  count.calls += 1;
  count.byKind[kind] += 1;
  if (result.ok) count.ok += 1;
  else count.refused[result.error.code] = (count.refused[result.error.code] ?? 0) + 1;

  if (!result.ok) {
    const { code, message, field, issues } = result.error;
    const answer = JSON.stringify(result.error);
    if (code === 'INTERNAL') {
      const logged = world.internal.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n');
      throw new Violation(`INTERNAL error: ${answer}\n${logged}`);
    }
    if (!(ERROR_CODES as readonly string[]).includes(code)) throw new Violation(`unknown error code: ${answer}`);
    for (const m of [message, ...(issues ?? []).map((i) => i.message)]) {
      if (!CJK.test(m)) throw new Violation(`a refusal without a Chinese message: ${answer}`);
      if (ENGLISH.test(m) && !echoed(m, input)) throw new Violation(`a refusal in English: ${answer}`);
    }
    // Only a request that is not an object at all, or a key named '' (no name to give), has no field to name.
    const isObject = input !== null && typeof input === 'object' && !Array.isArray(input);
    const namelessKey = isObject && Object.prototype.hasOwnProperty.call(input, '');
    if (code === 'VALIDATION' && !field && isObject && !namelessKey)
      throw new Violation(`a VALIDATION refusal that names no field: ${answer}`);
    if (code === 'VALIDATION' && field) {
      // The field named must be one the caller sent or could send: the form shows the message under it. (Other
      // refusals may name what they are about, e.g. `action` for a step out of order, shown above the button.)
      const sent = isObject && Object.keys(input).some((k) => field === k || field.startsWith(`${k}.`));
      if (!sent && !rootKeys(schema).has(field.split('.')[0]!))
        throw new Violation(`a VALIDATION refusal naming a field the channel does not have ("${field}"): ${answer}`);
    }
    if (def.writes && !world.committedRefusal.value && before !== state.hash)
      throw new Violation(`a refused write changed the data file: ${answer}`);
  }
  if (!def.writes && before !== state.hash)
    throw new Violation(
      `a reading channel changed the data file (${result.ok ? 'answered ok' : JSON.stringify(result.error)})`,
    );
  if (!roleAllows(who === 'anonymous' ? null : who, def.access)) {
    if (result.ok || !['UNAUTHENTICATED', 'FORBIDDEN'].includes(result.error.code)) {
      throw new Violation(
        `${who} may not call ${channel} but was ${result.ok ? 'answered' : `refused with ${result.error.code}`}`,
      );
    }
  }
  if (result.ok) world.pools.harvest(result.value);
}

/** The checks at the end of a world: the file's integrity, its foreign keys, the audit chain (as `audit-verify`). */
async function finalChecks(world: World): Promise<string[]> {
  const problems: string[] = [];
  const { sqlite } = world.backend.store;
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`${world.name}: integrity_check: ${String(integrity)}`);
  const foreign = sqlite.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problems.push(`${world.name}: foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`);
  // What the CLI's `audit-verify` calls: the audit.verify channel, as the trusted local session.
  const verdict = await world.backend.dispatch('audit.verify', {}, 'builder');
  if (!verdict.ok || !(verdict.value as { ok: boolean }).ok)
    problems.push(`${world.name}: audit-verify: ${JSON.stringify(verdict)}`);
  return problems;
}

const listing = (dir: string) => fs.readdirSync(dir).sort().join('\n');

export async function fuzzContract({
  runs,
  seed,
  channels = [],
  cases = 12,
  passes = 1,
  progress,
  plant,
}: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const unknown = channels.filter((c) => !(c in contract));
  if (unknown.length > 0) throw new Error(`no such channel in the contract: ${unknown.join(', ')}`);
  const selected = (Object.keys(contract) as Channel[])
    .filter((c) => channels.length === 0 || channels.includes(c))
    .sort();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-fuzz-'));
  const cwdBefore = listing(process.cwd());
  const report: FuzzReport = { counts: [], failures: [], finalProblems: [], ms: 0 };
  const worlds = await buildWorlds(root, { cases });
  if (plant) worlds.forEach(plant);
  try {
    for (const world of worlds) checkGeneratorCoversContract(world, root);
    for (let pass = 1; pass <= passes; pass++)
      for (const world of worlds) {
        const state = { hash: rowsState(world.backend.store.sqlite) };
        for (const channel of selected) {
          const t0 = Date.now();
          const count: ChannelCount = {
            pass,
            world: world.name,
            channel,
            calls: 0,
            byKind: { valid: 0, 'near-valid': 0, random: 0 },
            ok: 0,
            refused: {},
            ms: 0,
          };
          const hints = hintsFor(world, root);
          // Mostly the roles the channel is for (so that calls get past authorisation), often anyone at all.
          const access = contract[channel].access;
          const allowed = CALLERS.filter(
            (c) => roleAllows(c === 'anonymous' ? null : c, access) || access === 'anyone',
          );
          const who = fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...allowed) },
            { weight: 2, arbitrary: fc.constantFrom(...CALLERS) },
          );
          const chSeed = channelSeed(seed, world.name, channel, pass);
          const details = await fc.check(
            fc.asyncProperty(who, inputArbitrary(channel, world, hints, root), async (caller, { kind, input }) => {
              await callOnce(world, channel, caller, kind, input, count, state);
            }),
            { seed: chSeed, numRuns: runs },
          );
          count.ms = Date.now() - t0;
          report.counts.push(count);
          progress?.(count);
          if (details.failed && details.counterexample) {
            const [caller, { kind, input }] = details.counterexample;
            const error = details.errorInstance;
            report.failures.push({
              pass,
              world: world.name,
              channel,
              caller,
              kind,
              input: fc.stringify(input),
              problem:
                error instanceof Violation
                  ? error.message
                  : error instanceof Error
                    ? (error.stack ?? error.message)
                    : String(error),
              seed,
              channelSeed: chSeed,
              runs: details.numRuns,
              shrinks: details.numShrinks,
            });
          } else if (details.failed) {
            report.failures.push({
              pass,
              world: world.name,
              channel,
              caller: 'anonymous',
              kind: 'valid',
              input: '(none)',
              problem: String(details.errorInstance ?? 'failed'),
              seed,
              channelSeed: chSeed,
              runs: details.numRuns,
              shrinks: 0,
            });
          }
        }
        report.finalProblems.push(...(await finalChecks(world)));
      }
  } finally {
    for (const world of worlds) await world.backend.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (listing(process.cwd()) !== cwdBefore)
    report.finalProblems.push(`the working folder ${process.cwd()} changed while fuzzing`);
  report.ms = Date.now() - started;
  return report;
}

/** A failure as the script and the test print it: where, as whom, the shrunk input, and how to run it again. */
export function describeFailure(f: FuzzFailure): string {
  return [
    `FAILED ${f.world}/${f.channel}${f.pass > 1 ? ` (pass ${f.pass})` : ''} as ${f.caller} (seed ${f.seed}, channel seed ${f.channelSeed}, after ${f.runs} runs, shrunk ${f.shrinks} times)`,
    `  ${f.problem.split('\n').join('\n  ')}`,
    `  input (${f.kind}): ${f.input}`,
    `  again: npm run fuzz -- --seed ${f.seed} --runs ${f.runs} --channel ${f.channel}${f.pass > 1 ? ` --passes ${f.pass}` : ''}`,
  ].join('\n');
}

/** One line per channel: calls, answered, refused by code, time. */
export function describeCount(c: ChannelCount): string {
  const refused = Object.entries(c.refused)
    .sort()
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return `${c.pass > 1 ? `${c.pass}:` : ''}${c.world.padEnd(6)} ${c.channel.padEnd(34)} ${String(c.calls).padStart(6)} calls (valid ${c.byKind.valid}, near ${c.byKind['near-valid']}, random ${c.byKind.random}): ok ${c.ok}${refused ? `; ${refused}` : ''} [${c.ms} ms]`;
}
