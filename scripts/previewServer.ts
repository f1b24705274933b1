// The preview: the same backend as the Electron app, in plain Node, serving the built renderer and the handler
// map over loopback HTTP, and the files the main process wrote for the clerk (the electronic dossier) as downloads
// streamed from their files. Only 127.0.0.1 is bound; every API call and download must carry this run's random
// token, and the Host header must be ours (no DNS rebinding).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DataKeyProvider } from '../db/dataKey';
import { openBackend, type Backend } from '../electron/backend';
import { ChromiumPdfRenderer } from './chromiumPdf';
import type { Clock } from '../electron/services/system/clock';
import { CONTENT_SECURITY_POLICY } from '../electron/shellSecurity';
import { LARGEST_PAYLOAD_CHARS, MAX_PAYLOAD_CHARS } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { OUTGOING_PATH } from '../shared/outgoingFile';

export const TOKEN_HEADER = 'x-casedesk-token';
/** The preview's one session: whoever holds this run's token is one window of the app. */
export const PREVIEW_CALLER = 'preview';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface PreviewServer {
  url: string;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** Where the data key comes from (scripts/keyInput.ts; the tests hold one in memory). */
  keys: DataKeyProvider;
  dataFile: string;
  rendererDir?: string;
  port?: number;
  clock?: Clock;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

/**
 * The request's body, or null when it is over `limit`. An oversized body is still read to its end (and thrown
 * away) before the answer goes out: closing the connection while the client is still sending resets it, and the
 * client would see ECONNRESET instead of the 413 that says why. Only beyond twice the limit is an upload cut off
 * (the preview listens on 127.0.0.1 only): the limit follows the contract's largest upload, so no fixed cut-off can
 * fall below it (a fixed 256 MB did once the dossier packages' uploads were allowed 256 MB).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 2) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    // A request cut off (above, or by the client) never ends: settle as refused (no-op after 'end').
    req.on('close', () => resolve(null));
    req.on('error', reject);
  });
}

/** The header's filename: ASCII for old readers, the real (Chinese) name as RFC 6266's filename*. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * A file waiting among the backend's outgoing files, streamed from disk and decrypted (never read whole), then removed: the
 * download is its delivery, so its id answers 404 from now on, as does an id that names none (wrong, expired).
 */
function sendOutgoing(res: http.ServerResponse, backend: Backend, id: string): void {
  const file = backend.outgoing.take(id);
  if (!file) return send(res, 404, 'Not found', 'text/plain');
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': contentDisposition(file.fileName),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  const stream = file.open();
  stream.on('error', () => res.destroy());
  stream.on('close', () => file.done());
  stream.pipe(res);
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(__dirname, '..', 'dist', 'renderer'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}: run "npm run build:renderer" first`);
  }
  const backend = openBackend({
    dataFile: options.dataFile,
    shell: 'preview',
    keys: options.keys,
    // The electronic dossier is printed by Debian's Chromium (Electron prints it with its own printToPDF).
    pdfRenderer: new ChromiumPdfRenderer(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const token = crypto.randomBytes(24).toString('base64url');
  let host = '';

  const server = http.createServer(async (req, res) => {
    try {
      if (req.headers.host !== host) return send(res, 421, 'Misdirected request', 'text/plain');
      const url = new URL(req.url ?? '/', `http://${host}`);
      const tokenIs = (given: string) =>
        given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
      if (url.pathname.startsWith(OUTGOING_PATH)) {
        if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
        // A download is a navigation, which carries no header of ours: the token comes as a query parameter.
        if (!tokenIs(url.searchParams.get('token') ?? ''))
          return send(res, 403, '访问令牌无效', 'text/plain; charset=utf-8');
        return sendOutgoing(res, backend, url.pathname.slice(OUTGOING_PATH.length));
      }
      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain');
        if (!tokenIs(String(req.headers[TOKEN_HEADER] ?? ''))) {
          return sendEnvelope(res, 403, {
            ok: false,
            error: { code: 'INTERNAL', message: '访问令牌无效，请使用启动预览时打印的地址' },
          });
        }
        // The JSON limit in bytes: a Chinese character takes three bytes in UTF-8; the uploads' channels carry base64
        // (a byte a character) and allow more. The dispatcher then holds each channel to its own limit.
        const body = await readBody(req, Math.max(MAX_PAYLOAD_CHARS * 3, LARGEST_PAYLOAD_CHARS) + 1024);
        if (body === null) {
          res.setHeader('Connection', 'close');
          return sendEnvelope(res, 413, { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '请求数据过大' } });
        }
        let call: unknown;
        try {
          call = JSON.parse(body);
        } catch {
          return sendEnvelope(res, 400, {
            ok: false,
            error: { code: 'MALFORMED_PAYLOAD', message: '请求数据不是有效的JSON' },
          });
        }
        const { channel, input } = (call ?? {}) as { channel?: unknown; input?: unknown };
        return sendEnvelope(res, 200, await backend.dispatch(channel, input, PREVIEW_CALLER));
      }
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(rendererDir, relative);
      if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        return send(res, 404, 'Not found', 'text/plain');
      }
      send(res, 200, fs.readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendEnvelope(res, 500, { ok: false, error: { code: 'INTERNAL', message: '程序内部错误' } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}/?token=${token}`,
    token,
    backend,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
