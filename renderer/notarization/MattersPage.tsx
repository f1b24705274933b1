// 公证事项目录: every matter, its category, the materials the liaison point checks, whether it is 最多跑一次 and
// whether the applicant must come in person. Everyone may read it; the director and the administrator may change a
// matter (until the county bureau's configuration package replaces the catalogue).
import { Alert, App as AntApp, Button, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { NotarizationMatter } from '../../shared/contract';
import { IN_PERSON_SOURCE, MATTER_LABELS, matterUpdateSchema } from '../../shared/kinds/notarization/matters';
import { NOTARIZATION_CATEGORIES } from '../../shared/kinds/notarization/options';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { FieldsForm } from '../forms/FieldsForm';

export function NotarizationMattersPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const mayEdit = useMay('notarization.updateMatter');
  const [matters, setMatters] = useState<NotarizationMatter[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<NotarizationMatter | null>(null);

  const load = useCallback(() => {
    api
      .call('notarization.matters', { includeInactive: true })
      .then(setMatters, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  return (
    <div className="page notarization-matters">
      <Typography.Title level={3}>公证事项目录</Typography.Title>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {matters === null ? (
        !failure && <Spin description="正在读取" />
      ) : (
        <Table<NotarizationMatter>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={matters}
          columns={[
            {
              title: MATTER_LABELS.name,
              key: 'name',
              render: (_, m) => (
                <Space wrap>
                  <span>{m.name}</span>
                  {m.oneVisit && <Tag color="green">最多跑一次</Tag>}
                  {m.inPersonOnly && <Tag title={IN_PERSON_SOURCE}>须本人亲自申办</Tag>}
                  {!m.active && <Tag color="default">已停用</Tag>}
                </Space>
              ),
            },
            { title: MATTER_LABELS.category, dataIndex: 'category', key: 'category' },
            {
              title: MATTER_LABELS.requiredMaterials,
              key: 'materials',
              render: (_, m) => m.requiredMaterials.join('；'),
            },
            ...(mayEdit
              ? [
                  {
                    title: '操作',
                    key: 'edit',
                    render: (_: unknown, m: NotarizationMatter) => (
                      <Button size="small" onClick={() => setEditing(m)} aria-label={`修改${m.name}`}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing ? `修改公证事项：${editing.name}` : ''}
        footer={null}
        width={720}
        destroyOnHidden
        onCancel={() => setEditing(null)}
      >
        {editing && (
          <FieldsForm
            key={editing.code}
            name="matter"
            schema={matterUpdateSchema}
            labels={MATTER_LABELS}
            fixed={{ code: editing.code }}
            fields={[
              { path: 'name', kind: 'text', max: 30, required: true, half: true, initial: editing.name },
              {
                path: 'category',
                kind: 'select',
                choices: NOTARIZATION_CATEGORIES,
                required: true,
                half: true,
                initial: editing.category,
              },
              {
                path: 'requiredMaterials',
                kind: 'lines',
                required: true,
                initial: editing.requiredMaterials.join('\n'),
                extra: '每行一项，按核对顺序排列',
              },
              {
                path: 'oneVisit',
                kind: 'flag',
                caption: '列入“最多跑一次”事项',
                half: true,
                initial: editing.oneVisit,
              },
              {
                path: 'inPersonOnly',
                kind: 'flag',
                caption: '须由申请人本人亲自申办',
                half: true,
                initial: editing.inPersonOnly,
              },
              { path: 'active', kind: 'flag', caption: '启用', initial: editing.active },
            ]}
            send={async (payload) => {
              await api.call('notarization.updateMatter', payload as never);
              message.success('公证事项已保存');
              setEditing(null);
              load();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </div>
  );
}
