// 草稿: intake forms of every kind the clerk started and has not saved. Resumed (in the form of its kind) or
// discarded only by the clerk's own hand.
import { Alert, App as AntApp, Button, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Draft, DraftSummary } from '../../shared/contract';
import { caseKindLabel } from '../../shared/kinds';
import { errorMessage, useApi } from '../app/apiContext';
import { formatMoment } from '../app/format';
import type { Route } from '../app/route';
import { kindPagesOf } from '../kinds';

/** The form a draft is resumed in: its kind's intake form (a mediation draft says which of the two it was). */
function draftRoute(draft: Pick<Draft, 'id' | 'kind' | 'data'>): Route {
  return { page: kindPagesOf(draft.kind).draftPage(draft.data), draftId: draft.id } as Route;
}

interface Props {
  onResume(route: Route): void;
}

export function DraftsPage({ onResume }: Props) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('drafts.list', { kind: null }).then(
      (list) => {
        setDrafts(list);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api]);
  useEffect(load, [load]);

  // Only some kinds' drafts say in their own data which form they were typed in (mediation's); the others go
  // straight to theirs.
  const resume = async (draft: DraftSummary) => {
    if (!kindPagesOf(draft.kind).draftDataDecides) return onResume(draftRoute({ ...draft, data: {} }));
    try {
      onResume(draftRoute(await api.call('drafts.get', { id: draft.id })));
    } catch (error) {
      message.error(errorMessage(error));
      load();
    }
  };

  const discard = async (draft: DraftSummary) => {
    try {
      await api.call('drafts.discard', { id: draft.id });
      message.success(`已删除草稿“${draft.title}”`);
    } catch (error) {
      message.error(errorMessage(error));
    }
    load();
  };

  return (
    <div className="page">
      <Typography.Title level={3}>草稿</Typography.Title>
      <Typography.Paragraph type="secondary">
        填写中的法律援助申请、人民调解登记和公证申请会自动保存为草稿，登记成功后草稿自动移除。
      </Typography.Paragraph>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      <Table<DraftSummary>
        rowKey="id"
        loading={drafts === null && !failure}
        dataSource={drafts ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="没有未完成的草稿" /> }}
        columns={[
          { title: '草稿', dataIndex: 'title', key: 'title' },
          {
            title: '类型',
            dataIndex: 'kind',
            key: 'kind',
            render: (kind: DraftSummary['kind']) => caseKindLabel(kind),
          },
          { title: '开始填写', dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatMoment(at) },
          { title: '最后保存', dataIndex: 'updatedAt', key: 'updatedAt', render: (at: string) => formatMoment(at) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, draft) => (
              <Space>
                <Button type="link" onClick={() => void resume(draft)} aria-label={`继续填写“${draft.title}”`}>
                  继续填写
                </Button>
                <Popconfirm
                  title="删除这份草稿？"
                  description="删除后无法恢复。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => discard(draft)}
                >
                  <Button type="link" danger aria-label={`删除“${draft.title}”`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
