// The 'antd' barrel for the renderer tests, loading each component when a test first uses it. antd's own
// lib/index.js requires all of its seventy-odd components up front, about half a CPU-second per test file of
// components no page of CaseDesk uses (ColorPicker, Tour, Transfer, Tree…). The components are antd's own modules,
// unchanged; only when they are loaded differs. jest.config.js maps 'antd' here for the dom project. The exports are
// read from antd's index so that an antd upgrade cannot leave one out: when its shape is not the one parsed
// below, the real index is used whole.
const fs = require('node:fs');
const path = require('node:path');

const index = require.resolve('antd/lib/index.js');
const source = fs.readFileSync(index, 'utf8');
const files = new Map(
  [...source.matchAll(/var (_\w+) = _interopRequireDefault\(require\("(\.\/[^"]+)"\)\);/g)].map((m) => [m[1], m[2]]),
);
const exported = [
  ...source.matchAll(
    /Object\.defineProperty\(exports, "(\w+)", \{\s*enumerable: true,\s*get: function \(\) \{\s*return (_\w+)\.default;/g,
  ),
];
const declared = (source.match(/Object\.defineProperty\(exports, "/g) ?? []).length - 1; // less __esModule

if (exported.length === 0 || exported.length !== declared || exported.some((m) => !files.has(m[2]))) {
  module.exports = require(index);
} else {
  Object.defineProperty(exports, '__esModule', { value: true });
  for (const [, name, variable] of exported) {
    const file = path.join(path.dirname(index), files.get(variable));
    Object.defineProperty(exports, name, { enumerable: true, get: () => require(file).default });
  }
}
