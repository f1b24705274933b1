// Dossier completeness where many cases are listed: a tag per case (卷宗缺N项, the missing items on hover), the
// completeness of the rows on screen, and the dashboard's list of open cases whose dossiers lack items.
import { Alert, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { caseStatusLabel } from '../../shared/cases/statuses';
import type { DossierCompleteness, IncompleteDossiers as Incomplete } from '../../shared/contract';
import { caseKindLabel } from '../../shared/kinds';
import type { Api } from '../api';
import { errorMessage, useApi } from '../app/apiContext';

export function DossierTag({ completeness }: { completeness: DossierCompleteness | undefined }) {
  if (!completeness) return null;
  if (completeness.missingCount === 0)
    return (
      <Tag color="green" style={{ marginInlineStart: 8 }}>
        卷宗齐全
      </Tag>
    );
  return (
    <Tooltip title={`缺少：${completeness.missing.join('、')}`}>
      <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid={`dossier-missing-${completeness.caseId}`}>
        卷宗缺{completeness.missingCount}项
      </Tag>
    </Tooltip>
  );
}

/**
 * The completeness of the cases shown, by case; empty when it cannot be read (the list then shows without the
 * column's tags; the case page says why).
 */
export function dossierCompletenessOf(api: Api, caseIds: readonly number[]): Promise<Map<number, DossierCompleteness>> {
  if (caseIds.length === 0) return Promise.resolve(new Map());
  return api.call('dossier.completeness', { caseIds: [...caseIds] }).then(
    (list) => new Map(list.map((c) => [c.caseId, c])),
    () => new Map(),
  );
}

/** 卷宗材料不全: the open cases whose dossiers lack required items now. */
export function IncompleteDossiers({ onOpen }: { onOpen(id: number): void }) {
  const api = useApi();
  const [found, setFound] = useState<Incomplete | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('dossier.incomplete', {}).then(setFound, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  if (failure) return <Alert type="error" showIcon title={failure} />;
  return (
    <Card title={`卷宗材料不全${found ? `（${found.total}件）` : ''}`} className="detail-section incomplete-dossiers">
      <Table
        size="small"
        loading={!found}
        rowKey="caseId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={found?.cases ?? []}
        locale={{ emptyText: '在办案件的卷宗材料都已齐全' }}
        columns={[
          {
            title: '案号',
            key: 'n',
            render: (_v, c) => <Typography.Link onClick={() => onOpen(c.caseId)}>{c.caseNumber}</Typography.Link>,
          },
          { title: '类型', key: 'kind', render: (_v, c) => caseKindLabel(c.kind) },
          { title: '状态', key: 'status', render: (_v, c) => caseStatusLabel(c.kind, c.status) },
          { title: '缺少材料', key: 'missing', render: (_v, c) => `${c.missingCount}项：${c.missing.join('、')}` },
        ]}
      />
    </Card>
  );
}
