// The child process of test/electron/crashSafety.test.ts: registers legal-aid cases on the data file it is given
// as fast as it can, and every tenth case takes a backup, until it is killed. A case number is printed only after
// its call has returned ok, that is after its transaction committed.
import { testKeys } from './testKey';
import { openBackend } from '../../electron/backend';
import { createBackup } from '../../electron/services/backup';
import { validApplication } from './fixtures';

async function main(dataFile: string): Promise<never> {
  const backend = openBackend({ keys: testKeys(), dataFile, shell: 'preview', log: (error) => console.error(error) });
  backend.sessions.signInSystem('local');
  process.stdout.write('ready\n');
  for (let i = 1; ; i++) {
    const result = await backend.dispatch(
      'legalAid.create',
      { draftId: null, application: validApplication() },
      'local',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    process.stdout.write(`${(result.value as { caseNumber: string }).caseNumber}\n`);
    if (i % 10 === 0) await createBackup(backend.store, { folder: null, reason: 'manual', now: new Date() });
  }
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
