// The monthly exchange with the county bureau: an office's full export and a one-month incremental one, and the
// bureau's import of every office's package into its store. Through the channels, as the clerk and the bureau's
// staff run them; beside each, the same reading and writing as plain statements (the package's signing and
// encryption, which are not SQLite's work, use the same container functions on both sides).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../../db/dataKey';
import { openBackend, type Backend } from '../../../electron/backend';
import { BENCH_KEY, benchKeys } from '../benchKey';
import { fixedClock } from '../../../electron/services/system/clock';
import {
  contentKeyFor,
  partOfBytes,
  plaintextChunks,
  sealPackageStream,
  verifyPackage,
  withPackageFile,
  type PartSource,
} from '../../../electron/services/exchange/container';
import { loadKeys, parsePublicKey, type KeyPairs } from '../../../electron/services/exchange/keys';
import { createApi } from '../../../shared/client';
import type { Channel, ChannelInput } from '../../../shared/contract';
import { EXPORTED_TABLES } from '../../../shared/exchange/tables';
import type { ExchangeStatus, ExportResult, ImportOutcome } from '../../../shared/exchange/types';
import { makeDemoCases } from '../../demoCases';
import type { StatisticsPart } from '../../../electron/services/exchange/statisticsPart';
import type { BenchContext, Measurement } from '../measurement';
import { officeReportsOf } from '../../../electron/services/statistics/officeReports';
import { directOfficeStatistics } from './statistics';

const CALLER = 'bench';

/** A backend on `file` as the app opens it, signed in like the CLI, its clock at the data's last day. */
function open(file: string, today: string): Backend {
  const backend = openBackend({
    dataFile: file,
    shell: 'preview',
    keys: benchKeys(),
    clock: fixedClock(`${today}T10:00:00+08:00`),
    log: () => {},
  });
  backend.sessions.signInSystem(CALLER);
  return backend;
}

async function call<C extends Channel>(backend: Backend, channel: C, input: ChannelInput<C>): Promise<unknown> {
  const answer = await backend.dispatch(channel, input, CALLER);
  if (!answer.ok) throw new Error(`${channel} refused: ${answer.error.message}`);
  return answer.value;
}

function copyFresh(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.rmSync(path.join(path.dirname(to), 'backups'), { recursive: true, force: true });
  fs.copyFileSync(from, to);
}

/** A county bureau's store (县局模式) with its key pair, closed; its file and public key. */
async function bureauStore(workDir: string, today: string): Promise<{ file: string; status: ExchangeStatus }> {
  const dir = path.join(workDir, 'bureau-template');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bureau.sqlite');
  const bureau = open(file, today);
  try {
    await call(bureau, 'office.setup', {
      name: '长沙县司法局',
      divisionCode: '430121',
      officeNumber: '00',
      bureauName: '长沙县司法局',
      caseNumberPrefix: '长沙',
    });
    const status = (await call(bureau, 'exchange.setMode', { mode: 'bureau' })) as ExchangeStatus;
    return { file, status };
  } finally {
    await bureau.close();
  }
}

/**
 * The export's reading and packing as plain statements: the rows of (after, upTo], each at its latest version, and
 * the statistics part as `statistics` makes it (the period's figures computed directly, or '{}' where the package's
 * figures are not what is measured).
 */
function rawExport(sqlite: BetterSqlite3.Database, statistics: () => Buffer = () => Buffer.from('{}', 'utf8')) {
  const changes = sqlite.prepare(
    `SELECT c.seq, c.table_name, c.row_key, c.op, c.data FROM change_log AS c
     WHERE c.seq > ? AND c.seq <= ?
       AND c.seq = (SELECT max(d.seq) FROM change_log AS d WHERE d.table_name = c.table_name AND d.row_key = c.row_key AND d.seq <= ?)
     ORDER BY c.seq`,
  );
  const office = sqlite.prepare(
    'SELECT name, division_code, office_number, bureau_name, bureau_public_key FROM office WHERE id = 1',
  );
  return (range: { afterSeq: number; upToSeq: number; period: string; sequence: number }, keys: KeyPairs) => {
    const o = office.get() as {
      name: string;
      division_code: string;
      office_number: string;
      bureau_name: string;
      bureau_public_key: string;
    };
    // Rows spilled to a scratch file as they stream and sealed from it, as the app does, so the floor holds no
    // more of the package than the app.
    const rowsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-bench-export-')), 'rows.ndjson');
    const fd = fs.openSync(rowsFile, 'w');
    let pending = '';
    let length = 0;
    const flush = () => {
      const bytes = Buffer.from(pending, 'utf8');
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
      length += bytes.length;
      pending = '';
    };
    const counts: Record<string, { rows: number; tombstones: number }> = {};
    for (const c of changes.iterate(range.afterSeq, range.upToSeq, range.upToSeq) as Iterable<{
      seq: number;
      table_name: string;
      row_key: string;
      op: string;
      data: string | null;
    }>) {
      if (!(c.table_name in EXPORTED_TABLES)) continue;
      const count = (counts[c.table_name] ??= { rows: 0, tombstones: 0 });
      const head = `{"t":${JSON.stringify(c.table_name)},"k":${JSON.stringify(c.row_key)},"s":${c.seq}`;
      if (c.op === 'delete' || c.data === null) {
        count.tombstones++;
        pending += `${head}}\n`;
      } else {
        count.rows++;
        pending += `${head},"d":${c.data}}\n`;
      }
      if (pending.length >= 262_144) flush();
    }
    flush();
    fs.closeSync(fd);
    const rows: PartSource = {
      name: 'rows.ndjson',
      length,
      *chunks() {
        const read = fs.openSync(rowsFile, 'r');
        try {
          for (let at = 0; at < length;) {
            const chunk = Buffer.allocUnsafe(Math.min(1 << 20, length - at));
            at += fs.readSync(read, chunk, 0, chunk.length, at);
            yield chunk;
          }
        } finally {
          fs.closeSync(read);
        }
      },
    };
    const content = [rows, partOfBytes('statistics.json', statistics())];
    const manifest = {
      format: 'casedesk-package',
      formatVersion: 1,
      kind: 'office-data',
      office: { code: `${o.division_code}${o.office_number}`, name: o.name, bureauName: o.bureau_name },
      period: range.period,
      sequence: range.sequence,
      changes: { after: range.afterSeq, upTo: range.upToSeq },
      createdAt: new Date().toISOString(),
      appVersion: 'bench',
      counts,
      auditHead: { seq: 0, hash: '' },
    };
    const sealed = sealPackageStream(
      manifest as Parameters<typeof sealPackageStream>[0],
      content,
      keys,
      parsePublicKey(o.bureau_public_key),
    );
    let bytes = 0;
    for (const chunk of sealed.chunks()) bytes += chunk.length;
    fs.rmSync(path.dirname(rowsFile), { recursive: true, force: true });
    return bytes;
  };
}

interface ExportSetup {
  bureau: { file: string; status: ExchangeStatus };
  office: Backend | null;
}

/** An office's copy made ready to export: the bureau's key set, its own key pair made. */
async function readyOffice(
  context: BenchContext,
  source: string,
  file: string,
  bureauKey: string,
): Promise<{ backend: Backend; status: ExchangeStatus }> {
  copyFresh(source, file);
  const backend = open(file, context.today);
  await call(backend, 'exchange.setBureauKey', { publicKey: bureauKey });
  return { backend, status: (await call(backend, 'exchange.keys', {})) as ExchangeStatus };
}

const bureaus = new WeakMap<BenchContext, Promise<{ file: string; status: ExchangeStatus }>>();
/** One bureau per bench run, shared by the measurements. */
function bureauOf(context: BenchContext) {
  let made = bureaus.get(context);
  if (!made) bureaus.set(context, (made = bureauStore(context.workDir, context.today)));
  return made;
}

export const exportFull: Measurement = {
  id: 'export.full',
  ownFile: true,
  label: 'export, full (first export of office 01)',
  runs: 3,
  warmup: 0,
  target: {},
  async prepare(context) {
    const bureau = await bureauOf(context);
    const file = path.join(context.workDir, 'export-full', 'casedesk.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const setup: ExportSetup = { bureau, office: null };
    let last: ExportResult | null = null;
    let keys: KeyPairs | null = null;
    let raw: ReturnType<typeof rawExport> | null = null;
    return {
      async before(_run, side) {
        if (side === 'raw') {
          if (!raw && setup.office) {
            raw = rawExport(setup.office.store.sqlite);
            keys = await loadKeys(setup.office.store.db);
          }
          return;
        }
        await setup.office?.close();
        setup.office = (
          await readyOffice(context, context.dataset.offices[0]!.file, file, bureau.status.publicKey!)
        ).backend;
      },
      async app() {
        last = (await call(setup.office!, 'exchange.export', {
          period: context.today.slice(0, 7),
          folder: path.join(context.workDir, 'exports'),
        })) as ExportResult;
        return last;
      },
      raw: () => raw!(last!, keys!),
      close: async () => {
        await setup.office?.close();
      },
      get note() {
        return last
          ? `${last.rowCount} rows, ${(fs.statSync(last.file).size / 1048576).toFixed(1)} MB package`
          : undefined;
      },
    };
  },
};

/** Wall and CPU time of one call, in ms. */
async function timed(work: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const exportMonth: Measurement = {
  id: 'export.month',
  ownFile: true,
  label: 'export, one month incremental',
  runs: 3,
  warmup: 0,
  target: { medianMs: 300, ratio: 3 },
  async prepare(context) {
    const bureau = await bureauOf(context);
    const file = path.join(context.workDir, 'export-month', 'casedesk.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { backend } = await readyOffice(context, context.dataset.offices[0]!.file, file, bureau.status.publicKey!);
    const folder = path.join(context.workDir, 'exports');
    const period = context.today.slice(0, 7);
    const exportNow = async () => (await call(backend, 'exchange.export', { period, folder })) as ExportResult;
    await exportNow();
    const keys = (await loadKeys(backend.store.db))!;
    const api = createApi((channel, input) => backend.dispatch(channel, input, CALLER));
    // The package carries the period's statistics, so the floor computes them too: directly, from plain
    // statements (statistics.ts), as the package's statistics.json.
    const figures = await directOfficeStatistics(backend, period, context.today);
    const statistics = () =>
      Buffer.from(JSON.stringify({ period, asOf: context.today, figures: figures() } satisfies StatisticsPart), 'utf8');
    // A month of an office's work: its share of the data set's cases, registered and taken through their steps.
    const { casesPerOffice, years } = context.dataset.spec;
    const perMonth = Math.max(10, Math.round(casesPerOffice / (years * 12)));
    const aMonthOfWork = (seed: number) =>
      makeDemoCases(api, { count: perMonth, seed, until: context.today, years: 1 / 12 });
    const reports = officeReportsOf(backend.store.sqlite);
    // Cold, for the note: a month's work and its export with no report opened, the figures computed inside it.
    const cold: { wallMs: number; cpuMs: number }[] = [];
    for (let run = 0; run < 3; run++) {
      await aMonthOfWork(6000 + run);
      cold.push(await timed(exportNow));
    }
    const exports: ExportResult[] = [];
    const warmCpuMs: number[] = [];
    let reused = 0;
    const raw = rawExport(backend.store.sqlite, statistics);
    return {
      async before(run, side) {
        if (side === 'app') {
          await aMonthOfWork(7000 + run);
          // The clerk's flow: the period's report (统计报表) opened before exporting it, untimed.
          await call(backend, 'statistics.report', { period, scope: 'office' });
        } else if (run === 0) {
          // The floor's figures are the package's: checked once, on the last export (nothing written since).
          const stored = await backend.store.db
            .selectFrom('exchange_exports')
            .select('statistics')
            .orderBy('sequence', 'desc')
            .limit(1)
            .executeTakeFirstOrThrow();
          if (stored.statistics !== statistics().toString('utf8'))
            throw new Error(`${exportMonth.label}: the floor's figures differ from the package's`);
        }
      },
      async app() {
        const computed = reports.computed;
        const cpu = process.cpuUsage();
        const made = await exportNow();
        const used = process.cpuUsage(cpu);
        warmCpuMs.push((used.user + used.system) / 1000);
        if (reports.computed === computed) reused++;
        exports.push(made);
        return made;
      },
      raw: (run) => raw(exports[run]!, keys),
      close: () => backend.close(),
      get note() {
        const e = exports[0];
        if (!e) return undefined;
        const ms = (n: number) => n.toFixed(0);
        return (
          `${perMonth} new cases a month with their steps: ${e.rowCount} rows; timed after the period's report ` +
          `was opened (untimed), its figures reused in ${reused} of ${exports.length} runs, CPU median ` +
          `${ms(median(warmCpuMs))} ms; cold (no report opened, the figures computed in the export): median ` +
          `${ms(median(cold.map((c) => c.wallMs)))} ms, CPU ${ms(median(cold.map((c) => c.cpuMs)))} ms over ` +
          `${cold.length} runs`
        );
      },
    };
  },
};

/** The import's reading and writing as plain statements: verify, decrypt, parse and hash each row, insert. */
function rawImport(sqlite: BetterSqlite3.Database, keys: KeyPairs) {
  const insertImport = sqlite
    .prepare(
      `INSERT INTO bureau_imports (office_code, sequence, period, after_seq, up_to_seq, created_at, app_version, audit_head_seq, audit_head_hash,
                                 statistics, row_count, content_hash, file_sha256, file_name, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck();
  const insertRow = sqlite.prepare(
    `INSERT INTO bureau_rows (office_code, table_name, row_key, seq, deleted, data, data_hash, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (office_code, table_name, row_key) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, data = excluded.data,
       data_hash = excluded.data_hash, import_id = excluded.import_id`,
  );
  // The same one-shot hash as the app (crypto.hash, Node ≥ 20.12): the floor is the fastest this stack does it.
  const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
  const hash = (text: string) =>
    oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
  return sqlite.transaction((files: string[]) => {
    let rows = 0;
    for (const file of files) {
      // Read a megabyte at a time through the same container code as the app, so the floor holds no more of a file.
      withPackageFile(file, (bytes) => {
        const opened = verifyPackage(bytes);
        const m = opened.manifest;
        if (m.kind !== 'office-data') throw new Error('not a data package');
        // One pass, as a floor may: decrypt chunk by chunk, insert each line, check the content hash (and the GCM
        // tag) at the end, rolling everything back if either fails.
        const key = contentKeyFor(opened, keys);
        const statistics = Buffer.concat([...plaintextChunks(opened, 1, key)]);
        const at = new Date().toISOString();
        const importId = insertImport.get(
          m.office.code,
          m.sequence,
          m.period,
          m.changes.after,
          m.changes.upTo,
          m.createdAt,
          m.appVersion,
          m.auditHead.seq,
          m.auditHead.hash,
          statistics.toString('utf8'),
          0,
          m.contentHash,
          opened.fileSha256,
          path.basename(file),
          at,
        );
        const content = crypto.createHash('sha256');
        const partHead = (name: string, length: number) => {
          const len = Buffer.alloc(4);
          len.writeUInt32BE(length);
          content.update(name).update(len);
        };
        partHead('rows.ndjson', opened.stored[0]!.length - (key ? 16 : 0));
        let rest: Buffer | null = null;
        for (const chunk of plaintextChunks(opened, 0, key)) {
          content.update(chunk);
          const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
          let from = 0;
          for (let nl = bytes.indexOf(10, from); nl !== -1; nl = bytes.indexOf(10, from)) {
            const row = JSON.parse(bytes.toString('utf8', from, nl)) as {
              t: string;
              k: string;
              s: number;
              d?: unknown;
            };
            const json = row.d ? JSON.stringify(row.d) : null;
            insertRow.run(
              m.office.code,
              row.t,
              row.k,
              row.s,
              json === null ? 1 : 0,
              json,
              json === null ? 'tombstone' : hash(json),
              importId,
            );
            rows++;
            from = nl + 1;
          }
          rest = from < bytes.length ? Buffer.from(bytes.subarray(from)) : null;
        }
        partHead('statistics.json', statistics.length);
        content.update(statistics);
        if (content.digest('hex') !== m.contentHash) throw new Error('content hash');
      });
    }
    return rows;
  });
}

export const importCounty: Measurement = {
  id: 'import.packages',
  ownFile: true,
  label: "bureau import of every office's package",
  runs: 2,
  warmup: 0,
  target: { medianMs: 30_000, ratio: 2 },
  async prepare(context) {
    const bureau = await bureauOf(context);
    const packages: string[] = [];
    const registrations: ChannelInput<'bureau.registerOffice'>[] = [];
    const officeFile = path.join(context.workDir, 'export-each', 'casedesk.sqlite');
    fs.mkdirSync(path.dirname(officeFile), { recursive: true });
    for (const office of context.dataset.offices) {
      const { backend, status } = await readyOffice(context, office.file, officeFile, bureau.status.publicKey!);
      try {
        const made = (await call(backend, 'exchange.export', {
          period: context.today.slice(0, 7),
          folder: path.join(context.workDir, 'packages'),
        })) as ExportResult;
        packages.push(made.file);
        const code = (await call(backend, 'office.get', {})) as { officeCode: string; name: string };
        registrations.push({
          code: code.officeCode,
          name: code.name,
          publicKey: status.publicKey!,
          fingerprint: status.fingerprint!,
        });
      } finally {
        await backend.close();
      }
    }
    fs.rmSync(path.dirname(officeFile), { recursive: true, force: true });
    // The bureau with every office registered, kept as a template; each run imports into a fresh copy of it.
    const registered = path.join(context.workDir, 'bureau-registered.sqlite');
    copyFresh(bureau.file, registered);
    const template = open(registered, context.today);
    const keys = (await loadKeys(template.store.db))!;
    try {
      for (const r of registrations) await call(template, 'bureau.registerOffice', r);
    } finally {
      await template.close();
    }
    const runFile = path.join(context.workDir, 'bureau-run', 'bureau.sqlite');
    fs.mkdirSync(path.dirname(runFile), { recursive: true });
    let store: Backend | null = null;
    let sqlite: BetterSqlite3.Database | null = null;
    let outcomes: ImportOutcome[] = [];
    const bytes = packages.reduce((s, p) => s + fs.statSync(p).size, 0);
    return {
      async before(_run, side) {
        await store?.close();
        store = null;
        sqlite?.close();
        sqlite = null;
        copyFresh(registered, runFile);
        if (side === 'app') store = open(runFile, context.today);
        else {
          sqlite = new BetterSqlite3(runFile);
          applyKey(sqlite, BENCH_KEY);
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = FULL');
        }
      },
      async app() {
        outcomes = (await call(store!, 'bureau.importFiles', { files: packages })) as ImportOutcome[];
        const refused = outcomes.filter((o) => o.status !== 'imported');
        if (refused.length) throw new Error(`import refused: ${JSON.stringify(refused[0])}`);
      },
      raw: () => rawImport(sqlite!, keys)(packages),
      close: async () => {
        await store?.close();
        sqlite?.close();
      },
      get note() {
        const rows = outcomes.reduce((s, o) => s + ('counts' in o && o.counts ? o.counts.inserted : 0), 0);
        return `${packages.length} packages, ${(bytes / 1048576).toFixed(0)} MB, ${rows} rows inserted`;
      },
    };
  },
};
