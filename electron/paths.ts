// Where the data file lives. Electron's userData folder is <appData>/<productName>; the preview and the CLI
// compute the same folder in plain Node so that all three open the same file by default.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'CaseDesk';
const DATA_FILE_NAME = 'casedesk.sqlite';
const DB_ENV_VAR = 'CASEDESK_DB';

/** The same folder as Electron's app.getPath('appData') on each platform. */
function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

function defaultDataFile(userDataDir = path.join(appDataDir(), PRODUCT_NAME)): string {
  return path.join(userDataDir, DATA_FILE_NAME);
}

/** `--db PATH` (or `--db=PATH`) wins, then $CASEDESK_DB, then the user-data folder. */
export function resolveDataFile(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir?: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--db=')) return path.resolve(arg.slice('--db='.length));
  }
  if (env[DB_ENV_VAR]) return path.resolve(env[DB_ENV_VAR]!);
  return defaultDataFile(userDataDir);
}
