import fs from 'node:fs';
import path from 'node:path';
import { getTargetScrollBarSize as measure } from '@rc-component/util';
import { getTargetScrollBarSize } from '../../../renderer/app/tableScrollbar';
import { tableScrollbarOnce } from '../../../renderer/tableScrollbarOnce';

/** How many times rc-util put its measuring element on the page while `work` ran (it adds and removes it at once). */
function measuresDuring(work: () => void): number {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true });
  work();
  const records = observer.takeRecords(); // the records of `work`'s changes, at once
  observer.disconnect();
  return records
    .flatMap((r) => [...r.addedNodes])
    .filter((node) => (node as Element).id?.startsWith('rc-scrollbar-measure-')).length;
}

const tableBody = () => document.body.appendChild(document.createElement('div'));

describe("antd tables' scrollbar, measured once", () => {
  it('measures the scrollbar for the first table and gives every later table with the same scrollbar its size', () => {
    const first = tableBody();
    const second = tableBody();
    expect(measuresDuring(() => void getTargetScrollBarSize(first))).toBe(1);
    let size: ReturnType<typeof measure> | undefined;
    expect(measuresDuring(() => void (size = getTargetScrollBarSize(second)))).toBe(0);
    expect(size).toEqual(measure(second));
  });

  it('gives rc-table, and only rc-table, the module that measures once', () => {
    const plugin = tableScrollbarOnce();
    const resolveId = plugin.resolveId as (source: string, importer?: string) => string | null;
    const rcTable = path.join('/app', 'node_modules', '@rc-component', 'table', 'es', 'Table.js');
    expect(resolveId('@rc-component/util', rcTable)).toBe(path.resolve('renderer', 'app', 'tableScrollbar.ts'));
    const rcUtilUser = path.join('/app', 'node_modules', '@rc-component', 'portal', 'es', 'useScrollLocker.js');
    expect(resolveId('@rc-component/util', rcUtilUser)).toBeNull();
    expect(resolveId('@rc-component/util', path.resolve('renderer', 'app', 'tableScrollbar.ts'))).toBeNull();
    expect(resolveId('react', rcTable)).toBeNull();

    // The installed rc-table is where the redirect looks, and takes the measure from that package.
    const installed = path.resolve('node_modules', '@rc-component', 'table', 'es', 'Table.js'); // antd's own rc-table
    expect(resolveId('@rc-component/util', installed)).not.toBeNull();
    expect(fs.readFileSync(installed, 'utf8')).toMatch(
      /import \{[^}]*\bgetTargetScrollBarSize\b[^}]*\} from '@rc-component\/util';/,
    );
  });
});
