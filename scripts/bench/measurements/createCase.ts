// Registering a legal-aid application as the clerk saves the intake form: the channel's validation, the case
// number, the case, parties, details, timeline, search index and audit entries, in one transaction (fsync included).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sha256Hex } from '../../../db/auditLog';
import { bigramDocument } from '../../../db/searchTokens';
import { entryHash, GENESIS_HASH } from '../../../shared/auditChain';
import { formatCaseNumber } from '../../../shared/cases/caseNumber';
import { contract, type ChannelInput } from '../../../shared/contract';
import type { LegalAidApplication } from '../../../shared/kinds/legalAid/intake';
import type { Office } from '../../../shared/office';
import { planDemoCases } from '../../demoCases';
import type { Measurement } from '../measurement';

/** Fresh applications from the demo generator (a seed of their own, so they are new people). */
function applications(office: Office, count: number, until: string): ChannelInput<'legalAid.create'>[] {
  const found: ChannelInput<'legalAid.create'>[] = [];
  for (let batch = count * 4; found.length < count; batch *= 2) {
    found.length = 0;
    for (const plan of planDemoCases(batch, { seed: 424242, until, years: 1, office })) {
      if (plan.register.channel === 'legalAid.create' && found.length < count) found.push(plan.register.input);
    }
  }
  return found;
}

/** The service's writes as plain statements, prepared once; the audit chain as db/auditLog.ts makes it. */
function rawRegistration(sqlite: BetterSqlite3.Database, prefix: string, at: () => string) {
  const counter = sqlite
    .prepare(
      `INSERT INTO case_number_counters (kind, year, last_seq) VALUES ('legal_aid', ?, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    )
    .pluck();
  const office = sqlite.prepare('SELECT case_number_prefix FROM office LIMIT 1').pluck();
  const insertCase = sqlite
    .prepare(
      `INSERT INTO cases (kind, case_number, case_year, case_seq, status, title, received_on, received_by, created_at, updated_at)
     VALUES ('legal_aid', ?, ?, ?, 'received', ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck();
  const insertParty = sqlite.prepare(
    `INSERT INTO parties (case_id, role, position, name, sex, ethnicity, birth_date, id_type, id_number, household_address,
                          residence, phone, employer, relation, lacks_capacity)
     VALUES (@case_id, @role, @position, @name, @sex, @ethnicity, @birth_date, @id_type, @id_number, @household_address,
             @residence, @phone, @employer, @relation, @lacks_capacity)`,
  );
  const insertDetails = sqlite.prepare(
    `INSERT INTO legal_aid_cases (case_id, category, service_form, matter, proceeding_stage, handling_authority, facts, applicant_groups,
                                  household_size, monthly_income_per_capita_fen, finance_basis, finance_exempt_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = sqlite.prepare(
    `INSERT INTO case_actions (case_id, action, acted_on, data, from_status, to_status, user_id, username, recorded_at)
     VALUES (?, 'register', ?, '{}', NULL, 'received', NULL, ?, ?)`,
  );
  const oldText = sqlite.prepare('SELECT body FROM case_search_text WHERE case_id = ?');
  const insertText = sqlite.prepare('INSERT INTO case_search_text (case_id, body) VALUES (?, ?)');
  const insertTrigram = sqlite.prepare('INSERT INTO case_search_trigram (rowid, body) VALUES (?, ?)');
  const insertBigram = sqlite.prepare('INSERT INTO case_search_bigram (rowid, tokens) VALUES (?, ?)');
  const pending = sqlite.prepare('SELECT * FROM audit_pending ORDER BY id');
  const lastEntry = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insertEntry = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, user_id, username, channel, table_name, row_key, op, before, after, prev_hash, hash)
     VALUES (?, ?, NULL, 'system', 'legalAid.create', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const clearPending = sqlite.prepare('DELETE FROM audit_pending');
  type Pending = { table_name: string; row_key: string; op: string; before: string | null; after: string | null };

  return sqlite.transaction((app: LegalAidApplication) => {
    const now = at();
    if (office.get() !== prefix) throw new Error('the office is not set up');
    const year = Number(app.receivedOn.slice(0, 4));
    const seq = counter.get(year) as number;
    const caseNumber = formatCaseNumber(prefix, 'legal_aid', year, seq);
    const id = insertCase.get(caseNumber, year, seq, app.matter, app.receivedOn, app.receivedBy, now, now) as number;
    const blank = {
      sex: '',
      ethnicity: '',
      birth_date: '',
      id_type: '',
      id_number: '',
      household_address: '',
      residence: '',
      phone: '',
      employer: '',
      relation: '',
      lacks_capacity: 0,
    };
    const a = app.applicant;
    insertParty.run({
      ...blank,
      case_id: id,
      role: 'applicant',
      position: 0,
      name: a.name,
      sex: a.sex,
      ethnicity: a.ethnicity,
      birth_date: a.birthDate,
      id_type: a.idType,
      id_number: a.idNumber,
      household_address: a.householdAddress,
      residence: a.residence,
      phone: a.phone,
      employer: a.employer,
      lacks_capacity: a.lacksCapacity ? 1 : 0,
    });
    if (app.agent) {
      insertParty.run({
        ...blank,
        case_id: id,
        role: 'agent',
        position: 0,
        name: app.agent.name,
        relation: app.agent.relation,
        id_type: '居民身份证',
        id_number: app.agent.idNumber,
        phone: app.agent.phone,
      });
    }
    app.opposingParties.forEach((p, i) =>
      insertParty.run({ ...blank, case_id: id, role: 'opposing', position: i, name: p.name, id_number: p.idNumber }),
    );
    insertDetails.run(
      id,
      app.category,
      app.serviceForm,
      app.matter,
      app.proceedingStage,
      app.handlingAuthority,
      app.facts,
      JSON.stringify(app.applicantGroups),
      app.finance.householdSize,
      app.finance.monthlyIncomePerCapitaFen,
      app.finance.basis,
      app.finance.exemptReason,
    );
    insertAction.run(id, app.receivedOn, app.receivedBy, now);
    const people = [app.applicant, ...(app.agent ? [app.agent] : []), ...app.opposingParties];
    const body = [
      caseNumber,
      app.matter,
      ...people.flatMap((p) => [p.name, p.idNumber, 'phone' in p ? p.phone : '']),
      app.handlingAuthority,
      app.facts,
    ]
      .filter(Boolean)
      .join(' ');
    if (oldText.get(id)) throw new Error('a new case cannot have a search entry');
    insertText.run(id, body);
    insertTrigram.run(id, body);
    insertBigram.run(id, bigramDocument(body));
    const last = lastEntry.get() as { seq: number; hash: string } | undefined;
    let prevHash = last?.hash ?? GENESIS_HASH;
    let entrySeq = last?.seq ?? 0;
    for (const p of pending.all() as Pending[]) {
      const content = {
        seq: ++entrySeq,
        at: now,
        userId: null,
        username: 'system',
        channel: 'legalAid.create',
        tableName: p.table_name,
        rowKey: p.row_key,
        op: p.op,
        before: p.before,
        after: p.after,
      };
      const hash = entryHash(sha256Hex, prevHash, content);
      insertEntry.run(entrySeq, now, p.table_name, p.row_key, p.op, p.before, p.after, prevHash, hash);
      prevHash = hash;
    }
    clearPending.run();
    return { id, caseNumber };
  });
}

export const createLegalAid: Measurement = {
  id: 'create.legalAid',
  label: 'create a legal-aid case (channel, one transaction)',
  runs: 40,
  warmup: 3,
  target: { p95Ms: 10 },
  async prepare({ home, today }) {
    const answer = await home.dispatch('office.get', {}, 'bench');
    const office = answer.ok ? (answer.value as Office | null) : null;
    if (!office) throw new Error('the bench office is not set up');
    const inputs = applications(office, 2 * (this.runs + (this.warmup ?? 0)), today);
    // The raw floor starts from what validation hands the service.
    const schema = contract['legalAid.create'].input;
    const parsed = inputs.map((input) => schema.parse(input).application);
    const raw = rawRegistration(home.store.sqlite, office.caseNumberPrefix, () => new Date().toISOString());
    const half = inputs.length / 2;
    return {
      async app(run) {
        const answer = await home.dispatch('legalAid.create', inputs[run % half], 'bench');
        if (!answer.ok) throw new Error(`legalAid.create refused: ${answer.error.message}`);
        return answer.value;
      },
      raw: (run) => raw(parsed[half + (run % half)]!),
    };
  },
};
