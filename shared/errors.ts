// Errors cross the process boundary as data, never as thrown objects: { ok:false, error:{ code, field?, message } }.

export const ERROR_CODES = [
  'VALIDATION', // a field of the payload is wrong; `field` names it
  'UNKNOWN_CHANNEL',
  'PAYLOAD_TOO_LARGE',
  'MALFORMED_PAYLOAD', // not JSON, or not the shape of the channel at all
  'NOT_FOUND',
  'NOT_SET_UP', // the office has not been set up yet
  'UNAUTHENTICATED', // nobody is signed in at this window
  'LOCKED', // the window is locked after idle time: sign in again
  'FORBIDDEN', // the role may not do this, or a password was wrong
  'CONFLICT',
  'DATA_FILE', // the data file is not CaseDesk's, or is newer than this program
  'DATA_KEY', // the data file (or a backup) is encrypted and the key at hand is missing or is not its key
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  /** Dotted path of the first offending field, e.g. "application.applicant.idNumber". */
  field?: string;
  /** Chinese, for the clerk. */
  message: string;
  /** Every offending field, so a form can mark them all at once. */
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: FieldIssue[],
    /** Keep what the call wrote although it fails (a failed sign-in must still count). */
    readonly commit = false,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}
