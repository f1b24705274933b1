// The backend the bench builds its data with: the app's own handler map and dispatcher (the same validation,
// case numbers, audit entries and search index for every call), over the app's own store
// and a file that skips the fsync at commit while it is being filled. Its clock follows the data: each call happens
// on the day it records (the step's date, the application's date), so time stamps such as updated_at look like a
// real office's. Measurements never use it: they open the finished file the way the app does (electron/backend.ts).
import { openStore, type Store } from '../../db/open';
import { benchKeys } from './benchKey';
import { createDispatch } from '../../electron/dispatch';
import { createHandlers } from '../../electron/handlers';
import { ElectronicDossiers } from '../../electron/services/dossier/archive';
import { OutgoingFiles } from '../../electron/services/outgoingFiles';
import { FileStore } from '../../electron/services/fileStore';
import type { Clock } from '../../electron/services/system/clock';
import { Sessions } from '../../electron/sessions';
import { createApi, type Api } from '../../shared/client';
import { APP_VERSION } from '../../electron/version';
import { localDate } from '../../shared/dates';

export interface BuildBackend {
  api: Api;
  store: Store;
  close(): Promise<void>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day a call is made on: the latest date it records that is not after `until` (a step's 办理日期, a payment
 * made after it, a registration's 受理日期), or null. Later dates (a 补充期限, a 取证日期) are not "made on".
 */
function dayOf(input: unknown, until: string): string | null {
  let latest: string | null = null;
  const visit = (value: unknown, depth: number) => {
    if (typeof value === 'string') {
      if (ISO_DATE.test(value) && value <= until && (latest === null || value > latest)) latest = value;
    } else if (value && typeof value === 'object' && depth < 4) {
      for (const v of Object.values(value)) visit(v, depth + 1);
    }
  };
  visit(input, 0);
  return latest;
}

/** A clock set to each call's day (office hours, a minute later per call); `until` before the first. */
function followingClock(until: string): Clock & { follow(input: unknown): void } {
  const start = new Date(`${until}T09:00:00+08:00`);
  let at = start;
  let day = '';
  let minute = 0;
  return {
    now: () => at,
    today: () => localDate(at),
    follow(input) {
      const on = dayOf(input, until);
      if (!on) return;
      minute = on === day ? minute + 1 : 0;
      day = on;
      at = new Date(`${on}T09:00:00+08:00`);
      at.setTime(at.getTime() + (minute % 480) * 60_000);
    },
  };
}

export function openBuildBackend(dataFile: string, until: string): BuildBackend {
  const clock = followingClock(until);
  const opened = openStore(dataFile, { keys: benchKeys(), now: () => clock.now() });
  // A file under construction: if the machine stops, it is built again. Set back to FULL before closing.
  opened.sqlite.pragma('synchronous = OFF');
  const store: Store = opened;
  const db = store.db;
  const handlers = createHandlers({ appInfo: { version: APP_VERSION, dataFile, shell: 'preview' }, store });
  const sessions = new Sessions(24 * 60 * 60_000, () => clock.now().getTime());
  sessions.signInSystem('bench');
  // No PDF renderer: the synthetic archived cases keep what their dossier would be made from, not thousands of PDFs.
  const dossiers = new ElectronicDossiers(
    new FileStore(dataFile, () => store.keyRing),
    null,
    new OutgoingFiles(dataFile),
  );
  const dispatch = createDispatch({ db, clock, handlers, sessions, dossiers, log: (error) => console.error(error) });
  return {
    api: createApi((channel, input) => {
      clock.follow(input);
      return dispatch(channel, input, 'bench');
    }),
    store,
    close: async () => {
      opened.sqlite.pragma('synchronous = FULL');
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await opened.close();
    },
  };
}
