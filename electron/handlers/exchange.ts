// Handlers of the exchange with the county bureau: keys and mode, the office's export, bureau-mode import.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { keepHighWater, raiseHighWater } from '../../db/highWater';
import type { Store } from '../../db/open';
import type { exchangeChannels } from '../../shared/channels/exchange';
import { AppError } from '../../shared/errors';
import { actor, type HandlersOf } from '../handlerTypes';
import { createBackup } from '../services/backup';
import { exportConfig, importConfig } from '../services/exchange/configPackage';
import { importPackages, verifyPackages, type PackageFile } from '../services/exchange/bureauImport';
import {
  defaultExportFolder,
  exportAgain,
  exportHistory,
  exportNow,
  packageBytes,
} from '../services/exchange/officeExport';
import { makeRecoveryPackage } from '../services/exchange/recoveryPackage';
import { recoverFromPackage } from '../services/exchange/recoveryInstall';
import {
  ensureExchangeKeys,
  exchangeStatus,
  listConflicts,
  listOffices,
  registerOffice,
  replaceOfficeKey,
  resolveConflict,
  setBureauKey,
  setMode,
} from '../services/exchange/settings';
import { reenterIdNumber } from '../services/cases/maskedIdNumbers';
import { officeReportsOf } from '../services/statistics/officeReports';

/** Each file checked readable now; the import reads them one at a time, so only one is ever held in memory. */
async function readPackageFiles(files: readonly string[]): Promise<PackageFile[]> {
  return Promise.all(
    files.map(async (file, i) => {
      const readable = await fsp.access(path.resolve(file), fsp.constants.R_OK).then(
        async () => (await fsp.stat(path.resolve(file))).isFile(),
        () => false,
      );
      if (!readable) throw new AppError('VALIDATION', `数据包文件：找不到或不能读取“${file}”`, `files.${i}`);
      return { fileName: path.basename(file), path: path.resolve(file) };
    }),
  );
}

/** A recovery package by path (checked readable now) or as uploaded bytes. */
async function recoverySource(
  file: string | null,
  upload: { fileName: string; base64: string } | null,
): Promise<PackageFile> {
  if (upload) return { fileName: upload.fileName, bytes: Buffer.from(upload.base64, 'base64') };
  const resolved = path.resolve(file!);
  const readable = await fsp.stat(resolved).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!readable) throw new AppError('VALIDATION', `恢复包文件：找不到或不能读取“${file}”`, 'file');
  return { fileName: path.basename(resolved), path: resolved };
}

export function exchangeHandlers({ store }: { store: Store }): HandlersOf<typeof exchangeChannels> {
  const folderOf = (folder: string | null) =>
    folder === null ? defaultExportFolder(store.path) : path.resolve(folder);
  // Before every import: a backup of the bureau's file as it was (reason `import`), then the import itself.
  const importWithBackup = async (db: Parameters<typeof importPackages>[0], files: PackageFile[], now: Date) => {
    await createBackup(store, { folder: null, reason: 'import', now });
    return importPackages(db, files, now);
  };
  return {
    'exchange.status': (_input, { db }) => exchangeStatus(db),
    'exchange.keys': (_input, { db, clock }) => ensureExchangeKeys(db, clock.now()),
    'exchange.setMode': ({ mode }, { db, clock }) => setMode(db, mode, clock.now()),
    'exchange.setBureauKey': ({ publicKey }, { db, clock }) => setBureauKey(db, publicKey, clock.now()),
    'exchange.export': (input, call) =>
      exportNow(call.db, {
        period: input.period ?? call.clock.today().slice(0, 7),
        folder: folderOf(input.folder),
        now: call.clock.now(),
        username: actor(call).username,
        keepHighWater: () => keepHighWater(store.sqlite, store.path, call.clock.now()),
        reports: officeReportsOf(store.sqlite),
      }),
    'exchange.exportAgain': ({ sequence, folder }, { db }) => exportAgain(db, { sequence, folder: folderOf(folder) }),
    'exchange.download': async ({ sequence }, { db }) => {
      const { fileName, bytes } = await packageBytes(db, sequence);
      return { fileName, base64: bytes.toString('base64') };
    },
    'exchange.history': (_input, { db }) => exportHistory(db),

    'exchange.importConfig': ({ base64, bureauFingerprint }, call) =>
      importConfig(call.db, Buffer.from(base64, 'base64'), {
        user: actor(call),
        clock: call.clock,
        bureauFingerprint: bureauFingerprint ?? '',
      }),
    'exchange.recover': async ({ file, upload, dryRun, choices }, call) => {
      const now = call.clock.now();
      return recoverFromPackage(call.db, await recoverySource(file, upload), {
        dryRun,
        choices,
        user: actor(call),
        now,
        dataFile: store.path,
        // The store's own handle runs inside this call's transaction (one connection): the raise commits with it.
        highWater: {
          raise: (marks) => void raiseHighWater(store.sqlite, marks),
          keep: () => void keepHighWater(store.sqlite, store.path, now),
        },
      });
    },
    'exchange.reenterIdNumber': (input, call) => reenterIdNumber(call.db, input, call.clock.today()),
    'bureau.exportConfig': async ({ folder, office }, { db, clock }) => {
      const made = await exportConfig(db, { folder: folderOf(folder), now: clock.now(), officeCode: office ?? null });
      return { file: made.file, fileName: made.fileName, base64: made.bytes.toString('base64') };
    },
    'bureau.registerOffice': (input, { db, clock }) => registerOffice(db, input, clock.now()),
    'bureau.replaceOfficeKey': (input, call) =>
      replaceOfficeKey(call.db, input, { now: call.clock.now(), by: actor(call).username }),
    'bureau.recoveryPackage': async ({ code, folder, download }, call) => {
      const made = await makeRecoveryPackage(call.db, {
        officeCode: code,
        folder: folderOf(folder),
        now: call.clock.now(),
        by: actor(call).username,
      });
      return { ...made, base64: download ? (await fsp.readFile(made.file)).toString('base64') : '' };
    },
    'bureau.offices': (_input, { db, clock }) => listOffices(db, clock.now(), clock.today()),
    'bureau.importFiles': async ({ files }, { db, clock }) =>
      importWithBackup(db, await readPackageFiles(files), clock.now()),
    'bureau.verifyFiles': async ({ files }, { db }) => verifyPackages(db, await readPackageFiles(files)),
    'bureau.importUploads': ({ packages }, { db, clock }) =>
      importWithBackup(
        db,
        packages.map((p) => ({ fileName: p.fileName, bytes: Buffer.from(p.base64, 'base64') })),
        clock.now(),
      ),
    'bureau.conflicts': ({ includeResolved }, { db }) => listConflicts(db, { includeResolved }),
    'bureau.resolveConflict': ({ id }, { db, clock }) => resolveConflict(db, id, clock.now()),
  };
}
