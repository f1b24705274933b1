// The county's follow-up rules (回访要求): for each kind that follows its cases up, after which step a follow-up is
// due, how many, and within how many days — data the bureau sets and sends in its configuration package
// (electron/services/exchange/configPackage.ts), with the defaults below shipped for an office that has none. And
// what they make of one case: each required follow-up with its due date and whether it was done, which the
// dashboard lists as due or overdue (electron/services/followUp/due.ts).
//
// A follow-up answers the rule of the latest step before it in the timeline that a rule follows (legal aid: one
// recorded after the assignment and before the closing answers "after assignment"; one after the closing answers
// "after closing"), so a case's follow-ups are matched the same way whatever their dates.
import { z } from 'zod';
import { addDays } from '../calendar';
import { kindOf } from '../kinds';
import type { CaseAction } from '../lifecycle';
import type { CaseKind } from '../options';
import { strictObject, type Labels } from '../validation';
import { followUpRecordOf } from './form';

/** The kinds that follow their cases up (each declares its `followUp`, shared/kinds/<kind>/followUp.ts). */
const FOLLOWED_UP_KINDS = ['legal_aid', 'mediation'] as const satisfies readonly CaseKind[];

const ruleSchema = strictObject({
  kind: z.enum(FOLLOWED_UP_KINDS, { error: '不是可回访的案件类型' }),
  /** The step (an action of the kind, one of its follow-up milestones) after which the follow-up is due. */
  after: z.string({ error: '格式不正确' }).max(40),
  withinDays: z.number({ error: '格式不正确' }).int('应为整数').min(1, '至少1天').max(365, '不能超过365天'),
  count: z.number({ error: '格式不正确' }).int('应为整数').min(1, '至少1次').max(5, '不能超过5次'),
});
type FollowUpRule = z.output<typeof ruleSchema>;

export const followUpRulesSchema = strictObject({
  rules: z
    .array(ruleSchema, { error: '格式不正确' })
    .max(20, '最多20条')
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        const milestones = kindOf(r.kind).followUp?.milestones ?? {};
        if (!(r.after in milestones))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'after'],
            message: `应为${Object.values(milestones).join('、')}之一`,
          });
        if (seen.has(`${r.kind}:${r.after}`))
          ctx.addIssue({ code: 'custom', path: [i, 'after'], message: '同一案件类型的同一环节只能有一条回访要求' });
        seen.add(`${r.kind}:${r.after}`);
      });
    }),
});
export type FollowUpRules = z.output<typeof followUpRulesSchema>;

export const FOLLOW_UP_RULE_LABELS: Labels = {
  rules: '回访要求',
  'rules.*.kind': '案件类型',
  'rules.*.after': '回访环节',
  'rules.*.withinDays': '回访期限（天）',
  'rules.*.count': '回访次数',
};

/** What ships: legal aid after the assignment and after the closing, mediation after the agreement. */
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRules = {
  rules: [
    { kind: 'legal_aid', after: 'assign', withinDays: 15, count: 1 },
    { kind: 'legal_aid', after: 'close', withinDays: 30, count: 1 },
    { kind: 'mediation', after: 'succeed', withinDays: 30, count: 1 },
  ],
};

/** The Chinese name of a rule: 指派后回访, 调解成功后回访. */
function followUpRuleLabel(rule: Pick<FollowUpRule, 'kind' | 'after'>): string {
  return `${kindOf(rule.kind).followUp?.milestones[rule.after] ?? rule.after}后回访`;
}

type FollowUpDueStatus = 'done' | 'doneLate' | 'due' | 'overdue';

/** One required follow-up of a case. */
export interface FollowUpDue {
  /** The step it follows (`assign`, `close`, `succeed`). */
  after: string;
  label: string;
  /** The day of that step. */
  from: string;
  due: string;
  required: number;
  done: number;
  /** The day the last required follow-up was made; null until they all are. */
  doneOn: string | null;
  status: FollowUpDueStatus;
}

/**
 * The follow-ups a case owes under the rules, one per rule whose step the case has reached. A follow-up still owed
 * by a case that can no longer be followed up (archived, ended) is moot and left out.
 */
export function followUpsDue(
  kind: CaseKind,
  status: string,
  timeline: readonly CaseAction[],
  rules: FollowUpRules,
  today: string,
): FollowUpDue[] {
  const spec = kindOf(kind).followUp;
  if (!spec) return [];
  const mine = rules.rules.filter((r) => r.kind === kind);
  const followed = new Set(mine.map((r) => r.after));
  const reached = new Map<string, { on: string; followUps: string[] }>();
  let current: { on: string; followUps: string[] } | null = null;
  for (const entry of timeline) {
    if (followed.has(entry.action) && !reached.has(entry.action)) {
      current = { on: entry.actedOn, followUps: [] };
      reached.set(entry.action, current);
    } else if (entry.action === 'followUp' && current) {
      current.followUps.push(followUpRecordOf(entry).on);
    }
  }
  const open = spec.statuses.includes(status);
  const out: FollowUpDue[] = [];
  for (const rule of mine) {
    const step = reached.get(rule.after);
    if (!step) continue;
    const due = addDays(step.on, rule.withinDays);
    const doneOn = step.followUps.length >= rule.count ? step.followUps[rule.count - 1]! : null;
    if (doneOn === null && !open) continue;
    out.push({
      after: rule.after,
      label: followUpRuleLabel(rule),
      from: step.on,
      due,
      required: rule.count,
      done: Math.min(step.followUps.length, rule.count),
      doneOn,
      status: doneOn !== null ? (doneOn > due ? 'doneLate' : 'done') : today > due ? 'overdue' : 'due',
    });
  }
  return out;
}
