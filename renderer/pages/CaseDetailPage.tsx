// 案件详情 (#/cases/<id>): finds which kind of case the id is, then hands it to that kind's page. The route carries
// only the id (the list, the dashboard and typed addresses all lead here), so the kind is asked of the backend:
// each kind's `.get` answers NOT_FOUND for a case of another kind.
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { LegalAidCase } from '../../shared/contract';
import type { CaseKind } from '../../shared/options';
import { ApiError, type Api } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { LegalAidCasePage } from '../legalAid/LegalAidCasePage';
import { MediationCasePage } from '../mediation/MediationCasePage';
import { NotarizationCasePage } from '../notarization/NotarizationCasePage';
import { DossierPanel } from '../dossier/DossierPanel';

interface Props {
  id: number;
  /** The number just assigned, when the clerk arrives here from saving the application. */
  justRegistered?: string | null;
  /** The kind when the caller knows it (a list row), which spares the look-up. */
  kind?: CaseKind;
  onBack(): void;
}

const notFound = (error: unknown) => error instanceof ApiError && error.data.code === 'NOT_FOUND';

export type FoundCase = { kind: 'legal_aid'; record: LegalAidCase } | { kind: 'mediation' } | { kind: 'notarization' };

/**
 * The kind of case `id` is, trying each kind's read in turn (a legal-aid case comes with what was read). When none
 * has it, the first refusal is the one to show.
 */
export async function findCase(api: Api, id: number): Promise<FoundCase> {
  const refusals: unknown[] = [];
  try {
    return { kind: 'legal_aid', record: await api.call('legalAid.get', { id }) };
  } catch (error) {
    refusals.push(error);
  }
  for (const kind of ['mediation', 'notarization'] as const) {
    try {
      await api.call(`${kind}.get`, { id });
      return { kind };
    } catch (error) {
      refusals.push(error);
    }
  }
  throw refusals.find((e) => !notFound(e) && e instanceof ApiError && e.data.code !== 'INTERNAL') ?? refusals[0];
}

export function CaseDetailPage({ id, justRegistered, kind: given, onBack }: Props) {
  const api = useApi();
  const [found, setFound] = useState<FoundCase | null>(given && given !== 'legal_aid' ? { kind: given } : null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (given && given !== 'legal_aid') return;
    let live = true;
    findCase(api, id).then(
      (result) => live && setFound(result),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, id, given]);

  if (failure) return <Alert type="error" showIcon title={failure} action={<Button onClick={onBack}>返回案件列表</Button>} />;
  if (!found) return <Spin description="正在读取案件" />;

  // Every kind's dossier (卷宗材料) is checked and printed the same way, below the kind's own page.
  const withDossier = (page: ReactNode) => (
    <>
      {page}
      <DossierPanel caseId={id} />
    </>
  );
  // One branch per kind of case: each kind's page shows its facts, actions, limits and timeline.
  switch (found.kind) {
    case 'legal_aid':
      return withDossier(<LegalAidCasePage id={id} justRegistered={justRegistered} initialRecord={found.record} onBack={onBack} />);
    case 'mediation':
      return withDossier(<MediationCasePage id={id} justRegistered={justRegistered} onBack={onBack} />);
    case 'notarization':
      return withDossier(<NotarizationCasePage id={id} justRegistered={justRegistered} onBack={onBack} />);
  }
}
