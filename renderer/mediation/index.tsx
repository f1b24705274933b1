// 人民调解 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { lazyPage } from '../app/lazyPage';
import type { MediationCase } from '../../shared/contract';
import { mediationDraftFormOf } from './intakeValues';

// Each page is a chunk of its own, read when first opened (renderer/app/lazyPage.tsx).
const MediationCasePage = lazyPage(() => import('./CasePage'), 'MediationCasePage');
const MediationIntakePage = lazyPage(() => import('./IntakePage'), 'MediationIntakePage');
const QuickOralPage = lazyPage(() => import('./QuickOralPage'), 'QuickOralPage');
const MediationSettingsPage = lazyPage(() => import('./SettingsPage'), 'MediationSettingsPage');

export const MEDIATION_PAGES: KindPages = {
  CasePage: ({ initialRecord, ...props }) => (
    <MediationCasePage {...props} initialRecord={initialRecord as MediationCase | undefined} />
  ),
  preloadCasePage: () => MediationCasePage.preload(),
  pages: {
    mediationIntake: ({ draftId, onCreated }) => (
      <MediationIntakePage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    mediationOral: ({ draftId, onCreated }) => (
      <QuickOralPage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    mediationSettings: () => <MediationSettingsPage />,
  },
  // A draft says which of the two forms it was typed in.
  draftPage: (data) => (mediationDraftFormOf(data) === 'quickOral' ? 'mediationOral' : 'mediationIntake'),
  draftDataDecides: true,
  chartColor: '#52c41a',
};
