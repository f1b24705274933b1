// What travels between the bureau and an office for evaluation (issue 16 items 3 and 5): the section of a
// configuration package made for one office — the sampled cases each round asks it for, and each evaluated case's
// score, grade, remarks and 整改要求 — and what the office's and the bureau's pages show of it. Pure.
import { z } from 'zod';
import { GRADES, type Grade } from './sheets';

const roundId = z.number().int().positive();
const caseNumber = z.string().min(1).max(60);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The evaluation section of a configuration package for one office (absent from the county-wide package). */
export const evaluationConfigSchema = z.strictObject({
  /** The office it is for: an office refuses another's. */
  officeCode: z.string().regex(/^\d{8,9}$/),
  requests: z
    .array(z.strictObject({ roundId, roundName: z.string().max(100), cases: z.array(caseNumber).min(1).max(1000) }))
    .max(100),
  feedback: z
    .array(
      z.strictObject({
        roundId,
        roundName: z.string().max(100),
        roundClosedOn: day,
        caseNumber,
        score: z.number().min(0).max(100),
        grade: z.enum(GRADES),
        remarks: z.array(z.string().max(2000)).max(100),
        requirement: z.string().max(2000),
        dueOn: day,
      }),
    )
    .max(5000),
});
export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

/** At the office: one round's request for dossiers, as the 案卷评查 panel shows it. */
export interface DossierRequestView {
  roundId: number;
  roundName: string;
  bureauName: string;
  /** When the bureau issued the configuration package that asked (ISO). */
  requestedAt: string;
  /** When this office last made the dossier package for it (ISO), or null. */
  sentAt: string | null;
  cases: { caseNumber: string; caseId: number | null; title: string | null }[];
}

/** At the office: an evaluated case's result and 整改要求, and the correction recorded. */
export interface FeedbackView {
  roundId: number;
  roundName: string;
  caseNumber: string;
  caseId: number | null;
  title: string | null;
  score: number;
  grade: Grade;
  remarks: string[];
  requirement: string;
  dueOn: string;
  /** Not done and past its due date (today as the office's clock says). */
  overdue: boolean;
  reply: { doneOn: string; note: string; recordedBy: string; recordedAt: string } | null;
}

/** 整改中, 整改逾期 (past due, no reply), 已整改. */
export type CorrectionState = 'open' | 'overdue' | 'done';

/** At the bureau: one evaluated case of a closed round with its 整改要求 (or none set yet) and its state. */
export interface CorrectionView {
  sampleId: number;
  officeCode: string;
  officeName: string;
  caseNumber: string;
  score: number;
  grade: Grade;
  /** The evaluators' remarks, one line per item that lost points: the default requirement. */
  remarks: string[];
  requirement: string | null;
  dueOn: string | null;
  state: CorrectionState | null;
  reply: { doneOn: string; note: string; recordedBy: string } | null;
}

/** The default 整改要求 from the evaluators' remarks. */
export function defaultRequirement(remarks: readonly string[]): string {
  return remarks.length === 0 ? '' : remarks.map((r, i) => `${i + 1}. ${r}`).join('\n');
}

/** A requirement's state on `today`. */
export function correctionState(dueOn: string, doneOn: string | null, today: string): CorrectionState {
  if (doneOn !== null) return 'done';
  return today > dueOn ? 'overdue' : 'open';
}

/** At the bureau: the electronic dossier an office sent for a sampled case. */
export interface DossierPdf {
  sampleId: number;
  caseNumber: string;
  fileName: string;
  base64: string;
  pages: number | null;
  sha256: string;
  receivedAt: string;
  receivedBy: string;
}

/** One dossier package's import at the bureau. */
export type DossierImportOutcome =
  | {
      fileName: string;
      status: 'imported';
      officeCode: string;
      officeName: string;
      roundName: string;
      caseNumbers: string[];
    }
  | { fileName: string; status: 'rejected'; reason: string };
