// What happens to an error nobody caught in the main process: it is appended to <userData>/logs/main.log (kept
// small: one older file beside it) and the clerk is told in Chinese, in a dialog, where the log is. No electron
// import: the main process hands in the dialog as a function, and the process events as an emitter.
import fs from 'node:fs';
import path from 'node:path';

const LOG_FOLDER = 'logs';
const MAIN_LOG = 'main.log';
/** Past this the log moves to main.log.1 (replacing the older one) and a new one starts. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** Errors in a burst get one dialog; all of them are logged. */
export const DIALOG_INTERVAL_MS = 10_000;

export const CRASH_TITLE = 'CaseDesk 出现错误';

export function mainLogFile(userDataDir: string): string {
  return path.join(userDataDir, LOG_FOLDER, MAIN_LOG);
}

/** An Error's fields, read by shape: errors made in another realm (a native module, a vm) fail instanceof. */
function errorFields(error: unknown): { name: string; message: string; stack: string | undefined } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
  if (typeof message !== 'string') return null;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message,
    stack: typeof stack === 'string' ? stack : undefined,
  };
}

function describe(error: unknown): string {
  const fields = errorFields(error);
  if (fields) return fields.stack ?? `${fields.name}: ${fields.message}`;
  try {
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    return String(error);
  }
}

/** One entry: UTC time, what kind of event, and the error with its stack. */
export function formatLogEntry(kind: string, error: unknown, at: Date): string {
  return `[${at.toISOString()}] ${kind}: ${describe(error)}\n`;
}

/** Appends to the log; never throws (a log that cannot be written must not cause a second crash). */
export function appendLog(file: string, entry: string): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      if (fs.statSync(file).size + Buffer.byteLength(entry) > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    fs.appendFileSync(file, entry);
    return true;
  } catch {
    return false;
  }
}

/** The dialog's text: what happened to the clerk's work, and where the details are. */
export function crashMessage(error: unknown, logFile: string, logged: boolean): string {
  const detail = errorFields(error)?.message ?? describe(error);
  const where = logged ? `错误详情已记录在：${logFile}` : `错误详情未能写入日志文件（${logFile}）。`;
  return (
    '程序遇到意外错误。刚才的操作可能没有完成，请检查后重试；已经保存的数据不受影响。\n' +
    `${where}\n如果问题反复出现，请把该文件交给技术支持人员。\n\n技术信息：${detail.slice(0, 500)}`
  );
}

export interface CrashHandlerOptions {
  logFile: string;
  /** Electron's dialog.showErrorBox. */
  showError(title: string, content: string): void;
  now?: () => Date;
  /** Also told about every error that gets a dialog (the console, in development). */
  echo?: (entry: string) => void;
}

export interface ProcessEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  off(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

export interface CrashReporter {
  /** Logs an error and tells the clerk (at most one dialog per DIALOG_INTERVAL_MS). */
  report(kind: string, error: unknown): void;
  /** Logs without a dialog: something worth knowing that the clerk has already been told about, or need not be. */
  log(kind: string, error: unknown): void;
  /** Stops listening to the process events. */
  uninstall(): void;
}

/**
 * Listens for uncaught exceptions and unhandled rejections on `events` (the process). Having a listener keeps
 * the process running, as Electron itself does after its own error dialog; the data file is safe either way,
 * since every write is one transaction.
 */
export function installCrashHandlers(
  events: ProcessEvents,
  { logFile, showError, now = () => new Date(), echo }: CrashHandlerOptions,
): CrashReporter {
  let lastDialog = Number.NEGATIVE_INFINITY;
  const log = (kind: string, error: unknown): { entry: string; logged: boolean } => {
    const entry = formatLogEntry(kind, error, now());
    return { entry, logged: appendLog(logFile, entry) };
  };
  const report = (kind: string, error: unknown): void => {
    const { entry, logged } = log(kind, error);
    echo?.(entry);
    const at = now().getTime();
    if (at - lastDialog < DIALOG_INTERVAL_MS) return;
    lastDialog = at;
    try {
      showError(CRASH_TITLE, crashMessage(error, logFile, logged));
    } catch {
      // no dialog to be had (the app is going down): the log has it
    }
  };
  const onException = (error: unknown) => report('uncaughtException', error);
  const onRejection = (error: unknown) => report('unhandledRejection', error);
  events.on('uncaughtException', onException);
  events.on('unhandledRejection', onRejection);
  return {
    report,
    log: (kind, error) => void log(kind, error),
    uninstall() {
      events.off('uncaughtException', onException);
      events.off('unhandledRejection', onRejection);
    },
  };
}
