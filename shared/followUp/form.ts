// 回访 (follow-up with the aided person or the parties): the one form every kind that follows its cases up shares —
// the date, the way, who was reached, the county's questions for the kind (data: each kind lists its own,
// shared/kinds/<kind>/followUp.ts), the 满意度 and the remarks, required when 不满意 — and how a recorded follow-up
// reads back, old mediation rows (调解回访 before the shared form: 方式/对象/情况) included. Each kind records it as its
// action `followUp` (channel `<kind>.followUp`), so it is a row of case_actions like every other step and travels
// to the bureau with them; the ledger export reads `actedOn` and `satisfaction` of those rows.
import { id } from '../channel';
import { LINE_MAX, NOTE_MAX } from '../cases/fieldLimits';
import type { CaseAction } from '../lifecycle';
import { choice, isoDate, strictObject, text, type Labels } from '../validation';

export const FOLLOW_UP_METHODS = ['电话', '上门', '短信', '其他'] as const;
export const FOLLOW_UP_REACHED = ['受援人', '当事人', '其近亲属', '其他'] as const;
export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** A question the county asks on a follow-up: its answer is one of its options. */
export interface FollowUpQuestion {
  key: string;
  label: string;
  options: readonly [string, ...string[]];
}

/** What a kind says of its follow-ups: the questions, when one may be recorded, and what a county rule may follow. */
export interface KindFollowUp {
  questions: readonly FollowUpQuestion[];
  /** The statuses in which a follow-up may be recorded; the case keeps its status. */
  statuses: readonly string[];
  /** The actions a county's rule may require a follow-up after (shared/followUp/rules.ts), with their Chinese names. */
  milestones: Readonly<Record<string, string>>;
}

const REMARKS_REQUIRED = '满意度为“不满意”的，须写明不满意的具体意见';

/** The payload of `<kind>.followUp`, with the kind's questions as its `answers`. */
function followUpSchema(questions: readonly FollowUpQuestion[]) {
  return strictObject({
    caseId: id,
    actedOn: isoDate(),
    method: choice(FOLLOW_UP_METHODS),
    reached: choice(FOLLOW_UP_REACHED),
    reachedName: text({ max: LINE_MAX }),
    answers: strictObject(Object.fromEntries(questions.map((q) => [q.key, choice(q.options)]))),
    satisfaction: choice(SATISFACTION_LEVELS),
    remarks: text({ max: NOTE_MAX, multiLine: true }),
  }).superRefine((d, ctx) => {
    if (d.satisfaction === '不满意' && d.remarks === '')
      ctx.addIssue({ code: 'custom', path: ['remarks'], message: REMARKS_REQUIRED });
  });
}

function followUpLabels(questions: readonly FollowUpQuestion[]): Labels {
  return {
    caseId: '案件',
    actedOn: '回访日期',
    method: '回访方式',
    reached: '回访对象',
    reachedName: '回访对象姓名',
    answers: '回访问题',
    ...Object.fromEntries(questions.map((q) => [`answers.${q.key}`, q.label])),
    satisfaction: '满意度',
    remarks: '回访意见及情况',
  };
}

/** The action table's entry of a kind's follow-up. */
export function followUpAction(questions: readonly FollowUpQuestion[]) {
  return {
    schema: followUpSchema(questions),
    labels: followUpLabels(questions),
    recorded: { stage: '回访时案件状态' },
  };
}

/** A follow-up as recorded, whichever form it was recorded with. */
export interface FollowUpRecord {
  actionId: number;
  on: string;
  method: string;
  reached: string;
  reachedName: string;
  answers: Readonly<Record<string, string>>;
  /** Null for an old mediation row, which recorded none. */
  satisfaction: Satisfaction | null;
  remarks: string;
  /** The case's status when it was recorded ('' on old rows). */
  stage: string;
  recordedBy: string;
}

const str = (d: Record<string, unknown>, k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');

/** Old mediation rows said 上门回访 / 电话回访 / 当面回访: read as the shared ways. */
const OLD_METHODS: Readonly<Record<string, string>> = { 上门回访: '上门', 电话回访: '电话', 当面回访: '其他' };

/** One `followUp` entry of a timeline as a record. */
export function followUpRecordOf(action: CaseAction): FollowUpRecord {
  const d = action.data;
  const satisfaction = (SATISFACTION_LEVELS as readonly string[]).includes(str(d, 'satisfaction'))
    ? (str(d, 'satisfaction') as Satisfaction)
    : null;
  const answers =
    d.answers !== null && typeof d.answers === 'object'
      ? Object.fromEntries(Object.entries(d.answers as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
      : {};
  const method = str(d, 'method');
  const old = !('satisfaction' in d);
  return {
    actionId: action.id,
    on: action.actedOn,
    method: OLD_METHODS[method] ?? method,
    reached: old ? str(d, 'visited') : str(d, 'reached'),
    reachedName: str(d, 'reachedName'),
    answers,
    satisfaction,
    remarks: old ? str(d, 'content') : str(d, 'remarks'),
    stage: str(d, 'stage'),
    recordedBy: action.username,
  };
}

/** A follow-up in a line, as the case page lists it. */
export function followUpSummary(r: FollowUpRecord): string {
  const who = `${r.reached}${r.reachedName ? `（${r.reachedName}）` : ''}`;
  const parts = [`${r.method}回访${who}`, `满意度：${r.satisfaction ?? '未记录'}`];
  if (r.remarks) parts.push(r.remarks);
  return parts.join('；');
}

/** Every follow-up of a timeline, oldest first. */
export function followUpsOf(timeline: readonly CaseAction[]): FollowUpRecord[] {
  return timeline.filter((a) => a.action === 'followUp').map(followUpRecordOf);
}

/** The status a follow-up leaves the case in: the one it was recorded in (the service writes it as `stage`). */
export function stageOf<S extends string>(statuses: readonly S[]) {
  return (data: Record<string, unknown>): S => {
    const stage = data.stage;
    if (typeof stage === 'string' && (statuses as readonly string[]).includes(stage)) return stage as S;
    throw new Error('follow-up data lacks a valid stage'); // the service always sets it
  };
}
