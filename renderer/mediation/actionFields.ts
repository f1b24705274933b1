// Each mediation action's form as data (renderer/forms/fieldSpecs.ts): its fields in the order of the paper record.
// The schemas and labels are the channels' own (shared/kinds/mediation/actions.ts).
import { FACTS_MAX, LINE_MAX, NAME_MAX, NOTE_MAX } from '../../shared/cases/fieldLimits';
import type { MediationAction, MediationFacts } from '../../shared/kinds/mediation/lifecycle';
import {
  AGREEMENT_FORMS,
  CONFIRMATION_RESULTS,
  MEDIATION_TERMINATION_REASONS,
  OTHER_ROUTES,
  PERFORMANCE_METHODS,
  PERFORMANCE_STATES,
} from '../../shared/kinds/mediation/options';
import { EXTENSION_SOURCE } from '../../shared/kinds/mediation/countyRules';
import { MEDIATION_FOLLOW_UP } from '../../shared/kinds/mediation/followUp';
import type { FieldSpec, ActionForms } from '../forms/fieldSpecs';
import { followUpForm } from '../followUp/followUpForm';

const date = (): FieldSpec => ({ path: 'actedOn', kind: 'date', required: true, half: true });

export const MEDIATION_ACTION_FORMS: ActionForms<MediationAction, MediationFacts> = {
  investigate: () => ({
    fields: [
      date(),
      { path: 'investigator', kind: 'text', max: NAME_MAX, required: true, half: true },
      { path: 'subject', kind: 'text', max: LINE_MAX, half: true },
      { path: 'place', kind: 'text', max: LINE_MAX, half: true },
      { path: 'content', kind: 'textarea', max: FACTS_MAX, required: true },
    ],
  }),
  recordSession: () => ({
    fields: [
      date(),
      { path: 'place', kind: 'text', max: LINE_MAX, half: true },
      { path: 'attendees', kind: 'text', max: 500 },
      { path: 'content', kind: 'textarea', max: FACTS_MAX, required: true },
    ],
  }),
  extend: () => ({
    fields: [
      date(),
      { path: 'extendedTo', kind: 'date', required: true, half: true, initial: null },
      {
        path: 'partiesConsent',
        kind: 'flag',
        caption: '双方当事人同意延长',
        extra: `《人民调解工作若干规定》第33条：一般在一个月内调结；延长依据：${EXTENSION_SOURCE}`,
      },
      { path: 'reason', kind: 'textarea', max: 500, required: true },
    ],
  }),
  succeed: () => ({
    fields: [
      date(),
      { path: 'form', kind: 'radio', choices: AGREEMENT_FORMS, required: true, half: true, initial: '书面' },
      { path: 'agreementNumber', kind: 'text', max: LINE_MAX, half: true },
      { path: 'effectiveOn', kind: 'date', half: true, initial: null, extra: '不填即为调解成功之日' },
      { path: 'content', kind: 'textarea', max: FACTS_MAX, extra: '口头协议须记录协议内容' },
      { path: 'amountFen', kind: 'yuan', blank: 0, half: true, placeholder: '无给付内容的不填' },
      { path: 'performanceMethod', kind: 'select', choices: PERFORMANCE_METHODS, required: true, half: true },
      { path: 'performanceDueOn', kind: 'date', half: true, initial: null },
      { path: 'crimePrevention', kind: 'flag', caption: '属于防止民转刑案件', half: true },
      { path: 'note', kind: 'textarea', max: NOTE_MAX },
    ],
  }),
  fail: () => ({
    fields: [
      date(),
      { path: 'reason', kind: 'textarea', max: NOTE_MAX, required: true },
      { path: 'routesTold', kind: 'multi', choices: OTHER_ROUTES, required: true },
    ],
  }),
  terminate: () => ({
    fields: [
      date(),
      { path: 'reason', kind: 'select', choices: MEDIATION_TERMINATION_REASONS, required: true },
      { path: 'explanation', kind: 'textarea', max: NOTE_MAX, required: true },
    ],
  }),
  recordPerformance: () => ({
    fields: [
      date(),
      { path: 'state', kind: 'radio', choices: PERFORMANCE_STATES, required: true },
      { path: 'note', kind: 'textarea', max: NOTE_MAX, extra: '部分履行或未履行的，须写明具体情况' },
    ],
  }),
  followUp: () => followUpForm(MEDIATION_FOLLOW_UP, '当事人'),
  applyConfirmation: () => ({
    fields: [
      date(),
      { path: 'court', kind: 'text', max: LINE_MAX, required: true, half: true },
      { path: 'note', kind: 'textarea', max: NOTE_MAX },
    ],
  }),
  recordConfirmation: () => ({
    fields: [
      date(),
      { path: 'result', kind: 'radio', choices: CONFIRMATION_RESULTS, required: true },
      { path: 'rulingNumber', kind: 'text', max: LINE_MAX, half: true },
      { path: 'note', kind: 'textarea', max: NOTE_MAX },
    ],
  }),
  markCrimePrevention: (facts) => ({
    fields: [
      date(),
      { path: 'crimePrevention', kind: 'flag', caption: '属于防止民转刑案件', initial: !facts.crimePrevention },
      { path: 'note', kind: 'textarea', max: NOTE_MAX, required: true },
    ],
  }),
  recordSubsidy: () => ({
    fields: [
      date(),
      {
        path: 'amountFen',
        kind: 'yuan',
        blank: null,
        half: true,
        placeholder: '不填则按县司法局的补贴标准',
        extra: '按标准发放的不填；金额与标准不同的须写明理由',
      },
      { path: 'note', kind: 'textarea', max: NOTE_MAX },
    ],
  }),
  archive: () => ({
    fields: [
      date(),
      { path: 'archiveNumber', kind: 'text', max: LINE_MAX, half: true },
      { path: 'note', kind: 'textarea', max: NOTE_MAX },
    ],
  }),
};
