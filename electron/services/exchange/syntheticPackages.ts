// Signed, encrypted packages of synthetic rows, as many offices and cases as asked, for the benchmark (a county's
// ten years: 20 offices, 200,000 cases) and the scale tests. Made directly with each office's fresh keys rather
// than through 200,000 registrations: what is measured is the bureau's import, not the offices' typing.
import crypto from 'node:crypto';
import { PACKAGE_FORMAT_VERSION, packageFileName, type DataManifest } from '../../../shared/exchange/manifest';
import type { Api } from '../../../shared/client';
import { sealPackage } from './container';
import { fingerprintOf, parsePublicKey, publicKeyText, rawPublic, type KeyPairs } from './keys';

export interface SyntheticPackage {
  fileName: string;
  bytes: Buffer;
  cases: number;
  rows: number;
}

function officeKeys(): KeyPairs {
  const sign = crypto.generateKeyPairSync('ed25519');
  const box = crypto.generateKeyPairSync('x25519');
  return {
    sign: rawPublic(sign.publicKey),
    box: rawPublic(box.publicKey),
    signPrivate: sign.privateKey,
    boxPrivate: box.privateKey,
  };
}

/**
 * Registers `offices` offices at the bureau `api` (a file in 县局模式) and makes one package per office holding
 * `casesPerOffice` mediation cases, each with two parties, its registration record and three timeline entries.
 */
export async function makeSyntheticPackages(
  api: Api,
  { offices, casesPerOffice, period = '2026-10' }: { offices: number; casesPerOffice: number; period?: string },
): Promise<SyntheticPackage[]> {
  const bureauKey = parsePublicKey((await api.call('exchange.keys', {})).publicKey ?? '');
  if (!bureauKey) throw new Error('the bureau has no key');
  const made: SyntheticPackage[] = [];
  for (let o = 1; o <= offices; o++) {
    const code = `430111${String(o).padStart(2, '0')}`;
    const name = `第${o}街道司法所`;
    const keys = officeKeys();
    await api.call('bureau.registerOffice', {
      code,
      name,
      publicKey: publicKeyText(keys),
      fingerprint: fingerprintOf(keys),
    });
    const lines: string[] = [];
    const counts: DataManifest['counts'] = {};
    let seq = 0;
    let partyId = 0;
    let actionId = 0;
    const add = (t: string, k: number, d: Record<string, string | number | null>) => {
      lines.push(JSON.stringify({ t, k: String(k), s: ++seq, d }));
      (counts[t] ??= { rows: 0, tombstones: 0 }).rows++;
    };
    for (let c = 1; c <= casesPerOffice; c++) {
      const year = 2017 + (c % 10);
      const on = `${year}-${String(1 + (c % 12)).padStart(2, '0')}-${String(1 + (c % 28)).padStart(2, '0')}`;
      add('cases', c, {
        id: c,
        kind: 'mediation',
        case_number: `〔${year}〕第${o}调字第${String(c).padStart(4, '0')}号`,
        case_year: year,
        case_seq: c,
        status: 'concluded',
        title: '邻里纠纷',
        received_on: on,
        received_by: '李娟',
        created_at: `${on}T02:00:00.000Z`,
        updated_at: `${on}T02:00:00.000Z`,
      });
      for (let p = 0; p < 2; p++) {
        add('parties', ++partyId, {
          id: partyId,
          case_id: c,
          role: 'party',
          position: p,
          name: p ? '王秀英' : '张建国',
          sex: p ? '女' : '男',
          ethnicity: '汉族',
          birth_date: '1970-01-01',
          id_type: '居民身份证',
          id_number: '110105********002X',
          household_address: '雨花区黎托街道花侯村3组',
          residence: '',
          phone: '13800138000',
          employer: '',
          relation: '',
          lacks_capacity: 0,
        });
      }
      add('mediation_cases', c, {
        case_id: c,
        simple: 0,
        source: '当事人申请',
        source_detail: '',
        committee: '花侯村人民调解委员会',
        dispute_type: '邻里纠纷',
        summary: '双方因宅基地边界发生争执',
        requests: '确认边界，恢复原状',
        amount_fen: 0,
        people_count: 2,
        major: 0,
        mass: 0,
        mediators: '["李娟"]',
      });
      for (const [action, from, to] of [
        ['register', null, 'registered'],
        ['mediate', 'registered', 'mediating'],
        ['conclude', 'mediating', 'concluded'],
      ] as const) {
        add('case_actions', ++actionId, {
          id: actionId,
          case_id: c,
          action,
          acted_on: on,
          data: '{}',
          from_status: from,
          to_status: to,
          user_id: null,
          username: '李娟',
          recorded_at: `${on}T02:00:00.000Z`,
        });
      }
    }
    const { file } = sealPackage(
      {
        format: 'casedesk-package',
        formatVersion: PACKAGE_FORMAT_VERSION,
        kind: 'office-data',
        office: { code, name, bureauName: '长沙市雨花区司法局' },
        period,
        sequence: 1,
        changes: { after: 0, upTo: seq },
        createdAt: '2026-11-02T01:00:00.000Z',
        appVersion: 'synthetic',
        counts,
        auditHead: { seq: 1, hash: '' },
      } as Omit<DataManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
      [
        { name: 'rows.ndjson', bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8') },
        { name: 'statistics.json', bytes: Buffer.from(JSON.stringify({ period, figures: {} })) },
      ],
      keys,
      bureauKey,
    );
    made.push({ fileName: packageFileName(code, period, 1), bytes: file, cases: casesPerOffice, rows: lines.length });
  }
  return made;
}
