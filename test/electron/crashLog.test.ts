// electron/crashLog.ts: errors nobody caught go to <userData>/logs/main.log and to the clerk, in Chinese.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import {
  CRASH_TITLE,
  DIALOG_INTERVAL_MS,
  MAX_LOG_BYTES,
  appendLog,
  crashMessage,
  formatLogEntry,
  installCrashHandlers,
  mainLogFile,
} from '../../electron/crashLog';
import { tempDir } from '../support/fixtures';

const AT = new Date('2026-03-02T01:02:03.004Z');

describe('log entries', () => {
  it('carry the UTC time, the kind and the stack', () => {
    const error = new RangeError('案号计数器溢出');
    const entry = formatLogEntry('uncaughtException', error, AT);
    expect(entry.startsWith('[2026-03-02T01:02:03.004Z] uncaughtException: RangeError: 案号计数器溢出\n    at ')).toBe(
      true,
    );
    expect(entry.endsWith('\n')).toBe(true);
  });

  it('describe things thrown that are not errors', () => {
    expect(formatLogEntry('unhandledRejection', '文本', AT)).toBe(
      '[2026-03-02T01:02:03.004Z] unhandledRejection: 文本\n',
    );
    expect(formatLogEntry('unhandledRejection', { code: 42 }, AT)).toBe(
      '[2026-03-02T01:02:03.004Z] unhandledRejection: {"code":42}\n',
    );
    expect(formatLogEntry('unhandledRejection', undefined, AT)).toBe(
      '[2026-03-02T01:02:03.004Z] unhandledRejection: undefined\n',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatLogEntry('x', cyclic, AT)).toBe('[2026-03-02T01:02:03.004Z] x: [object Object]\n');
  });

  it('read errors from another realm (a native module) by their shape', () => {
    const foreign = { name: 'Error', message: 'dlopen failed', stack: 'Error: dlopen failed\n    at native' };
    expect(formatLogEntry('startup', foreign, AT)).toBe(
      '[2026-03-02T01:02:03.004Z] startup: Error: dlopen failed\n    at native\n',
    );
  });
});

describe('the log file', () => {
  it('is <userData>/logs/main.log, created with its folder on first use', () => {
    const userData = tempDir();
    const file = mainLogFile(userData);
    expect(file).toBe(path.join(userData, 'logs', 'main.log'));
    expect(appendLog(file, 'one\n')).toBe(true);
    expect(appendLog(file, 'two\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\n');
  });

  it('stays small: past the limit it moves to main.log.1 and starts again', () => {
    const file = mainLogFile(tempDir());
    appendLog(file, `${'a'.repeat(MAX_LOG_BYTES - 10)}\n`);
    appendLog(file, 'this one does not fit\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('this one does not fit\n');
    expect(fs.statSync(`${file}.1`).size).toBe(MAX_LOG_BYTES - 9);
  });

  it('never throws when the log cannot be written', () => {
    const blocker = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocker, '');
    expect(appendLog(path.join(blocker, 'logs', 'main.log'), 'entry\n')).toBe(false);
  });
});

describe('the crash handlers', () => {
  function install(logFile = mainLogFile(tempDir())) {
    const events = new EventEmitter();
    const shown: { title: string; content: string }[] = [];
    let now = AT.getTime();
    const reporter = installCrashHandlers(events, {
      logFile,
      showError: (title, content) => shown.push({ title, content }),
      now: () => new Date(now),
    });
    return { events, shown, reporter, logFile, advance: (ms: number) => (now += ms) };
  }

  it('log an uncaught exception and tell the clerk in Chinese where the log is', () => {
    const { events, shown, logFile } = install();
    events.emit('uncaughtException', new Error('boom'));
    expect(fs.readFileSync(logFile, 'utf8')).toMatch(/^\[2026-03-02T01:02:03.004Z\] uncaughtException: Error: boom\n/);
    expect(shown).toEqual([{ title: CRASH_TITLE, content: crashMessage(new Error('boom'), logFile, true) }]);
    expect(shown[0]!.content).toContain(`错误详情已记录在：${logFile}`);
    expect(shown[0]!.content).toContain('已经保存的数据不受影响');
    expect(shown[0]!.content).toContain('技术信息：boom');
  });

  it('show one dialog for a burst of errors, and the next after a pause; every error is logged', () => {
    const { events, shown, logFile, advance } = install();
    events.emit('unhandledRejection', new Error('1'));
    advance(DIALOG_INTERVAL_MS - 1);
    events.emit('uncaughtException', new Error('2'));
    expect(shown).toHaveLength(1);
    advance(1);
    events.emit('uncaughtException', new Error('3'));
    expect(shown).toHaveLength(2);
    expect(fs.readFileSync(logFile, 'utf8').match(/^\[/gm)).toHaveLength(3);
  });

  it('say so when even the log could not be written', () => {
    const blocker = path.join(tempDir(), 'file');
    fs.writeFileSync(blocker, '');
    const { events, shown } = install(path.join(blocker, 'logs', 'main.log'));
    events.emit('uncaughtException', new Error('boom'));
    expect(shown[0]!.content).toContain('错误详情未能写入日志文件');
  });

  it('survive a dialog that cannot be shown', () => {
    const events = new EventEmitter();
    const logFile = mainLogFile(tempDir());
    installCrashHandlers(events, {
      logFile,
      showError: () => {
        throw new Error('no display');
      },
    });
    expect(() => events.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(fs.readFileSync(logFile, 'utf8')).toContain('boom');
  });

  it('log without a dialog when asked to, and stop listening when uninstalled', () => {
    const { events, shown, reporter, logFile } = install();
    reporter.log('print', 'Print job failed');
    expect(shown).toEqual([]);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('print: Print job failed');
    reporter.uninstall();
    expect(events.listenerCount('uncaughtException')).toBe(0);
    expect(events.listenerCount('unhandledRejection')).toBe(0);
  });
});
