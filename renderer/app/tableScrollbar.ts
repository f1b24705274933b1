// The scrollbar's size for antd's tables, measured once per look of scrollbar instead of once per table. rc-table
// (under antd's Table) measures it when each table mounts (getTargetScrollBarSize): it reads the body's scrollbar
// style, inserts a <style> and a scrolling <div>, and reads their sizes, which makes Chromium work out the styles and
// layout of the whole page there and then, twice — on the case page, with its timeline of 50 entries, the two tables
// (办理期限, 卷宗材料) spent more of Chromium's main thread so than anything else drawn. Every table has the same
// scrollbar, so the first measure of each style (scrollbar-width, scrollbar-color, the ::-webkit-scrollbar size) is
// kept for the window. The build gives rc-table this module in place of '@rc-component/util'
// (renderer/tableScrollbarOnce.ts); everything else is that package's own.
import { getTargetScrollBarSize as measure } from '@rc-component/util';

export * from '@rc-component/util';

type ScrollbarSize = ReturnType<typeof measure>;

const measured = new Map<string, ScrollbarSize>();

export function getTargetScrollBarSize(target: HTMLElement): ScrollbarSize {
  if (typeof document === 'undefined' || !(target instanceof Element)) return measure(target);
  // What the measure depends on (the properties rc-util copies onto its measuring element): reading them works out
  // the page's styles, which the next frame would do anyway, but lays nothing out.
  const style = getComputedStyle(target);
  const bar = getComputedStyle(target, '::-webkit-scrollbar');
  const key = `${style.scrollbarWidth}|${style.scrollbarColor}|${bar.width}|${bar.height}`;
  let size = measured.get(key);
  if (!size) {
    size = measure(target);
    measured.set(key, size);
  }
  return size;
}
