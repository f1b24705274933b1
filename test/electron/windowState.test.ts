// electron/windowState.ts: the window opens where the clerk left it, and always somewhere the clerk can see it.
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  WINDOW_STATE_FILE,
  captureWindowState,
  placeWindow,
  readWindowState,
  windowStateFile,
  writeWindowState,
} from '../../electron/windowState';
import { tempDir } from '../support/fixtures';

const LAPTOP = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const OFFICE_SCREEN = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const LEFT_MONITOR = { workArea: { x: -1920, y: 0, width: 1920, height: 1080 } };
const CENTRED_DEFAULT = { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, maximized: false };

describe('placing the window', () => {
  it('opens centred at the default size when nothing was saved', () => {
    expect(placeWindow(null, [OFFICE_SCREEN])).toEqual(CENTRED_DEFAULT);
  });

  it('uses a saved place that is on a screen', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1400, height: 900, maximized: false }, [OFFICE_SCREEN])).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      maximized: false,
    });
    expect(
      placeWindow({ x: -1800, y: 20, width: 1280, height: 820, maximized: true }, [OFFICE_SCREEN, LEFT_MONITOR]),
    ).toEqual({
      x: -1800,
      y: 20,
      width: 1280,
      height: 820,
      maximized: true,
    });
  });

  it('moves a window hanging over the edge back onto its screen, whole', () => {
    expect(placeWindow({ x: 1500, y: 600, width: 1280, height: 820 }, [OFFICE_SCREEN])).toEqual({
      x: 1920 - 1280,
      y: 1040 - 820,
      width: 1280,
      height: 820,
      maximized: false,
    });
  });

  it('centres the window on the main screen when its monitor is gone or its title bar is out of reach', () => {
    for (const saved of [
      { x: -1800, y: 20, width: 1280, height: 820 }, // the left monitor was unplugged
      { x: 3000, y: 3000, width: 1280, height: 820 },
      { x: 100, y: -400, width: 1280, height: 820 }, // title bar above the top of the screen
      { x: 1900, y: 100, width: 1280, height: 820 }, // only a sliver on screen: nothing to grab
    ]) {
      expect([saved, placeWindow(saved, [OFFICE_SCREEN])]).toEqual([
        saved,
        { width: 1280, height: 820, maximized: false },
      ]);
    }
  });

  it('fits a window saved on a big screen to today’s small one', () => {
    expect(placeWindow({ x: 0, y: 0, width: 1900, height: 1000, maximized: false }, [LAPTOP])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: false,
    });
    expect(placeWindow({ x: 5000, y: 0, width: 1900, height: 1000 }, [LAPTOP])).toEqual({
      width: 1366,
      height: 728,
      maximized: false,
    });
  });

  it('never makes the window smaller than its minimum size', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100 }, [OFFICE_SCREEN])).toEqual({
      x: 10,
      y: 10,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
      maximized: false,
    });
  });

  it('falls back to the default for anything that is not a saved state', () => {
    for (const garbage of [
      undefined,
      'x',
      42,
      [],
      {},
      { x: '10', y: 10, width: 1280, height: 820 },
      { x: 10, y: 10, width: Number.NaN, height: 820 },
      { x: 10, y: 10, width: Number.POSITIVE_INFINITY, height: 820 },
      { x: 10, y: 10, width: -5, height: 820 },
      { x: 10, y: 10, width: 0, height: 0 },
    ]) {
      expect([garbage, placeWindow(garbage, [OFFICE_SCREEN])]).toEqual([garbage, CENTRED_DEFAULT]);
    }
  });

  it('takes only a real true as maximised', () => {
    expect(placeWindow({ x: 10, y: 10, width: 1280, height: 820, maximized: 'yes' }, [OFFICE_SCREEN]).maximized).toBe(
      false,
    );
    expect(placeWindow({ x: 10, y: 10, width: 1280, height: 820, maximized: 1 }, [OFFICE_SCREEN]).maximized).toBe(
      false,
    );
  });

  it('copes with no screen information at all', () => {
    expect(placeWindow({ x: 10, y: 10, width: 1400, height: 900 }, [])).toEqual({
      width: 1400,
      height: 900,
      maximized: false,
    });
    expect(placeWindow(null, [{ workArea: { x: 0, y: 0, width: 0, height: 0 } }])).toEqual(CENTRED_DEFAULT);
  });
});

describe('capturing the state', () => {
  it('keeps the normal bounds in whole pixels and whether the window was maximised', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1280.2, height: 820 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1280,
      height: 820,
      maximized: true,
    });
  });

  it('keeps nothing from bounds that make no sense', () => {
    expect(captureWindowState({ x: 0, y: 0, width: 0, height: 820 }, false)).toBeNull();
    expect(captureWindowState({ x: Number.NaN, y: 0, width: 100, height: 100 }, false)).toBeNull();
  });
});

describe('the state file', () => {
  it('lives in the user-data folder and round-trips', () => {
    const userData = path.join(tempDir(), 'userData');
    const file = windowStateFile(userData);
    expect(file).toBe(path.join(userData, WINDOW_STATE_FILE));
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { x: 1, y: 2, width: 1300, height: 800, maximized: false });
    expect(readWindowState(file)).toEqual({ x: 1, y: 2, width: 1300, height: 800, maximized: false });
    expect(fs.readdirSync(userData)).toEqual([WINDOW_STATE_FILE]); // no partial file left behind
  });

  it('reads a broken or oversized file as nothing', () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"x": 1,');
    expect(readWindowState(broken)).toBeNull();
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, JSON.stringify({ x: 1, y: 1, width: 1300, height: 800, pad: 'x'.repeat(10_000) }));
    expect(readWindowState(huge)).toBeNull();
    expect(readWindowState(dir)).toBeNull(); // a folder where the file should be
  });
});
