// 人民调解's own pages in the app's routes and navigation (renderer/app/kindRoute.ts).
import type { KindRoute } from '../app/kindRoute';

export const MEDIATION_ROUTES = [
  { page: 'mediationIntake', path: 'mediation/new', label: '登记调解', needs: 'mediation.create', resumesDrafts: true },
  {
    page: 'mediationOral',
    path: 'mediation/oral',
    label: '口头调解',
    needs: 'mediation.quickOral',
    resumesDrafts: true,
  },
  {
    page: 'mediationSettings',
    path: 'mediation/settings',
    label: '纠纷类型与补贴标准',
    needs: 'mediation.saveDisputeTypes',
  },
] as const satisfies readonly KindRoute[];
