// 公证申请's own pages in the app's routes and navigation (renderer/app/kindRoute.ts).
import type { KindRoute } from '../app/kindRoute';

export const NOTARIZATION_ROUTES = [
  {
    page: 'notarizationIntake',
    path: 'notarization/new',
    label: '登记公证申请',
    needs: 'notarization.create',
    resumesDrafts: true,
  },
  { page: 'notarizationMatters', path: 'notarization/matters', label: '公证事项' },
] as const satisfies readonly KindRoute[];
