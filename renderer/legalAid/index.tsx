// 法律援助 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { lazyPage } from '../app/lazyPage';
import type { LegalAidCase } from '../../shared/contract';

// Each page is a chunk of its own, read when first opened (renderer/app/lazyPage.tsx).
const LegalAidCasePage = lazyPage(() => import('./CasePage'), 'LegalAidCasePage');
const LegalAidIntakePage = lazyPage(() => import('./IntakePage'), 'LegalAidIntakePage');
const RosterPage = lazyPage(() => import('./RosterPage'), 'RosterPage');

export const LEGAL_AID_PAGES: KindPages = {
  CasePage: ({ initialRecord, ...props }) => (
    <LegalAidCasePage {...props} initialRecord={initialRecord as LegalAidCase | undefined} />
  ),
  preloadCasePage: () => LegalAidCasePage.preload(),
  pages: {
    intake: ({ draftId, onCreated }) => (
      <LegalAidIntakePage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    roster: () => <RosterPage />,
  },
  draftPage: () => 'intake',
  chartColor: '#1677ff',
};
