// Backups of the data file (SQLite's online backup) with its attachments, their rotation, and restore.
// TO BE IMPLEMENTED (issue #6): see the functions' contracts below.
import type { Store } from '../../db/open';
import type { BackupInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';

export async function createBackup(_store: Store, _options: { folder: string | null; reason: BackupInfo['reason']; now: Date }): Promise<BackupInfo> {
  throw new AppError('INTERNAL', '备份功能尚未完成');
}

export async function listBackups(_store: Store): Promise<BackupInfo[]> {
  return [];
}

export async function stageRestore(_store: Store, _file: string): Promise<BackupInfo> {
  throw new AppError('INTERNAL', '恢复功能尚未完成');
}
