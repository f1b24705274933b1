import { contract, type Channel } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { testBackend, type TestBackend } from '../../support/fixtures';

// Written out by hand, not derived from the contract: this table is what the office expects of each role.
type Who = Role | 'anonymous';
const EVERYONE: Who[] = ['anonymous', 'admin', 'director', 'clerk', 'readonly', 'evaluator'];
// 评查员 (evaluator) reads what every signed-in role reads, and scores; nothing else.
const SIGNED_IN: Who[] = ['admin', 'director', 'clerk', 'readonly', 'evaluator'];
const EXPECTED: Record<Channel, Who[]> = {
  'app.info': EVERYONE,
  'office.get': EVERYONE,
  'office.setup': ['admin'],
  'auth.status': EVERYONE,
  'auth.setup': EVERYONE, // refused by the handler once an account exists
  'auth.signIn': EVERYONE,
  'auth.signOut': EVERYONE,
  'auth.lock': SIGNED_IN,
  'auth.unlock': SIGNED_IN,
  'auth.changePassword': SIGNED_IN,
  'users.list': ['admin', 'director'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.resetPassword': ['admin', 'director'],
  'backup.list': ['admin', 'director'],
  'backup.create': ['admin', 'director', 'clerk'],
  'backup.restore': ['admin'],
  'audit.list': ['admin', 'director'],
  'audit.verify': ['admin', 'director'],
  'dataKey.show': ['admin', 'director'],
  'dataKey.rekey': ['director'],
  'dataKey.unlock': EVERYONE,
  'interference.record': ['admin', 'director', 'clerk'],
  'interference.list': SIGNED_IN,
  'interference.submitStatement': ['admin', 'director', 'clerk'],
  'interference.statements': SIGNED_IN,
  'legalAid.create': ['admin', 'director', 'clerk'],
  'legalAid.get': SIGNED_IN,
  'cases.list': SIGNED_IN,
  'drafts.save': ['admin', 'director', 'clerk'],
  'drafts.list': SIGNED_IN,
  'drafts.get': SIGNED_IN,
  'drafts.discard': ['admin', 'director', 'clerk'],
  'cases.timeline': SIGNED_IN,
  'dashboard.deadlines': SIGNED_IN,
  'legalAid.notifyMissing': ['admin', 'director', 'clerk'],
  'legalAid.supplyMaterials': ['admin', 'director', 'clerk'],
  'legalAid.deemWithdrawn': ['admin', 'director', 'clerk'],
  'legalAid.decide': ['admin', 'director', 'clerk'],
  'legalAid.provideProvisionally': ['admin', 'director', 'clerk'],
  'legalAid.assign': ['admin', 'director', 'clerk'],
  'legalAid.recordProgress': ['admin', 'director', 'clerk'],
  'legalAid.followUp': ['admin', 'director', 'clerk'],
  'legalAid.terminate': ['admin', 'director', 'clerk'],
  'legalAid.close': ['admin', 'director', 'clerk'],
  'legalAid.object': ['admin', 'director', 'clerk'],
  'legalAid.reviewObjection': ['admin', 'director', 'clerk'],
  'legalAid.recordSubsidy': ['admin', 'director', 'clerk'],
  'legalAid.archive': ['admin', 'director', 'clerk'],
  'legalAid.actions': SIGNED_IN,
  'legalAid.eligibility': SIGNED_IN,
  'legalAid.overrideEligibility': ['admin', 'director'],
  'legalAid.deadlines': SIGNED_IN,
  'legalAid.rosterList': SIGNED_IN,
  'legalAid.rosterAdd': ['admin', 'director', 'clerk'],
  'legalAid.rosterUpdate': ['admin', 'director', 'clerk'],
  'legalAid.rosterSuggest': SIGNED_IN,
  'cases.conflicts': SIGNED_IN,
  'cases.acknowledgeConflicts': ['admin', 'director', 'clerk'],
  'cases.conflictAcknowledgements': SIGNED_IN,
  'notarization.matters': SIGNED_IN,
  'notarization.updateMatter': ['admin', 'director'],
  'notarization.create': ['admin', 'director', 'clerk'],
  'notarization.get': SIGNED_IN,
  'notarization.checkMaterials': ['admin', 'director', 'clerk'],
  'notarization.supplyMaterials': ['admin', 'director', 'clerk'],
  'notarization.forward': ['admin', 'director', 'clerk'],
  'notarization.accept': ['admin', 'director', 'clerk'],
  'notarization.suspend': ['admin', 'director', 'clerk'],
  'notarization.resume': ['admin', 'director', 'clerk'],
  'notarization.supplyDeferred': ['admin', 'director', 'clerk'],
  'notarization.issue': ['admin', 'director', 'clerk'],
  'notarization.deliver': ['admin', 'director', 'clerk'],
  'notarization.refuse': ['admin', 'director', 'clerk'],
  'notarization.terminate': ['admin', 'director', 'clerk'],
  'notarization.archive': ['admin', 'director', 'clerk'],
  'notarization.deadlines': SIGNED_IN,
  'mediation.create': ['admin', 'director', 'clerk'],
  'mediation.quickOral': ['admin', 'director', 'clerk'],
  'mediation.get': SIGNED_IN,
  'mediation.deadlines': SIGNED_IN,
  'statistics.report': SIGNED_IN,
  'statistics.workbook': SIGNED_IN,
  'ledger.export': ['admin', 'director', 'clerk'], // a read-only account may not take a ledger of parties out
  'statistics.template': SIGNED_IN,
  'statistics.setTemplate': ['admin', 'director'],
  'followUp.rules': SIGNED_IN,
  'followUp.setRules': ['admin', 'director'],
  'dashboard.followUps': SIGNED_IN,
  'holidays.list': SIGNED_IN,
  'holidays.save': ['admin', 'director'],
  'ledgerImport.check': ['admin', 'director', 'clerk'],
  'ledgerImport.run': ['admin', 'director', 'clerk'],
  'ledgerImport.saveMapping': ['admin', 'director', 'clerk'],
  'mediation.investigate': ['admin', 'director', 'clerk'],
  'mediation.recordSession': ['admin', 'director', 'clerk'],
  'mediation.extend': ['admin', 'director', 'clerk'],
  'mediation.succeed': ['admin', 'director', 'clerk'],
  'mediation.fail': ['admin', 'director', 'clerk'],
  'mediation.terminate': ['admin', 'director', 'clerk'],
  'mediation.recordPerformance': ['admin', 'director', 'clerk'],
  'mediation.followUp': ['admin', 'director', 'clerk'],
  'mediation.applyConfirmation': ['admin', 'director', 'clerk'],
  'mediation.recordConfirmation': ['admin', 'director', 'clerk'],
  'mediation.markCrimePrevention': ['admin', 'director', 'clerk'],
  'mediation.recordSubsidy': ['admin', 'director', 'clerk'],
  'mediation.archive': ['admin', 'director', 'clerk'],
  'mediation.disputeTypes': SIGNED_IN,
  'mediation.saveDisputeTypes': ['admin', 'director'],
  'mediation.subsidyRates': SIGNED_IN,
  'mediation.setSubsidyRates': ['admin', 'director'],
  'mediation.rules': SIGNED_IN,
  'mediation.setRules': ['admin', 'director'],
  'dossier.get': SIGNED_IN,
  'dossier.markReceived': ['admin', 'director', 'clerk'],
  'dossier.unmark': ['admin', 'director', 'clerk'],
  'dossier.uploadBegin': ['admin', 'director', 'clerk'],
  'dossier.uploadChunk': ['admin', 'director', 'clerk'],
  'dossier.attach': ['admin', 'director', 'clerk'],
  'dossier.override': ['admin', 'director'],
  'dossier.completeness': SIGNED_IN,
  'dossier.incomplete': SIGNED_IN,
  'dossier.print': SIGNED_IN,
  'dossier.electronic': SIGNED_IN,
  'dossier.archiveStatus': SIGNED_IN,
  'dossier.historicalRules': SIGNED_IN,
  'dossier.setHistoricalRules': ['admin', 'director'],
  'exchange.status': SIGNED_IN,
  'exchange.keys': ['admin', 'director', 'clerk'],
  'exchange.setMode': ['admin'],
  'exchange.setBureauKey': ['admin'],
  'exchange.export': ['admin', 'director', 'clerk'],
  'exchange.exportAgain': ['admin', 'director', 'clerk'],
  'exchange.download': ['admin', 'director', 'clerk'],
  'exchange.history': SIGNED_IN,
  'exchange.importConfig': ['admin', 'director'],
  'exchange.recover': ['admin', 'director'],
  'exchange.reenterIdNumber': ['admin', 'director', 'clerk'],
  'bureau.exportConfig': ['admin', 'director'],
  'bureau.registerOffice': ['admin', 'director'],
  'bureau.replaceOfficeKey': ['director'], // a director's decision, with a written reason
  'bureau.recoveryPackage': ['admin', 'director'],
  'bureau.offices': SIGNED_IN,
  'bureau.importFiles': ['admin', 'director', 'clerk'],
  'bureau.importUploads': ['admin', 'director', 'clerk'],
  'bureau.verifyFiles': SIGNED_IN,
  'bureau.conflicts': SIGNED_IN,
  'bureau.resolveConflict': ['admin', 'director'],
  'evaluation.sheets': SIGNED_IN,
  'evaluation.saveSheet': ['admin', 'director'],
  'evaluation.rounds': SIGNED_IN,
  'evaluation.round': SIGNED_IN,
  'evaluation.createRound': ['admin', 'director'],
  'evaluation.updateRound': ['admin', 'director'],
  'evaluation.draw': ['admin', 'director'],
  'evaluation.saveScore': ['admin', 'director', 'evaluator'],
  'evaluation.close': ['admin', 'director'],
  'evaluation.reopenScore': ['director'],
  'evaluation.results': SIGNED_IN,
  'evaluation.importDossiers': ['admin', 'director'],
  'evaluation.importDossierUploads': ['admin', 'director'],
  'evaluation.dossierPdf': SIGNED_IN,
  'evaluation.corrections': SIGNED_IN,
  'evaluation.setCorrection': ['admin', 'director'],
  'evaluation.dossierRequests': SIGNED_IN,
  'evaluation.dossierPackage': ['admin', 'director', 'clerk'],
  'evaluation.feedback': SIGNED_IN,
  'evaluation.recordCorrection': ['admin', 'director', 'clerk'],
};

let backend: TestBackend;
const ids: Partial<Record<Role, number>> = {};

beforeAll(async () => {
  backend = testBackend();
  await backend.dispatch(
    'auth.setup',
    {
      office: {
        name: '黎托街道司法所',
        divisionCode: '430111',
        officeNumber: '01',
        bureauName: '雨花区司法局',
        caseNumberPrefix: '黎托',
      },
      admin: { username: 'admin', displayName: '管理员', password: 'Admin2026' },
    },
    'setup',
  );
  ids.admin = 1;
  for (const role of ['director', 'clerk', 'readonly', 'evaluator'] as const) {
    const made = await backend.api.call('users.create', {
      username: role,
      displayName: role,
      role,
      password: 'Initial123',
    });
    ids[role] = made.id;
  }
});
afterAll(() => backend.close());

/** A fresh window signed in as the role (directly in the session store: sign-in itself is tested elsewhere). */
function callerFor(who: Who, n: number): string {
  const caller = `matrix:${who}:${n}`;
  if (who !== 'anonymous') {
    backend.sessions
      .control(caller)
      .signIn({ id: ids[who]!, username: who, displayName: who, role: who, mustChangePassword: false });
  }
  return caller;
}

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'LOCKED']);
const cases = (Object.keys(EXPECTED) as Channel[]).flatMap((channel) => EVERYONE.map((who) => [channel, who] as const));

describe('every role against every channel', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(cases)('%s as %s', async (channel, who) => {
    // Input that fails validation: an allowed call is refused by validation, a forbidden one before it.
    const result = await backend.dispatch(
      channel,
      { __probe: true },
      callerFor(
        who,
        cases.findIndex((c) => c[0] === channel && c[1] === who),
      ),
    );
    const refusedForAccess = !result.ok && REFUSALS.has(result.error.code);
    expect({ channel, who, refused: refusedForAccess }).toEqual({
      channel,
      who,
      refused: !EXPECTED[channel].includes(who),
    });
    if (refusedForAccess && !result.ok)
      expect(result.error.message).toMatch(who === 'anonymous' ? /请先登录/ : /无权进行此操作/);
  });
});
