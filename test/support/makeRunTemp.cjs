// jest's global setup: one temp folder for the run (jest.config.js says why), made here rather than in the config
// file, which other tools read too (knip, the editor), so that only a test run makes one. Workers start after this
// and inherit it; removeRunTemp.cjs removes it when the run ends.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function makeRunTemp() {
  if (process.env.CASEDESK_TEST_TMPDIR) return;
  process.env.CASEDESK_TEST_TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-jest-'));
  process.env.TMPDIR = process.env.CASEDESK_TEST_TMPDIR;
};
