// A file the CLI writes for the clerk (a ledger): whole or not at all. The bytes go to a .partial beside it and are
// renamed into place, so a failure (no such folder, no permission, disk full) leaves no half file, and the error
// says in Chinese what was wrong with the path.
import fs from 'node:fs';

const REASONS: Record<string, string> = {
  ENOENT: '所在文件夹不存在',
  ENOTDIR: '所在文件夹不存在',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '所在磁盘只读',
  EISDIR: '这是一个文件夹',
  ENOSPC: '磁盘空间不足',
};

export function writeOutputFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  try {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new Error(`无法写入输出文件 ${file}：${REASONS[code] ?? '写入失败'}，未生成任何文件`);
  }
}
