// One walk of a folder for the files whose names match a pattern, used by the suites that look at the house's
// own files (test rules, import boundaries, the password cost) and by jest.config.js, which reads it before any
// transform runs — hence CommonJS. Dependencies and build output (node_modules, dist) are never walked.
const fs = require('node:fs');
const path = require('node:path');

/** Every file under `dir` whose name matches `pattern` (absolute paths). */
function filesUnder(dir, pattern) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : filesUnder(full, pattern);
    }
    return pattern.test(entry.name) ? [full] : [];
  });
}

module.exports = { filesUnder };
