// A notarization request's own row (notarization_requests) as code that crosses kinds reads it: the columns its
// dossier facts and statistics need, the same in the office's file and in the rows an office exports to the bureau.

export interface NotarizationDetail {
  matter_code: string;
  matter_name: string;
  matter_category: string;
  /** JSON: the matter's materials as the catalogue had them at intake. */
  required_materials: string;
}

export const NOTARIZATION_DETAIL = {
  table: 'notarization_requests',
  columns: ['matter_code', 'matter_name', 'matter_category', 'required_materials'],
} as const satisfies { table: string; columns: readonly (keyof NotarizationDetail)[] };
