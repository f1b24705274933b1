// Handlers of quality evaluation (案卷评查): score sheets, rounds, scoring, results — each a call to its service.
import type { evaluationChannels } from '../../shared/channels/evaluation';
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

export function evaluationHandlers(): HandlersOf<typeof evaluationChannels> {
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
  };
}
