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

/** Every *.test.ts file under `dir` that does heavy work (absolute paths). */
function heavyNodeSuites(dir) {
  return filesUnder(dir, /\.test\.ts$/).filter(
    (file) => path.basename(file) !== 'suiteRules.test.ts' && isHeavy(fs.readFileSync(file, 'utf8')),
  );
}

module.exports = { isHeavy, heavyNodeSuites };
