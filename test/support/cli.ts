// The CLI run in the test's own process, as `npm run cli -- …` runs it (scripts/cli.ts's runCli), with what it
// prints captured: the exit code, standard output and standard error (as one text, or standard output as its lines).
import { runCli } from '../../scripts/cli';

export async function cliLines(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.join('\n') };
}

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, out, err } = await cliLines(...argv);
  return { code, out: out.join('\n'), err };
}
