// Command lines of the CLI, the preview and the bench, read by Node's own util.parseArgs in strict mode: a flag
// the command does not take, a flag without its value or an argument where none belongs is refused with a Chinese
// message (the caller adds the command's usage and exits 2), never taken for something else.
import { parseArgs as parseNodeArgs } from 'node:util';

/** The flags a command takes: `--name value` (string) or `--name` alone (boolean). */
export type FlagTypes = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

/** A command line the command cannot take; the message says why, in Chinese. */
export class ArgumentError extends Error {}

const quoted = (message: string) => /'([^']+)'/.exec(message)?.[1] ?? '';

/** Node's parse error, said in Chinese with the flag or argument it names. */
function explain(error: NodeJS.ErrnoException): string {
  const named = quoted(error.message);
  const flag = named.split(' ')[0]!;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知参数：${flag}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${named}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(error.message)) return `参数 ${flag} 不带值`;
      if (/ambiguous/.test(error.message)) return `参数 ${flag} 缺少值（以“-”开头的值请写成 ${flag}=值）`;
      return `参数 ${flag} 缺少值`;
    default:
      return error.message;
  }
}

export function parseArgs(argv: readonly string[], flags: FlagTypes, { positionals = false } = {}): ParsedArgs {
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(flags).map(([name, type]) => [name, { type }])),
      allowPositionals: positionals,
      strict: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))
      throw new ArgumentError(explain(error as NodeJS.ErrnoException));
    throw error;
  }
  const values = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') values.set(name, value);
    else if (value === true) values.set(name, true);
  }
  return { flags: values, positionals: parsed.positionals };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
