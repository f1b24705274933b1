// Large buffers that live for one step of a loop: a scan decrypted to be checked or copied into the dossier, a
// megabyte of an export sealed on its way to disk. Node's ciphers cannot write into a buffer of ours, so each step
// makes a new one. V8 sees only its small wrapper in the young generation, and collects the buffers only when their
// bytes press it: a young collection once 32 MB of them wait, and, more often, full collections when the external
// memory has grown by 64 MB. So tens of megabytes of dropped buffers waited at any moment (an electronic dossier's
// 150 scans read twice, a full export's 224 MB read twice), and glibc kept the memory they had taken after V8 freed
// it, under everything the process did next (README, Performance: peak RSS). The code that makes such a buffer says
// so first; every TRANSIENT_BUDGET bytes, the young generation is collected (about a millisecond), which frees the
// ones dropped since. Measured on the electronic dossier alone: peak RSS 201 → 185 MB, and its CPU 1.1 → 0.6 s, the
// full collections it no longer causes.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Bytes of transient buffers made between two young collections. */
const TRANSIENT_BUDGET = 16 * 1024 * 1024;

type Collect = (options: { type: 'minor' }) => void;

let made = 0;
let collect: Collect | null = null;

/**
 * V8's own collection function: exposed (as the app's main process sets its heap growth, electron/heapGrowth.ts)
 * only in a context made for the purpose, then hidden again, so no other context sees a global `gc`.
 */
function collector(): Collect {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    try {
      collect = vm.runInNewContext('gc') as Collect;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  return collect;
}

/**
 * Called before making a buffer of `bytes` that the caller drops within the step (decrypted or encrypted bytes):
 * collects the young generation first when the budget is spent, so the buffers dropped since the last collection
 * are freed before another is made.
 */
export function beforeTransient(bytes: number): void {
  made += bytes;
  if (made < TRANSIENT_BUDGET) return;
  made = 0;
  collector()({ type: 'minor' });
}
