// Writing a package into the folder the clerk chose (a USB stick, often): the folder is made when missing, and what
// the file system refuses (a file where the folder should be, a write-protected stick, a full one) is told on the
// `folder` field in Chinese instead of failing as an internal error.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

function refusal(folder: string, name: string, code: string | undefined): AppError | null {
  const because = (what: string) => new AppError('VALIDATION', `保存位置：${what}`, 'folder');
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return because(`“${folder}”不是文件夹`);
    case 'EISDIR':
      return because(`文件夹“${folder}”中已有名为“${name}”的文件夹`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return because(`文件夹“${folder}”不能写入（U盘是否写保护？）`);
    case 'ENOSPC':
      return because('空间不足，文件未保存');
    default:
      return null;
  }
}

/** Writes `name` into `folder` by `write` (given the target path); answers the target path. */
export async function writeIntoFolder(
  folder: string,
  name: string,
  write: (target: string) => Promise<void>,
): Promise<string> {
  const target = path.join(folder, name);
  try {
    await fsp.mkdir(folder, { recursive: true });
    await write(target);
  } catch (error) {
    throw refusal(folder, name, (error as NodeJS.ErrnoException).code) ?? error;
  }
  return target;
}
