// 案件列表: one page of cases at a time from the main process, filtered, sorted and searched there.
import { Alert, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
import type { CaseListPage as CasePage, CaseListRow, ChannelInput, DossierCompleteness } from '../../shared/contract';
import { CASE_SORT_KEYS } from '../../shared/contract';
import { caseStatusLabel, type CaseStatus } from '../../shared/cases/statuses';
import { ALL_KINDS, caseKindLabel, kindOf } from '../../shared/kinds';
import { CASE_KINDS, type CaseKind } from '../../shared/options';
import type { Api } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate } from '../app/format';
import { routeHash } from '../app/route';
import { DossierTag, dossierCompletenessOf } from '../dossier/completeness';
import { LedgerExportButton } from './LedgerExportButton';

export type CaseListQuery = ChannelInput<'cases.list'>;
type SortKey = (typeof CASE_SORT_KEYS)[number];

const SEARCH_DELAY_MS = 300;

export const INITIAL_CASE_QUERY: CaseListQuery = {
  kind: null,
  status: null,
  query: '',
  page: 1,
  pageSize: 20,
  sortBy: 'receivedOn',
  sortOrder: 'desc',
};

/** A page of the list as shown: its rows and their dossiers' completeness. */
interface ShownPage {
  page: CasePage;
  dossiers: Map<number, DossierCompleteness>;
}

/**
 * A page of the list with its dossiers' tags: the rows come with the tags, in one render (drawn first without them
 * and again with them, antd's table was laid out twice before the clerk could read the list).
 */
function readCaseListPage(api: Api, query: CaseListQuery): Promise<ShownPage> {
  return api.call('cases.list', query).then(async (page) => ({
    page,
    dossiers: await dossierCompletenessOf(
      api,
      page.rows.map((r) => r.id),
    ),
  }));
}

/** The list's first page asked for ahead of the list, handed to the first list shown with the initial query. */
interface FirstCaseListPage {
  /** The read, once, when `query` is the initial one; null after that (a list shown later reads its own). */
  take(query: CaseListQuery): Promise<ShownPage> | null;
}

const sameQuery = (a: CaseListQuery, b: CaseListQuery) =>
  (Object.keys(a) as (keyof CaseListQuery)[]).every((key) => a[key] === b[key]) &&
  Object.keys(a).length === Object.keys(b).length;

/**
 * Asks for the list's first page now: the shell does so on its first render, so the rows are read while the shell is
 * drawn rather than after it (the list's own effect runs only once the shell is on screen).
 */
export function readFirstCaseListPage(api: Api): FirstCaseListPage {
  let pending: Promise<ShownPage> | null = readCaseListPage(api, INITIAL_CASE_QUERY);
  pending.catch(() => {}); // a failure is shown by the list that takes it; untaken, it is nobody's
  return {
    take(query) {
      const taken = pending && sameQuery(query, INITIAL_CASE_QUERY) ? pending : null;
      pending = null;
      return taken;
    },
  };
}

const SORT_LABELS: Record<SortKey, string> = { receivedOn: '申请日期', caseNumber: '案号', createdAt: '登记时间' };

/** The statuses offered for a kind; without one, legal aid's (the kind built first; the others reuse its words). */
/** The statuses the filter offers: the kind's, or with every kind, the first kind's. */
const statusesOf = (kind: CaseKind | null): Readonly<Record<string, string>> =>
  (kind ? kindOf(kind) : ALL_KINDS[0]!).statusLabels;

interface Props {
  /** The query lives with the app, so coming back from a case finds the list as it was left. */
  query: CaseListQuery;
  onQueryChange(query: CaseListQuery): void;
  onOpen(id: number): void;
  /** The list's first answer (its rows, or why there are none) is on screen. */
  onShown?(): void;
  /** The first page, asked for before the list was drawn (the shell's). */
  firstPage?: FirstCaseListPage | null;
}

/** Memoized: the shell renders again (its menu, its mode) without the list's rows being drawn again. */
export const CaseListPage = memo(function CaseListPage({ query, onQueryChange, onOpen, onShown, firstPage }: Props) {
  const api = useApi();
  const [result, setResult] = useState<ShownPage | null>(null);
  const [loading, setLoading] = useState(true); // the first read starts with the list (no render to say so)
  const [failure, setFailure] = useState<string | null>(null);
  const [typed, setTyped] = useState(query.query ?? '');
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true; // only the answer to the latest query is shown
    setLoading(true);
    (firstPage?.take(query) ?? readCaseListPage(api, query)).then(
      (shown) => {
        if (!live) return;
        setResult(shown);
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
  }, [api, query, firstPage]);

  useEffect(() => () => clearTimeout(searchTimer.current), []);

  const answered = result !== null || failure !== null;
  useEffect(() => {
    if (answered) onShown?.();
  }, [answered, onShown]);

  const update = (change: Partial<CaseListQuery>) => onQueryChange({ ...query, page: 1, ...change });
  const search = (text: string) => {
    clearTimeout(searchTimer.current);
    if (text.trim() !== (query.query ?? '').trim()) update({ query: text.trim() });
  };
  const onType = (text: string) => {
    setTyped(text);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => search(text), SEARCH_DELAY_MS);
  };

  const dossiers = result?.dossiers ?? new Map<number, DossierCompleteness>();
  const sorted = (key: SortKey) => (query.sortBy === key ? (query.sortOrder === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableProps<CaseListRow>['columns'] = [
    {
      title: '案号',
      dataIndex: 'caseNumber',
      key: 'caseNumber',
      className: 'nowrap',
      width: 250,
      sorter: true,
      sortOrder: sorted('caseNumber'),
      render: (caseNumber: string, row) => (
        <a href={routeHash({ page: 'case', id: row.id })} onClick={(e) => e.stopPropagation()}>
          {caseNumber}
        </a>
      ),
    },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName' },
    { title: '公民身份号码', dataIndex: 'applicantIdMasked', key: 'applicantIdMasked', className: 'nowrap' },
    { title: '案由', dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      // With the dossier's completeness beside it: 缺N项 names what is missing on hover.
      render: (status: string, row) => (
        <>
          {caseStatusLabel(row.kind, status)}
          <DossierTag completeness={dossiers.get(row.id)} />
        </>
      ),
    },
    {
      title: '申请日期',
      dataIndex: 'receivedOn',
      key: 'receivedOn',
      sorter: true,
      sortOrder: sorted('receivedOn'),
      className: 'nowrap',
      render: (iso: string) => formatDate(iso),
    },
    { title: '受理人', dataIndex: 'receivedBy', key: 'receivedBy' },
  ];

  const onTableChange: TableProps<CaseListRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      onQueryChange({ ...query, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
    } else if (extra.action === 'sort' && !Array.isArray(sorter)) {
      const key = sorter.columnKey as SortKey | undefined;
      // A third click clears antd's sort: go back to the default order rather than to no order.
      if (!sorter.order || !key) update({ sortBy: INITIAL_CASE_QUERY.sortBy, sortOrder: INITIAL_CASE_QUERY.sortOrder });
      else update({ sortBy: key, sortOrder: sorter.order === 'ascend' ? 'asc' : 'desc' });
    }
  };

  return (
    <div className="page">
      <Typography.Title level={3}>案件列表</Typography.Title>
      <Space wrap className="list-filters">
        <Input
          allowClear
          style={{ width: 320 }}
          maxLength={50}
          aria-label="搜索"
          placeholder="搜索姓名、案号、身份证号或案情"
          value={typed}
          onChange={(e) => onType(e.target.value)}
          onPressEnter={() => search(typed)}
        />
        <Select<CaseKind | ''>
          aria-label="案件类型"
          style={{ width: 140 }}
          value={query.kind ?? ''}
          onChange={(value) => {
            const kind = value || null;
            // A status means something within its kind: keep it only where the new kind has it too.
            update({ kind, status: query.status && query.status in statusesOf(kind) ? query.status : null });
          }}
          options={[
            { value: '', label: '全部类型' },
            ...CASE_KINDS.map((k) => ({ value: k, label: caseKindLabel(k) })),
          ]}
        />
        <Select<CaseStatus | ''>
          aria-label="状态"
          style={{ width: 160 }}
          value={query.status ?? ''}
          onChange={(status) => update({ status: status || null })}
          options={[
            { value: '', label: '全部状态' },
            ...Object.entries(statusesOf(query.kind ?? null)).map(([value, label]) => ({
              value: value as CaseStatus,
              label,
            })),
          ]}
        />
        <Select<SortKey>
          aria-label="排序"
          style={{ width: 160 }}
          value={query.sortBy}
          onChange={(sortBy) => update({ sortBy })}
          options={CASE_SORT_KEYS.map((k) => ({ value: k, label: `按${SORT_LABELS[k]}` }))}
        />
        <Select<'asc' | 'desc'>
          aria-label="排序方向"
          style={{ width: 120 }}
          value={query.sortOrder}
          onChange={(sortOrder) => update({ sortOrder })}
          options={[
            { value: 'desc', label: '降序' },
            { value: 'asc', label: '升序' },
          ]}
        />
        <LedgerExportButton kind={query.kind ?? null} />
      </Space>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      <Table<CaseListRow>
        rowKey="id"
        columns={columns}
        dataSource={result?.page.rows ?? []}
        loading={loading}
        onChange={onTableChange}
        onRow={(row) => ({
          onClick: () => onOpen(row.id),
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: query.query ? '没有找到符合条件的案件' : '还没有登记的案件' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result?.page.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
        }}
      />
    </div>
  );
});
