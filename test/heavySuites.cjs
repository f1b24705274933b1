// Which test files do heavy work: drive Chromium, print or read PDFs, start LibreOffice or other child processes,
// kill with SIGKILL, bundle or pack the app. One definition for two rules: such a file sets its own budget sized
// for a loaded 2-core machine (test/suiteRules.test.ts), and `npm run test:quick` leaves it out (jest.config.js).
// CommonJS because jest.config.js reads it before any transform runs.
const fs = require('node:fs');
const path = require('node:path');
const { filesUnder } = require('./support/filesUnder.cjs');

const HEAVY =
  /\bstartApp\(|\blaunchChromium\(|pdftotext|pdfinfo|libreoffice|page\.pdf\(|\bspawn(Sync)?\(|\bexecFile(Sync)?\(|SIGKILL|electron-builder/;

/** Whether a test file's text does heavy work. */
function isHeavy(text) {
  return HEAVY.test(text);
}

// Suites that run the program whole rather than a unit of it: the command line and the scripts as a bureau scripts
// them (test/scripts/), and the Electron main process started against a mocked `electron` (each test loads the
// whole main graph afresh). `npm run test:quick` is the unit, handler and renderer tests only, so it leaves these
// out as well as the heavy ones; `npm test` runs them all.
const WHOLE_PROGRAM = /\blaunchShell\(|\bloadWithFakeElectron\(/;

/** Every *.test.ts file under `dir` that `npm run test:quick` leaves out: heavy, or running the program whole. */
function outsideQuick(dir) {
  const scripts = path.join(dir, 'scripts') + path.sep;
  return filesUnder(dir, /\.test\.ts$/).filter(
    (file) =>
      path.basename(file) !== 'suiteRules.test.ts' &&
      (file.startsWith(scripts) ||
        isHeavy(fs.readFileSync(file, 'utf8')) ||
        WHOLE_PROGRAM.test(fs.readFileSync(file, 'utf8'))),
  );
}

module.exports = { isHeavy, outsideQuick };
