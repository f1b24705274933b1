// 公证申请 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { NotarizationCasePage } from './CasePage';
import { NotarizationIntakePage } from './IntakePage';
import { NotarizationMattersPage } from './MattersPage';

export const NOTARIZATION_PAGES: KindPages = {
  CasePage: ({ initialRecord: _read, ...props }) => <NotarizationCasePage {...props} />,
  pages: {
    notarizationIntake: ({ draftId, onCreated }) => (
      <NotarizationIntakePage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    notarizationMatters: () => <NotarizationMattersPage />,
  },
  draftPage: () => 'notarizationIntake',
  chartColor: '#fa8c16',
};
