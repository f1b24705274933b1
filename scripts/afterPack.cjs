// electron-builder's afterPack hook (electron-builder.yml): before any installer is made from a packed app,
// every module its main process requires at run time must be in the packed tree (scripts/packedRequires.ts).
require('tsx/cjs');
const path = require('node:path');
const { describeMissing, missingPackedRequires } = require('./packedRequires.ts');

exports.default = async function checkPackedRequires(context) {
  const resources =
    context.electronPlatformName === 'darwin'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  const missing = missingPackedRequires(archive);
  if (missing.length > 0) throw new Error(describeMissing(archive, missing));
  console.log(`  • every run-time require of ${archive} is packed`);
};
