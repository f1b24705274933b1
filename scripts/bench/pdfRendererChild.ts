// The electronic dossier's PdfRenderer for the bench, with playwright's client in a child process: the app's main
// process prints through Electron's printToPDF and receives the PDF's bytes from Chromium, and holds no DevTools
// client. Driving Chromium from the bench's own process added playwright's client (its 14 MB of source, the
// protocol's base64 copies of every PDF) to the peak RSS the memory target judges. Here the child (the bench's entry
// with --pdf-renderer) drives Chromium and hands each PDF back over the IPC channel, so the bench's process, like the
// app's, holds only the bytes it is given; merging and stamping them (pdf-lib) stays in it.
import { fork, type ChildProcess } from 'node:child_process';
import type { PdfRenderer } from '../../electron/services/dossier/electronic';
import { ChromiumPdfRenderer } from '../chromiumPdf';
import { benchEntry } from './benchChild';

type Request = { id: number; html: string };
type Reply = { id: number; pdf: Uint8Array } | { id: number; error: string };

export class ChildPdfRenderer implements PdfRenderer {
  private child: ChildProcess | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(pdf: Uint8Array): void; reject(error: Error): void }>();

  private start(): ChildProcess {
    // 'advanced': the PDF's bytes cross as a typed array, not as JSON's list of numbers.
    const child = fork(benchEntry('the PDF renderer'), ['--pdf-renderer'], {
      stdio: 'inherit',
      serialization: 'advanced',
    });
    child.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('pdf' in reply) waiter?.resolve(reply.pdf);
      else waiter?.reject(new Error(reply.error));
    });
    child.on('exit', (code) => {
      this.child = null;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`the PDF renderer left (exit ${code})`));
      this.waiting.clear();
    });
    return child;
  }

  render(html: string): Promise<Uint8Array> {
    this.child ??= this.start();
    const id = this.next++;
    const request: Request = { id, html };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child!.send(request);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
    });
  }
}

/** The child's side (scripts/bench.ts --pdf-renderer): renders each request in turn until the parent disconnects. */
export function servePdfRenderer(): Promise<void> {
  const renderer = new ChromiumPdfRenderer();
  return new Promise((resolve) => {
    process.on('message', (request: Request) => {
      renderer.render(request.html).then(
        (pdf) => process.send!({ id: request.id, pdf } satisfies Reply),
        (error: unknown) =>
          process.send!({
            id: request.id,
            error: error instanceof Error ? error.message : String(error),
          } satisfies Reply),
      );
    });
    process.once('disconnect', () => {
      void renderer.close().then(resolve, resolve);
    });
  });
}
