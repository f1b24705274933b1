// fast-check arbitraries read from zod v4 schemas, for the contract fuzzer: every channel's input is generated
// from its own schema, so a new channel is fuzzed without touching the fuzzer. zod-fast-check only knows zod 3, so
// this walks zod 4's schema definitions itself. A schema kind it does not know throws UnsupportedSchema (the
// fuzzer fails loudly rather than skip a channel). Refinements (`superRefine`, `refine`) cannot be read, so the
// lengths and bounds they enforce are found by probing the leaf schema; values they would accept are drawn from
// pools of real values (the world's rows, the demo's calls, earlier answers) where the field's name has any.
import fc from 'fast-check';
import type { z } from 'zod';
import { filePathFields } from '../../shared/validation';

/** What a zod 4 definition holds, as far as the fuzzer reads it. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  defaultValue?: unknown;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** A schema the fuzzer cannot generate for: the channel and the path say where. */
export class UnsupportedSchema extends Error {
  constructor(what: string, at: readonly (string | number)[]) {
    super(`the contract fuzzer cannot generate ${what} at "${at.join('.') || '(input)'}"`);
    this.name = 'UnsupportedSchema';
  }
}

export type PathKind = 'file' | 'folder';

/** What the generator may draw from besides the schema: values of the data file, and paths inside the sandbox. */
export interface Hints {
  /** Values seen for a field of this name (in the world's rows, the demo's calls, earlier answers). */
  pool(key: string): readonly unknown[];
  /** Absolute paths inside the fuzzer's temp folder, of files and folders that exist and of names that do not. */
  paths(kind: PathKind): readonly string[];
  /** The data's "today" (the fixed clock's) and the machine's real one: dates are drawn near both. */
  todays: readonly string[];
}

/** The name a pool is kept under: the last field name in the path (array indices skipped). */
function keyOf(at: readonly (string | number)[]): string {
  for (let i = at.length - 1; i >= 0; i--) if (typeof at[i] === 'string') return at[i] as string;
  return '';
}

export function isFilePath(schema: z.ZodType): PathKind | null {
  return filePathFields.get(schema)?.kind ?? null;
}

/** The schema a string leaf is parsed by, when `schema` wraps one (a pipe from a string, optional, nullable). */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.type === 'pipe') return unwrap(def.in!);
  if (
    def.type === 'optional' ||
    def.type === 'nullable' ||
    def.type === 'default' ||
    def.type === 'prefault' ||
    def.type === 'readonly'
  ) {
    return unwrap(def.innerType!);
  }
  return schema;
}

// ----------------------------------------------------------------------------------------------------------------
// Probing what refinements allow

const probes = new WeakMap<z.ZodType, { maxChars: number | null; minChars: number }>();

/**
 * The longest string of one repeated character a string leaf accepts (null when it accepts none of the probes, or
 * no limit up to 100,000), and the shortest. Text fields count characters in a refinement, which cannot be read.
 */
export function stringBounds(schema: z.ZodType): { maxChars: number | null; minChars: number } {
  const known = probes.get(schema);
  if (known) return known;
  // Each probe character alone; the one that reaches furthest wins ('a' fails a digits-only field, '1' a name).
  let found = { maxChars: null as number | null, minChars: 0 };
  let best = -1;
  for (const unit of ['a', '1', '一']) {
    const accepts = (n: number) => schema.safeParse(unit.repeat(n)).success;
    let lo = [0, 1, 2, 4, 8].find(accepts);
    if (lo === undefined) continue;
    const minChars = lo;
    if (accepts(100_000)) {
      found = { maxChars: null, minChars };
      break;
    }
    let hi = 100_000; // accepts(lo) && !accepts(hi)
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (accepts(mid)) lo = mid;
      else hi = mid;
    }
    if (lo > best) {
      best = lo;
      found = { maxChars: lo, minChars };
    }
  }
  probes.set(schema, found);
  return found;
}

/** The bounds of a number schema, from its checks. */
export function numberBounds(schema: z.ZodType): { min: number; max: number; int: boolean } {
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let int = false;
  for (const c of checksOf(schema)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32'))
      int = true;
    if (c.check === 'greater_than' && c.value !== undefined)
      min = Math.max(min, c.inclusive ? c.value : int ? c.value + 1 : c.value + Number.EPSILON);
    if (c.check === 'less_than' && c.value !== undefined)
      max = Math.min(max, c.inclusive ? c.value : int ? c.value - 1 : c.value - Number.EPSILON);
  }
  if (int) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  return { min, max, int };
}

// ----------------------------------------------------------------------------------------------------------------
// Strings and dates

const CJK = fc.constantFrom(
  ...'张王李赵刘陈杨黄周吴秀英建国华明丽娟军伟芳敏静强磊洋艳勇杰涛超霞平刚桂兰村组街道社区县市区司法所调解援助公证纠纷赡养劳动合同借款邻里土地婚姻继承'.split(
    '',
  ),
);
const cjkText = (min: number, max: number) => fc.string({ unit: CJK, minLength: min, maxLength: max });

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Real dates near each of `todays` (days before and after), the last day of months, and far ones. */
function dateArbitrary(todays: readonly string[]): fc.Arbitrary<string> {
  const base = todays.map((t) => Date.parse(`${t}T00:00:00Z`));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...base), fc.integer({ min: -400, max: 3 }))
        .map(([b, d]) => isoOf(b + d * 86_400_000)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...base), fc.integer({ min: -40 * 365, max: 5 * 365 }))
        .map(([b, d]) => isoOf(b + d * 86_400_000)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('2024-02-29', '2026-02-28', '2026-01-01', '2026-12-31', '1949-10-01', '2000-01-01'),
    },
  );
}

function stringArbitrary(schema: z.ZodType, key: string, hints: Hints): fc.Arbitrary<string> {
  const regexes = checksOf(schema).filter((c) => c.check === 'string_format');
  for (const c of regexes) {
    if (c.format !== 'regex' || !c.pattern) throw new UnsupportedSchema(`a string of format "${c.format}"`, [key]);
  }
  const pooled = hints.pool(key).filter((v): v is string => typeof v === 'string');
  const fromPool = pooled.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...pooled) }] : [];
  if (regexes.length > 0) {
    // Base64 and hex ids: generated by the pattern itself (only the first pattern: the contract has no field with two).
    return fc.oneof({ weight: 3, arbitrary: fc.stringMatching(regexes[0]!.pattern!, { size: 'small' }) }, ...fromPool);
  }
  const { maxChars, minChars } = stringBounds(schema);
  const lengths = maxChars ? [maxChars, Math.max(minChars, maxChars - 1)] : [];
  const upTo = maxChars ? Math.min(maxChars, 40) : 40;
  return fc.oneof(
    ...fromPool,
    { weight: 3, arbitrary: cjkText(Math.min(minChars, upTo), Math.max(Math.min(minChars, upTo), Math.min(upTo, 12))) },
    { weight: 2, arbitrary: fc.string({ minLength: Math.min(minChars, upTo), maxLength: upTo }) },
    { weight: 2, arbitrary: dateArbitrary(hints.todays) },
    { weight: 1, arbitrary: fc.stringMatching(/^1[3-9]\d{9}$/) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ') },
    ...(lengths.length > 0
      ? [
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom(...lengths), fc.constantFrom('一', 'a', '𠀀'))
              .map(([n, c]) => c.repeat(n)),
          },
        ]
      : []),
  );
}

function pathArbitrary(kind: PathKind, hints: Hints): fc.Arbitrary<string> {
  const own = hints.paths(kind);
  const other = hints.paths(kind === 'file' ? 'folder' : 'file');
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...other) },
  );
}

// ----------------------------------------------------------------------------------------------------------------
// Numbers

function numberArbitrary(schema: z.ZodType, key: string, hints: Hints): fc.Arbitrary<number> {
  const { min, max, int } = numberBounds(schema);
  const inRange = (n: unknown): n is number =>
    typeof n === 'number' && n >= min && n <= max && (!int || Number.isInteger(n));
  // An id: the world's ids of any table (small integers that point at real rows) besides random ones.
  const pooled = [...hints.pool(key), ...(int && min >= 1 ? hints.pool('id') : [])].filter(inRange);
  const small = { min: Math.max(min, int ? -3 : -3.5), max: Math.min(max, 60) };
  const arbs: fc.WeightedArbitrary<number>[] = [
    { weight: 2, arbitrary: int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  ];
  if (small.min <= small.max)
    arbs.push({ weight: 3, arbitrary: int ? fc.integer(small) : fc.double({ ...small, noNaN: true }) });
  if (pooled.length > 0) arbs.push({ weight: 6, arbitrary: fc.constantFrom(...new Set(pooled)) });
  return fc.oneof(...arbs);
}

// ----------------------------------------------------------------------------------------------------------------
// The walk

const MAX_DEPTH = 12;

/**
 * Values of the schema's input type: right in shape and type, within the bounds the schema states, often valid
 * (refinements aside). `at` is the path from the channel's input, for the pools and for errors.
 */
export function arbitraryFor(
  schema: z.ZodType,
  hints: Hints,
  at: readonly (string | number)[] = [],
): fc.Arbitrary<unknown> {
  if (at.length > MAX_DEPTH) throw new UnsupportedSchema('a schema nested this deep', at);
  const key = keyOf(at);
  const pathKind = isFilePath(schema);
  if (pathKind) return pathArbitrary(pathKind, hints);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, key, hints);
    case 'number':
      return numberArbitrary(schema, key, hints);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'pipe': {
      // The input side is what a caller sends (`text()` is a string piped into a transform).
      if (defOf(def.in!).type === 'transform') throw new UnsupportedSchema('a bare transform', at);
      return arbitraryFor(def.in!, hints, at);
    }
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: arbitraryFor(def.innerType!, hints, at) },
      );
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: arbitraryFor(def.innerType!, hints, at) },
      );
    case 'readonly':
      return arbitraryFor(def.innerType!, hints, at);
    case 'lazy':
      return arbitraryFor(def.getter!(), hints, at);
    case 'array': {
      const lengths = checksOf(schema);
      const min = Math.max(
        0,
        ...lengths.filter((c) => c.check === 'min_length').map((c) => c.minimum!),
        ...lengths.filter((c) => c.check === 'length_equals').map((c) => c.length!),
      );
      const max = Math.min(
        Number.MAX_SAFE_INTEGER,
        ...lengths.filter((c) => c.check === 'max_length').map((c) => c.maximum!),
        ...lengths.filter((c) => c.check === 'length_equals').map((c) => c.length!),
      );
      const element = arbitraryFor(def.element!, hints, [...at, 0]);
      const pooled = hints.pool(key).filter(Array.isArray);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) }) },
        ...(pooled.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...pooled) }] : []),
      );
    }
    case 'object': {
      const shape = def.shape!;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [name, field] of Object.entries(shape)) {
        fields[name] = arbitraryFor(field, hints, [...at, name]);
        const t = defOf(field).type;
        if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(name);
      }
      const catchall = def.catchall ? defOf(def.catchall).type : 'never';
      if (catchall !== 'never' && catchall !== 'unknown')
        throw new UnsupportedSchema(`an object with a ${catchall} catch-all`, at);
      return fc.record(fields, { requiredKeys: required });
    }
    case 'union':
      return fc.oneof(...def.options!.map((o) => arbitraryFor(o, hints, at)));
    case 'record': {
      const keys =
        defOf(def.keyType!).type === 'string'
          ? fc.string({ maxLength: 8 })
          : (arbitraryFor(def.keyType!, hints, [...at, '*']) as fc.Arbitrary<string>);
      return fc.dictionary(keys, arbitraryFor(def.valueType!, hints, [...at, '*']), { maxKeys: 4 });
    }
    default:
      throw new UnsupportedSchema(`a "${def.type}" schema`, at);
  }
}

/**
 * The schema of the field at `path` in a value of `schema` (through objects, arrays, records, unions, wrappers),
 * or null when the path leaves the schema.
 */
export function schemaAt(
  schema: z.ZodType,
  path: readonly (string | number)[],
  value: unknown = undefined,
): z.ZodType | null {
  if (path.length === 0) return schema;
  const def = defOf(schema);
  const [head, ...rest] = path;
  switch (def.type) {
    case 'pipe':
      return schemaAt(def.in!, path, value);
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
      return schemaAt(def.innerType!, path, value);
    case 'lazy':
      return schemaAt(def.getter!(), path, value);
    case 'object': {
      const field = def.shape![String(head)];
      return field ? schemaAt(field, rest, (value as Record<string, unknown> | undefined)?.[String(head)]) : null;
    }
    case 'array':
      return typeof head === 'number'
        ? schemaAt(def.element!, rest, Array.isArray(value) ? value[head] : undefined)
        : null;
    case 'record':
      return schemaAt(def.valueType!, rest, (value as Record<string, unknown> | undefined)?.[String(head)]);
    case 'union': {
      // The option the value belongs to: the first whose shape has the field and accepts the value's discriminant.
      for (const option of def.options!) {
        const found = schemaAt(option, path, value);
        if (found && (value === undefined || unionOptionFits(option, value))) return found;
      }
      return null;
    }
    default:
      return null;
  }
}

function unionOptionFits(option: z.ZodType, value: unknown): boolean {
  const def = defOf(option);
  if (def.type !== 'object' || typeof value !== 'object' || value === null) return true;
  // Literal fields (a discriminator) must match; the rest may be anything.
  for (const [name, field] of Object.entries(def.shape!)) {
    const f = defOf(field);
    if (f.type === 'literal' && !f.values!.includes((value as Record<string, unknown>)[name])) return false;
  }
  return true;
}
