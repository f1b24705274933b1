// The backend as one value: the opened store, the handler map and the dispatcher. Electron's main process,
// the preview server, the CLI and the tests all build it the same way.
import { openStore, type OpenOptions, type Store } from '../db/open';
import type { AppInfo } from '../shared/contract';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';
import { systemClock, type Clock } from './services/clock';
import { APP_VERSION } from './version';

export interface Backend {
  store: Store;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface BackendOptions extends OpenOptions {
  dataFile: string;
  shell: AppInfo['shell'];
  clock?: Clock;
  log?: (error: unknown) => void;
}

export function openBackend({ dataFile, shell, clock = systemClock, log, ...open }: BackendOptions): Backend {
  const store = openStore(dataFile, open);
  const handlers = createHandlers({ appInfo: { version: APP_VERSION, dataFile, shell } });
  const dispatch = createDispatch({ db: store.db, clock, handlers, ...(log ? { log } : {}) });
  return { store, handlers, dispatch, close: () => store.close() };
}
