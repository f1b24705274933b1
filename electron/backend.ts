// The backend as one value: the opened store, the handler map and the dispatcher. Electron's main process,
// the preview server, the CLI and the tests all build it the same way.
import { openStore, type OpenOptions, type Store } from '../db/open';
import type { AppInfo } from '../shared/contract';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';
import { Sessions } from './sessions';
import { IDLE_LOCK_MINUTES } from '../shared/accounts';
import { systemClock, type Clock } from './services/system/clock';
import { encryptPlainBackups } from './services/backup';
import { ElectronicDossiers } from './services/dossier/archive';
import type { PdfRenderer } from './services/dossier/electronic';
import { FileStore } from './services/fileStore';
import { OutgoingFiles } from './services/outgoingFiles';
import { APP_VERSION } from './version';

export interface Backend {
  store: Store;
  sessions: Sessions;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Files made for the clerk to save (the electronic dossier): the shell delivers them and removes them. */
  outgoing: OutgoingFiles;
  close(): Promise<void>;
}

export interface BackendOptions extends OpenOptions {
  dataFile: string;
  shell: AppInfo['shell'];
  clock?: Clock;
  log?: (error: unknown) => void;
  idleLockMinutes?: number;
  /**
   * HTML to PDF for the electronic dossier (Electron's printToPDF, or Chromium for the CLI and the preview); closed
   * with the backend. Without one, a dossier cannot be made and archiving keeps only what it would be made from.
   */
  pdfRenderer?: PdfRenderer;
}

export function openBackend({
  dataFile,
  shell,
  clock = systemClock,
  log,
  idleLockMinutes = IDLE_LOCK_MINUTES,
  pdfRenderer,
  ...open
}: BackendOptions): Backend {
  const store = openStore(dataFile, { ...open, now: () => clock.now() });
  try {
    // Attachments of an older CaseDesk (plain) or from before an interrupted re-key are put under the current key;
    // only then is the previous key forgotten.
    new FileStore(dataFile, () => store.keyRing).encryptUnderCurrentKey();
    // Plain backups of an older CaseDesk in the data folder; one that cannot be encrypted stays listed as plain.
    for (const { file, error } of encryptPlainBackups(store).left) {
      (log ?? console.error)(
        new Error(`plain backup ${file} left unencrypted: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    if (store.keyRing.previous) {
      store.keyRing = { current: store.keyRing.current, previous: null };
      store.keys.save(dataFile, store.keyRing);
    }
  } catch (error) {
    void store.close();
    throw error;
  }
  const handlers = createHandlers({ appInfo: { version: APP_VERSION, dataFile, shell }, store });
  const sessions = new Sessions(idleLockMinutes * 60_000, () => clock.now().getTime());
  const outgoing = new OutgoingFiles(dataFile);
  const dossiers = new ElectronicDossiers(new FileStore(dataFile, () => store.keyRing), pdfRenderer ?? null, outgoing);
  const dispatch = createDispatch({ db: store.db, clock, handlers, sessions, dossiers, ...(log ? { log } : {}) });
  const close = async () => {
    try {
      outgoing.clear();
      await pdfRenderer?.close?.();
    } finally {
      await store.close();
    }
  };
  return { store, sessions, handlers, dispatch, outgoing, close };
}
