// 利益冲突提示, for the intake form of any kind: as the clerk enters the applicant and the other parties, asks
// cases.conflicts whether any of them already appears in another case (same ID number, or same name and birth
// date) and shows each match — above all an opposing party who is aided, or a party, elsewhere. Before saving,
// the clerk must tick that they saw it; once the case exists, `acknowledgeConflicts` records that they did
// (cases.acknowledgeConflicts names the case, so it is sent right after the case is created).
//
// Use in an intake form (inside its <Form>):
//   const conflicts = useConflictReview();
//   <FormConflictCheck partiesOf={partiesOfValues} onChange={conflicts.set} />
//   on save: const problem = conflictProblem(await conflicts.settled()); if (problem) refuse;
//            const created = await api.call('<kind>.create', ...); await recordConflictsSeen(api, created.id, ...);
// The form's parties are watched here, not in the form, and the review is kept outside React's state: a keystroke
// in a name re-renders the check, never the whole form (long forms, old office PCs).
import { Alert, Button, Checkbox, Empty, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { caseStatusLabel } from '../../shared/cases/statuses';
import type { ConflictAcknowledgement } from '../../shared/contract';
import { isRealDate } from '../../shared/dates';
import { caseKindLabel } from '../../shared/kinds';
import {
  MATCH_KIND_LABELS,
  type ConflictMatch,
  type ConflictParty,
  type ConflictSeverity,
} from '../../shared/cases/conflicts';
import { ApiError, type Api } from '../api';
import { errorMessage, useApi } from '../app/apiContext';
import { useMay } from '../app/currentUser';
import { formatDate, formatMoment } from '../app/format';

export interface ConflictReview {
  /** What the last check found, most serious first. */
  matches: ConflictMatch[];
  /** The clerk ticked that they saw the matches. */
  acknowledged: boolean;
  note: string;
  /** A check is on its way: the form should wait for it before saving. */
  checking: boolean;
}

const NO_CONFLICTS: ConflictReview = { matches: [], acknowledged: false, note: '', checking: false };

/** How long the typing must pause before the parties are checked. */
const CHECK_DELAY_MS = 400;

/**
 * The parties worth asking about: a name, and an ID number or a real birth date to match on. A half-typed date is
 * left out rather than refused, so the check never gets in the way of typing.
 */
function checkableParties(parties: readonly ConflictParty[]): ConflictParty[] {
  return parties
    .map((p) => ({
      ...p,
      name: p.name.trim(),
      idNumber: p.idNumber.trim().slice(0, 30),
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) && isRealDate(p.birthDate) ? p.birthDate : '',
    }))
    .filter((p) => p.name !== '' && p.name.length <= 100 && (p.idNumber !== '' || p.birthDate !== ''))
    .slice(0, 50);
}

const matchKey = (m: Pick<ConflictMatch, 'otherCase' | 'partyName' | 'matchedBy'>) =>
  `${m.otherCase.id}|${m.partyName}|${m.matchedBy}`;

/** Null when the form may be saved; otherwise what the clerk must do first. */
export function conflictProblem(review: ConflictReview): string | null {
  if (review.checking) return '正在检查当事人是否涉及其他案件，请稍候再保存';
  if (review.matches.length > 0 && !review.acknowledged)
    return '当事人涉及其他案件：请查看利益冲突提示，并勾选“已知悉”后再保存';
  return null;
}

/** Records on the new case that the clerk saw the matches; nothing to record when there were none. */
async function acknowledgeConflicts(api: Api, caseId: number, review: ConflictReview): Promise<void> {
  if (review.matches.length === 0) return;
  const seen = new Map(
    review.matches.map((m) => [
      matchKey(m),
      { otherCaseId: m.otherCase.id, partyName: m.partyName, matchedBy: m.matchedBy },
    ]),
  );
  await api.call('cases.acknowledgeConflicts', { caseId, matches: [...seen.values()], note: review.note.trim() });
}

const SEVERITY: Record<ConflictSeverity, { color: string; label: string }> = {
  high: { color: 'red', label: '利益冲突' },
  warning: { color: 'orange', label: '需注意' },
  info: { color: 'default', label: '曾涉案' },
};

/** Refuses (as the main process would, with the reason above the button) while the conflicts are not acknowledged. */
export function requireConflictsSeen(review: ConflictReview): void {
  const problem = conflictProblem(review);
  if (problem) throw new ApiError({ code: 'CONFLICT', message: problem });
}

/** The case exists whatever happens here: a failure to record the acknowledgement is said, not thrown. */
export async function recordConflictsSeen(
  api: Api,
  caseId: number,
  review: ConflictReview,
  warn: (text: string) => void,
): Promise<void> {
  try {
    await acknowledgeConflicts(api, caseId, review);
  } catch (error) {
    warn(`案件已登记，但未能记录利益冲突的确认：${errorMessage(error)}。请在案件页面再次确认。`);
  }
}

function ConflictMatchList({ matches }: { matches: ConflictMatch[] }) {
  return (
    <ul className="conflict-matches" style={{ listStyle: 'none', paddingInlineStart: 0 }}>
      {matches.map((m) => (
        <li key={`${m.partyIndex}|${m.otherCase.id}|${m.otherRole}|${m.matchedBy}`} data-testid="conflict-match">
          <div>
            <Tag color={SEVERITY[m.severity].color}>{SEVERITY[m.severity].label}</Tag>
            {m.message}
          </div>
          <Typography.Text type="secondary">
            {MATCH_KIND_LABELS[m.matchedBy]}（该案登记为“{m.otherName}”）· {caseKindLabel(m.otherCase.kind)}{' '}
            {m.otherCase.caseNumber} · {m.otherCase.title} · {caseStatusLabel(m.otherCase.kind, m.otherCase.status)} ·
            受理于 {formatDate(m.otherCase.receivedOn)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  /** The applicant, agent and other parties as they are being entered. */
  parties: readonly ConflictParty[];
  onChange(review: ConflictReview): void;
}

/**
 * The last review of a form's conflict check, for the form's save: held in a ref, since nothing the form shows
 * depends on it (as state, every check starting and ending re-rendered the whole form). `settled()` is the review
 * once no check is running: a clerk who clicks 保存 right after typing a name waits for that check, never gets a
 * "try again" (the check asks a moment after the last keystroke).
 */
export function useConflictReview(): {
  current(): ConflictReview;
  settled(): Promise<ConflictReview>;
  set(review: ConflictReview): void;
} {
  const review = useRef(NO_CONFLICTS);
  const waiting = useRef<((review: ConflictReview) => void)[]>([]);
  const [handle] = useState(() => ({
    current: () => review.current,
    settled: () =>
      review.current.checking
        ? new Promise<ConflictReview>((resolve) => waiting.current.push(resolve))
        : Promise.resolve(review.current),
    set: (next: ConflictReview) => {
      review.current = next;
      if (next.checking) return;
      for (const resolve of waiting.current.splice(0)) resolve(next);
    },
  }));
  return handle;
}

/**
 * <ConflictCheck> over the people of the form it is in: `partiesOf` reads them from all the form's values, and this
 * component alone re-renders when they change (antd compares what it returns, so a keystroke elsewhere re-renders
 * nothing). `partiesOf` must be a pure function of the values (the first one given is kept).
 */
export function FormConflictCheck<V>({
  partiesOf,
  onChange,
}: {
  partiesOf(values: V): ConflictParty[];
  onChange(review: ConflictReview): void;
}) {
  const form = Form.useFormInstance<V>();
  // The first call is with no values at all, before the form's are read.
  const parties = Form.useWatch((values: V) => (values && Object.keys(values).length > 0 ? partiesOf(values) : []), {
    form,
    preserve: true,
  });
  return <ConflictCheck parties={parties ?? []} onChange={onChange} />;
}

/** The warning on an intake form; says nothing while nobody entered matches another case. */
function ConflictCheck({ parties, onChange }: Props) {
  const api = useApi();
  const [review, setReview] = useState<ConflictReview>(NO_CONFLICTS);
  const [failure, setFailure] = useState<string | null>(null);
  const query = JSON.stringify(checkableParties(parties));
  const report = useRef(onChange);
  report.current = onChange;

  const update = useCallback((next: (prev: ConflictReview) => ConflictReview) => setReview(next), []);
  useEffect(() => report.current(review), [review]);

  useEffect(() => {
    const wanted = JSON.parse(query) as ConflictParty[];
    if (wanted.length === 0) {
      update(() => NO_CONFLICTS);
      setFailure(null);
      return;
    }
    let live = true;
    update((prev) => ({ ...prev, checking: true }));
    const timer = setTimeout(() => {
      api.call('cases.conflicts', { caseId: null, parties: wanted }).then(
        (found) => {
          if (!live) return;
          setFailure(null);
          update((prev) => {
            // The tick covers what the clerk saw: a new match asks for it again.
            const same =
              found.matches.length === prev.matches.length &&
              found.matches.every((m) => prev.matches.some((p) => matchKey(p) === matchKey(m)));
            return {
              matches: found.matches,
              acknowledged: same && prev.acknowledged,
              note: prev.note,
              checking: false,
            };
          });
        },
        (error: unknown) => {
          if (!live) return;
          setFailure(errorMessage(error));
          update((prev) => ({ ...prev, checking: false }));
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, update]);

  if (failure)
    return (
      <Alert
        className="page-alert conflict-check"
        type="warning"
        showIcon
        title={`未能检查当事人是否涉及其他案件：${failure}`}
      />
    );
  if (review.matches.length === 0) return null;
  const high = review.matches.some((m) => m.severity === 'high');
  return (
    <section className="conflict-check" aria-label="利益冲突提示">
      <Alert
        className="page-alert"
        type={high ? 'error' : 'warning'}
        showIcon
        title={`当事人涉及本所其他案件（${review.matches.length} 处），请核实是否存在利益冲突`}
        description={
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ConflictMatchList matches={review.matches} />
            <Input.TextArea
              aria-label="利益冲突说明"
              placeholder="核实情况或处理意见（选填）"
              rows={2}
              maxLength={500}
              value={review.note}
              onChange={(e) => update((prev) => ({ ...prev, note: e.target.value }))}
            />
            <Checkbox
              checked={review.acknowledged}
              onChange={(e) => update((prev) => ({ ...prev, acknowledged: e.target.checked }))}
            >
              已知悉上述情况（保存时记录在本案）
            </Checkbox>
          </Space>
        }
      />
    </section>
  );
}

/**
 * On a registered case: whom its parties share with other cases, and who acknowledged it when. A clerk can
 * acknowledge matches nobody acknowledged yet (a case saved before they existed, or before the check was kept).
 */
export function CaseConflicts({ caseId }: { caseId: number }) {
  const api = useApi();
  const mayAcknowledge = useMay('cases.acknowledgeConflicts');
  const [matches, setMatches] = useState<ConflictMatch[] | null>(null);
  const [acknowledgements, setAcknowledgements] = useState<ConflictAcknowledgement[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    Promise.all([
      api.call('cases.conflicts', { caseId, parties: [] }),
      api.call('cases.conflictAcknowledgements', { caseId }),
    ]).then(
      ([report, acks]) => {
        setMatches(report.matches);
        setAcknowledgements(acks);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  }, [api, caseId]);
  useEffect(load, [load]);

  const seen = new Set(
    acknowledgements.flatMap((a) => a.matches.map((m) => `${m.otherCaseId}|${m.partyName}|${m.matchedBy}`)),
  );
  const unseen = (matches ?? []).filter((m) => !seen.has(matchKey(m)));

  const acknowledge = async () => {
    setBusy(true);
    try {
      await acknowledgeConflicts(api, caseId, { matches: unseen, acknowledged: true, note, checking: false });
      setNote('');
      load();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section case-conflicts" aria-label="利益冲突检查">
      <Typography.Title level={4}>利益冲突检查</Typography.Title>
      {failure && <Alert className="page-alert" type="error" showIcon title={failure} />}
      {matches === null && !failure && <Spin description="正在检查" />}
      {matches !== null && matches.length === 0 && <Empty description="当事人未涉及本所其他案件" />}
      {matches !== null && matches.length > 0 && <ConflictMatchList matches={matches} />}
      {acknowledgements.map((a) => (
        <Typography.Paragraph key={a.id} type="secondary" className="conflict-acknowledgement">
          {a.username} 于 {formatMoment(a.acknowledgedAt)} 确认已知悉 {a.matches.length} 处{a.note ? `：${a.note}` : ''}
        </Typography.Paragraph>
      ))}
      {mayAcknowledge && unseen.length > 0 && (
        <Space align="start">
          <Input.TextArea
            aria-label="利益冲突说明"
            placeholder="核实情况或处理意见（选填）"
            rows={1}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 360 }}
          />
          <Button loading={busy} onClick={() => void acknowledge()}>
            确认已知悉（{unseen.length} 处未确认）
          </Button>
        </Space>
      )}
    </section>
  );
}
