// Handlers of quality evaluation (案卷评查): score sheets, rounds, scoring, results, the sample's dossiers and 整改 —
// each a call to its service.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../../db/open';
import type { evaluationChannels } from '../../shared/channels/evaluation';
import { AppError } from '../../shared/errors';
import { actor, type HandlersOf } from '../handlerTypes';
import {
  closeRound,
  createRound,
  drawRound,
  listRounds,
  roundDetail,
  updateRound,
} from '../services/evaluation/rounds';
import { roundResults } from '../services/evaluation/results';
import { reopenScore, saveScore } from '../services/evaluation/scores';
import { saveSheet, sheetsInfo } from '../services/evaluation/sheets';
import { listCorrections, setCorrection } from '../services/evaluation/corrections';
import { dossierPdf, importDossierPackages } from '../services/evaluation/dossierPackages';
import {
  dossierRequests,
  feedbackList,
  makeDossierPackage,
  recordCorrection,
} from '../services/evaluation/officeEvaluation';
import { defaultExportFolder } from '../services/exchange/officeExport';

/** Each package file checked readable now (the import then reads them one at a time). */
async function packageFiles(files: readonly string[]) {
  return Promise.all(
    files.map(async (file, i) => {
      const resolved = path.resolve(file);
      const readable = await fsp.stat(resolved).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!readable) throw new AppError('VALIDATION', `案卷包文件：找不到或不能读取“${file}”`, `files.${i}`);
      return { fileName: path.basename(resolved), path: resolved };
    }),
  );
}

export function evaluationHandlers({ store }: { store: Store }): HandlersOf<typeof evaluationChannels> {
  return {
    'evaluation.sheets': (_input, { db }) => sheetsInfo(db),
    'evaluation.saveSheet': ({ sheet }, call) => saveSheet(call.db, sheet, { user: actor(call), clock: call.clock }),
    'evaluation.rounds': (_input, call) => listRounds(call.db, actor(call)),
    'evaluation.round': ({ roundId }, call) => roundDetail(call.db, roundId, actor(call)),
    'evaluation.createRound': ({ round }, call) =>
      createRound(call.db, round, { user: actor(call), clock: call.clock }),
    'evaluation.updateRound': ({ roundId, round }, call) =>
      updateRound(call.db, roundId, round, { user: actor(call), clock: call.clock }),
    'evaluation.draw': ({ roundId, seed }, call) =>
      drawRound(call.db, roundId, seed, { user: actor(call), clock: call.clock }),
    'evaluation.saveScore': (input, call) => saveScore(call.db, input, { user: actor(call), clock: call.clock }),
    'evaluation.close': ({ roundId }, call) => closeRound(call.db, roundId, { user: actor(call), clock: call.clock }),
    'evaluation.reopenScore': (input, call) => reopenScore(call.db, input, { user: actor(call), clock: call.clock }),
    'evaluation.results': ({ roundId }, { db }) => roundResults(db, roundId),
    'evaluation.importDossiers': async ({ files }, call) =>
      importDossierPackages(call.db, await packageFiles(files), {
        files: call.dossiers.files,
        user: actor(call),
        clock: call.clock,
      }),
    'evaluation.importDossierUploads': ({ packages }, call) =>
      importDossierPackages(
        call.db,
        packages.map((p) => ({ fileName: p.fileName, bytes: Buffer.from(p.base64, 'base64') })),
        { files: call.dossiers.files, user: actor(call), clock: call.clock },
      ),
    'evaluation.dossierPdf': ({ sampleId }, { db, dossiers }) => dossierPdf(db, sampleId, dossiers.files),
    'evaluation.corrections': ({ roundId }, { db, clock }) => listCorrections(db, roundId, clock),
    'evaluation.setCorrection': (input, call) =>
      setCorrection(call.db, input, { user: actor(call), clock: call.clock }),
    'evaluation.dossierRequests': (_input, { db }) => dossierRequests(db),
    'evaluation.dossierPackage': ({ roundId, folder }, { db, dossiers, clock }) =>
      makeDossierPackage(
        db,
        { roundId, folder: folder === null ? defaultExportFolder(store.path) : path.resolve(folder) },
        { dossiers, clock },
      ),
    'evaluation.feedback': ({ caseId }, { db, clock }) => feedbackList(db, { caseId, today: clock.today() }),
    'evaluation.recordCorrection': (input, call) =>
      recordCorrection(call.db, input, { user: actor(call), clock: call.clock }),
  };
}
