// Field schemas that speak Chinese, and the translation of zod issues into AppErrors naming the field.
// Messages here say what is wrong; the field's label from the channel's label map is put in front of it.
import { z } from 'zod';
import { isRealDate } from './dates';
import { AppError, type FieldIssue } from './errors';
import { charLength, textProblem } from './text';

export type Labels = Readonly<Record<string, string>>;

const TYPE_ERROR = { error: '格式不正确' } as const;

interface TextOptions {
  max: number;
  required?: boolean;
  multiLine?: boolean;
}

/** A trimmed string; '' when optional and left blank. */
export function text({ max, required = false, multiLine = false }: TextOptions) {
  return z
    .string(TYPE_ERROR)
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (required && s === '') ctx.addIssue({ code: 'custom', message: '不能为空' });
      else if (charLength(s) > max) ctx.addIssue({ code: 'custom', message: `不能超过${max}个字符` });
      else {
        const problem = textProblem(s, multiLine);
        if (problem === 'control') ctx.addIssue({ code: 'custom', message: '含有不可见的控制字符' });
        if (problem === 'emoji') ctx.addIssue({ code: 'custom', message: '不能包含表情符号' });
      }
    });
}

/**
 * The fields whose text names a file or folder on this machine, which the main process then reads or writes (a
 * backup's folder, a package to import). Marked so that whoever feeds the contract arbitrary input (the contract
 * fuzzer, test/fuzz/) can keep such paths inside its own temp folder.
 */
export const filePathFields = z.registry<{ kind: 'file' | 'folder' }>();

/** `/…` on Linux and macOS, `C:\…` or `\\server\share` on Windows. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * A path of a file or folder on this machine (see `filePathFields`): a full path, as the file dialog and the CLI
 * give it. A relative one is refused, since the main process would resolve it against wherever it was started.
 */
export function filePath({ max, kind }: { max: number; kind: 'file' | 'folder' }) {
  const schema = text({ max, required: true }).refine(
    (s) => s === '' || ABSOLUTE_PATH.test(s),
    kind === 'folder' ? '请选择文件夹的完整路径' : '请选择文件的完整路径',
  );
  filePathFields.add(schema, { kind });
  return schema;
}

/** One value of a fixed list. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => (iss.input === '' || iss.input == null ? '请选择' : '不是可选的值') });
}

/** Like `choice`, or '' when left blank (a rule elsewhere decides whether blank is allowed). */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([choice(values), z.literal('')], { error: '不是可选的值' });
}

/** An ISO date (yyyy-mm-dd); yyyymmdd is accepted and normalised. */
export function isoDate({ required = true }: { required?: boolean } = {}) {
  return z
    .string(TYPE_ERROR)
    .transform((s) => {
      const t = s.trim();
      return /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : t;
    })
    .superRefine((s, ctx) => {
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: '不能为空' });
      } else if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: '日期格式应为2026-11-22' });
      else if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: '不是真实的日期' });
    });
}

export function integer({ min, max }: { min: number; max: number }) {
  return z.number(TYPE_ERROR).int('应为整数').min(min, `不能小于${min}`).max(max, `不能大于${max}`);
}

/** Amount of money in fen: an integer, never negative. */
export function fen() {
  return z.number(TYPE_ERROR).int('金额最多两位小数').min(0, '金额不能为负数').max(100_000_000_000, '金额过大');
}

export function strictObject<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? '不允许的字段' : '格式不正确'),
  });
}

/** Strips array indices so that `opposingParties.2.name` finds the label of `opposingParties.*.name`. */
function labelKey(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
}

export function labelFor(labels: Labels, path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length; i > 0; i--) {
    const label = labels[labelKey(path.slice(0, i))];
    if (label) return label;
  }
  return undefined;
}

/** One Chinese message per offending field, in the order zod found them. */
export function fieldIssues(error: z.ZodError, labels: Labels): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const field = path.map(String).join('.');
      if (seen.has(field)) continue;
      seen.add(field);
      const label = labelFor(labels, path);
      const what =
        issue.code === 'unrecognized_keys'
          ? `不允许的字段“${field}”`
          : label
            ? `${label}：${issue.message}`
            : issue.message;
      // The request as a whole (not an object at all): no field to name. A key named '' is a field all the same.
      out.push({ field, message: path.length === 0 ? `请求数据${issue.message}` : what });
    }
  }
  return out;
}

export function validationError(error: z.ZodError, labels: Labels): AppError {
  const issues = fieldIssues(error, labels);
  const first = issues[0] ?? { field: '', message: '请求数据格式不正确' };
  return new AppError('VALIDATION', first.message, first.field || undefined, issues);
}

/**
 * Refuses with every issue of a rule that needs more than the schema (the case, the office's data) at once, each
 * field named in Chinese as the dispatcher's own validation names it; `prefix`: where the checked part sits in the
 * channel's input.
 */
export function refuseIssues(
  issues: readonly { path: (string | number)[]; message: string }[],
  labels: Labels,
  prefix: string[] = [],
): never {
  const fieldIssues: FieldIssue[] = issues.map(({ path, message }) => {
    const label = labelFor(labels, path);
    return { field: [...prefix, ...path].join('.'), message: label ? `${label}：${message}` : message };
  });
  const first = fieldIssues[0]!;
  throw new AppError('VALIDATION', first.message, first.field, fieldIssues);
}

/** Parses with a schema, throwing an AppError that names the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, labels: Labels): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, labels);
  return result.data;
}
