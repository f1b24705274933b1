// 法律援助's own pages in the app's routes and navigation (renderer/app/kindRoute.ts).
import type { KindRoute } from '../app/kindRoute';

export const LEGAL_AID_ROUTES = [
  { page: 'intake', path: 'legal-aid/new', label: '登记申请', needs: 'legalAid.create', resumesDrafts: true },
  { page: 'drafts', label: '草稿', needs: 'drafts.save' },
  { page: 'roster', path: 'roster', label: '援助人员名册' },
] as const satisfies readonly KindRoute[];
