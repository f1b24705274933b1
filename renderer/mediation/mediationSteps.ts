// Each action of a mediation case as a small form: its channel, the shared schema and labels the channel uses, and
// its fields in the order of the paper record.
import type { z } from 'zod';
import type { Channel } from '../../shared/contract';
import { MEDIATION_ACTION_TABLE as TABLE } from '../../shared/kinds/mediation/actions';
import type { MediationAction, MediationFacts } from '../../shared/kinds/mediation/lifecycle';
import {
  AGREEMENT_FORMS,
  CONFIRMATION_RESULTS,
  FOLLOW_UP_METHODS,
  MEDIATION_TERMINATION_REASONS,
  OTHER_ROUTES,
  PERFORMANCE_METHODS,
  PERFORMANCE_STATES,
} from '../../shared/kinds/mediation/options';
import type { Labels } from '../../shared/validation';
import type { StepField } from '../forms/StepForm';

export interface MediationStep {
  channel: Channel & `mediation.${MediationAction}`;
  schema: z.ZodType;
  labels: Labels;
  fields(facts: MediationFacts): StepField[];
}

const date = (): StepField => ({ path: 'actedOn', kind: 'date', required: true, half: true });

export const MEDIATION_STEPS: Record<MediationAction, MediationStep> = {
  investigate: {
    channel: 'mediation.investigate', ...TABLE.investigate,
    fields: () => [
      date(),
      { path: 'investigator', kind: 'text', max: 50, required: true, half: true },
      { path: 'subject', kind: 'text', max: 100, half: true },
      { path: 'place', kind: 'text', max: 100, half: true },
      { path: 'content', kind: 'textarea', max: 5000, required: true },
    ],
  },
  recordSession: {
    channel: 'mediation.recordSession', ...TABLE.recordSession,
    fields: () => [
      date(),
      { path: 'place', kind: 'text', max: 100, half: true },
      { path: 'attendees', kind: 'text', max: 500 },
      { path: 'content', kind: 'textarea', max: 5000, required: true },
    ],
  },
  extend: {
    channel: 'mediation.extend', ...TABLE.extend,
    fields: () => [
      date(),
      { path: 'extendedTo', kind: 'date', required: true, half: true, initial: null },
      { path: 'partiesConsent', kind: 'flag', caption: '双方当事人同意延长' },
      { path: 'reason', kind: 'textarea', max: 500, required: true },
    ],
  },
  succeed: {
    channel: 'mediation.succeed', ...TABLE.succeed,
    fields: () => [
      date(),
      { path: 'form', kind: 'radio', choices: AGREEMENT_FORMS, required: true, half: true, initial: '书面' },
      { path: 'agreementNumber', kind: 'text', max: 100, half: true },
      { path: 'effectiveOn', kind: 'date', half: true, initial: null, extra: '不填即为调解成功之日' },
      { path: 'content', kind: 'textarea', max: 5000, extra: '口头协议须记录协议内容' },
      { path: 'amountFen', kind: 'yuan', blank: 0, half: true, placeholder: '无给付内容的不填' },
      { path: 'performanceMethod', kind: 'select', choices: PERFORMANCE_METHODS, required: true, half: true },
      { path: 'performanceDueOn', kind: 'date', half: true, initial: null },
      { path: 'crimePrevention', kind: 'flag', caption: '属于防止民转刑案件', half: true },
      { path: 'note', kind: 'textarea', max: 2000 },
    ],
  },
  fail: {
    channel: 'mediation.fail', ...TABLE.fail,
    fields: () => [
      date(),
      { path: 'reason', kind: 'textarea', max: 2000, required: true },
      { path: 'routesTold', kind: 'multi', choices: OTHER_ROUTES, required: true },
    ],
  },
  terminate: {
    channel: 'mediation.terminate', ...TABLE.terminate,
    fields: () => [
      date(),
      { path: 'reason', kind: 'select', choices: MEDIATION_TERMINATION_REASONS, required: true },
      { path: 'explanation', kind: 'textarea', max: 2000, required: true },
    ],
  },
  recordPerformance: {
    channel: 'mediation.recordPerformance', ...TABLE.recordPerformance,
    fields: () => [
      date(),
      { path: 'state', kind: 'radio', choices: PERFORMANCE_STATES, required: true },
      { path: 'note', kind: 'textarea', max: 2000, extra: '部分履行或未履行的，须写明具体情况' },
    ],
  },
  followUp: {
    channel: 'mediation.followUp', ...TABLE.followUp,
    fields: () => [
      date(),
      { path: 'method', kind: 'select', choices: FOLLOW_UP_METHODS, required: true, half: true },
      { path: 'visited', kind: 'text', max: 100, half: true },
      { path: 'content', kind: 'textarea', max: 5000, required: true },
    ],
  },
  applyConfirmation: {
    channel: 'mediation.applyConfirmation', ...TABLE.applyConfirmation,
    fields: () => [
      date(),
      { path: 'court', kind: 'text', max: 100, required: true, half: true },
      { path: 'note', kind: 'textarea', max: 2000 },
    ],
  },
  recordConfirmation: {
    channel: 'mediation.recordConfirmation', ...TABLE.recordConfirmation,
    fields: () => [
      date(),
      { path: 'result', kind: 'radio', choices: CONFIRMATION_RESULTS, required: true },
      { path: 'rulingNumber', kind: 'text', max: 100, half: true },
      { path: 'note', kind: 'textarea', max: 2000 },
    ],
  },
  markCrimePrevention: {
    channel: 'mediation.markCrimePrevention', ...TABLE.markCrimePrevention,
    fields: (facts) => [
      date(),
      { path: 'crimePrevention', kind: 'flag', caption: '属于防止民转刑案件', initial: !facts.crimePrevention },
      { path: 'note', kind: 'textarea', max: 2000, required: true },
    ],
  },
  recordSubsidy: {
    channel: 'mediation.recordSubsidy', ...TABLE.recordSubsidy,
    fields: () => [
      date(),
      { path: 'amountFen', kind: 'yuan', blank: null, half: true, placeholder: '不填则按县司法局的补贴标准', extra: '按标准发放的不填；金额与标准不同的须写明理由' },
      { path: 'note', kind: 'textarea', max: 2000 },
    ],
  },
  archive: {
    channel: 'mediation.archive', ...TABLE.archive,
    fields: () => [date(), { path: 'archiveNumber', kind: 'text', max: 100, half: true }, { path: 'note', kind: 'textarea', max: 2000 }],
  },
};
