// Each legal-aid action's form as data (renderer/forms/fieldSpecs.ts): which fields it has, in what order, how each
// is typed, and when a field shows. The schemas and labels are the channels' own (shared/kinds/legalAid/actions.ts),
// so the form says what the main process would say, before anything is sent.
import { LINE_MAX, NAME_MAX, NOTE_MAX } from '../../shared/cases/fieldLimits';
import {
  MANDATORY_DEFENCE_GROUNDS,
  MATTER_TYPE_LABELS,
  MATTER_TYPES,
  PROVISIONAL_GROUND_LABELS,
  PROVISIONAL_GROUNDS,
} from '../../shared/kinds/legalAid/eligibility';
import type { LegalAidAction } from '../../shared/kinds/legalAid/lifecycle';
import {
  CLOSING_DOCUMENTS,
  CLOSING_RESULTS,
  DECIDERS,
  DECISIONS,
  NOTICE_GROUND_LABELS,
  OBJECTION_RESULTS,
  ORG_TYPES,
  PROGRESS_KINDS,
  TERMINATION_REASONS,
} from '../../shared/kinds/legalAid/options';
import { LEGAL_AID_FOLLOW_UP } from '../../shared/kinds/legalAid/followUp';
import type { FieldSpec, ActionForms } from '../forms/fieldSpecs';
import { followUpForm } from '../followUp/followUpForm';
import { rosterPick } from './RosterPick';

/** A date: the action's own starts at today, any other empty. */
const date = (path: string, required = true, placeholder?: string): FieldSpec => ({
  path,
  kind: 'date',
  required,
  ...(path === 'actedOn' ? {} : { initial: null }),
  ...(placeholder ? { placeholder } : {}),
});
const note = (path = 'note', required = false): FieldSpec => ({ path, kind: 'textarea', max: NOTE_MAX, required });
const decider = (path: string): FieldSpec => ({
  path,
  kind: 'radio',
  choices: DECIDERS,
  required: true,
  initial: '司法所',
});

export const LEGAL_AID_ACTION_FORMS: ActionForms<LegalAidAction, unknown> = {
  notifyMissing: () => ({
    hint: '申请材料不齐全的，应当一次性告知申请人需要补充的全部材料（法律援助法第43条）。补充材料期间不计入审查期限。',
    fields: [
      date('actedOn'),
      { path: 'items', kind: 'lines', required: true, placeholder: '每行一项，如：户口簿复印件' },
      date('dueOn'),
      note(),
    ],
  }),
  supplyMaterials: () => ({ fields: [date('actedOn'), note()] }),
  deemWithdrawn: () => ({ hint: '申请人未在补充期限内补齐材料的，视为撤回申请。', fields: [date('actedOn'), note()] }),
  decide: () => ({
    fields: [
      date('actedOn'),
      { path: 'decision', kind: 'radio', choices: DECISIONS, required: true, initial: '给予法律援助' },
      decider('decidedBy'),
      { path: 'matterType', kind: 'select', choices: MATTER_TYPES, choiceLabels: MATTER_TYPE_LABELS, required: true },
      {
        path: 'mandatoryDefenceGrounds',
        kind: 'multi',
        choices: MANDATORY_DEFENCE_GROUNDS,
        choiceLabels: NOTICE_GROUND_LABELS,
        when: (v) => v.matterType === '刑事辩护',
      },
      { path: 'documentNumber', kind: 'text', max: LINE_MAX },
      { path: 'reasons', kind: 'textarea', max: NOTE_MAX, placeholder: '不予法律援助的，须书面写明理由' },
    ],
  }),
  provideProvisionally: () => ({
    hint: '法律援助法第44条：情况紧急的，可以先行提供法律援助，申请人应当在其后补交有关材料。',
    fields: [
      date('actedOn'),
      {
        path: 'ground',
        kind: 'select',
        choices: PROVISIONAL_GROUNDS,
        choiceLabels: PROVISIONAL_GROUND_LABELS,
        required: true,
      },
      { ...date('limitEndsOn'), when: (v) => v.ground === '距法定时效或者期限届满不足七日' },
      decider('decidedBy'),
      note('reason', true),
    ],
  }),
  assign: () => ({
    fields: [
      rosterPick,
      date('actedOn'),
      decider('assignedBy'),
      { path: 'orgType', kind: 'select', choices: ORG_TYPES, required: true },
      { path: 'orgName', kind: 'text', max: LINE_MAX, required: true },
      { path: 'personName', kind: 'text', max: NAME_MAX, required: true },
    ],
  }),
  recordProgress: () => ({
    fields: [
      date('actedOn'),
      { path: 'kind', kind: 'select', choices: PROGRESS_KINDS, required: true },
      note('content', true),
      date('matterEndedOn', false, '事项已办结的，填写办结日期'),
    ],
  }),
  followUp: () => followUpForm(LEGAL_AID_FOLLOW_UP, '受援人'),
  terminate: () => ({
    hint: '终止法律援助须属于法律援助法第48条规定的情形之一。',
    fields: [
      date('actedOn'),
      { path: 'reason', kind: 'select', choices: TERMINATION_REASONS, required: true },
      decider('decidedBy'),
      note('explanation', true),
    ],
  }),
  close: () => ({
    fields: [
      date('actedOn'),
      { path: 'result', kind: 'select', choices: CLOSING_RESULTS, required: true },
      { path: 'closingDocument', kind: 'select', choices: CLOSING_DOCUMENTS, required: true },
      { path: 'closingDocumentNumber', kind: 'text', max: LINE_MAX },
      date('matterEndedOn'),
      date('materialsSubmittedOn'),
      note('summary'),
    ],
  }),
  object: () => ({
    hint: '申请人对不予法律援助或终止法律援助的决定有异议的，可以向司法行政部门提出（法律援助法第49条）。',
    fields: [date('actedOn'), note('content', true)],
  }),
  reviewObjection: () => ({
    fields: [
      date('actedOn'),
      { path: 'result', kind: 'radio', choices: OBJECTION_RESULTS, required: true },
      { path: 'reviewedBy', kind: 'text', max: LINE_MAX, required: true },
      note('opinion', true),
    ],
  }),
  recordSubsidy: () => ({
    hint: '结案材料审查后登记办案补贴；法律援助中心工作人员承办的填0。',
    fields: [date('actedOn'), { path: 'amountFen', kind: 'yuan', blank: null, required: true }, date('paidOn'), note()],
  }),
  archive: () => ({ fields: [date('actedOn'), { path: 'archiveNumber', kind: 'text', max: LINE_MAX }, note()] }),
};
