// 案件详情 (#/cases/<id>): finds which kind of case the id is, then hands it to that kind's page. The route carries
// only the id (the list, the dashboard and typed addresses all lead here), so the kind is asked of the backend:
// each kind's `.get` answers NOT_FOUND for a case of another kind. The reads every kind's page makes (timeline,
// interference records, dossier, evaluation) start with them (./caseReads.ts).
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { ALL_KINDS } from '../../shared/kinds';
import type { CaseKind } from '../../shared/options';
import { ApiError, type Api } from '../api';
import { ApiProvider, errorMessage, useApi } from '../app/apiContext';
import { DossierPanel } from '../dossier/DossierPanel';
import { CaseFeedback } from '../evaluation/CaseFeedback';
import { kindPagesOf } from '../kinds';
import { withCaseReadsStarted } from './caseReads';

interface Props {
  id: number;
  /** The number just assigned, when the clerk arrives here from saving the application. */
  justRegistered?: string | null;
  onBack(): void;
}

const notFound = (error: unknown) => error instanceof ApiError && error.data.code === 'NOT_FOUND';

interface FoundCase {
  kind: CaseKind;
  /** The case as its kind's `.get` read it: the kind's page starts from it. */
  record: unknown;
}

interface FoundPage extends FoundCase {
  /** The page's parts' client, with their reads started beside the kinds' (./caseReads.ts). */
  api: Api;
}

/**
 * The kind of case `id` is: every kind's read is asked at once (one round trip, not one per kind tried; a case is of
 * one kind, so at most one answers). When none has it, the first refusal is the one to show.
 */
async function findCase(api: Api, id: number): Promise<FoundCase> {
  const answers = await Promise.allSettled(
    ALL_KINDS.map((kind) => api.call(`${kind.key as 'legalAid'}.get`, { id }) as Promise<unknown>),
  );
  const found = answers.findIndex((a) => a.status === 'fulfilled');
  if (found >= 0)
    return { kind: ALL_KINDS[found]!.kind, record: (answers[found] as PromiseFulfilledResult<unknown>).value };
  const refusals = answers.map((a) => (a as PromiseRejectedResult).reason as unknown);
  throw refusals.find((e) => !notFound(e) && e instanceof ApiError && e.data.code !== 'INTERNAL') ?? refusals[0];
}

export function CaseDetailPage({ id, justRegistered, onBack }: Props) {
  const api = useApi();
  const [found, setFound] = useState<FoundPage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const pageApi = withCaseReadsStarted(api, id);
    findCase(api, id).then(
      (result) => live && setFound({ ...result, api: pageApi }),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, id]);

  if (failure)
    return <Alert type="error" showIcon title={failure} action={<Button onClick={onBack}>返回案件列表</Button>} />;
  if (!found) return <Spin description="正在读取案件" />;

  // Each kind's page shows its facts, actions, limits and timeline; every kind's dossier (卷宗材料) is checked and
  // printed the same way, below it, and so is the bureau's evaluation of it (案卷评查).
  const { CasePage } = kindPagesOf(found.kind);
  return (
    <ApiProvider api={found.api}>
      <CasePage id={id} justRegistered={justRegistered} initialRecord={found.record} onBack={onBack} />
      <DossierPanel caseId={id} />
      <CaseFeedback caseId={id} />
    </ApiProvider>
  );
}
