// Handlers of the interference records (三个规定).
import type { interferenceChannels } from '../../shared/channels/interference';
import { actor, type HandlersOf } from '../handlerTypes';
import * as interference from '../services/interference/interference';

export function interferenceHandlers(): HandlersOf<typeof interferenceChannels> {
  return {
    'interference.record': (input, call) => interference.recordInterference(call.db, actor(call), input, call.clock),
    'interference.list': (input, { db }) => interference.listInterference(db, input),
    'interference.submitStatement': ({ period, note }, call) =>
      interference.submitStatement(call.db, actor(call), period, note, call.clock),
    'interference.statements': ({ period }, { db }) => interference.statementOverview(db, period),
  };
}
