// The desktop app's keeper of the data key: `<data file>.key`, next to the data, holding the key wrapped by the
// operating system's store (Electron safeStorage: DPAPI under the Windows account, the keyring on Linux). The file
// alone opens nothing: only this account on this PC can unwrap it. Its key number is kept in plain beside the
// wrapped bytes, so that when the store cannot unwrap it (another PC, a reinstalled system) the clerk is told which
// recovery key to enter. safeStorage is handed in by electron/main.ts, the only file that imports electron.
import fs from 'node:fs';
import path from 'node:path';
import { dataKeyOf, type DataKeyProvider, type KeyRing } from '../db/dataKey';
import { AppError } from '../shared/errors';

/** The part of Electron's safeStorage this needs (the tests hand in a stand-in that really encrypts). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const KEY_FILE_SUFFIX = '.key';

export function dataKeyFilePath(dataFile: string): string {
  return path.resolve(dataFile) + KEY_FILE_SUFFIX;
}

interface KeyFileContent {
  format: 'casedesk-data-key';
  version: 1;
  keyId: string;
  previousKeyId: string | null;
  /** base64 of safeStorage.encryptString(JSON of the keys in hex). */
  wrapped: string;
}

export class SafeStorageKeyProvider implements DataKeyProvider {
  constructor(private readonly safeStorage: SafeStorageLike) {}

  load(file: string): KeyRing | null {
    const keyFile = dataKeyFilePath(file);
    let text: string;
    try {
      text = fs.readFileSync(keyFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('DATA_KEY', `密钥文件“${keyFile}”无法读取，请输入恢复密钥`);
    }
    let content: KeyFileContent;
    try {
      content = JSON.parse(text) as KeyFileContent;
      if (
        content.format !== 'casedesk-data-key' ||
        typeof content.wrapped !== 'string' ||
        typeof content.keyId !== 'string'
      )
        throw new Error('format');
    } catch {
      throw new AppError('DATA_KEY', `密钥文件“${keyFile}”已损坏或不完整：请输入恢复密钥（输入后将重新生成密钥文件）`);
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'DATA_KEY',
        `本机系统的密钥库不可用，无法解开数据密钥（编号 ${content.keyId}）：请输入恢复密钥`,
      );
    }
    let keys: { current: string; previous: string | null };
    try {
      keys = JSON.parse(this.safeStorage.decryptString(Buffer.from(content.wrapped, 'base64'))) as typeof keys;
    } catch {
      throw new AppError(
        'DATA_KEY',
        `本机系统无法解开密钥文件中的数据密钥（编号 ${content.keyId}）：数据可能是从另一台电脑或另一个系统账户复制来的，或系统已重装。请输入编号为 ${content.keyId} 的恢复密钥`,
      );
    }
    const current = dataKeyOf(Buffer.from(keys.current, 'hex'));
    return { current, previous: keys.previous ? dataKeyOf(Buffer.from(keys.previous, 'hex')) : null };
  }

  save(file: string, ring: KeyRing): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new AppError('DATA_KEY', '本机系统的密钥库不可用，无法保存数据密钥（Linux 需要桌面环境的密钥环）');
    }
    const wrapped = this.safeStorage.encryptString(
      JSON.stringify({
        current: ring.current.bytes.toString('hex'),
        previous: ring.previous?.bytes.toString('hex') ?? null,
      }),
    );
    const content: KeyFileContent = {
      format: 'casedesk-data-key',
      version: 1,
      keyId: ring.current.id,
      previousKeyId: ring.previous?.id ?? null,
      wrapped: wrapped.toString('base64'),
    };
    const keyFile = dataKeyFilePath(file);
    const partial = `${keyFile}.partial`;
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const fd = fs.openSync(partial, 'w', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(content)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, keyFile);
  }
}
