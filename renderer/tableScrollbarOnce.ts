// A Vite plugin: rc-table (under antd's Table) gets renderer/app/tableScrollbar.ts where it imports
// '@rc-component/util', so that the scrollbar's size is measured once per look of scrollbar rather than once per
// table mounted (that file says why). Only rc-table's Table.js is redirected; every other importer, the redirect's
// own module included, gets the package itself.
import path from 'node:path';
import type { Plugin } from 'vite';

const RC_TABLE = /[\\/]@rc-component[\\/]table[\\/]es[\\/]Table\.js$/;
const MEASURED_ONCE = path.resolve(__dirname, 'app', 'tableScrollbar.ts');

export function tableScrollbarOnce(): Plugin {
  return {
    name: 'casedesk-table-scrollbar-once',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/util' || !importer || !RC_TABLE.test(importer)) return null;
      return MEASURED_ONCE;
    },
  };
}
