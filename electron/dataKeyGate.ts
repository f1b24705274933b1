// The desktop app's start when this PC does not hold the data file's key (the data copied to a new PC, the
// system's key store lost or reinstalled, the key file damaged): instead of a dead end, a backend that answers only
// `dataKey.unlock` (and `app.info`) until the recovery key is entered. The recovery key is checked against the file
// before anything is kept; then the key is kept by the provider (wrapped again by this PC's store) and the real
// backend opens. Every other call is refused with the reason, so the renderer shows its 输入恢复密钥 page.
import { contract } from '../shared/contract';
import { AppError } from '../shared/errors';
import { dataKeyFromRecoveryKey, fileStateOf, keyIdBeside, keyThatOpens } from '../db/dataKey';
import { openBackend, type Backend, type BackendOptions } from './backend';
import { APP_VERSION } from './version';

export function openBackendOrAskForKey(options: BackendOptions): Backend {
  let refusal: AppError;
  try {
    return openBackend(options);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DATA_KEY')) throw error;
    refusal = error;
  }
  let opened: Backend | null = null;
  const notYet = (): never => {
    throw refusal;
  };
  const unlock = (recoveryKey: string): { keyId: string } => {
    const key = dataKeyFromRecoveryKey(recoveryKey);
    if (
      fileStateOf(options.dataFile) !== 'encrypted' ||
      !keyThatOpens(options.dataFile, [key], options.nativeBinding)
    ) {
      const needed = keyIdBeside(options.dataFile);
      throw new AppError(
        'DATA_KEY',
        `恢复密钥格式正确，但不是这份数据的（输入的是编号 ${key.id} 的密钥${needed ? `，这份数据需要编号 ${needed}` : ''}）：请核对恢复密钥`,
        'recoveryKey',
      );
    }
    options.keys.save(options.dataFile, { current: key, previous: null });
    opened = openBackend(options);
    return { keyId: key.id };
  };
  return {
    get store() {
      return opened?.store ?? notYet();
    },
    get sessions() {
      return opened?.sessions ?? notYet();
    },
    get handlers() {
      return opened?.handlers ?? notYet();
    },
    get outgoing() {
      return opened?.outgoing ?? notYet();
    },
    async dispatch(channel, input, caller) {
      if (opened) return opened.dispatch(channel, input, caller);
      try {
        if (channel === 'app.info')
          return { ok: true, value: { version: APP_VERSION, dataFile: options.dataFile, shell: options.shell } };
        if (channel !== 'dataKey.unlock') throw refusal;
        const parsed = contract['dataKey.unlock'].input.safeParse(input);
        if (!parsed.success) throw new AppError('VALIDATION', '恢复密钥：请输入恢复密钥', 'recoveryKey');
        return { ok: true, value: unlock(parsed.data.recoveryKey) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，数据未改动' } };
      }
    },
    close: async () => {
      await opened?.close();
    },
  };
}
