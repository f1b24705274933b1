// The handler map: every channel of the contract, implemented by the services, merged from the handler
// modules of each area (electron/handlers/). Handlers receive input the dispatcher has already validated and
// authorised; they import neither electron nor React.
import type { Store } from '../db/open';
import type { AppInfo, Contract } from '../shared/contract';
import { caseHandlers } from './handlers/cases';
import { dossierHandlers } from './handlers/dossier';
import { exchangeHandlers } from './handlers/exchange';
import { interferenceHandlers } from './handlers/interference';
import { ledgerImportHandlers } from './handlers/ledgerImport';
import { legalAidHandlers } from './handlers/legalAid';
import { ledgerExportHandlers } from './handlers/ledgerExport';
import { mediationHandlers } from './handlers/mediation';
import { notarizationHandlers } from './handlers/notarization';
import { statisticsHandlers } from './handlers/statistics';
import { evaluationHandlers } from './handlers/evaluation';
import { holidayHandlers } from './handlers/holidays';
import { followUpHandlers } from './handlers/followUp';
import { systemHandlers } from './handlers/system';
import type { HandlersOf } from './handlerTypes';

export type { CallContext } from './handlerTypes';
export type Handlers = HandlersOf<Contract>;

export function createHandlers(deps: { appInfo: AppInfo; store: Store }): Handlers {
  return {
    ...systemHandlers(deps),
    ...interferenceHandlers(),
    ...caseHandlers(),
    ...legalAidHandlers(),
    ...notarizationHandlers(),
    ...mediationHandlers(),
    ...statisticsHandlers(deps),
    ...holidayHandlers(),
    ...followUpHandlers(),
    ...dossierHandlers(deps),
    ...exchangeHandlers(deps),
    ...ledgerExportHandlers(),
    ...ledgerImportHandlers(),
    ...evaluationHandlers(deps),
  };
}
