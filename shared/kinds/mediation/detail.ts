// A mediation case's own row (mediation_cases) as code that crosses kinds reads it: the columns its facts, dossier
// facts and statistics need, the same in the office's file and in the rows an office exports to the bureau.

export interface MediationDetail {
  /** 1: registered by the 口头调解登记 (and concluded at once). */
  simple: number;
  source: string;
  dispute_type: string;
  amount_fen: number;
  people_count: number;
  /** JSON: the 调解员's names. */
  mediators: string;
}

export const MEDIATION_DETAIL = {
  table: 'mediation_cases',
  columns: ['simple', 'source', 'dispute_type', 'amount_fen', 'people_count', 'mediators'],
} as const satisfies { table: string; columns: readonly (keyof MediationDetail)[] };
