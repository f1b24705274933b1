// The bench running a part of itself in a child process (its own entry again, with a flag saying which part): the
// electronic dossier's set-up, whose garbage is not the dossier's, and the measurements run apart, whose memory is
// not the app's. The child answers one message and exits; the parent waits for both.
import { fork } from 'node:child_process';

/** The bench's entry script (dist/bench.js, or scripts/bench.ts under tsx), which its children run again. */
export function benchEntry(what: string): string {
  const entry = require.main?.filename;
  if (!entry) throw new Error(`the bench has no entry script to run ${what} with`);
  return entry;
}

/** Runs the bench's entry with `args`; resolves with its answer. */
export function askBenchChild<T>(args: readonly string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let answer: { value: T } | null = null;
    const child = fork(benchEntry(what), args, { stdio: 'inherit' });
    child.on('message', (message) => {
      answer = { value: message as T };
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && answer ? resolve(answer.value) : reject(new Error(`${what} failed (exit ${code})`)),
    );
  });
}

/** The child's side: its answer sent to the parent, resolved once it has left. */
export function answerParent(value: unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send!(value, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
