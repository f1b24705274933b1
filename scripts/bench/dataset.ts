// The bench's data: synthetic office files made by the CLI's demo generator (scripts/demoCases.ts) through the
// app's channels, cached under a directory keyed by scale, sizes, seed and schema version, so a second run reuses
// them. A set is built under a `.partial` name (its offices possibly by several processes) and renamed when whole.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../db/dataKey';
import { BENCH_KEY } from './benchKey';
import { recordAuditSync } from '../../db/auditLog';
import { migrations } from '../../db/migrations';
import { makeDemoCases } from '../demoCases';
import { openBuildBackend } from './buildBackend';

export type Scale = 'office' | 'county';

export interface DatasetSpec {
  scale: Scale;
  offices: number;
  /**
   * How many offices are built through the channels; the others are copies of them under their own office
   * identity (name, office number, 案号代字). Equal to `offices` unless a machine cannot afford the full build.
   */
  distinctOffices: number;
  casesPerOffice: number;
  seed: number;
  /** Years of cases before `until`. */
  years: number;
  until: string;
}

/** The two sizes: one office with ten years of cases; a county of twenty offices. */
export const SCALES: Record<Scale, Pick<DatasetSpec, 'offices' | 'casesPerOffice'>> = {
  office: { offices: 1, casesPerOffice: 20_000 },
  county: { offices: 20, casesPerOffice: 10_000 },
};

/** The day the data ends on (every step is dated on or before it); fixed, so the data never changes. */
export const BENCH_UNTIL = '2026-11-20';

interface OfficeFile {
  file: string;
  name: string;
  officeNumber: string;
  cases: number;
}

export interface Dataset {
  spec: DatasetSpec;
  dir: string;
  offices: OfficeFile[];
  /** Whether this run built the files (false: reused from the cache). */
  built: boolean;
  buildSeconds: number;
}

/** The office-scale office: the demo's own township. */
const HOME_OFFICE = { divisionCode: '430111', bureauName: '长沙市雨花区司法局', towns: ['黎托街道'] };

/** County scale: the townships of one county, each office with its own office number. */
const COUNTY = {
  divisionCode: '430121',
  bureauName: '长沙县司法局',
  towns: [
    '星沙街道',
    '湘龙街道',
    '泉塘街道',
    '榔梨街道',
    '长龙街道',
    '黄兴镇',
    '江背镇',
    '黄花镇',
    '春华镇',
    '果园镇',
    '路口镇',
    '高桥镇',
    '金井镇',
    '福临镇',
    '青山铺镇',
    '安沙镇',
    '北山镇',
    '开慧镇',
    '桐仁桥街道',
    '暮云街道',
  ],
};

export function schemaVersion(): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * The cache key: scale, sizes, seed, schema version and `-k` for files encrypted under the bench key (a plain set
 * cached by an older version is not reused). After changing the generator, build again (--rebuild).
 */
function datasetKey(spec: DatasetSpec): string {
  const distinct = spec.distinctOffices < spec.offices ? `-d${spec.distinctOffices}` : '';
  return `${spec.scale}-o${spec.offices}${distinct}-n${spec.casesPerOffice}-s${spec.seed}-y${spec.years}-u${spec.until}-v${schemaVersion()}-k`;
}

export function officesOf(
  spec: DatasetSpec,
): { name: string; officeNumber: string; divisionCode: string; bureauName: string; seed: number }[] {
  const place = spec.scale === 'county' ? COUNTY : HOME_OFFICE;
  return Array.from({ length: spec.offices }, (_, i) => {
    const town = place.towns[i % place.towns.length]!;
    return {
      name: `${town}司法所`,
      officeNumber: String(i + 1).padStart(2, '0'),
      divisionCode: place.divisionCode,
      bureauName: place.bureauName,
      seed: spec.seed + i,
    };
  });
}

const MANIFEST = 'manifest.json';

/** The 首次设置 of a bench office. */
export function officeSetup(office: ReturnType<typeof officesOf>[number]) {
  return {
    name: office.name,
    divisionCode: office.divisionCode,
    officeNumber: office.officeNumber,
    bureauName: office.bureauName,
    caseNumberPrefix: office.name.replace(/(街道|镇|乡)?司法所$/, '').slice(0, 4),
  };
}

/** The cached set for `spec`, or null. */
export function cachedDataset(cacheDir: string, spec: DatasetSpec): Dataset | null {
  const dir = path.join(cacheDir, datasetKey(spec));
  const manifest = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifest)) return null;
  const offices = JSON.parse(fs.readFileSync(manifest, 'utf8')) as OfficeFile[];
  return {
    spec,
    dir,
    offices: offices.map((o) => ({ ...o, file: path.join(dir, o.file) })),
    built: false,
    buildSeconds: 0,
  };
}

/** Where a set is built before it is whole. */
function partialDir(cacheDir: string, spec: DatasetSpec): string {
  return path.join(cacheDir, `${datasetKey(spec)}.partial`);
}

export function startBuild(cacheDir: string, spec: DatasetSpec): void {
  const partial = partialDir(cacheDir, spec);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
}

/**
 * Builds the offices numbered `part`, `part + parts`, ... of the set into its partial folder, each through the
 * channels, and notes each one (office-NN.json) when its file is complete.
 */
export async function buildOffices(
  cacheDir: string,
  spec: DatasetSpec,
  part: number,
  parts: number,
  progress: (line: string) => void = () => {},
): Promise<void> {
  const partial = partialDir(cacheDir, spec);
  for (const [i, office] of officesOf(spec).entries()) {
    if (i >= spec.distinctOffices || i % parts !== part) continue;
    const file = `office-${office.officeNumber}.sqlite`;
    const began = performance.now();
    const backend = openBuildBackend(path.join(partial, file), spec.until);
    let made: OfficeFile;
    try {
      await backend.api.call('office.setup', officeSetup(office));
      const summary = await makeDemoCases(backend.api, {
        count: spec.casesPerOffice,
        seed: office.seed,
        until: spec.until,
        years: spec.years,
      });
      made = { file, name: office.name, officeNumber: office.officeNumber, cases: summary.total };
    } finally {
      await backend.close();
    }
    fs.writeFileSync(path.join(partial, `office-${office.officeNumber}.json`), JSON.stringify(made));
    progress(
      `built ${file} (${office.name}, ${spec.casesPerOffice} cases) in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * A copy of a built office under another office's identity. The office row is changed as plain SQL (no channel
 * changes an office's identity once set up), audited like a migration's change.
 */
function cloneOffice(partial: string, from: OfficeFile, office: ReturnType<typeof officesOf>[number]): OfficeFile {
  const file = `office-${office.officeNumber}.sqlite`;
  fs.copyFileSync(path.join(partial, from.file), path.join(partial, file));
  const sqlite = new BetterSqlite3(path.join(partial, file));
  applyKey(sqlite, BENCH_KEY);
  try {
    const setup = officeSetup(office);
    sqlite.transaction(() => {
      sqlite
        .prepare('UPDATE office SET name = ?, office_number = ?, case_number_prefix = ?')
        .run(setup.name, setup.officeNumber, setup.caseNumberPrefix);
      recordAuditSync(sqlite, {
        channel: 'bench:copy-office',
        user: null,
        at: new Date(`${BENCH_UNTIL}T09:00:00+08:00`),
      });
    })();
  } finally {
    sqlite.close();
  }
  return { file, name: office.name, officeNumber: office.officeNumber, cases: from.cases };
}

/** Once every distinct office is built: the copies, the manifest, and the folder renamed to its key. */
export function finishBuild(cacheDir: string, spec: DatasetSpec): Dataset {
  const partial = partialDir(cacheDir, spec);
  const all = officesOf(spec);
  for (const [i, office] of all.entries()) {
    if (i < spec.distinctOffices) continue;
    const source = JSON.parse(
      fs.readFileSync(path.join(partial, `office-${all[i % spec.distinctOffices]!.officeNumber}.json`), 'utf8'),
    ) as OfficeFile;
    fs.writeFileSync(
      path.join(partial, `office-${office.officeNumber}.json`),
      JSON.stringify(cloneOffice(partial, source, office)),
    );
  }
  const offices = all.map((o) => {
    const note = path.join(partial, `office-${o.officeNumber}.json`);
    if (!fs.existsSync(note)) throw new Error(`office ${o.officeNumber} was not built`);
    return JSON.parse(fs.readFileSync(note, 'utf8')) as OfficeFile;
  });
  fs.writeFileSync(path.join(partial, MANIFEST), JSON.stringify(offices, null, 2));
  const dir = path.join(cacheDir, datasetKey(spec));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(partial, dir);
  return cachedDataset(cacheDir, spec)!;
}
