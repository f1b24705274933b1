// 法律援助 in the renderer, as the registry of kinds' pages sees it (renderer/kinds.tsx).
import type { KindPages } from '../app/kindPages';
import { LegalAidCasePage } from './CasePage';
import { LegalAidIntakePage } from './IntakePage';
import { RosterPage } from './RosterPage';
import type { LegalAidCase } from '../../shared/contract';

export const LEGAL_AID_PAGES: KindPages = {
  CasePage: ({ initialRecord, ...props }) => (
    <LegalAidCasePage {...props} initialRecord={initialRecord as LegalAidCase | undefined} />
  ),
  pages: {
    intake: ({ draftId, onCreated }) => (
      <LegalAidIntakePage key={draftId ?? 'new'} draftId={draftId} onCreated={onCreated} />
    ),
    roster: () => <RosterPage />,
  },
  draftPage: () => 'intake',
  chartColor: '#1677ff',
};
