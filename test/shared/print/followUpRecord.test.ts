// The printed 回访记录: one sheet per follow-up, with the county's questions and their answers, the 满意度 and the
// remarks, escaped, in the dossier pages' A4 style; a page saying there is none when there is none.
import { evaluateDossier } from '../../../shared/dossier/evaluate';
import { DEFAULT_DOSSIER_RULES } from '../../../shared/dossier/rules/default';
import { LEGAL_AID_FOLLOW_UP } from '../../../shared/kinds/legalAid/followUp';
import { renderDossierDocument, type DossierPrintData } from '../../../shared/print/dossierPages';
import type { FollowUpRecord } from '../../../shared/followUp/form';

const record: FollowUpRecord = {
  actionId: 7,
  on: '2026-11-21',
  method: '电话',
  reached: '受援人',
  reachedName: '张<三>',
  answers: { timelyContact: '是', progressTold: '否', handlerRating: '一般' },
  satisfaction: '不满意',
  remarks: '承办人未告知开庭时间',
  stage: 'closed',
  recordedBy: '李娟',
};

function data(records: FollowUpRecord[]): DossierPrintData {
  return {
    officeName: '黎托街道司法所',
    bureauName: '长沙市雨花区司法局',
    kindLabel: '法律援助',
    caseNumber: '〔2026〕黎托援字第0001号',
    title: '张三追索劳动报酬',
    parties: ['张三'],
    addressee: '张三',
    handler: '周明',
    openedOn: '2026-11-02',
    closedOn: '2026-11-20',
    retention: '长期',
    filedBy: '李娟',
    printedOn: '2026-11-22',
    noticeDueOn: '2026-12-07',
    noticeTerms: '',
    followUps: { questions: LEGAL_AID_FOLLOW_UP.questions, records },
    checklist: evaluateDossier(
      DEFAULT_DOSSIER_RULES,
      { kind: 'legal_aid', facts: {}, reached: ['received'], next: 'decided', matterMaterials: [] },
      [],
    ),
  };
}

describe('the printed 回访记录', () => {
  it('prints each follow-up with the questions, their answers, the 满意度 and the remarks', () => {
    const page = renderDossierDocument(
      'followUp',
      data([record, { ...record, on: '2026-11-22', satisfaction: '满意', remarks: '' }]),
    );
    expect(page.title).toBe('回访记录（〔2026〕黎托援字第0001号）');
    expect(page.html).toContain('@page { size: A4;');
    const text = page.sheet.replace(/<[^>]+>/g, '|');
    expect(text).toContain('回访日期||2026年11月21日');
    expect(text).toContain('回访对象||受援人（张&lt;三&gt;）');
    expect(text).toContain('承办人是否及时联系或会见||是');
    expect(text).toContain('是否告知办理进展||否');
    expect(text).toContain('对承办人的评价||一般');
    expect(text).toContain('满意度||不满意');
    expect(text).toContain('回访意见及情况||承办人未告知开庭时间');
    expect(text).toContain('回访日期||2026年11月22日');
    expect(text).toContain('回访意见及情况||无');
    expect(page.sheet.match(/<h1>回访记录<\/h1>/g)).toHaveLength(2);
  });

  it('says so when the case has no follow-up', () => {
    expect(renderDossierDocument('followUp', data([])).sheet).toContain('本案尚无回访记录。');
  });
});
