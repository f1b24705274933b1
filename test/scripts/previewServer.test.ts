import fs from 'node:fs';
import { testKeys } from '../support/testKey';
import http from 'node:http';
import path from 'node:path';
import { PREVIEW_CALLER, startPreviewServer, TOKEN_HEADER, type PreviewServer } from '../../scripts/previewServer';
import { FIRST_ADMIN, OFFICE, tempDir } from '../support/fixtures';
import { LARGEST_PAYLOAD_CHARS } from '../../shared/contract';

let server: PreviewServer;
let origin: string;

beforeAll(async () => {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>司法所案件台账</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  server = await startPreviewServer({ dataFile: path.join(dir, 'casedesk.sqlite'), rendererDir, keys: testKeys() });
  origin = new URL(server.url).origin;
});
afterAll(() => server.close());

function request(pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const url = new URL(pathname, origin);
    // A new connection for every request (agent: false). Node's default agent keeps connections alive, and the
    // server closes an idle one after 5 s: a request sent on a kept connection just as the server closes it is
    // reset. On a loaded machine, building the oversized body below took longer than those 5 s, and the upload
    // went out on a connection the server had already closed (ECONNRESET).
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const invoke = (body: unknown, token = server.token) =>
  request('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the preview server', () => {
  it('prints a loopback URL carrying a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves the built renderer with the CSP header', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('司法所案件台账');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect((await request('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    expect((await request('/../secret.txt')).status).toBe(404);
    expect((await request('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers the contract over HTTP with the same envelopes', async () => {
    const result = await invoke({ channel: 'office.get', input: {} });
    expect(JSON.parse(result.body)).toEqual({ ok: true, value: null });
    const unknown = await invoke({ channel: 'nope', input: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('calls as the preview’s one session, which signs in like any window', async () => {
    const listCases = {
      channel: 'cases.list',
      input: { kind: null, status: null, query: '', page: 1, pageSize: 20, sortBy: 'receivedOn', sortOrder: 'desc' },
    };
    expect(JSON.parse((await invoke(listCases)).body)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    });
    const setup = await invoke({ channel: 'auth.setup', input: { office: OFFICE, admin: FIRST_ADMIN } });
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    expect(server.backend.sessions.get(PREVIEW_CALLER)?.user).toMatchObject({ username: 'admin' });
    expect(JSON.parse((await invoke(listCases)).body)).toEqual({ ok: true, value: { total: 0, rows: [] } });
    await invoke({ channel: 'auth.signOut', input: {} });
    expect(server.backend.sessions.get(PREVIEW_CALLER)).toBeNull();
  });

  it('refuses a call without this run’s token', async () => {
    const result = await invoke({ channel: 'office.get', input: {} }, 'wrong');
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body).error.message).toContain('访问令牌无效');
  });

  it('streams a file the backend wrote for the clerk as a download, with this run’s token only, once', async () => {
    const bytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(300_000) + '\n%%EOF\n');
    const { file } = await server.backend.outgoing.write(
      { fileName: '2026-调-001电子卷宗.pdf', contentType: 'application/pdf' },
      (sink) => sink(bytes),
    );
    const at = `/api/outgoing/${file.id}`;
    expect((await request(`${at}?token=wrong`)).status).toBe(403);
    expect((await request(at)).status).toBe(403);
    expect((await request(`/api/outgoing/${'A'.repeat(32)}?token=${server.token}`)).status).toBe(404);
    expect(server.backend.outgoing.find(file.id)).not.toBeNull();

    const download = await request(`${at}?token=${server.token}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(bytes.length));
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="2026-_-001____.pdf"; filename*=UTF-8''${encodeURIComponent('2026-调-001电子卷宗.pdf')}`,
    );
    expect(download.headers['content-security-policy']).toContain("default-src 'self'");
    expect(download.body).toBe(bytes.toString('utf8'));
    // Delivered: the link answers no more (the file itself goes once the stream has closed).
    expect(server.backend.outgoing.find(file.id)).toBeNull();
    expect((await request(`${at}?token=${server.token}`)).status).toBe(404);
  });

  it('refuses another Host header (DNS rebinding)', async () => {
    const result = await request('/api/invoke', {
      method: 'POST',
      headers: { host: 'evil.example:80', [TOKEN_HEADER]: server.token },
      body: '{}',
    });
    expect(result.status).toBe(421);
  });

  it('refuses malformed JSON and an oversized body', async () => {
    expect(JSON.parse((await invoke('{not json')).body)).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_PAYLOAD' },
    });
    const huge = await invoke({
      channel: 'bureau.importUploads',
      input: { x: 'A'.repeat(LARGEST_PAYLOAD_CHARS + 2048) },
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The oversized body is the contract's largest upload and then some (hundreds of MB sent and read to the end):
    // seconds on a quiet machine, so a budget for a loaded one.
  }, 180_000);

  it('holds each channel to its own limit: a package upload may be large, an ordinary call may not', async () => {
    const ordinary = await invoke({ channel: 'office.get', input: { x: '案'.repeat(1_100_000) } });
    expect(JSON.parse(ordinary.body)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: '请求数据过大' },
    });
    // 8 MB of base64 passes the server and the size check, and is then judged as a package (not signed in here).
    const upload = await invoke({
      channel: 'bureau.importUploads',
      input: { packages: [{ fileName: 'a.casedesk', base64: 'A'.repeat(8 * 1024 * 1024) }] },
    });
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body).error.code).not.toBe('PAYLOAD_TOO_LARGE');
  });
});
