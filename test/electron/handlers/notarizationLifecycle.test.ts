import type { NotarizationAction, NotarizationStatus } from '../../../shared/kinds/notarization/lifecycle';
import { NOTARIZATION_ACTIONS, NOTARIZATION_STATUS_LABELS } from '../../../shared/kinds/notarization/lifecycle';
import { openNotarizationDeadlines } from '../../../electron/services/notarization/deadlines';
import {
  fileState,
  manualClock,
  OFFICE,
  testBackend,
  validApplication,
  type TestBackend,
} from '../../support/fixtures';
import {
  CERTIFICATE_NUMBER,
  NOTARY_OFFICE,
  PAYLOADS,
  step,
  validRequest,
  type Step,
} from '../../shared/kinds/notarization/fixtures';
import { fileWholeDossier } from '../../shared/dossier/filing';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend(); // today is 2026-11-22
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const newCase = async (receivedOn = '2026-09-15') => {
  const { id } = await backend.api.call('notarization.create', {
    draftId: null,
    request: validRequest({ receivedOn }),
  });
  await fileWholeDossier(backend.api, id); // archiving checks the dossier (tested in dossier.test.ts)
  return id;
};
/** Takes a step through its action's channel (notarization.<action>). */
const act = ({ channel, input }: Step) => backend.api.call(channel, input as never);
/** The step as dispatched, answered with its envelope. */
const send = ({ channel, input }: Step, caseId?: number) =>
  backend.dispatch(channel, caseId === undefined ? input : { ...input, caseId });

/** A way to each status, every step on 2026-09-15 unless said. */
const PATHS: Record<NotarizationStatus, NotarizationAction[]> = {
  received: [],
  awaiting_materials: ['checkMaterials'], // with a missing item, below
  ready: ['checkMaterials'],
  forwarded: ['checkMaterials', 'forward'],
  accepted: ['checkMaterials', 'forward', 'accept'],
  suspended: ['checkMaterials', 'forward', 'accept', 'suspend'],
  issued: ['checkMaterials', 'forward', 'accept', 'issue'],
  delivered: ['checkMaterials', 'forward', 'accept', 'issue', 'deliver'],
  refused: ['checkMaterials', 'forward', 'refuse'],
  terminated: ['terminate'],
  archived: ['terminate', 'archive'],
};

async function caseIn(status: NotarizationStatus): Promise<number> {
  const id = await newCase();
  for (const action of PATHS[status]) {
    const data = status === 'awaiting_materials' ? { missingItems: ['毕业证书原件'], note: '' } : undefined;
    await act(step(id, action, '2026-09-15', data as never));
  }
  expect((await backend.api.call('notarization.get', { id })).status).toBe(status);
  return id;
}

// Written out by hand: what the clerk may do in each status.
const ALLOWED: Record<NotarizationStatus, NotarizationAction[]> = {
  received: ['checkMaterials', 'terminate'],
  awaiting_materials: ['supplyMaterials', 'terminate'],
  ready: ['forward', 'terminate'],
  forwarded: ['accept', 'refuse', 'terminate'],
  accepted: ['suspend', 'issue', 'refuse', 'terminate'],
  suspended: ['resume', 'refuse', 'terminate'],
  issued: ['deliver'],
  delivered: ['archive'],
  refused: ['archive'],
  terminated: ['archive'],
  archived: [],
};
const AFTER: Record<NotarizationAction, NotarizationStatus> = {
  checkMaterials: 'ready',
  supplyMaterials: 'ready',
  forward: 'forwarded',
  accept: 'accepted',
  suspend: 'suspended',
  resume: 'accepted',
  supplyDeferred: 'accepted',
  issue: 'issued',
  deliver: 'delivered',
  refuse: 'refused',
  terminate: 'terminated',
  archive: 'archived',
};

describe('a notarization request from intake to the archive', () => {
  it('is told what is missing, supplied, forwarded, accepted, stopped and resumed, issued, handed over and archived', async () => {
    const id = await newCase('2026-09-15');
    let now = await act(
      step(id, 'checkMaterials', '2026-09-15', {
        missingItems: ['毕业证书原件', '学信网学历认证报告'],
        note: '当场一次性告知',
      }),
    );
    expect(now).toMatchObject({
      status: 'awaiting_materials',
      statusLabel: '待补正材料',
      progress: { missingItems: ['毕业证书原件', '学信网学历认证报告'] },
    });
    now = await act(step(id, 'supplyMaterials', '2026-09-17'));
    expect(now).toMatchObject({ status: 'ready', progress: { missingItems: [] } });
    now = await act(step(id, 'forward', '2026-09-18'));
    expect(now).toMatchObject({
      status: 'forwarded',
      progress: { forwarded: { notaryOffice: NOTARY_OFFICE, on: '2026-09-18' } },
    });
    now = await act(step(id, 'accept', '2026-09-22'));
    expect(now.progress.accepted).toEqual({ on: '2026-09-22', noticeNumber: '（2026）湘长雨证受字第0101号' });
    await act(
      step(id, 'suspend', '2026-09-29', {
        reason: '补充材料',
        missingItems: ['出生医学证明'],
        toldOn: '2026-09-30',
        toldHow: '电话告知',
        note: '',
      }),
    );
    now = await act(step(id, 'resume', '2026-10-09'));
    expect(now.progress.pauses).toEqual([
      { from: '2026-09-29', to: '2026-10-09', reason: '补充材料', told: { on: '2026-09-30', how: '电话告知' } },
    ]);
    now = await act(step(id, 'issue', '2026-10-22'));
    expect(now).toMatchObject({
      status: 'issued',
      statusLabel: '已出证待领取',
      progress: { certificate: { number: CERTIFICATE_NUMBER, issuedOn: '2026-10-22' } },
    });
    now = await act(step(id, 'deliver', '2026-10-26'));
    expect(now.progress.delivery).toEqual({
      method: '本人领取',
      recipient: '王晓明',
      receiptSigned: true,
      on: '2026-10-26',
    });
    now = await act(step(id, 'archive', '2026-11-02'));
    expect(now).toMatchObject({
      status: 'archived',
      allowedActions: [],
      progress: { archived: { on: '2026-11-02', archiveNumber: '2026-公-001' } },
    });

    const timeline = await backend.api.call('cases.timeline', { caseId: id });
    expect(timeline.map((t) => [t.action, t.actedOn, t.toStatus])).toEqual([
      ['register', '2026-09-15', 'received'],
      ['checkMaterials', '2026-09-15', 'awaiting_materials'],
      ['supplyMaterials', '2026-09-17', 'ready'],
      ['forward', '2026-09-18', 'forwarded'],
      ['accept', '2026-09-22', 'accepted'],
      ['suspend', '2026-09-29', 'suspended'],
      ['resume', '2026-10-09', 'accepted'],
      ['issue', '2026-10-22', 'issued'],
      ['deliver', '2026-10-26', 'delivered'],
      ['archive', '2026-11-02', 'archived'],
    ]);
    expect(timeline[1]).toMatchObject({
      username: '命令行',
      data: { missingItems: ['毕业证书原件', '学信网学历认证报告'], note: '当场一次性告知' },
    });

    // Issued on the 15th working day, the paused days (9-30, 10-08, 10-09) not counted.
    expect((await backend.api.call('notarization.deadlines', { id })).issue).toMatchObject({
      startsOn: '2026-09-22',
      due: '2026-10-23',
      doneOn: '2026-10-22',
      dueStatus: 'done',
      provisional: false,
      source: '公证法 第30条',
    });
    // The certificate number finds the request when the applicant comes for it.
    const page = await backend.api.call('cases.list', {
      kind: 'notarization',
      status: null,
      query: '湘长雨证字第1234号',
      page: 1,
      pageSize: 20,
      sortBy: 'receivedOn',
      sortOrder: 'desc',
    });
    expect(page.rows.map((r) => r.id)).toEqual([id]);
    // Every step went into the hash-chained audit log with the rest of its transaction.
    expect(await backend.api.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  describe.each(Object.keys(ALLOWED) as NotarizationStatus[])('in status %s', (status) => {
    it('offers exactly the actions the office expects', async () => {
      const id = await caseIn(status);
      const { allowedActions } = await backend.api.call('notarization.get', { id });
      expect(allowedActions.map((a) => a.action)).toEqual(ALLOWED[status]);
    });

    it('refuses every other action with the reason, and the file is byte-for-byte unchanged', async () => {
      const id = await caseIn(status);
      for (const action of NOTARIZATION_ACTIONS.filter((a) => !ALLOWED[status].includes(a))) {
        const before = fileState(backend.dataFile);
        const result = await send(step(id, action, '2026-09-16'));
        expect({ action, result }).toEqual({
          action,
          result: {
            ok: false,
            error: {
              code: 'CONFLICT',
              field: 'action',
              // The status allows 容缺材料补交, but this request was not accepted with a missing item.
              message:
                status === 'accepted' && action === 'supplyDeferred'
                  ? '本件不是容缺受理，没有待补交的容缺材料'
                  : expect.stringContaining(`案件当前为“${NOTARIZATION_STATUS_LABELS[status]}”，不能进行`),
            },
          },
        });
        expect(fileState(backend.dataFile)).toBe(before);
      }
    });

    if (ALLOWED[status].length > 0) {
      it('takes each allowed action', async () => {
        for (const action of ALLOWED[status]) {
          const id = await caseIn(status);
          const data = action === 'supplyMaterials' ? PAYLOADS.supplyMaterials : undefined;
          const now = await act(step(id, action, '2026-09-16', data as never));
          expect({ action, status: now.status }).toEqual({ action, status: AFTER[action] });
        }
      });
    }
  });
});

describe('dates and payloads refused, nothing written', () => {
  let id: number;
  beforeEach(async () => {
    id = await newCase('2026-09-15');
    await act(step(id, 'checkMaterials', '2026-09-16'));
    await act(step(id, 'forward', '2026-09-18'));
  });

  const deferred = { item: '学信网学历认证报告', commitmentSigned: true, promisedOn: '2026-09-30' };
  it.each([
    [
      'a date before the previous step',
      step(0, 'accept', '2026-09-17'),
      'actedOn',
      '日期：不能早于上一步的日期（2026年9月18日）',
    ],
    ['a date after today', step(0, 'accept', '2026-11-23'), 'actedOn', '日期：不能晚于今天'],
    ['a date that does not exist', step(0, 'accept', '2026-09-31'), 'actedOn', '日期：不是真实的日期'],
    [
      '容缺 without the written commitment',
      step(0, 'accept', '2026-09-22', { noticeNumber: '', deferred: { ...deferred, commitmentSigned: false } }),
      'data.deferred.commitmentSigned',
      '书面承诺：容缺受理须有申请人签署的书面承诺',
    ],
    [
      '容缺 promised for the day of acceptance',
      step(0, 'accept', '2026-09-22', { noticeNumber: '', deferred: { ...deferred, promisedOn: '2026-09-22' } }),
      'data.deferred.promisedOn',
      '承诺补交日期：应晚于受理日期（2026年9月22日）',
    ],
    [
      '容缺 without the item',
      step(0, 'accept', '2026-09-22', { noticeNumber: '', deferred: { ...deferred, item: '' } }),
      'data.deferred.item',
      '容缺材料：不能为空',
    ],
    ['a refusal without reasons', step(0, 'refuse', '2026-09-22', { reason: '' }), 'data.reason', '理由：不能为空'],
    [
      'a payload of another action',
      {
        channel: 'notarization.accept',
        input: { caseId: 0, actedOn: '2026-09-22', data: { notaryOffice: NOTARY_OFFICE, note: '' } },
      },
      'data.noticeNumber',
      '受理通知单编号：格式不正确',
    ],
  ] as [string, Step, string, string][])('refuses %s naming the field', async (_what, input, field, message) => {
    const before = fileState(backend.dataFile);
    const result = await send(input, id);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', field, message }) });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses an action the lifecycle does not have: there is no channel for it', async () => {
    const before = fileState(backend.dataFile);
    expect(await backend.dispatch('notarization.approve', { caseId: id, actedOn: '2026-09-22', data: {} })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses a stop for materials that does not list them, and a hand-over without a signed receipt', async () => {
    await act(step(id, 'accept', '2026-09-22'));
    for (const [input, field, message] of [
      [
        step(id, 'suspend', '2026-09-23', {
          reason: '补充材料',
          missingItems: [],
          toldOn: '2026-09-23',
          toldHow: '电话告知',
          note: '',
        }),
        'data.missingItems',
        '所缺材料：通知补充材料时须一次性列明所缺材料',
      ],
      // 公证程序规则 第35条: the applicant is told of the stop; not before it happened.
      [
        step(id, 'suspend', '2026-09-23', {
          reason: '核实有关情况',
          missingItems: [],
          toldOn: '2026-09-22',
          toldHow: '电话告知',
          note: '',
        }),
        'data.toldOn',
        '告知当事人日期：不能早于中止日期（2026年9月23日）',
      ],
      [
        step(id, 'checkMaterials', '2026-09-23', { missingItems: ['户口簿', '户口簿'], note: '' }),
        'data.missingItems',
        '所缺材料：有重复的项目',
      ],
    ] as const) {
      const before = fileState(backend.dataFile);
      expect(await send(input)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION', field, message }),
      });
      expect(fileState(backend.dataFile)).toBe(before);
    }
    // A stop without the 第35条 record (as the app took it before) is refused now.
    const untold = { reason: '核实有关情况', missingItems: [], note: '' };
    const refused = await backend.dispatch('notarization.suspend', { caseId: id, actedOn: '2026-09-23', data: untold });
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION',
        field: 'data.toldOn',
        message: expect.stringMatching(/^告知当事人日期：/),
      }),
    });
    await act(step(id, 'issue', '2026-10-09'));
    const before = fileState(backend.dataFile);
    const unsigned = step(id, 'deliver', '2026-10-10', {
      method: '代理人领取',
      recipient: '张秀英',
      receiptSigned: false,
    });
    expect(await send(unsigned)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'VALIDATION',
        field: 'data.receiptSigned',
        message: '送达回执：须由签收人签收送达回执',
      }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
  });

  it('refuses a case that does not exist, and a case of another kind', async () => {
    const { id: legalAidId } = await backend.api.call('legalAid.create', {
      draftId: null,
      application: validApplication(),
    });
    for (const caseId of [404, legalAidId]) {
      const before = fileState(backend.dataFile);
      expect(await send(step(caseId, 'accept', '2026-09-22'))).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', field: 'caseId', message: '案件不存在' },
      });
      expect(fileState(backend.dataFile)).toBe(before);
    }
  });
});

describe('容缺受理', () => {
  const deferred = { item: '学信网学历认证报告', commitmentSigned: true, promisedOn: '2026-09-30' };
  let id: number;
  beforeEach(async () => {
    id = await newCase('2026-09-15');
    await act(step(id, 'checkMaterials', '2026-09-15'));
    await act(step(id, 'forward', '2026-09-16'));
    const accepted = await act(step(id, 'accept', '2026-09-18', { noticeNumber: '', deferred }));
    expect(accepted.progress.deferred).toEqual({ ...deferred, suppliedOn: null });
  });

  it('does not issue before the item has come; refused with the reason and nothing written', async () => {
    const before = fileState(backend.dataFile);
    expect(await send(step(id, 'issue', '2026-09-25'))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'action', message: '容缺材料“学信网学历认证报告”尚未补交，不能出证' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect((await backend.api.call('notarization.deadlines', { id })).deferredMaterials).toMatchObject({
      item: '学信网学历认证报告',
      due: '2026-09-30',
      doneOn: null,
      dueStatus: 'overdue',
    });
  });

  it('is on time when supplied by the promised date, and is supplied only once', async () => {
    const now = await act(step(id, 'supplyDeferred', '2026-09-30'));
    expect(now.allowedActions.map((a) => a.action)).toEqual(['suspend', 'issue', 'refuse', 'terminate']);
    expect((await backend.api.call('notarization.deadlines', { id })).deferredMaterials).toMatchObject({
      doneOn: '2026-09-30',
      dueStatus: 'done',
    });
    const before = fileState(backend.dataFile);
    expect(await send(step(id, 'supplyDeferred', '2026-10-08'))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'action', message: '容缺材料已经补交，不能重复登记' },
    });
    expect(fileState(backend.dataFile)).toBe(before);
    await act(step(id, 'issue', '2026-10-09'));
  });

  it('is late when supplied after the promised date', async () => {
    await act(step(id, 'supplyDeferred', '2026-10-08'));
    expect((await backend.api.call('notarization.deadlines', { id })).deferredMaterials).toMatchObject({
      doneOn: '2026-10-08',
      dueStatus: 'doneLate',
    });
  });
});

describe('the deadlines channel', () => {
  it('has no limits before acceptance', async () => {
    const id = await newCase();
    expect(await backend.api.call('notarization.deadlines', { id })).toEqual({
      caseId: id,
      caseNumber: '〔2026〕黎托公字第0001号',
      status: 'received',
      issue: null,
      deferredMaterials: null,
    });
  });

  it('counts 15 working days across National Day 2026 and moves the due date while the clock is stopped', async () => {
    await backend.close();
    const clock = manualClock('2026-10-05T02:00:00Z');
    backend = testBackend(undefined, { clock });
    await backend.api.call('office.setup', OFFICE);
    const id = await newCase('2026-09-15');
    await act(step(id, 'checkMaterials', '2026-09-15'));
    await act(step(id, 'forward', '2026-09-21'));
    await act(step(id, 'accept', '2026-09-22'));
    expect((await backend.api.call('notarization.deadlines', { id })).issue).toMatchObject({
      due: '2026-10-20',
      paused: false,
      dueStatus: 'open',
    });

    await act(
      step(id, 'suspend', '2026-09-29', {
        reason: '补充材料',
        missingItems: ['出生医学证明'],
        toldOn: '2026-09-29',
        toldHow: '当面告知',
        note: '',
      }),
    );
    // Stopped since 9-29; on 10-05 only 9-30 of the stopped days was a working day.
    expect((await backend.api.call('notarization.deadlines', { id })).issue).toMatchObject({
      due: '2026-10-21',
      paused: true,
      pauses: [{ from: '2026-09-29', to: '2026-10-05' }],
    });
    clock.advance(4 * 86_400_000); // 2026-10-09
    await act(step(id, 'resume', '2026-10-09'));
    const { issue } = await backend.api.call('notarization.deadlines', { id });
    expect(issue).toMatchObject({
      due: '2026-10-23',
      paused: false,
      pauses: [{ from: '2026-09-29', to: '2026-10-09' }],
      dueStatus: 'open',
    });
    clock.advance(14 * 86_400_000); // 2026-10-23: the last day is due soon, not overdue
    expect((await backend.api.call('notarization.deadlines', { id })).issue?.dueStatus).toBe('dueSoon');
    clock.advance(86_400_000); // 2026-10-24
    expect((await backend.api.call('notarization.deadlines', { id })).issue?.dueStatus).toBe('overdue');
    clock.advance(2 * 86_400_000); // 2026-10-26
    await act(step(id, 'issue', '2026-10-26'));
    expect((await backend.api.call('notarization.deadlines', { id })).issue).toMatchObject({
      doneOn: '2026-10-26',
      dueStatus: 'doneLate',
    });
  });

  it('lists the limits of every request still being handled, for the dashboard', async () => {
    const notYetAccepted = await newCase();
    const accepted = await newCase();
    const withItem = await newCase();
    const ended = await newCase();
    for (const id of [accepted, withItem, ended]) {
      await act(step(id, 'checkMaterials', '2026-09-15'));
      await act(step(id, 'forward', '2026-09-16'));
    }
    await act(step(accepted, 'accept', '2026-09-22'));
    await act(
      step(withItem, 'accept', '2026-09-18', {
        noticeNumber: '',
        deferred: { item: '户口簿', commitmentSigned: true, promisedOn: '2026-09-30' },
      }),
    );
    await act(step(ended, 'accept', '2026-09-22'));
    await act(step(ended, 'terminate', '2026-09-23'));
    const open = await openNotarizationDeadlines(backend.store.db, '2026-10-19');
    expect(
      open.map((d) => [d.caseId, d.issue?.due, d.issue?.dueStatus, d.deferredMaterials?.dueStatus ?? null]),
    ).toEqual([
      [accepted, '2026-10-20', 'dueSoon', null],
      // Accepted on Friday 9-18: the make-up Sunday 9-20 is its first working day.
      [withItem, '2026-10-15', 'overdue', 'overdue'],
    ]);
    expect(open.map((d) => d.caseId)).not.toContain(notYetAccepted);
  });

  it('flags a limit running into 2027 as provisional', async () => {
    await backend.close();
    backend = testBackend(undefined, { clock: manualClock('2026-12-20T02:00:00Z') });
    await backend.api.call('office.setup', OFFICE);
    const id = await newCase('2026-11-20');
    await act(step(id, 'checkMaterials', '2026-11-20'));
    await act(step(id, 'forward', '2026-12-14'));
    await act(step(id, 'accept', '2026-12-15'));
    expect((await backend.api.call('notarization.deadlines', { id })).issue).toMatchObject({
      due: '2027-01-05',
      provisional: true,
      missingYears: [2027],
    });
  });
});
