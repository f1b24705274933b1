import type { Migration } from './migration';

/**
 * The 承办人 of each sampled case (legal aid: the assigned person and 律所; mediation: the 调解员), taken from the
 * office's exported facts when the sample is drawn, so the round's results count per handler. Samples drawn before
 * have none recorded ('').
 */
export const evaluationSampleHandler: Migration = {
  version: 26,
  name: 'evaluation-sample-handler',
  up(db) {
    db.exec(`ALTER TABLE evaluation_samples ADD COLUMN handler TEXT NOT NULL DEFAULT ''`);
  },
};
