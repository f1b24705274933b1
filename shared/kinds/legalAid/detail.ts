// A legal-aid case's own row (legal_aid_cases) as code that crosses kinds reads it: the columns its dossier facts and
// statistics need, the same in the office's file and in the rows an office exports to the bureau.

export interface LegalAidDetail {
  category: string;
  service_form: string;
  /** JSON: the 申请人类别 ticked. */
  applicant_groups: string;
  finance_basis: string;
}

export const LEGAL_AID_DETAIL = {
  table: 'legal_aid_cases',
  columns: ['category', 'service_form', 'applicant_groups', 'finance_basis'],
} as const satisfies { table: string; columns: readonly (keyof LegalAidDetail)[] };
