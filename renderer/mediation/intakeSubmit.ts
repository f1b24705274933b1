// What both mediation registration forms (and the notarization intake) do around sending: hold the save while the
// conflict check has something unacknowledged, and record the clerk's acknowledgement on the new case.
import { ApiError, type Api } from '../api';
import { acknowledgeConflicts, conflictProblem, type ConflictReview } from '../cases/ConflictCheck';
import { errorMessage } from '../app/apiContext';

/** Refuses (as the main process would, with the reason above the button) while the conflicts are not acknowledged. */
export function requireConflictsSeen(review: ConflictReview): void {
  const problem = conflictProblem(review);
  if (problem) throw new ApiError({ code: 'CONFLICT', message: problem });
}

/** The case exists whatever happens here: a failure to record the acknowledgement is said, not thrown. */
export async function recordConflictsSeen(api: Api, caseId: number, review: ConflictReview, warn: (text: string) => void): Promise<void> {
  try {
    await acknowledgeConflicts(api, caseId, review);
  } catch (error) {
    warn(`案件已登记，但未能记录利益冲突的确认：${errorMessage(error)}。请在案件页面再次确认。`);
  }
}
