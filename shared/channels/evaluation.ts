// Channels of quality evaluation at the county bureau (案卷评查, issue 16): the score sheets and their versions,
// rounds (评查活动) with their sample, scoring, closing and a director's reopening of one score, and the results.
import { z } from 'zod';
import { channel, empty, prefixed, read, write } from '../channel';
import type { GradeFigures } from '../evaluation/results';
import { itemScoresSchema, ITEM_SCORE_LABELS, type ItemScore } from '../evaluation/scoring';
import {
  SCORE_SHEET_LABELS,
  SHEET_KINDS,
  scoreSheetSchema,
  type Grade,
  type SheetKind,
  type VersionedSheet,
} from '../evaluation/sheets';
import type {
  CorrectionView,
  DossierImportOutcome,
  DossierPdf,
  DossierRequestView,
  FeedbackView,
} from '../evaluation/travel';
import { APPROVERS, DIRECTORS, SCORERS, WRITERS } from '../roles';
import { choice, filePath, integer, isoDate, strictObject, text } from '../validation';

const ROUND_METHODS = ['census', 'perOffice', 'percent'] as const;
export type RoundMethod = (typeof ROUND_METHODS)[number];
export const ROUND_METHOD_LABELS: Record<RoundMethod, string> = {
  census: '普查（全部案卷）',
  perOffice: '抽查（每所N件）',
  percent: '抽查（按比例）',
};
export type RoundStatus = 'planned' | 'scoring' | 'closed';
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  planned: '筹备中',
  scoring: '评查中',
  closed: '已结束',
};

const idOf = (what: string) =>
  z
    .number({ error: `${what}格式不正确` })
    .int(`${what}格式不正确`)
    .positive(`${what}格式不正确`);

const roundSchema = strictObject({
  name: text({ max: 60, required: true }),
  year: integer({ min: 2000, max: 2100 }),
  theme: text({ max: 100 }),
  sheetKinds: z
    .array(choice(SHEET_KINDS), { error: '格式不正确' })
    .min(1, '至少选择一类案卷')
    .refine((k) => new Set(k).size === k.length, '重复选择'),
  closedFrom: isoDate(),
  closedTo: isoDate(),
  /** Empty: every registered office. */
  officeCodes: z
    .array(z.string({ error: '格式不正确' }).regex(/^\d{8,9}$/, '司法所编号格式不正确'), { error: '格式不正确' })
    .max(200, '司法所过多'),
  method: choice(ROUND_METHODS),
  perOffice: integer({ min: 1, max: 10_000 }).nullable(),
  percent: z.number({ error: '应为数字' }).gt(0, '应大于0').max(100, '不能超过100').nullable(),
  scoresPerCase: integer({ min: 1, max: 5 }),
  evaluatorIds: z.array(idOf('评查员'), { error: '格式不正确' }).min(1, '至少一名评查员').max(50, '评查员过多'),
}).superRefine((r, ctx) => {
  if (r.closedFrom && r.closedTo && r.closedFrom > r.closedTo)
    ctx.addIssue({ code: 'custom', path: ['closedTo'], message: '不能早于结案日期起' });
  if (r.method === 'perOffice' && r.perOffice === null)
    ctx.addIssue({ code: 'custom', path: ['perOffice'], message: '抽查每所件数时须填写' });
  if (r.method === 'percent' && r.percent === null)
    ctx.addIssue({ code: 'custom', path: ['percent'], message: '按比例抽查时须填写' });
});
export type RoundInput = z.output<typeof roundSchema>;

const ROUND_LABELS = {
  roundId: '评查活动',
  name: '活动名称',
  year: '年度',
  theme: '主题',
  sheetKinds: '案卷类别',
  closedFrom: '结案日期起',
  closedTo: '结案日期止',
  officeCodes: '司法所',
  method: '评查方式',
  perOffice: '每所抽查件数',
  percent: '抽查比例（%）',
  scoresPerCase: '每案评分人数',
  evaluatorIds: '评查员',
  seed: '随机种子',
  sampleId: '抽查案件',
  scoreId: '评分',
  reason: '重新打开的理由',
  submit: '提交',
};

export interface SheetsInfo {
  /** The sheet in use for each kind (its latest version). */
  current: Record<SheetKind, VersionedSheet>;
  /** Every version of every kind, newest first. */
  versions: (VersionedSheet & { kind: SheetKind })[];
}

export interface RoundSummary {
  id: number;
  name: string;
  year: number;
  theme: string;
  status: RoundStatus;
  method: RoundMethod;
  sampled: number;
  /** Sampled cases with all their required scores submitted. */
  scored: number;
  createdAt: string;
}

export interface ScoreView {
  id: number;
  evaluatorId: number;
  evaluatorName: string;
  sheetVersion: number;
  items: ItemScore[];
  total: number;
  grade: Grade | null;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  reopened: { reason: string; by: string; at: string } | null;
}

export interface SampleView {
  id: number;
  position: number;
  officeCode: string;
  officeName: string;
  caseNumber: string;
  caseKind: string;
  sheetKind: SheetKind;
  receivedOn: string;
  closedOn: string;
  /** 承办人 (legal aid: person and 律所; mediation: the 调解员); '' when the office's facts name none. */
  handler: string;
  /** Scores of other evaluators show their state only until the round closes; the caller's own in full. */
  scores: ScoreView[];
  /** The case's score once it has its required scores: combined as its sheet says. */
  result: { score: number; grade: Grade } | null;
}

export interface RoundDetail extends RoundSummary {
  sheetKinds: SheetKind[];
  closedFrom: string;
  closedTo: string;
  officeCodes: string[];
  perOffice: number | null;
  percent: number | null;
  scoresPerCase: number;
  seed: string | null;
  candidates: number | null;
  sampledAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  evaluators: { id: number; name: string }[];
  samples: SampleView[];
  /** Whether the caller is one of the round's evaluators. */
  iEvaluate: boolean;
}

/** One group's figures, and the same group's in last year's round (null when it had none there). */
export interface GroupFigures {
  group: string;
  figures: GradeFigures;
  lastYear: GradeFigures | null;
}

/** How the results name a handler the office's facts leave blank. */
export const NO_HANDLER = '（未记录承办人）';

export interface RoundResults {
  round: { id: number; name: string; year: number };
  total: GradeFigures;
  byOffice: GroupFigures[];
  /** Per 承办人 within their office (the same name in two offices is two people), office by office. */
  byHandler: (GroupFigures & { office: string })[];
  byKind: GroupFigures[];
  /** The closed round of the year before, if there is one. */
  lastYear: { id: number; name: string; total: GradeFigures } | null;
}

/** One upload of dossier packages from the page: a round's PDFs of a few offices, base64 (4/3 of the bytes). */
const MAX_DOSSIER_UPLOAD_CHARS = 256 * 1024 * 1024;

/** Labels of the channels for the sample's dossiers and 整改 (shared/evaluation/travel.ts). */
const TRAVEL_LABELS = {
  files: '案卷包文件',
  packages: '案卷包文件',
  folder: '保存位置',
  roundId: '评查活动',
  sampleId: '抽查案件',
  caseId: '案件',
  requirement: '整改要求',
  dueOn: '整改期限',
  doneOn: '整改完成日期',
  note: '整改情况',
};

const ROUND_INPUT_LABELS = { roundId: '评查活动', round: '评查活动', ...prefixed('round', ROUND_LABELS) };

const roundId = strictObject({ roundId: idOf('评查活动') });

export const evaluationChannels = {
  'evaluation.sheets': channel<SheetsInfo>()(empty, read()),
  /** A new version of one kind's sheet (县局模式); scores already given keep the version they were given on. */
  'evaluation.saveSheet': channel<VersionedSheet>()(
    strictObject({ sheet: scoreSheetSchema }),
    write(SCORE_SHEET_LABELS, APPROVERS),
  ),
  'evaluation.rounds': channel<RoundSummary[]>()(empty, read()),
  'evaluation.round': channel<RoundDetail>()(roundId, read(ROUND_LABELS)),
  'evaluation.createRound': channel<RoundDetail>()(
    strictObject({ round: roundSchema }),
    write(ROUND_INPUT_LABELS, APPROVERS),
  ),
  /** Changes a round before its sample is drawn. */
  'evaluation.updateRound': channel<RoundDetail>()(
    strictObject({ roundId: idOf('评查活动'), round: roundSchema }),
    write(ROUND_INPUT_LABELS, APPROVERS),
  ),
  /** Draws the sample with the seed given (or a new one, recorded): the same seed draws the same sample. */
  'evaluation.draw': channel<RoundDetail>()(
    strictObject({ roundId: idOf('评查活动'), seed: text({ max: 60 }) }),
    write(ROUND_LABELS, APPROVERS),
  ),
  /** The caller's score of a sampled case: a draft, or submitted (then final). */
  'evaluation.saveScore': channel<ScoreView>()(
    strictObject({ sampleId: idOf('抽查案件'), items: itemScoresSchema, submit: z.boolean({ error: '格式不正确' }) }),
    write({ ...ROUND_LABELS, ...ITEM_SCORE_LABELS }, SCORERS),
  ),
  /** Closes and locks a round whose every sampled case has its required scores. */
  'evaluation.close': channel<RoundDetail>()(roundId, write(ROUND_LABELS, APPROVERS)),
  /** A director reopens one submitted score of a closed round, with a written reason (the round scores again). */
  'evaluation.reopenScore': channel<RoundDetail>()(
    strictObject({ scoreId: idOf('评分'), reason: text({ max: 500, required: true, multiLine: true }) }),
    write(ROUND_LABELS, DIRECTORS),
  ),
  'evaluation.results': channel<RoundResults>()(roundId, read(ROUND_LABELS)),

  /** Bureau: offices' dossier packages for the sample (checked like data packages); each PDF kept with its case. */
  'evaluation.importDossiers': channel<DossierImportOutcome[]>()(
    strictObject({
      files: z
        .array(filePath({ max: 1000, kind: 'file' }), { error: '格式不正确' })
        .min(1, '请选择案卷包')
        .max(200, '一次最多200个'),
    }),
    write(TRAVEL_LABELS, APPROVERS),
  ),
  /** Bureau: the same, as bytes chosen in the page (a file chooser gives no path). */
  'evaluation.importDossierUploads': channel<DossierImportOutcome[]>()(
    strictObject({
      packages: z
        .array(
          strictObject({
            fileName: text({ max: 200, required: true }),
            base64: z.string({ error: '格式不正确' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, '格式不正确'),
          }),
          { error: '格式不正确' },
        )
        .min(1, '请选择案卷包')
        .max(50, '一次最多50个'),
    }),
    { ...write(TRAVEL_LABELS, APPROVERS), maxPayloadChars: MAX_DOSSIER_UPLOAD_CHARS },
  ),
  /** Bureau: the electronic dossier received for a sampled case, to read beside its score sheet. */
  'evaluation.dossierPdf': channel<DossierPdf>()(strictObject({ sampleId: idOf('抽查案件') }), read(TRAVEL_LABELS)),
  /** Bureau: a closed round's evaluated cases with their 整改要求, due dates and the offices' replies. */
  'evaluation.corrections': channel<CorrectionView[]>()(roundId, read(TRAVEL_LABELS)),
  /** Bureau: sets an evaluated case's 整改要求 (blank: the evaluators' remarks) and due date, until it is done. */
  'evaluation.setCorrection': channel<CorrectionView>()(
    strictObject({
      sampleId: idOf('抽查案件'),
      requirement: text({ max: 2000, multiLine: true }),
      dueOn: isoDate(),
    }),
    write(TRAVEL_LABELS, APPROVERS),
  ),
  /** Office: the bureau's requests for the sample's dossiers, from its configuration packages. */
  'evaluation.dossierRequests': channel<DossierRequestView[]>()(empty, read(TRAVEL_LABELS)),
  /** Office: one signed, encrypted package of a round's requested dossiers, into `folder` (or exports/). */
  'evaluation.dossierPackage': channel<{ file: string; fileName: string; cases: string[] }>()(
    strictObject({ roundId: idOf('评查活动'), folder: filePath({ max: 500, kind: 'folder' }).nullable() }),
    write(TRAVEL_LABELS, WRITERS),
  ),
  /** Office: the evaluated cases' scores, remarks and 整改要求 (of one case, or all), with the corrections done. */
  'evaluation.feedback': channel<FeedbackView[]>()(
    strictObject({ caseId: idOf('案件').nullable() }),
    read(TRAVEL_LABELS),
  ),
  /** Office: records an evaluated case's 整改 as done (once); the next export carries it to the bureau. */
  'evaluation.recordCorrection': channel<FeedbackView>()(
    strictObject({
      roundId: idOf('评查活动'),
      caseId: idOf('案件'),
      doneOn: isoDate(),
      note: text({ max: 1000, required: true, multiLine: true }),
    }),
    write(TRAVEL_LABELS, WRITERS),
  ),
} as const;
