// Two versions of one exported row side by side, field by field, in Chinese: the bureau's stored one and the one a
// package brought (待核冲突), or the office's own and the bureau's recovery package's (从县局恢复). Differing fields
// are marked; `onlyDiffering` leaves the equal ones out.
import { Table, Tag } from 'antd';
import type { RowContent } from '../../shared/contract';
import { columnLabel } from '../../shared/tableLabels';

interface Version {
  title: string;
  /** null: the version is a deletion (or there is none). */
  data: RowContent | null;
}

const shown = (v: string | number | null | undefined) => (v === undefined ? '—' : v === null ? '（空）' : String(v));

export function RowVersions({
  left,
  right,
  onlyDiffering = false,
}: {
  left: Version;
  right: Version;
  onlyDiffering?: boolean;
}) {
  const columns = [...new Set([...Object.keys(left.data ?? {}), ...Object.keys(right.data ?? {})])];
  const rows = columns
    .map((column) => ({
      column,
      left: left.data?.[column],
      right: right.data?.[column],
      differs: left.data?.[column] !== right.data?.[column],
    }))
    .filter((r) => !onlyDiffering || r.differs);
  return (
    <Table
      className="row-versions"
      size="small"
      pagination={false}
      rowKey="column"
      dataSource={rows}
      locale={{ emptyText: left.data === null || right.data === null ? '一方为已删除' : '两个版本相同' }}
      columns={[
        {
          title: '字段',
          dataIndex: 'column',
          render: (c: string, r) => (r.differs ? <Tag color="orange">{columnLabel(c)}</Tag> : columnLabel(c)),
        },
        { title: left.data === null ? `${left.title}（已删除或没有）` : left.title, dataIndex: 'left', render: shown },
        {
          title: right.data === null ? `${right.title}（已删除或没有）` : right.title,
          dataIndex: 'right',
          render: shown,
        },
      ]}
    />
  );
}
