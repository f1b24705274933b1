// The data key for the CLI and the preview, which have no operating-system key store: a key file named by
// --key-file or $CASEDESK_KEY_FILE holding the recovery key as text (made, readable by its owner only, when a new
// data file is created with it), or else the recovery key typed at a terminal. Without a terminal there is no one
// to ask: the command is refused in Chinese, saying how to give the key.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {
  dataKeyFromRecoveryKey,
  fileStateOf,
  MemoryKeyProvider,
  recoveryKeyOf,
  type DataKeyProvider,
  type KeyRing,
} from '../db/dataKey';
import { AppError } from '../shared/errors';

export const KEY_FILE_ENV_VAR = 'CASEDESK_KEY_FILE';

/**
 * A key file: the current recovery key on its first line and, only while a re-key is being finished, the previous
 * one on the second. Lines starting with # are notes for the person who keeps it.
 */
export class KeyFileProvider implements DataKeyProvider {
  constructor(readonly keyFile: string) {}

  load(): KeyRing | null {
    let text: string;
    try {
      text = fs.readFileSync(this.keyFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError(
        'DATA_KEY',
        `密钥文件“${this.keyFile}”无法读取（${(error as NodeJS.ErrnoException).code ?? '未知错误'}）`,
      );
    }
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length === 0 || lines.length > 2)
      throw new AppError('DATA_KEY', `密钥文件“${this.keyFile}”内容不正确：应为一行恢复密钥`);
    try {
      return {
        current: dataKeyFromRecoveryKey(lines[0]!),
        previous: lines[1] ? dataKeyFromRecoveryKey(lines[1]) : null,
      };
    } catch (error) {
      throw new AppError('DATA_KEY', `密钥文件“${this.keyFile}”已损坏或不完整：${(error as Error).message}`);
    }
  }

  save(file: string, ring: KeyRing): void {
    const body = [
      `# CaseDesk 数据文件 ${path.basename(file)} 的恢复密钥（编号 ${ring.current.id}）。请妥善保管，勿与数据文件放在一起。`,
      recoveryKeyOf(ring.current),
      ...(ring.previous ? [recoveryKeyOf(ring.previous)] : []),
      '',
    ].join('\n');
    const partial = `${this.keyFile}.partial`;
    fs.mkdirSync(path.dirname(path.resolve(this.keyFile)), { recursive: true });
    fs.writeFileSync(partial, body, { mode: 0o600 });
    fs.renameSync(partial, this.keyFile);
  }
}

/** Asks for the recovery key at the terminal (the characters are shown: it is read from paper, group by group). */
async function askRecoveryKey(
  dataFile: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<string> {
  const rl = readline.createInterface({ input, output, terminal: true });
  try {
    return await new Promise<string>((resolve) =>
      rl.question(`数据文件“${dataFile}”已加密。请输入恢复密钥（13组，每组5个字符）：`, resolve),
    );
  } finally {
    rl.close();
  }
}

export interface KeySource {
  /** --key-file, if given. */
  keyFile?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Whether a person is at a terminal to type the recovery key (process.stdin.isTTY). */
  interactive?: boolean;
  /** The preview shows a new file's recovery key at 首次设置; the CLI has no page and needs a key file. */
  newKeyInMemory?: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The provider for a CLI or preview run over `dataFile`. */
export async function keysForRun(dataFile: string, source: KeySource = {}): Promise<DataKeyProvider> {
  const env = source.env ?? process.env;
  const keyFile = source.keyFile ?? env[KEY_FILE_ENV_VAR];
  if (keyFile) return new KeyFileProvider(path.resolve(keyFile));
  const how = `请用 --key-file 参数或环境变量 ${KEY_FILE_ENV_VAR} 指定密钥文件（内容为恢复密钥）`;
  const state = fileStateOf(dataFile);
  if (state === 'encrypted') {
    if (!(source.interactive ?? process.stdin.isTTY)) {
      throw new AppError('DATA_KEY', `数据文件“${dataFile}”已加密，需要密钥：${how}，或在终端中运行以输入恢复密钥`);
    }
    const typed = await askRecoveryKey(dataFile, source.input ?? process.stdin, source.output ?? process.stdout);
    return new MemoryKeyProvider(dataKeyFromRecoveryKey(typed));
  }
  // Only a new file: an existing plain file's data must not end up under a key that dies with the process.
  if (source.newKeyInMemory && (state === 'absent' || state === 'empty')) return new MemoryKeyProvider(null);
  throw new AppError(
    'DATA_KEY',
    `数据文件将被加密，需要保存密钥的位置：${how}（文件不存在时将新建，并写入新数据文件的恢复密钥）`,
  );
}
