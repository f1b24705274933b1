// Near-valid and random inputs for the contract fuzzer. A near-valid input is a valid one with one thing wrong: one
// field of the wrong type, too long or just at the limit, an impossible or future date, a number past its bound,
// Unicode that looks harmless (emoji, combining marks, full-width digits, RTL marks, NUL and other controls, lone
// surrogates), a key too many or one missing. A random input ignores the schema altogether.
import fc from 'fast-check';
import type { z } from 'zod';
import { defOf, numberBounds, schemaAt, stringBounds, unwrap, type Hints } from './schemaArbitrary';

type Path = (string | number)[];

/** Characters a clerk never types but a pasted text or a hostile caller may carry. */
const UNICODE_EDGES: readonly string[] = [
  '😀', // emoji (astral, a surrogate pair)
  '👨‍👩‍👧', // emoji joined by ZWJ
  '\u0301', // combining acute accent
  'e\u0301', // a letter and its combining mark
  '１２３', // full-width digits
  '\u200F', // right-to-left mark
  '\u202E', // right-to-left override
  '\u200B', // zero-width space
  '\uFEFF', // byte-order mark
  '\u0000', // NUL
  '\u0007', // bell
  '\u001B[31m', // an escape sequence
  '\u0085', // next line (C1)
  '\u2028', // line separator
  '\r\n', // a line break
  '\t',
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '𠀀', // CJK Extension B (astral, valid)
  '·', // the middle dot of minority names
  '\u3000', // ideographic space
  "'; DROP TABLE cases; --",
  '%s%n',
  '../../',
];

/** Dates that do not exist, are malformed, or lie far away; `todays` adds tomorrow and next year. */
function edgeDates(todays: readonly string[]): string[] {
  const shifted = todays.flatMap((t) => {
    const ms = Date.parse(`${t}T00:00:00Z`);
    const iso = (d: number) => new Date(ms + d * 86_400_000).toISOString().slice(0, 10);
    return [iso(1), iso(366), iso(-1), t.replaceAll('-', '')];
  });
  return [
    ...shifted,
    '2026-02-29',
    '2026-02-30',
    '2025-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '0000-01-01',
    '9999-12-31',
    '1900-01-01',
    '1899-12-31',
    '2026-1-1',
    '2026/11/22',
    '2026-11-22T00:00:00Z',
    '２０２６-１１-２２',
    ' 2026-11-22 ',
    '20261131',
    '+02026-11-22',
  ];
}

/** Every place in a value: the value itself, each key of an object, each element of an array. */
function sitesOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => sitesOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) sitesOf(v, [...at, k], out);
  return out;
}

function getAt(value: unknown, at: Path): unknown {
  return at.reduce<unknown>(
    (v, k) => (v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[k]),
    value,
  );
}

/** A copy of `value` with the thing at `at` replaced (`DELETE` removes it; the root cannot be removed). */
const DELETE = Symbol('delete');
function setAt(value: unknown, at: Path, replacement: unknown): unknown {
  if (at.length === 0) return replacement === DELETE ? undefined : replacement;
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}

/** An own property even for names the object literal would treat specially (`__proto__`). */
function withKey(value: Record<string, unknown>, key: string, v: unknown): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

const WRONG_TYPES: readonly unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'x',
  [],
  {},
  '0',
];

/** The replacements for one place of a valid value, given the schema there (null: a place the schema does not name). */
function replacementsFor(current: unknown, schema: z.ZodType | null, hints: Hints): fc.Arbitrary<unknown> {
  const arbs: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...WRONG_TYPES, DELETE),
    fc.constant([current]),
    fc.constant({ value: current }),
  ];
  const leaf = schema ? unwrap(schema) : null;
  const leafType = leaf ? defOf(leaf).type : typeof current;
  if (typeof current === 'string' || leafType === 'string') {
    const s = typeof current === 'string' ? current : '';
    const { maxChars, minChars } = leaf ? stringBounds(leaf) : { maxChars: null, minChars: 0 };
    const lengths = maxChars ? [maxChars, maxChars + 1, 2 * maxChars] : [200, 5000];
    arbs.push(
      fc
        .tuple(fc.constantFrom(...UNICODE_EDGES), fc.constantFrom('append', 'prepend', 'alone', 'middle'))
        .map(([edge, where]) =>
          where === 'append'
            ? s + edge
            : where === 'prepend'
              ? edge + s
              : where === 'alone'
                ? edge
                : s.slice(0, s.length >> 1) + edge + s.slice(s.length >> 1),
        ),
      fc.tuple(fc.constantFrom(...lengths), fc.constantFrom('一', 'a', '𠀀', 'é', '😀')).map(([n, c]) => c.repeat(n)),
      fc.constantFrom(...edgeDates(hints.todays)),
      fc.constantFrom(
        s.toUpperCase(),
        s.toLowerCase(),
        `  ${s}  `,
        s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
        s.repeat(2),
        s.slice(1),
      ),
      fc.constantFrom(...(minChars > 0 ? ['a'.repeat(minChars - 1)] : ['']), 'a'),
    );
    if (typeof current === 'string' && /^\d+(\.\d+)?$/.test(current)) arbs.push(fc.constant(Number(current)));
  }
  if (typeof current === 'number' || leafType === 'number') {
    const n = typeof current === 'number' ? current : 0;
    const { min, max } = leaf ? numberBounds(leaf) : { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
    arbs.push(
      fc.constantFrom(
        n + 1,
        n - 1,
        -n,
        n + 0.5,
        -0,
        min - 1,
        max + 1,
        min,
        max,
        2 ** 31,
        2 ** 53,
        1e308,
        -1e308,
        Number.MIN_VALUE,
        String(n),
      ),
      fc.integer(),
    );
  }
  if (leafType === 'enum' || leafType === 'literal') {
    const s = typeof current === 'string' ? current : '';
    arbs.push(fc.constantFrom(s.toUpperCase(), `${s} `, `${s}\u0000`, s.slice(0, -1), `${s}${s}`));
  }
  if (Array.isArray(current)) {
    const maxLen = leaf
      ? Math.min(
          1000,
          ...(defOf(leaf).checks ?? [])
            .map((c) => c._zod.def)
            .filter((c) => c.check === 'max_length')
            .map((c) => c.maximum!),
        )
      : 10;
    arbs.push(
      fc.constantFrom(
        [],
        current.slice(1),
        [...current, ...current],
        current.length > 0 ? Array.from({ length: maxLen + 1 }, (_, i) => current[i % current.length]) : [null],
      ),
    );
  }
  if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
    const obj = current as Record<string, unknown>;
    arbs.push(
      fc
        .tuple(
          fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'caseId', '', ' '),
          fc.constantFrom<unknown>(1, 'x', null, {}, { polluted: true }),
        )
        .map(([k, v]) => withKey(obj, k, v)),
    );
  }
  return fc.oneof(...arbs);
}

/** A valid value with one thing wrong: one place chosen, one replacement for it. */
export function nearValid(schema: z.ZodType, valid: fc.Arbitrary<unknown>, hints: Hints): fc.Arbitrary<unknown> {
  return valid.chain((value) => {
    const sites = sitesOf(value);
    return fc.constantFrom(...sites).chain((at) => {
      const current = getAt(value, at);
      return replacementsFor(current, schemaAt(schema, at, value), hints).map((replacement) =>
        setAt(value, at, replacement),
      );
    });
  });
}

/** Anything at all, and objects with the schema's own keys holding anything. */
export function randomInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(unwrap(schema));
  const keys = def.type === 'object' ? Object.keys(def.shape!) : [];
  const anything = fc.anything({ maxDepth: 2, maxKeys: 4, withBoxedValues: false, withNullPrototype: false });
  return fc.oneof(
    { weight: 2, arbitrary: anything },
    ...(keys.length > 0
      ? [{ weight: 3, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, anything])), { requiredKeys: [] }) }]
      : []),
  );
}
