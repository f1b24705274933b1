// In the assignment form: whom the roster suggests (next in rotation among those whose expertise fits the case),
// and every active entry to choose from, matching expertise first. Choosing fills the form's 承办 fields and the
// roster entry the assignment comes from (`rosterId`), kept only while those fields are what was taken.
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RosterCandidate, RosterSuggestion } from '../../shared/contract';
import { errorMessage, useApi } from '../app/apiContext';
import { formatDate } from '../app/format';
import type { FieldSpec, FieldContext } from '../forms/fieldSpecs';

const describe = (c: RosterCandidate) =>
  `${c.personName}（${c.orgName}）${c.matchesExpertise ? ' · 擅长本类' : ''} · ${
    c.lastAssignedOn ? `最近指派 ${formatDate(c.lastAssignedOn)}` : '尚未指派'
  } · 共 ${c.assignmentCount} 件`;

interface Props {
  caseId: number;
  picked: RosterCandidate | null;
  onPick(entry: RosterCandidate): void;
}

function RosterSuggestions({ caseId, picked, onPick }: Props) {
  const api = useApi();
  const [suggestion, setSuggestion] = useState<RosterSuggestion | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('legalAid.rosterSuggest', { caseId, orgType: null }).then(
      (found) => live && setSuggestion(found),
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);

  if (failure)
    return <Alert className="page-alert" type="warning" showIcon title={`未能读取援助人员名册：${failure}`} />;
  if (!suggestion) return null;
  if (suggestion.candidates.length === 0) {
    return (
      <Alert
        className="page-alert"
        type="info"
        showIcon
        title="援助人员名册中没有在册人员，请直接填写承办机构和承办人员，或先在“援助人员名册”中添加。"
      />
    );
  }
  const { next } = suggestion;
  return (
    <section className="roster-suggestions" aria-label="名册建议">
      <Typography.Paragraph>
        本案所需擅长领域：{suggestion.expertise ? <Tag>{suggestion.expertise}</Tag> : '未能确定'}
      </Typography.Paragraph>
      {next && (
        <Space wrap className="page-alert">
          <Typography.Text>
            轮换建议：<strong>{next.personName}</strong>（{next.orgName}）
            {next.matchesExpertise ? '，擅长本类事项' : '，名册中无擅长本类事项的人员'}
          </Typography.Text>
          <Button size="small" onClick={() => onPick(next)} disabled={picked?.id === next.id}>
            采用建议
          </Button>
        </Space>
      )}
      <Select
        aria-label="从名册选择"
        placeholder="从名册选择承办人员"
        style={{ width: '100%', marginBottom: 16 }}
        value={picked?.id ?? null}
        options={suggestion.candidates.map((c) => ({ value: c.id, label: describe(c) }))}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: number) => {
          const entry = suggestion.candidates.find((c) => c.id === id);
          if (entry) onPick(entry);
        }}
      />
    </section>
  );
}

const ROSTER_FIELDS = ['orgType', 'orgName', 'personName'] as const;

function RosterPick({ caseId, values, set }: FieldContext) {
  const [picked, setPicked] = useState<RosterCandidate | null>(null);
  // An assignment keeps its roster entry only while what was taken from the roster is unchanged. (`set` is left out
  // of the dependencies: the dialog makes it anew at each render.)
  useEffect(() => {
    if (picked && ROSTER_FIELDS.some((k) => values[k] !== picked[k])) {
      setPicked(null);
      set({ rosterId: null });
    }
  }, [values, picked]);
  const pick = (entry: RosterCandidate) => {
    setPicked(entry);
    set({ orgType: entry.orgType, orgName: entry.orgName, personName: entry.personName, rosterId: entry.id });
  };
  return (
    <>
      <RosterSuggestions caseId={caseId} picked={picked} onPick={pick} />
      {picked && (
        <Alert className="page-alert" type="info" showIcon title={`取自名册：${picked.orgName} ${picked.personName}`} />
      )}
    </>
  );
}

/** The assignment's roster entry, as a field of its form: chosen here, sent as `rosterId`. */
export const rosterPick: FieldSpec = {
  path: 'rosterId',
  kind: 'custom',
  initial: null,
  render: (context) => <RosterPick {...context} />,
};
