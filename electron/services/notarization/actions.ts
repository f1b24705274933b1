// 公证申请: what the lifecycle driver (electron/services/cases/actions.ts) needs of a request's actions — each records
// its own fields (`data`); forwarding and issuing add the notary office and the certificate to the search text —
// and what every action answers: the request as it now stands. Whether an action may be taken (its status, an
// outstanding 容缺 item) is the kind's own rule (shared/kinds/notarization/lifecycle.ts).
import type { NotarizationCase } from '../../../shared/channels/notarization';
import { NOTARIZATION } from '../../../shared/kinds/notarization';
import type { NotarizationActionInputs } from '../../../shared/kinds/notarization/actions';
import type { NotarizationAction, NotarizationFacts } from '../../../shared/kinds/notarization/lifecycle';
import type { KindActions } from '../cases/actions';
import { getNotarizationCase, indexNotarization } from './record';

/** An action's payload: its own fields under `data`, without the case and the date. */
type Payloads = { [A in NotarizationAction]: Omit<NotarizationActionInputs[A], 'caseId' | 'actedOn'> };

export const NOTARIZATION_ACTIONS_SERVICE: KindActions<
  NotarizationFacts,
  NotarizationAction,
  Payloads,
  NotarizationCase
> = {
  kind: NOTARIZATION,
  recorded: (payload) => payload.data,
  effects: {},
  after: { forward: indexNotarization, issue: indexNotarization },
  result: (db, caseId) => getNotarizationCase(db, caseId, 'caseId'),
};
