// 审计日志: every change, who made it, when, through which call, to which record, with the fields before and
// after; filtered and paged in the main process. 校验 walks the hash chain and says whether anything was edited,
// deleted or reordered.
import {
  Alert,
  AutoComplete,
  Button,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ChainVerdict } from '../../shared/auditChain';
import type { AuditPage, AuditRow, ChannelInput } from '../../shared/contract';
import type { UserSummary } from '../../shared/accounts';
import { AUDITED_CHANNEL_LABELS, channelLabel, OP_LABELS, TABLE_LABELS, tableLabel } from '../app/auditLabels';
import { errorMessage, useApi } from '../app/apiContext';
import { formatMoment } from '../app/format';

type AuditQuery = ChannelInput<'audit.list'>;

const INITIAL_AUDIT_QUERY: AuditQuery = {
  username: null,
  channel: null,
  tableName: null,
  rowKey: null,
  from: null,
  to: null,
  page: 1,
  pageSize: 20,
};

interface Filters {
  username: string;
  channel: string | null;
  tableName: string | null;
  rowKey: string;
  dates: [Dayjs | null, Dayjs | null] | null;
}
const NO_FILTERS: Filters = { username: '', channel: null, tableName: null, rowKey: '', dates: null };

const CHANNEL_OPTIONS = Object.entries(AUDITED_CHANNEL_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));
const TABLE_OPTIONS = Object.entries(TABLE_LABELS).map(([value, label]) => ({ value, label }));
const OP_COLORS = { insert: 'green', update: 'blue', delete: 'red' } as const;

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const isoOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function queryOf(f: Filters, pageSize: number): AuditQuery {
  return {
    username: orNull(f.username),
    channel: f.channel,
    tableName: f.tableName,
    rowKey: orNull(f.rowKey),
    from: isoOf(f.dates?.[0]),
    to: isoOf(f.dates?.[1]),
    page: 1,
    pageSize,
  };
}

function verdictText(verdict: ChainVerdict): string {
  return verdict.ok
    ? `审计日志完整：共${verdict.entries}条记录，未发现改动、删除或调换。`
    : `审计日志校验失败：第${verdict.seq}条记录：${verdict.reason}`;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'string') return value === '' ? '（空字符串）' : value;
  return JSON.stringify(value);
}

/** The fields an entry changed: for an update only those that differ, for an insert or delete all of them. */
function AuditDiff({ row }: { row: AuditRow }) {
  const before = row.before ?? {};
  const after = row.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const fields =
    row.op === 'update' ? keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])) : keys;
  if (fields.length === 0) return <Typography.Text type="secondary">无字段变化</Typography.Text>;
  return (
    <table className="audit-diff" aria-label={`第${row.seq}条的字段变化`}>
      <thead>
        <tr>
          <th>字段</th>
          <th>修改前</th>
          <th>修改后</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((k) => (
          <tr key={k}>
            <td>{k}</td>
            <td className="audit-before">{row.op === 'insert' ? '—' : shown(before[k])}</td>
            <td className="audit-after">{row.op === 'delete' ? '—' : shown(after[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditLogPage() {
  const api = useApi();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState<AuditQuery>(INITIAL_AUDIT_QUERY);
  const [result, setResult] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.call('audit.list', query).then(
      (page) => {
        if (!live) return;
        setResult(page);
        setFailure(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setFailure(errorMessage(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api, query]);

  useEffect(() => {
    api.call('users.list', {}).then(setUsers, () => setUsers([])); // only suggestions for the 操作人 filter
  }, [api]);

  const search = () => setQuery(queryOf(filters, query.pageSize));
  const reset = () => {
    setFilters(NO_FILTERS);
    setQuery({ ...INITIAL_AUDIT_QUERY, pageSize: query.pageSize });
  };
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const verify = useCallback(async () => {
    setVerifying(true);
    setVerdict(null);
    try {
      const found = await api.call('audit.verify', {});
      setVerdict({ ok: found.ok, text: verdictText(found) });
    } catch (error) {
      setVerdict({ ok: false, text: errorMessage(error) });
    } finally {
      setVerifying(false);
    }
  }, [api]);

  const columns: TableProps<AuditRow>['columns'] = [
    { title: '序号', dataIndex: 'seq', key: 'seq', className: 'nowrap' },
    { title: '时间', dataIndex: 'at', key: 'at', className: 'nowrap', render: (at: string) => formatMoment(at) },
    { title: '操作人', dataIndex: 'username', key: 'username' },
    { title: '操作', dataIndex: 'channel', key: 'channel', render: (c: string) => channelLabel(c) },
    { title: '数据表', dataIndex: 'tableName', key: 'tableName', render: (t: string) => tableLabel(t) },
    { title: '记录', dataIndex: 'rowKey', key: 'rowKey' },
    {
      title: '变更',
      dataIndex: 'op',
      key: 'op',
      render: (op: AuditRow['op']) => <Tag color={OP_COLORS[op]}>{OP_LABELS[op]}</Tag>,
    },
    { title: '字段变化', key: 'diff', render: (_: unknown, row) => <AuditDiff row={row} /> },
  ];

  return (
    <div className="page audit-page">
      <Space align="baseline" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>审计日志</Typography.Title>
        <Button onClick={() => void verify()} loading={verifying}>
          校验
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        每一项数据修改都记录在此，并与前一条记录以哈希相连；“校验”可发现记录被改动、删除或调换（末尾记录被整段删除除外）。
      </Typography.Paragraph>
      {verdict && (
        <Alert
          className="page-alert"
          type={verdict.ok ? 'success' : 'error'}
          showIcon
          title={verdict.text}
          role="status"
        />
      )}
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.getAttribute('role') !== 'combobox')
            search();
        }}
      >
        <Space wrap className="list-filters" align="end">
          <AutoComplete
            aria-label="操作人"
            placeholder="操作人（用户名）"
            style={{ width: 180 }}
            value={filters.username}
            onChange={(username: string) => change({ username })}
            options={users.map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` }))}
            filterOption={(typed, option) => String(option?.label ?? '').includes(typed)}
            allowClear
          />
          <Select
            aria-label="操作"
            placeholder="操作"
            style={{ width: 240 }}
            value={filters.channel}
            onChange={(channel: string | undefined) => change({ channel: channel ?? null })}
            options={CHANNEL_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
          />
          <Select
            aria-label="数据表"
            placeholder="数据表"
            style={{ width: 180 }}
            value={filters.tableName}
            onChange={(tableName: string | undefined) => change({ tableName: tableName ?? null })}
            options={TABLE_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
          />
          <Input
            aria-label="记录"
            placeholder="记录（编号）"
            style={{ width: 140 }}
            value={filters.rowKey}
            onChange={(e) => change({ rowKey: e.target.value })}
            maxLength={50}
            allowClear
          />
          <DatePicker.RangePicker
            aria-label="起止日期"
            placeholder={['起始日期', '截止日期']}
            value={filters.dates}
            onChange={(dates) => change({ dates: dates ? [dates[0], dates[1]] : null })}
            allowEmpty={[true, true]}
          />
          <Button type="primary" onClick={search}>
            查询
          </Button>
          <Button onClick={reset}>重置</Button>
        </Space>
      </div>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={result?.rows ?? []}
        loading={loading}
        locale={{ emptyText: '没有符合条件的记录' }}
        onChange={(pagination) =>
          setQuery((q) => ({
            ...q,
            page: pagination.pageSize !== q.pageSize ? 1 : (pagination.current ?? 1),
            pageSize: pagination.pageSize ?? q.pageSize,
          }))
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
        }}
      />
    </div>
  );
}
