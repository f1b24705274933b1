// The child process of test/electron/restoreCrashSafety.test.ts, killed with SIGKILL at a random moment of its work:
// `restore DATA_FILE` opens the data file, which applies and finishes the restore staged next to it;
// `recover DATA_FILE PACKAGE` installs the bureau's recovery package through the channel, in one transaction.
// It prints `ready` just before the work starts and `done` once it has finished (committed).
import { testKeys } from './testKey';
import { openStore } from '../../db/open';
import { openBackend } from '../../electron/backend';

async function main([mode, dataFile, recoveryPackage]: string[]): Promise<void> {
  if (mode === 'restore') {
    process.stdout.write('ready\n');
    const store = openStore(dataFile!, { keys: testKeys() });
    await store.close();
  } else if (mode === 'recover') {
    const backend = openBackend({
      keys: testKeys(),
      dataFile: dataFile!,
      shell: 'preview',
      log: (error) => console.error(error),
    });
    backend.sessions.signInSystem('local');
    process.stdout.write('ready\n');
    const result = await backend.dispatch(
      'exchange.recover',
      { file: recoveryPackage, upload: null, dryRun: false, choices: [] },
      'local',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    await backend.close();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write('done\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
