// The case list rehearsed off screen while the sign-in form is shown (renderer/shellRehearsal.tsx): antd's components
// for the list run once where nothing is seen, and the rehearsal calls nothing of the main process.
import { act, waitFor } from '@testing-library/react';
import { endShellRehearsal, scheduleShellRehearsal } from '../../renderer/shellRehearsal';

jest.setTimeout(30_000);

/** antd's run-time styles (jsdom has no build: each component makes its own on its first render). */
const styleText = () => [...document.head.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');

describe('演练案件列表', () => {
  const idle = window.requestIdleCallback;
  afterEach(() => {
    window.requestIdleCallback = idle;
  });

  it('draws the frame and a list of made-up rows where nothing is seen, calls nothing, and is dropped after', async () => {
    const fetched = jest.fn();
    window.fetch = fetched;
    const idleWork: (() => void)[] = [];
    window.requestIdleCallback = ((work: () => void) => idleWork.push(work)) as typeof window.requestIdleCallback;
    expect(styleText()).not.toContain('.ant-table');

    scheduleShellRehearsal();
    expect(idleWork).toHaveLength(1); // nothing until the window is idle
    act(() => idleWork.shift()!());
    // The table, the menu and the dossier tags rendered (their styles made), with the rows' tags and tooltips.
    await waitFor(() => expect(styleText()).toContain('.ant-tag'));
    expect(styleText()).toContain('.ant-table');
    expect(styleText()).toContain('.ant-menu');
    expect(document.body).toBeEmptyDOMElement();
    expect(fetched).not.toHaveBeenCalled();

    endShellRehearsal();
    expect(idleWork).toHaveLength(1); // dropped when the window is next idle
    act(() => idleWork.shift()!());
    scheduleShellRehearsal(); // the real list was shown: never again
    expect(idleWork).toHaveLength(0);
  });
});
