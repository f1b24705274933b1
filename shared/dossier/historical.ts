// 历史卷宗: the dossier of a case brought in from an office's old ledger (台账导入). Its materials were filed on paper
// years ago, under whatever rules held then, so CaseDesk does not demand them — no missing-material warning, no
// closing or archiving block — unless the county's rule says so. The rule is data the bureau sets and sends in its
// configuration package (electron/services/exchange/configPackage.ts), like its mediation and follow-up rules.
import { z } from 'zod';
import { strictObject, type Labels } from '../validation';

export const historicalDossierRulesSchema = strictObject({
  /** The county demands a complete dossier of imported cases too. */
  completenessRequired: z.boolean({ error: '格式不正确' }),
});
export type HistoricalDossierRules = z.output<typeof historicalDossierRulesSchema>;

/** The stored rule, or the one that ships (isDefault) when the county has set none. */
export interface HistoricalDossierRulesInfo {
  rules: HistoricalDossierRules;
  isDefault: boolean;
  updatedBy: string;
  updatedAt: string;
}

export const HISTORICAL_DOSSIER_RULE_LABELS: Labels = {
  completenessRequired: '历史导入案件的卷宗也须材料齐全',
};

/** What ships: an imported case's dossier is not required to be complete. */
export const DEFAULT_HISTORICAL_DOSSIER_RULES: HistoricalDossierRules = { completenessRequired: false };

/** The dossier's name on the panel and the printed checklist. */
export const HISTORICAL_DOSSIER = '历史卷宗';

/** Why an item of a historical dossier is not required. */
export const HISTORICAL_DOSSIER_REASON = '历史卷宗（台账导入），不要求材料齐全';
