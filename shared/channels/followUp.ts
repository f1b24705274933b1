// Channels of 回访 besides each kind's own `<kind>.followUp` action (generated from its action table): the county's
// follow-up rules (read; set by a director, or by the bureau's configuration package) and the follow-ups due and
// overdue across the office (期限提醒).
import { channel, empty, prefixed, read, write } from '../channel';
import type { FollowUpDue, FollowUpRules } from '../followUp/rules';
import { FOLLOW_UP_RULE_LABELS, followUpRulesSchema } from '../followUp/rules';
import type { CaseKind } from '../options';
import { APPROVERS } from '../roles';
import { strictObject } from '../validation';

export interface FollowUpRulesInfo {
  rules: FollowUpRules;
  /** True when none were saved: the rules that ship are in use. */
  isDefault: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface FollowUpDashboardItem extends FollowUpDue {
  caseId: number;
  kind: CaseKind;
  caseNumber: string;
  status: 'due' | 'overdue';
}

export interface FollowUpDashboard {
  today: string;
  overdue: FollowUpDashboardItem[];
  due: FollowUpDashboardItem[];
}

export const followUpChannels = {
  'followUp.rules': channel<FollowUpRulesInfo>()(empty, read()),
  /** Replaces the rules; null goes back to those that ship. */
  'followUp.setRules': channel<FollowUpRulesInfo>()(
    strictObject({ rules: followUpRulesSchema.nullable() }),
    write(prefixed('rules', FOLLOW_UP_RULE_LABELS), APPROVERS),
  ),
  /** The follow-ups the county's rules call for that are not done yet: due, and overdue. */
  'dashboard.followUps': channel<FollowUpDashboard>()(empty, read()),
} as const;
