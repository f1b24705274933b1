// 人民调解 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { MediationCasePage } from './CasePage';
import { MediationIntakePage } from './IntakePage';
import { mediationDraftFormOf } from './intakeValues';
import { QuickOralPage } from './QuickOralPage';
import { MediationSettingsPage } from './SettingsPage';

export const MEDIATION_PAGES: KindPages = {
  CasePage: ({ initialRecord: _read, ...props }) => <MediationCasePage {...props} />,
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
