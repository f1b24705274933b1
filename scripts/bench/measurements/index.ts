// Every measurement, in the order the table shows them.
import type { Measurement } from '../measurement';
import { caseListPage } from './caseList';
import { createLegalAid } from './createCase';
import { dashboard } from './dashboard';
import { dossierAllOpen, dossierOne } from './dossier';
import { electronicDossier } from './electronicDossier';
import { exportFull, exportMonth, importCounty } from './exchange';
import { ledgerCheck, ledgerImport } from './ledgerImport';
import { openDataFile } from './openStore';
import { searchFourChars, searchIdPart, searchTwoChars } from './search';
import { officeReport } from './statistics';
import { windowCaseList } from './windowCaseList';
import { windowCasePage } from './windowCasePage';
import { windowColdLoad } from './windowColdLoad';
import { windowKeystroke } from './windowKeystroke';

export const MEASUREMENTS: readonly Measurement[] = [
  openDataFile,
  createLegalAid,
  caseListPage,
  searchTwoChars,
  searchFourChars,
  searchIdPart,
  dashboard,
  dossierOne,
  dossierAllOpen,
  electronicDossier,
  officeReport,
  exportFull,
  exportMonth,
  importCounty,
  ledgerCheck,
  ledgerImport,
  windowColdLoad,
  windowCaseList,
  windowCasePage,
  windowKeystroke,
];
