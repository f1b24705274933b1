// jest's global teardown: removes the run's temp folder (jest.config.js says why there is one). A program a test
// started may still be closing files in it, so removal retries, and a folder that cannot be removed is reported,
// never a reason to fail a run whose tests passed.
const fs = require('node:fs');

module.exports = async function removeRunTemp() {
  const dir = process.env.CASEDESK_TEST_TMPDIR;
  if (!dir) return;
  try {
    await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    console.warn(`The run's temp folder ${dir} was not removed: ${error.message}`);
  }
};
