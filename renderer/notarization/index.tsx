// 公证申请 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { lazyPage } from '../app/lazyPage';
import type { NotarizationCase } from '../../shared/contract';

// Each page is a chunk of its own, read when first opened (renderer/app/lazyPage.tsx).
const NotarizationCasePage = lazyPage(() => import('./CasePage'), 'NotarizationCasePage');
const NotarizationIntakePage = lazyPage(() => import('./IntakePage'), 'NotarizationIntakePage');
const NotarizationMattersPage = lazyPage(() => import('./MattersPage'), 'NotarizationMattersPage');

export const NOTARIZATION_PAGES: KindPages = {
  CasePage: ({ initialRecord, ...props }) => (
    <NotarizationCasePage {...props} initialRecord={initialRecord as NotarizationCase | undefined} />
  ),
  preloadCasePage: () => NotarizationCasePage.preload(),
  pages: {
    notarizationIntake: ({ draftId, onCreated }) => (
      <NotarizationIntakePage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    notarizationMatters: () => <NotarizationMattersPage />,
  },
  draftPage: () => 'notarizationIntake',
  chartColor: '#fa8c16',
};
