// The buffers a loop makes and drops at once (a chunk sealed on its way to disk, a scan decrypted to be checked):
// announced with beforeTransient, the young generation is collected every 16 MB of them, where V8 alone waits for
// about twice that. Real ciphers and buffers; the collections are V8's own, as Node reports them.
import crypto from 'node:crypto';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import vm from 'node:vm';
import { beforeTransient } from '../../../../electron/services/system/transientBuffers';

const MB = 1024 * 1024;

/**
 * The young collections that started while `work` ran. Node reports them after the fact: V8 is made to collect once
 * more when it is done (48 MB dropped unannounced), and the count is taken when that one has been reported.
 */
async function youngCollectionsDuring(work: () => void): Promise<number> {
  const starts: number[] = [];
  let end = Number.POSITIVE_INFINITY;
  let reportedAfterEnd: () => void = () => {};
  const reported = new Promise<void>((resolve) => (reportedAfterEnd = resolve));
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as unknown as { detail: { kind: number } }).detail.kind !== constants.NODE_PERFORMANCE_GC_MINOR)
        continue;
      if (entry.startTime >= end) reportedAfterEnd();
      else starts.push(entry.startTime);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    work();
    end = performance.now();
    sealAndDrop(48, false);
    await reported;
  } finally {
    observer.disconnect();
  }
  return starts.length;
}

/** Seals `megabytes` one megabyte at a time, each chunk dropped at once; announced first when `announce`. */
function sealAndDrop(megabytes: number, announce: boolean): void {
  const cipher = crypto.createCipheriv('aes-256-ctr', crypto.randomBytes(32), crypto.randomBytes(16));
  const plain = Buffer.alloc(MB);
  let sealed = 0;
  for (let i = 0; i < megabytes; i++) {
    if (announce) beforeTransient(plain.length);
    sealed += cipher.update(plain).length;
  }
  if (sealed !== megabytes * MB) throw new Error('a chunk was sealed short');
}

describe('transient buffers', () => {
  it('collects the young generation once every 16 MB announced, more often than V8 alone', async () => {
    const alone = await youngCollectionsDuring(() => sealAndDrop(96, false));
    const announced = await youngCollectionsDuring(() => sealAndDrop(96, true));
    expect(announced).toBeGreaterThanOrEqual(6);
    expect(announced).toBeGreaterThan(alone);
  });

  it('leaves no global gc behind in a context made afterwards', () => {
    beforeTransient(32 * MB);
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});
