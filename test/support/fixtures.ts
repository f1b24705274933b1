// Shared test fixtures: a temp data file, a backend on it with a fixed clock, and a valid application.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../electron/backend';
import { fixedClock, type Clock } from '../../electron/services/clock';
import { localDate } from '../../shared/dates';
import { createApi, type Api } from '../../shared/client';
import type { LegalAidApplicationInput } from '../../shared/legalAid/application';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-test-'));
}

export interface TestBackend extends Backend {
  api: Api;
  dataFile: string;
}

/** A clock that tests move forward by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(iso: string): ManualClock {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), today: () => localDate(new Date(at)), advance: (ms) => void (at += ms) };
}

/**
 * A backend over a fresh temp file. Its `api` calls as the trusted local session (like the CLI); tests of
 * accounts and roles make their own callers. The intake schema checks dates against the real today.
 */
export function testBackend(
  dataFile = path.join(tempDir(), 'casedesk.sqlite'),
  { clock = fixedClock('2026-11-22T02:00:00Z') }: { clock?: Clock } = {},
): TestBackend {
  const backend = openBackend({ dataFile, shell: 'preview', clock, log: () => {} });
  backend.sessions.signInSystem('local');
  return { ...backend, api: createApi(backend.dispatch), dataFile };
}

/** The first administrator, as the first-run setup creates them (with OFFICE: the whole of auth.setup). */
export const FIRST_ADMIN = { username: 'admin', displayName: '王所长', password: 'Admin2026' };

export const OFFICE = {
  name: '黎托街道司法所',
  divisionCode: '430111',
  officeNumber: '01',
  bureauName: '长沙市雨花区司法局',
  caseNumberPrefix: '黎托',
};

/** A complete, valid civil application (the GB 11643 sample number: female, born 1949-12-31). */
export function validApplication(): LegalAidApplicationInput {
  return {
    applicant: {
      name: '张秀英', sex: '女', ethnicity: '汉族', birthDate: '1949-12-31', idType: '居民身份证',
      idNumber: '11010519491231002X', householdAddress: '雨花区黎托街道花侯村3组', residence: '', phone: '13800138000',
      employer: '', lacksCapacity: false,
    },
    applicantGroups: ['老年人', '妇女'],
    agent: null,
    opposingParties: [{ name: '张建国', idNumber: '' }],
    category: '民事',
    serviceForm: '民事、行政、国家赔偿诉讼代理及非诉讼代理',
    matter: '赡养费纠纷',
    proceedingStage: '',
    handlingAuthority: '',
    facts: '申请人年逾七旬，子女拒不支付赡养费。',
    finance: { householdSize: 1, monthlyIncomePerCapitaFen: 85_050, basis: '承诺', exemptReason: '' },
    receivedOn: '2026-11-20',
    receivedBy: '李娟',
  };
}

/** The bytes of a data file and its WAL, hashed: "byte-for-byte unchanged" made checkable. */
export function fileState(dataFile: string): string {
  const hash = crypto.createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const file = dataFile + suffix;
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from('absent'));
  }
  return hash.digest('hex');
}
