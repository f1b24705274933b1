import { evaluateDossier } from '../../../shared/dossier/evaluate';
import type { DossierFacts } from '../../../shared/dossier/facts';
import { DEFAULT_DOSSIER_RULES } from '../../../shared/dossier/rules/default';
import { PRINT_FONT_FAMILY, renderDossierDocument, type DossierPrintData } from '../../../shared/print/dossierPages';

const facts: DossierFacts = {
  kind: 'mediation',
  facts: {
    source: '当事人申请',
    simple: false,
    investigated: false,
    agreementForm: '书面',
    outcome: '调解成功',
    confirmationSought: false,
  },
  reached: ['registered', 'mediated', 'concluded', 'agreed'],
  next: 'archived',
  matterMaterials: [],
};

function data(patch: Partial<DossierPrintData> = {}): DossierPrintData {
  return {
    officeName: '黎托街道司法所',
    bureauName: '长沙市雨花区司法局',
    kindLabel: '人民调解',
    caseNumber: '〔2026〕黎托调字第0007号',
    title: '王<某>与李某邻里纠纷',
    parties: ['王<某>', '李某'],
    addressee: '王<某>',
    handler: '陈调解',
    openedOn: '2026-11-02',
    closedOn: '2026-11-10',
    retention: '长期',
    filedBy: '李娟',
    printedOn: '2026-11-22',
    noticeDueOn: '2026-12-07',
    noticeTerms: '逾期未补正的，将影响调解工作的开展。',
    followUps: { questions: [], records: [] },
    checklist: evaluateDossier(DEFAULT_DOSSIER_RULES, facts, [
      { itemKey: 'registrationForm', receivedOn: '2026-11-02', pages: 2, form: '原件', note: '', attachments: 0 },
    ]),
    ...patch,
  };
}

describe('the printed dossier pages', () => {
  it('are complete A4 pages in serif CJK fonts with bordered tables', () => {
    const html = renderDossierDocument('checklist', data()).html;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain(`.dossier-sheet { font-family: ${PRINT_FONT_FAMILY};`);
    // Every rule but the page box is scoped to the sheet, so the app can show it without restyling itself.
    const page = renderDossierDocument('checklist', data());
    expect(
      page.css.split('\n').filter((l) => l.trim() && !l.startsWith('@page') && !l.startsWith('.dossier-sheet')),
    ).toEqual([]);
    expect(page.html).toContain(page.sheet);
    expect(PRINT_FONT_FAMILY).toMatch(/^"SimSun", "宋体", "FangSong", "仿宋", .*serif$/);
    expect(html).toContain('border: 1px solid #000');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('escape what the clerk typed', () => {
    const html = renderDossierDocument('cover', data()).html;
    expect(html).toContain('王&lt;某&gt;与李某邻里纠纷');
    expect(html).not.toContain('王<某>');
  });

  it('print dates in Chinese, the cover with its closing date and page total', () => {
    const html = renderDossierDocument('cover', data()).html;
    expect(html).toContain('<th>立案日期</th><td>2026年11月2日</td>');
    expect(html).toContain('<th>结案日期</th><td>2026年11月10日</td>');
    expect(html).toContain('<th>本卷共</th><td>2页</td>');
    expect(renderDossierDocument('cover', data({ closedOn: null })).html).toContain('<th>结案日期</th><td></td>');
  });

  it('mark the missing rows of the checklist, and the notice lists them with the due date', () => {
    const checklist = renderDossierDocument('checklist', data()).html;
    const missingRows = checklist.match(/<tr class="missing">.*?<\/tr>/g)!;
    expect(missingRows.map((r) => /<td>([^<]+)<\/td>/.exec(r)![1])).toEqual([
      '人民调解申请书',
      '当事人身份证明',
      '人民调解记录（调解笔录）',
      '人民调解协议书',
    ]);
    const notice = renderDossierDocument('notice', data()).html;
    expect(notice).toContain(
      '<ol><li>人民调解申请书</li><li>当事人身份证明</li><li>人民调解记录（调解笔录）</li><li>人民调解协议书</li></ol>',
    );
    expect(notice).toContain('请于2026年12月7日前补正上述材料。逾期未补正的，将影响调解工作的开展。');
    expect(notice).toContain('王&lt;某&gt;：');
  });

  it('number the table of contents by page counts, and say so when nothing is on file yet', () => {
    expect(renderDossierDocument('toc', data()).html).toContain(
      '<td class="num">1</td><td>人民调解受理登记表</td><td class="num">1-2</td><td>原件</td>',
    );
    const empty = data({ checklist: evaluateDossier(DEFAULT_DOSSIER_RULES, facts, []) });
    expect(renderDossierDocument('toc', empty).html).toContain('尚无已收到的材料');
  });
});
