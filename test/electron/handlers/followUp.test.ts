// 回访 on legal-aid and mediation cases through their channels: one shared form recorded as the case action
// `followUp` (its `actedOn` and `satisfaction` as the ledger export reads them); bad input refused with the field
// named and nothing written.
import { blankPdfRenderer } from '../../support/blankPdfRenderer';
import type { ChannelInput } from '../../../shared/contract';
import {
  OFFICE,
  fileState,
  manualClock,
  testBackend,
  validApplication,
  type TestBackend,
} from '../../support/fixtures';
import { validRequest } from '../../shared/kinds/notarization/fixtures';
import { PAYLOADS, validRegistration } from '../../shared/kinds/mediation/fixtures';

let backend: TestBackend;
beforeEach(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);
});
afterEach(() => backend.close());

const legalAidFollowUp = (
  caseId: number,
  overrides: Record<string, unknown> = {},
): ChannelInput<'legalAid.followUp'> => ({
  caseId,
  actedOn: '2026-11-22',
  method: '电话',
  reached: '受援人',
  reachedName: '张三',
  answers: { timelyContact: '是', progressTold: '否', handlerRating: '一般' },
  satisfaction: '基本满意',
  remarks: '希望承办人多告知进展',
  ...(overrides as object),
});

/** A legal-aid application (received 2026-11-20), granted and assigned on 2026-11-21. */
async function assignedCase(): Promise<number> {
  const { id } = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  await backend.api.call('legalAid.decide', {
    caseId: id,
    actedOn: '2026-11-21',
    decision: '给予法律援助',
    decidedBy: '县法律援助中心',
    matterType: '赡养费抚养费扶养费',
    mandatoryDefenceGrounds: [],
    documentNumber: '',
    reasons: '',
  });
  await backend.api.call('legalAid.assign', {
    caseId: id,
    actedOn: '2026-11-21',
    assignedBy: '县法律援助中心',
    orgType: '律师事务所',
    orgName: '湖南星城律师事务所',
    personName: '周明',
    rosterId: null,
  });
  return id;
}

async function expectRefused(channel: string, input: unknown, field: string, message: string | RegExp) {
  const before = fileState(backend.dataFile);
  const result = await backend.dispatch(channel, input);
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  });
  expect(fileState(backend.dataFile)).toBe(before);
}

describe('recording a follow-up', () => {
  it('records a legal-aid follow-up as the case action followUp, the case staying assigned', async () => {
    const id = await assignedCase();
    const result = await backend.api.call('legalAid.followUp', legalAidFollowUp(id));
    expect(result.status).toBe('assigned');
    const rows = backend.store.sqlite
      .prepare(
        `SELECT action, acted_on, data, from_status, to_status FROM case_actions WHERE case_id = ? AND action = 'followUp'`,
      )
      .all(id) as { action: string; acted_on: string; data: string; from_status: string; to_status: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ acted_on: '2026-11-22', from_status: 'assigned', to_status: 'assigned' });
    expect(JSON.parse(rows[0]!.data)).toMatchObject({
      method: '电话',
      reached: '受援人',
      answers: { timelyContact: '是', progressTold: '否', handlerRating: '一般' },
      satisfaction: '基本满意',
      stage: 'assigned',
    });
    const record = await backend.api.call('legalAid.get', { id });
    expect(record.status).toBe('assigned');
    const progress = await backend.api.call('legalAid.actions', { caseId: id });
    expect(progress.facts.followUps).toMatchObject([
      { on: '2026-11-22', satisfaction: '基本满意', reachedName: '张三' },
    ]);
  });

  it('records a mediation follow-up with its own questions', async () => {
    const { id } = await backend.api.call('mediation.create', { draftId: null, registration: validRegistration() });
    await backend.api.call('mediation.recordSession', {
      caseId: id,
      actedOn: '2026-11-21',
      ...PAYLOADS.recordSession,
    } as never);
    await backend.api.call('mediation.succeed', { caseId: id, actedOn: '2026-11-21', ...PAYLOADS.succeed } as never);
    const after = await backend.api.call('mediation.followUp', {
      caseId: id,
      actedOn: '2026-11-22',
      method: '上门',
      reached: '当事人',
      reachedName: '王建国',
      answers: { performed: '已履行', newDispute: '否' },
      satisfaction: '满意',
      remarks: '',
    });
    expect(after.status).toBe('concluded');
    expect(after.facts.followUps).toMatchObject([{ on: '2026-11-22', method: '上门', satisfaction: '满意' }]);
  });
});

describe('bad input', () => {
  it('refuses 不满意 without remarks, naming the remarks', async () => {
    const id = await assignedCase();
    await expectRefused(
      'legalAid.followUp',
      legalAidFollowUp(id, { satisfaction: '不满意', remarks: '  ' }),
      'remarks',
      /回访意见及情况.*须写明不满意的具体意见/,
    );
  });

  it('refuses a follow-up dated in the future, naming the date', async () => {
    const id = await assignedCase();
    await expectRefused(
      'legalAid.followUp',
      legalAidFollowUp(id, { actedOn: '2026-11-23' }),
      'actedOn',
      '回访日期：不能晚于今天',
    );
  });

  it('refuses a follow-up dated before the case was registered', async () => {
    const { id } = await backend.api.call('mediation.create', { draftId: null, registration: validRegistration() });
    await backend.api.call('mediation.recordSession', {
      caseId: id,
      actedOn: '2026-11-21',
      ...PAYLOADS.recordSession,
    } as never);
    await backend.api.call('mediation.succeed', { caseId: id, actedOn: '2026-11-21', ...PAYLOADS.succeed } as never);
    await expectRefused(
      'mediation.followUp',
      { caseId: id, actedOn: '2026-10-01', ...PAYLOADS.followUp },
      'actedOn',
      /^回访日期：不能早于/,
    );
  });

  it('refuses a follow-up on a notarization request, naming the case', async () => {
    const { id } = await backend.api.call('notarization.create', { draftId: null, request: validRequest() });
    await expectRefused('legalAid.followUp', legalAidFollowUp(id), 'caseId', /公证申请案件不进行回访/);
    await expectRefused(
      'mediation.followUp',
      { caseId: id, actedOn: '2026-11-22', ...PAYLOADS.followUp },
      'caseId',
      /公证申请案件不进行回访/,
    );
  });

  it('refuses an answer that is not one of the question’s options, naming the question', async () => {
    const id = await assignedCase();
    await expectRefused(
      'legalAid.followUp',
      legalAidFollowUp(id, { answers: { timelyContact: '也许', progressTold: '是', handlerRating: '好' } }),
      'answers.timelyContact',
      /承办人是否及时联系或会见/,
    );
  });
});

describe('the follow-ups due on the dashboard, under the county’s rules', () => {
  it('lists an assigned case’s follow-up as due, then overdue, then not at all once made', async () => {
    const id = await assignedCase(); // assigned 2026-11-21: due by 2026-12-06 under the shipped rules
    const due = await backend.api.call('dashboard.followUps', {});
    expect(due.overdue).toEqual([]);
    expect(due.due).toEqual([
      expect.objectContaining({ caseId: id, kind: 'legal_aid', label: '指派后回访', due: '2026-12-06', status: 'due' }),
    ]);

    // The county asks for it within 1 day: overdue today.
    await backend.api.call('followUp.setRules', {
      rules: { rules: [{ kind: 'legal_aid', after: 'assign', withinDays: 1, count: 1 }] },
    });
    const later = testBackend(backend.dataFile, { clock: manualClock('2026-11-23T02:00:00Z') });
    try {
      const overdue = await later.api.call('dashboard.followUps', {});
      expect(overdue.overdue).toEqual([expect.objectContaining({ caseId: id, due: '2026-11-22', status: 'overdue' })]);
      expect(overdue.due).toEqual([]);
      await later.api.call('legalAid.followUp', legalAidFollowUp(id, { actedOn: '2026-11-23' }));
      expect(await later.api.call('dashboard.followUps', {})).toEqual({ today: '2026-11-23', overdue: [], due: [] });
    } finally {
      later.close();
    }
  });

  it('refuses rules naming a step the kind has no follow-up after, naming the field, and keeps the old ones', async () => {
    const before = fileState(backend.dataFile);
    const result = await backend.dispatch('followUp.setRules', {
      rules: { rules: [{ kind: 'mediation', after: 'assign', withinDays: 10, count: 1 }] },
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'rules.rules.0.after', message: expect.stringContaining('回访环节') }),
    });
    expect(fileState(backend.dataFile)).toBe(before);
    expect(await backend.api.call('followUp.rules', {})).toMatchObject({ isDefault: true });
  });
});

describe('the closing follow-up in the dossier', () => {
  // The pages the electronic dossier asks its renderer for (Chromium in the app; here blank PDF pages), so the HTML
  // filed for each item can be read.
  let rendered: string[];
  beforeEach(async () => {
    backend.close();
    rendered = [];
    backend = testBackend(undefined, { pdfRenderer: blankPdfRenderer(rendered) });
    await backend.api.call('office.setup', OFFICE);
  });

  it('stands for the 受援人意见反馈表, so the case closes without the paper form, and prints as 回访记录', async () => {
    const id = await assignedCase();
    // Every item on file but the feedback form.
    const view = await backend.api.call('dossier.get', { caseId: id });
    for (const item of view.checklist.items) {
      if (item.generated || item.present || item.key === 'feedback') continue;
      await backend.api.call('dossier.markReceived', {
        caseId: id,
        itemKey: item.key,
        receivedOn: view.receivedOn,
        pages: 1,
        form: '原件',
        note: '',
      });
    }
    const close = {
      caseId: id,
      actedOn: '2026-11-22',
      result: '调解结案',
      closingDocument: '调解书',
      closingDocumentNumber: '',
      matterEndedOn: '2026-11-22',
      materialsSubmittedOn: '2026-11-22',
      summary: '',
    } as const;
    // Without a closing follow-up the form is missing and closing is refused.
    const refused = await backend.dispatch('legalAid.close', close);
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('受援人意见反馈表') }),
    });

    // A follow-up on the day the matter ended is the closing one.
    await backend.api.call('legalAid.recordProgress', {
      caseId: id,
      actedOn: '2026-11-22',
      kind: '其他',
      content: '双方达成调解',
      matterEndedOn: '2026-11-22',
    });
    await backend.api.call('legalAid.followUp', legalAidFollowUp(id, { satisfaction: '满意', remarks: '' }));
    const feedback = (await backend.api.call('dossier.get', { caseId: id })).checklist.items.find(
      (i) => i.key === 'feedback',
    );
    expect(feedback).toMatchObject({ present: true, missing: false, material: null, record: '结案回访记录' });
    await expect(backend.api.call('legalAid.close', close)).resolves.toMatchObject({ status: 'closed' });

    const printed = await backend.api.call('dossier.print', { caseId: id, doc: 'followUp', noticeDueOn: '' });
    const text = printed.sheet.replace(/<[^>]+>/g, '|');
    expect(printed.title).toContain('回访记录');
    expect(text).toContain('回访日期||2026年11月22日');
    expect(text).toContain('承办人是否及时联系或会见||是');
    expect(text).toContain('满意度||满意');

    // The electronic dossier files the 回访记录 in the feedback form's place, named in the 目录 by the record.
    const dossier = await backend.api.call('dossier.electronic', { caseId: id });
    expect(dossier.notIncluded).toEqual([]);
    const filed = rendered.filter((html) => html.includes('<h1>回访记录</h1>'));
    expect(filed).toHaveLength(1);
    expect(filed[0]).toContain('满意度');
    const contents = rendered.find((html) => html.includes('卷内目录'))!;
    expect(contents).toContain('受援人意见反馈表');
    expect(contents).toContain('结案回访记录');
  });
});
