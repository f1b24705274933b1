// The shell's rules as pure functions: which page the window may show, what may load, who may call.
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isRendererPage,
  isTrustedSender,
  localFilePath,
  withContentSecurityPolicy,
  type FrameLike,
} from '../../electron/shellSecurity';

const LINUX_PAGE = 'file:///opt/CaseDesk/resources/app.asar/dist/renderer/index.html';
const LINUX_ROOT = 'file:///opt/CaseDesk/resources/app.asar';
const WINDOWS_PAGE = 'file:///C:/Program%20Files/CaseDesk/resources/app.asar/dist/renderer/index.html';
const WINDOWS_ROOT = 'file:///C:/Program%20Files/CaseDesk/resources/app.asar';

describe('the renderer page', () => {
  it('is our index.html with any route, and nothing else', () => {
    expect(isRendererPage(LINUX_PAGE, LINUX_PAGE, 'linux')).toBe(true);
    expect(isRendererPage(`${LINUX_PAGE}#/cases/7`, LINUX_PAGE, 'linux')).toBe(true);
    expect(isRendererPage(`${LINUX_PAGE}?tab=2`, LINUX_PAGE, 'linux')).toBe(true);
    expect(
      isRendererPage('file:///opt/CaseDesk/resources/app.asar/dist/renderer/other.html', LINUX_PAGE, 'linux'),
    ).toBe(false);
    expect(isRendererPage('https://example.com/dist/renderer/index.html', LINUX_PAGE, 'linux')).toBe(false);
    expect(
      isRendererPage(
        'file://evil.example/opt/CaseDesk/resources/app.asar/dist/renderer/index.html',
        LINUX_PAGE,
        'linux',
      ),
    ).toBe(false);
    expect(isRendererPage('not a url', LINUX_PAGE, 'linux')).toBe(false);
  });

  it('matches on Windows whatever the case of the drive and folders, as the file system does', () => {
    const lower = 'file:///c:/program%20files/casedesk/resources/app.asar/dist/renderer/index.html';
    expect(isRendererPage(lower, WINDOWS_PAGE, 'win32')).toBe(true);
    expect(isRendererPage(lower, WINDOWS_PAGE, 'linux')).toBe(false);
  });

  it('matches a folder with Chinese characters, encoded or not', () => {
    const page = 'file:///home/%E6%9D%8E%E5%A8%9F/CaseDesk/dist/renderer/index.html';
    expect(isRendererPage('file:///home/李娟/CaseDesk/dist/renderer/index.html', page, 'linux')).toBe(true);
    expect(localFilePath(page, 'linux')).toBe('/home/李娟/CaseDesk/dist/renderer/index.html');
  });
});

describe('what may load', () => {
  it('lets the app’s own files and in-memory URLs load', () => {
    for (const url of [
      LINUX_PAGE,
      `${LINUX_ROOT}/dist/renderer/assets/index-3f2a.js`,
      'data:font/woff2;base64,AA',
      'blob:file:///6e1f',
      'devtools://devtools/bundled/x.js',
    ]) {
      expect([url, isAllowedRequest(url, LINUX_ROOT, 'linux')]).toEqual([url, true]);
    }
  });

  it('cancels the network, other files, shares and ways out of the app folder', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1/',
      'wss://example.com/socket',
      'ftp://example.com/x',
      'chrome://gpu',
      'file:///etc/passwd',
      'file://fileserver/share/case.docx',
      `${LINUX_ROOT}/dist/renderer/%2E%2E%2F..%2F..%2Fsecret`,
      `${LINUX_ROOT}/dist/renderer/..%2F..%2F..%2F..%2Fetc%2Fpasswd`,
      'file:///opt/CaseDesk/resources/app.asar.unpacked/x', // a sibling whose name starts the same
      'javascript:alert(1)',
      '',
    ]) {
      expect([url, isAllowedRequest(url, LINUX_ROOT, 'linux')]).toEqual([url, false]);
    }
  });

  it('allows the app’s files on Windows whatever the case', () => {
    expect(
      isAllowedRequest(
        'file:///c:/program%20files/casedesk/resources/app.asar/dist/renderer/a.css',
        WINDOWS_ROOT,
        'win32',
      ),
    ).toBe(true);
    expect(isAllowedRequest('file:///C:/Windows/win.ini', WINDOWS_ROOT, 'win32')).toBe(false);
  });
});

describe('the Content-Security-Policy header', () => {
  it('replaces any policy the response carried, whatever its case, and keeps the other headers', () => {
    expect(
      withContentSecurityPolicy({ 'CONTENT-SECURITY-POLICY': ['default-src *'], 'Content-Type': ['text/html'] }),
    ).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('allows nothing from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});

describe('who may call', () => {
  const main: FrameLike = { url: LINUX_PAGE, parent: null, processId: 4, routingId: 1 };
  const event = (senderFrame: FrameLike | null, id = 7) => ({ sender: { id, mainFrame: main }, senderFrame });

  it('is our window’s main frame on our page', () => {
    expect(isTrustedSender(event(main), 7, LINUX_PAGE, 'linux')).toBe(true);
    expect(isTrustedSender(event({ ...main, url: `${LINUX_PAGE}#/setup` }), 7, LINUX_PAGE, 'linux')).toBe(true);
  });

  it('is not another window, a subframe, another page, or a frame that is gone', () => {
    expect(isTrustedSender(event(main, 8), 7, LINUX_PAGE, 'linux')).toBe(false);
    expect(isTrustedSender(event({ ...main, parent: main, routingId: 2 }), 7, LINUX_PAGE, 'linux')).toBe(false);
    expect(isTrustedSender(event({ ...main, routingId: 2 }), 7, LINUX_PAGE, 'linux')).toBe(false);
    expect(isTrustedSender(event({ ...main, url: 'https://example.com/' }), 7, LINUX_PAGE, 'linux')).toBe(false);
    expect(isTrustedSender(event(null), 7, LINUX_PAGE, 'linux')).toBe(false);
    const destroyed = {
      sender: {
        id: 7,
        get mainFrame(): FrameLike {
          throw new Error('Object has been destroyed');
        },
      },
      senderFrame: main,
    };
    expect(isTrustedSender(destroyed, 7, LINUX_PAGE, 'linux')).toBe(false);
  });
});
