// 节假日安排: the State Council's holiday schedule every due date counts with — the years shipped with the program and
// those installed after it (by the bureau's configuration package, or entered here from the notice). A year missing
// is said plainly: its due dates count weekends only and are marked 待核. The director and the administrator may
// enter or correct a year.
import { Alert, App as AntApp, Button, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  HOLIDAY_YEAR_LABELS,
  holidayYearSchema,
  type HolidaySchedule,
  type HolidayYearInfo,
} from '../../shared/channels/holidays';
import { formatDate, formatMoment } from '../app/format';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { FieldsForm } from '../forms/FieldsForm';

const days = (list: readonly string[]) => (list.length === 0 ? '无' : list.map(formatDate).join('、'));

export function HolidaysPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const mayEdit = useMay('holidays.save');
  const [schedule, setSchedule] = useState<HolidaySchedule | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The year being entered: a new one (null) or one to correct. */
  const [editing, setEditing] = useState<HolidayYearInfo | null | undefined>(undefined);

  const load = useCallback(() => {
    api.call('holidays.list', {}).then(setSchedule, (error: unknown) => setFailure(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  const nextYear = schedule ? Math.max(...schedule.years.map((y) => y.year), new Date().getFullYear()) + 1 : null;

  return (
    <div className="page holidays-page">
      <Space align="baseline">
        <Typography.Title level={3}>节假日安排</Typography.Title>
        {mayEdit && (
          <Button type="primary" onClick={() => setEditing(null)}>
            录入一年的安排
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        按工作日计算的期限（如公证出证15个工作日）和届满日遇节假日顺延，都按这里的放假日和调休上班日计算。
      </Typography.Paragraph>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {schedule && schedule.missingYears.length > 0 && (
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          title={`缺少${schedule.missingYears.join('、')}年的节假日安排`}
          description="该年的期限只按周末计算，结果标注“待核”。请导入县司法局的配置包，或由所长按国务院办公厅的通知录入。"
        />
      )}
      {!schedule ? (
        !failure && <Spin description="正在读取" />
      ) : (
        <Table<HolidayYearInfo>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={schedule.years}
          columns={[
            { title: '年份', key: 'year', render: (_, y) => `${y.year}年` },
            { title: '放假日', key: 'holidays', render: (_, y) => `${y.holidays.length}天：${days(y.holidays)}` },
            { title: '调休上班日', key: 'workdays', render: (_, y) => days(y.workdays) },
            { title: '依据', dataIndex: 'source', key: 'source' },
            {
              title: '来源',
              key: 'origin',
              render: (_, y) =>
                y.origin === 'shipped' ? (
                  <Tag>随程序发布</Tag>
                ) : (
                  <Tag color="blue">{`${y.installedBy ?? ''}录入（${formatMoment(y.installedAt ?? '')}）`}</Tag>
                ),
            },
            ...(mayEdit
              ? [
                  {
                    title: '操作',
                    key: 'edit',
                    render: (_: unknown, y: HolidayYearInfo) => (
                      <Button size="small" onClick={() => setEditing(y)} aria-label={`更正${y.year}年`}>
                        更正
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={editing !== undefined}
        title={editing ? `更正${editing.year}年的节假日安排` : '录入一年的节假日安排'}
        footer={null}
        width={720}
        destroyOnHidden
        onCancel={() => setEditing(undefined)}
      >
        {editing !== undefined && (
          <FieldsForm
            key={editing?.year ?? 'new'}
            name="holidays"
            schema={holidayYearSchema}
            labels={HOLIDAY_YEAR_LABELS}
            fixed={{}}
            fields={[
              {
                path: 'year',
                kind: 'whole',
                required: true,
                half: true,
                initial: editing ? String(editing.year) : String(nextYear ?? ''),
                placeholder: '2027',
              },
              {
                path: 'source',
                kind: 'text',
                max: 200,
                required: true,
                initial: editing?.source ?? '',
                placeholder: '国务院办公厅关于2027年部分节假日安排的通知',
              },
              {
                path: 'holidays',
                kind: 'lines',
                required: true,
                initial: editing?.holidays.join('\n') ?? '',
                placeholder: '每行一天，如 2027-10-01（假期中的周末也要列入）',
              },
              {
                path: 'workdays',
                kind: 'lines',
                initial: editing?.workdays.join('\n') ?? '',
                placeholder: '每行一天，如 2027-09-26（调休上班的周六或周日）',
              },
            ]}
            send={async (payload) => {
              setSchedule(await api.call('holidays.save', payload as never));
              message.success('节假日安排已保存');
              setEditing(undefined);
            }}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </Modal>
    </div>
  );
}
