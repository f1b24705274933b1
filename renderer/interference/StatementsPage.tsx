// 月度报告 (防止干预司法“三个规定”): each month every clerk, director and administrator states whether anyone
// inquired about or interfered in their cases; a month with nothing to report gets a nil statement (零报告).
// The overview shows who has submitted and who has not.
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { localDate } from '../../shared/dates';
import type { InterferenceRecord, InterferenceStatement, StatementOverview } from '../../shared/interference';
import { errorMessage, useApi } from '../app/apiContext';
import { useCurrentUser, useMay } from '../app/currentUser';
import { formatMoment } from '../app/format';
import { RecordList } from './InterferenceRecords';

const periodLabel = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

function StatementTag({ statement }: { statement: InterferenceStatement }) {
  return statement.nil ? (
    <Tag color="green">零报告</Tag>
  ) : (
    <Tag color="orange">{`记录 ${statement.recordCount} 条`}</Tag>
  );
}

export function StatementsPage() {
  const api = useApi();
  const me = useCurrentUser();
  const maySubmit = useMay('interference.submitStatement');
  const { message } = AntApp.useApp();
  const thisMonth = localDate().slice(0, 7);
  const [period, setPeriod] = useState(thisMonth);
  const [overview, setOverview] = useState<StatementOverview | null>(null);
  const [records, setRecords] = useState<InterferenceRecord[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    let live = true;
    setOverview(null);
    setRecords(null);
    Promise.all([
      api.call('interference.statements', { period }),
      api.call('interference.list', { caseId: null, period }),
    ]).then(
      ([o, r]) => {
        if (!live) return;
        setOverview(o);
        setRecords(r);
        setFailure(null);
      },
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, period]);
  useEffect(load, [load]);

  const mine = overview?.statements.find((s) => s.userId === me.id) ?? null;
  // Nobody in the office recorded anything this month, so the statement can only be a nil one.
  const nilForSure = records !== null && records.length === 0;

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const made = await api.call('interference.submitStatement', { period, note });
      message.success(made.nil ? `已提交${periodLabel(period)}零报告` : `已提交${periodLabel(period)}报告`);
      setNote('');
      load();
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page statements-page">
      <Typography.Title level={3}>月度报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        依照防止干预司法“三个规定”，工作人员每月报告过问或干预案件的情况；没有的，提交零报告。报告提交后不能修改。
      </Typography.Paragraph>
      <Space className="list-filters" align="center">
        <label htmlFor="statement-period">报告月份</label>
        <DatePicker
          id="statement-period"
          picker="month"
          format="YYYY年M月"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
          onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
        />
      </Space>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {!overview || !records ? (
        !failure && <Spin description="正在读取" />
      ) : (
        <>
          <section className="detail-section" aria-label="我的报告">
            <Typography.Title level={4}>我的报告</Typography.Title>
            {mine ? (
              <Descriptions
                bordered
                size="small"
                column={1}
                style={{ maxWidth: 720 }}
                items={[
                  { key: 'what', label: '报告内容', children: <StatementTag statement={mine} /> },
                  { key: 'at', label: '提交时间', children: formatMoment(mine.submittedAt) },
                  { key: 'note', label: '说明', children: mine.note || '—' },
                ]}
              />
            ) : maySubmit ? (
              <div style={{ maxWidth: 720 }}>
                <Alert
                  className="page-alert"
                  type="info"
                  showIcon
                  title={`您尚未提交${periodLabel(period)}的报告`}
                  description={
                    nilForSure
                      ? '本月没有过问或干预记录，提交即为零报告。'
                      : '报告按您本人本月记录的过问或干预情况条数生成；您本人没有记录的，即为零报告。'
                  }
                />
                <label htmlFor="statement-note">说明（可不填）</label>
                <Input.TextArea
                  id="statement-note"
                  rows={2}
                  maxLength={500}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={{ margin: '8px 0 16px' }}
                />
                {refusal && <Alert className="page-alert" type="error" showIcon title={refusal} />}
                <Button type="primary" loading={busy} onClick={() => void submit()}>
                  {nilForSure ? '提交零报告' : '提交报告'}
                </Button>
              </div>
            ) : (
              <Typography.Text type="secondary">只读用户无需提交月度报告。</Typography.Text>
            )}
          </section>

          <section className="detail-section" aria-label="提交情况">
            <Typography.Title level={4}>{periodLabel(period)}提交情况</Typography.Title>
            <Table<InterferenceStatement>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={overview.statements}
              locale={{ emptyText: <Empty description="还没有人提交" /> }}
              columns={[
                { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
                { title: '报告内容', key: 'what', render: (_: unknown, s) => <StatementTag statement={s} /> },
                {
                  title: '提交时间',
                  dataIndex: 'submittedAt',
                  key: 'submittedAt',
                  render: (at: string) => formatMoment(at),
                },
                { title: '说明', dataIndex: 'note', key: 'note', render: (n: string) => n || '—' },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 16 }} data-testid="statements-missing">
              {overview.missing.length === 0 ? (
                '全部人员均已提交。'
              ) : (
                <>
                  尚未提交：
                  {overview.missing.map((m) => (
                    <Tag key={m.userId}>{m.displayName}</Tag>
                  ))}
                </>
              )}
            </Typography.Paragraph>
          </section>

          <section className="detail-section" aria-label="本月记录">
            <Typography.Title level={4}>{periodLabel(period)}的过问或干预记录</Typography.Title>
            <RecordList records={records} showCase />
          </section>
        </>
      )}
    </div>
  );
}
