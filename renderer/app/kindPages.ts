// What every kind's renderer module (renderer/<kind>/index.tsx) gives the app: its case page, its own pages as
// elements by route, the intake form a draft of it is resumed in, and its colour in the charts. The registry is
// renderer/kinds.tsx; the pages' addresses are each kind's routes.ts.
import type { ComponentType, ReactNode } from 'react';
import type { Route } from './route';

export interface Created {
  id: number;
  caseNumber: string;
}

interface CasePageProps {
  id: number;
  /** The number just assigned, when the clerk arrives here from saving the intake form. */
  justRegistered?: string | null;
  /** The case as the kind's `.get` already read it (by the page that found its kind), so it is not asked twice. */
  initialRecord?: unknown;
  onBack(): void;
}

export interface KindPages {
  CasePage: ComponentType<CasePageProps>;
  /** Reads the case page's chunk beforehand (renderer/app/lazyPage.tsx), so a case opens without waiting for it. */
  preloadCasePage(): Promise<unknown>;
  /** Each of the kind's own pages (renderer/<kind>/routes.ts), by page. */
  pages: Readonly<Record<string, (props: { draftId: number | null; onCreated(created: Created): void }) => ReactNode>>;
  /** The intake form a draft of the kind is resumed in; `data`: the draft's own, when `draftDataDecides`. */
  draftPage(data: Record<string, unknown>): Route['page'];
  /** The draft's data says which form it was typed in (mediation's two). */
  draftDataDecides?: boolean;
  /** The kind's colour in the statistics' charts. */
  chartColor: string;
}
