// The 回访 form as data (renderer/forms/fieldSpecs.ts), the same for every kind that follows its cases up: the date,
// the way, who was reached, the kind's own questions (shared/kinds/<kind>/followUp.ts) and the 满意度 with remarks.
// The schema and labels are the channel's (shared/followUp/form.ts).
import { LINE_MAX, NOTE_MAX } from '../../shared/cases/fieldLimits';
import {
  FOLLOW_UP_METHODS,
  FOLLOW_UP_REACHED,
  SATISFACTION_LEVELS,
  type KindFollowUp,
} from '../../shared/followUp/form';
import type { ActionForm } from '../forms/fieldSpecs';

export function followUpForm({ questions }: KindFollowUp, reached: (typeof FOLLOW_UP_REACHED)[number]): ActionForm {
  return {
    hint: '满意度为“不满意”的，须在回访意见中写明具体意见。',
    fields: [
      { path: 'actedOn', kind: 'date', required: true, half: true },
      { path: 'method', kind: 'radio', choices: FOLLOW_UP_METHODS, required: true, initial: '电话' },
      { path: 'reached', kind: 'radio', choices: FOLLOW_UP_REACHED, required: true, initial: reached },
      { path: 'reachedName', kind: 'text', max: LINE_MAX, half: true },
      ...questions.map((q) => ({
        path: `answers.${q.key}`,
        kind: 'radio' as const,
        choices: q.options,
        required: true,
      })),
      { path: 'satisfaction', kind: 'radio', choices: SATISFACTION_LEVELS, required: true },
      { path: 'remarks', kind: 'textarea', max: NOTE_MAX },
    ],
  };
}
