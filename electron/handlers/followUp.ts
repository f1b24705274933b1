// Handlers of 回访's own channels: the county's follow-up rules and the follow-ups due (each kind's `followUp`
// action is handled with its other actions, electron/handlers/<kind>.ts).
import type { followUpChannels } from '../../shared/channels/followUp';
import { actor, type HandlersOf } from '../handlerTypes';
import { followUpDashboard } from '../services/followUp/due';
import { followUpRules, setFollowUpRules } from '../services/followUp/rules';

export function followUpHandlers(): HandlersOf<typeof followUpChannels> {
  return {
    'followUp.rules': (_input, { db }) => followUpRules(db),
    'followUp.setRules': ({ rules }, call) =>
      setFollowUpRules(call.db, rules, { user: actor(call), clock: call.clock }),
    'dashboard.followUps': (_input, { db, clock }) => followUpDashboard(db, clock.today()),
  };
}
