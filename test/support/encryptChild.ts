// The child process of test/electron/encryptCrashSafety.test.ts: opens a plain data file of an older version, which
// encrypts it (db/encryptPlain.ts). At each step it prints `step:<name>`; at the step named on its command line it
// stops there (blocked, as a machine may stop anywhere) until the test kills it with SIGKILL. `done` when finished.
import { openStore } from '../../db/open';
import { testKeys } from './testKey';

const [dataFile, stopAt] = process.argv.slice(2);
const blocked = new Int32Array(new SharedArrayBuffer(4));

const store = openStore(dataFile!, {
  keys: testKeys(),
  encryptionStep: (step) => {
    process.stdout.write(`step:${step}\n`); // a pipe: written synchronously, before the wait
    if (step === stopAt) Atomics.wait(blocked, 0, 0, 120_000);
  },
});
store
  .close()
  .then(() => process.stdout.write('done\n'))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
