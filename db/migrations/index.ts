import type { Migration } from './migration';
import { officeAndCases } from './0001-office-and-cases';
import { drafts } from './0002-drafts';
import { caseSearch } from './0003-case-search';
import { auditLog } from './0004-audit-log';
import { accounts } from './0005-accounts';
import { interferenceRecords } from './0006-interference-records';
import { caseActions } from './0007-case-actions';
import { LEGAL_AID_LIFECYCLE } from './0008-legal-aid-lifecycle';
import { mediation } from './0009-mediation';
import { notarization } from './0010-notarization';
import { dossierMaterials } from './0011-dossier-materials';
import { exchange } from './0012-exchange';
import { statisticsTemplate } from './0013-statistics-template';
import { holidayCalendar } from './0014-holiday-calendar';
import { idsNeverReused } from './0015-ids-never-reused';
import { restoresAndRecovery } from './0016-restores-and-recovery';
import { legalAidGroundsAndNotices } from './0017-legal-aid-grounds-and-notices';
import { dossierArchives } from './0018-dossier-archives';
import { followUpRules } from './0019-follow-up-rules';
import { ledgerImport } from './0020-ledger-import';
import { qualityEvaluation } from './0021-quality-evaluation';
import { countyRulesAndInPersonMatters } from './0023-county-rules-and-in-person-matters';
import { historicalDossiersAndUnregisteredUse } from './0024-historical-dossiers-and-unregistered-use';
import { evaluationDossiersAndCorrections } from './0025-evaluation-dossiers-and-corrections';
import { evaluationSampleHandler } from './0026-evaluation-sample-handler';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  officeAndCases,
  drafts,
  caseSearch,
  auditLog,
  accounts,
  interferenceRecords,
  caseActions,
  LEGAL_AID_LIFECYCLE,
  mediation,
  notarization,
  dossierMaterials,
  exchange,
  statisticsTemplate,
  holidayCalendar,
  idsNeverReused,
  restoresAndRecovery,
  legalAidGroundsAndNotices,
  dossierArchives,
  followUpRules,
  ledgerImport,
  qualityEvaluation,
  countyRulesAndInPersonMatters,
  historicalDossiersAndUnregisteredUse,
  evaluationDossiersAndCorrections,
  evaluationSampleHandler,
];

export type { Migration };
