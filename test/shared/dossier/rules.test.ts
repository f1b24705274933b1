import { LEGAL_AID_DOSSIER } from '../../../shared/kinds/legalAid/dossier';
import {
  evaluateAtStage,
  evaluateDossier,
  numberPages,
  type ChecklistItem,
  type DossierMaterial,
} from '../../../shared/dossier/evaluate';
import type { DossierFacts } from '../../../shared/dossier/facts';
import { dossierRuleSetSchema, type DossierRuleSet } from '../../../shared/dossier/ruleSet';
import { DEFAULT_DOSSIER_RULES } from '../../../shared/dossier/rules/default';

const RULES = DEFAULT_DOSSIER_RULES;

function legalAid(
  facts: Partial<Record<string, string | boolean>>,
  reached: string[],
  next: string | null = null,
): DossierFacts {
  return {
    kind: 'legal_aid',
    facts: {
      category: '民事',
      agentApplied: false,
      matterType: '',
      criminalDefence: false,
      notifiedDefence: false,
      noFinancialTest: false,
      financeBasis: '承诺',
      decision: '',
      provisional: false,
      subsidyPaid: false,
      ...facts,
    },
    reached,
    next,
    matterMaterials: [],
  };
}

function mediation(
  facts: Partial<Record<string, string | boolean>>,
  reached: string[],
  next: string | null = null,
): DossierFacts {
  return {
    kind: 'mediation',
    facts: {
      source: '当事人申请',
      simple: false,
      investigated: false,
      agreementForm: '',
      outcome: '',
      confirmationSought: false,
      ...facts,
    },
    reached,
    next,
    matterMaterials: [],
  };
}

function notarization(
  facts: Partial<Record<string, string | boolean>>,
  reached: string[],
  materials: string[] = [],
): DossierFacts {
  return {
    kind: 'notarization',
    facts: {
      matterCode: 'education',
      agentApplied: false,
      documentMatter: false,
      verified: false,
      deferredAcceptance: false,
      ...facts,
    },
    reached,
    next: null,
    matterMaterials: materials,
  };
}

const required = (items: ChecklistItem[]) => items.filter((i) => i.required).map((i) => i.key);
const received = (...keys: string[]): DossierMaterial[] =>
  keys.map((itemKey) => ({ itemKey, receivedOn: '2026-11-20', pages: 2, form: '复印件', note: '', attachments: 0 }));

describe('the shipped dossier rules', () => {
  it('pass their own schema', () => {
    expect(dossierRuleSetSchema.safeParse(RULES).success).toBe(true);
  });

  it('a civil legal-aid application on a commitment needs the form, the IDs, the commitment and the case materials at intake', () => {
    const list = evaluateDossier(RULES, legalAid({}, ['received'], 'decided'), []);
    expect(list.items.filter((i) => i.due && i.required).map((i) => i.name)).toEqual([
      '卷宗封面',
      '卷内目录',
      '法律援助申请表',
      '申请人身份证明',
      '个人诚信承诺书',
      '与所申请法律援助事项有关的案件材料',
    ]);
    expect(list.missing).toEqual([
      '法律援助申请表',
      '申请人身份证明',
      '个人诚信承诺书',
      '与所申请法律援助事项有关的案件材料',
    ]);
    expect(list.dueNext).toEqual({ stage: 'decided', label: '审查决定后', items: ['给予（不予）法律援助决定书'] });
    expect(list.complete).toBe(false);
  });

  it('asks for the agent’s papers only when an agent applied', () => {
    expect(required(evaluateDossier(RULES, legalAid({ agentApplied: true }, ['received']), []).items)).toContain(
      'agentId',
    );
    const without = evaluateDossier(RULES, legalAid({}, ['received']), []).items.find((i) => i.key === 'agentId')!;
    expect(without).toMatchObject({ required: false, missing: false, reason: '不适用（仅代理人代为申请时）' });
  });

  it('picks the proof of financial difficulty by how it was verified, and none for 第32条 or a notified defence', () => {
    const keys = (f: Partial<Record<string, string | boolean>>) =>
      required(evaluateDossier(RULES, legalAid(f, ['received']), []).items).filter((k) => k.startsWith('finance'));
    expect(keys({ financeBasis: '承诺' })).toEqual(['financeCommitment']);
    expect(keys({ financeBasis: '证明材料' })).toEqual(['financeProof']);
    expect(keys({ financeBasis: '免予核查' })).toEqual(['financeExemption']);
    expect(keys({ financeBasis: '证明材料', noFinancialTest: true })).toEqual([]);
    expect(keys({ financeBasis: '证明材料', notifiedDefence: true })).toEqual([]);
  });

  it('a notified defence files the authority’s letter instead of an application form', () => {
    const items = evaluateDossier(
      RULES,
      legalAid({ notifiedDefence: true, category: '刑事', criminalDefence: true }, ['received', 'decided']),
      [],
    ).items;
    expect(required(items)).toContain('defenceNotice');
    expect(required(items)).not.toContain('applicationForm');
    expect(required(items)).toContain('interviewRecords');
  });

  it('asks for the mandate in civil, administrative and state-compensation cases only, once assigned', () => {
    for (const category of ['民事', '行政', '国家赔偿']) {
      expect(evaluateDossier(RULES, legalAid({ category }, ['received', 'decided', 'assigned']), []).missing).toContain(
        '委托代理协议、授权委托书',
      );
    }
    expect(required(evaluateDossier(RULES, legalAid({ category: '刑事' }, ['received']), []).items)).not.toContain(
      'mandate',
    );
    expect(
      required(evaluateDossier(RULES, legalAid({ category: '非诉讼及其他' }, ['received']), []).items),
    ).not.toContain('mandate');
  });

  it('closing makes the closing papers due; the subsidy form only when a subsidy was paid', () => {
    const facts = legalAid({}, ['received', 'decided', 'assigned']);
    const open = evaluateDossier(RULES, facts, []);
    expect(open.missing).not.toContain('结案报告表');
    const atClosing = evaluateAtStage(RULES, facts, [], 'closed');
    expect(atClosing.missing).toEqual(
      expect.arrayContaining([
        '起诉书、判决书、裁定书、调解书、仲裁裁决书或其他结案文书',
        '结案报告表',
        '受援人意见反馈表（回访记录）',
      ]),
    );
    expect(atClosing.missing).not.toContain('办案补贴审批表');
    expect(
      evaluateAtStage(
        RULES,
        legalAid({ subsidyPaid: true }, ['received', 'decided', 'assigned', 'closed']),
        [],
        'archived',
      ).missing,
    ).toContain('办案补贴审批表');
  });

  it('a refused application archived needs no assignment or closing papers', () => {
    const list = evaluateAtStage(
      RULES,
      legalAid({ decision: '不予法律援助' }, ['received', 'decided']),
      received('applicationForm', 'applicantId', 'financeCommitment', 'caseMaterials', 'decision'),
      'archived',
    );
    expect(list.missing).toEqual([]);
  });

  it('mediation: application only when a party applied, investigation record when investigated, agreement by its form', () => {
    const applied = evaluateDossier(RULES, mediation({}, ['registered']), []);
    expect(applied.missing).toEqual(['人民调解申请书', '人民调解受理登记表', '当事人身份证明']);
    expect(required(evaluateDossier(RULES, mediation({ source: '主动调解' }, ['registered']), []).items)).not.toContain(
      'application',
    );
    expect(evaluateDossier(RULES, mediation({ investigated: true }, ['registered', 'mediated']), []).missing).toContain(
      '人民调解调查记录',
    );
    expect(
      evaluateDossier(RULES, mediation({ investigated: false }, ['registered', 'mediated']), []).missing,
    ).not.toContain('人民调解调查记录');
    const written = evaluateDossier(
      RULES,
      mediation({ agreementForm: '书面', outcome: '调解成功' }, ['registered', 'mediated', 'concluded', 'agreed']),
      [],
    ).missing;
    expect(written).toContain('人民调解协议书');
    expect(written).not.toContain('口头调解协议登记');
    const oral = evaluateDossier(
      RULES,
      mediation({ agreementForm: '口头', outcome: '调解成功' }, ['registered', 'mediated', 'concluded', 'agreed']),
      [],
    ).missing;
    expect(oral).toContain('口头调解协议登记');
    expect(oral).not.toContain('人民调解协议书');
  });

  it('mediation: evidence is never missing; confirmation, follow-up and the termination notice by the outcome', () => {
    const evidence = evaluateDossier(RULES, mediation({}, ['registered', 'mediated']), []).items.find(
      (i) => i.key === 'evidence',
    )!;
    expect(evidence).toMatchObject({ optional: true, required: false, missing: false });
    const success = evaluateAtStage(
      RULES,
      mediation({ outcome: '调解成功', agreementForm: '书面', confirmationSought: true }, [
        'registered',
        'mediated',
        'concluded',
        'agreed',
      ]),
      [],
      'archived',
    ).missing;
    expect(success).toEqual(
      expect.arrayContaining(['司法确认申请书、法院确认裁定书', '履行情况记录、人民调解回访记录']),
    );
    expect(success).not.toContain('终止调解告知记录');
    for (const outcome of ['调解不成功', '终止调解']) {
      expect(
        evaluateDossier(RULES, mediation({ outcome }, ['registered', 'mediated', 'concluded']), []).missing,
      ).toContain('终止调解告知记录');
    }
  });

  it('a simple oral mediation (口头调解登记) needs only the registration form and the oral agreement', () => {
    const list = evaluateAtStage(
      RULES,
      mediation({ simple: true, agreementForm: '口头', outcome: '调解成功' }, ['registered', 'concluded', 'agreed']),
      [],
      'archived',
    );
    expect(list.missing).toEqual(['人民调解受理登记表', '口头调解协议登记']);
  });

  it('notarization: the matter’s own materials become items; agent, document, 容缺 and verification by the facts', () => {
    const facts = notarization(
      { agentApplied: true, documentMatter: true, deferredAcceptance: true, verified: true },
      ['received', 'forwarded', 'accepted', 'issued'],
      ['毕业证书原件'],
    );
    const list = evaluateDossier(RULES, facts, []);
    expect(list.items.map((i) => i.name)).toContain('毕业证书原件');
    expect(list.missing).toEqual(
      expect.arrayContaining([
        '代理人身份证明及授权委托书',
        '申请公证的文书',
        '毕业证书原件',
        '容缺承诺书',
        '核实材料',
      ]),
    );
    const plain = evaluateDossier(RULES, notarization({}, ['received', 'forwarded', 'accepted', 'issued']), []);
    expect(plain.missing).not.toEqual(expect.arrayContaining(['代理人身份证明及授权委托书']));
    expect(required(plain.items)).not.toEqual(
      expect.arrayContaining(['agentPapers', 'document', 'deferralCommitment', 'verification']),
    );
  });

  it('marks an item present once received, and the cover and contents as generated', () => {
    const list = evaluateDossier(RULES, legalAid({}, ['received']), received('applicantId'));
    const id = list.items.find((i) => i.key === 'applicantId')!;
    expect(id).toMatchObject({ present: true, missing: false });
    expect(list.items.find((i) => i.key === 'cover')).toMatchObject({
      present: true,
      generated: true,
      reason: '由本系统生成',
    });
  });
});

describe('a replacement rule set', () => {
  it('is refused with a reason when a key repeats, a stage or fact is unknown, or a condition is not data', () => {
    const broken = structuredClone(RULES) as DossierRuleSet;
    broken.version = 2;
    broken.kinds.mediation.items[3]!.key = 'cover';
    broken.kinds.legal_aid.items[2]!.dueAt = 'agreed';
    broken.kinds.notarization.items[4]!.when = { fact: 'category', equals: '刑事' };
    const result = dossierRuleSetSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '材料代码“cover”重复',
        '不是该类案件的阶段：agreed',
        '条件中的“category”不是该类案件的情况',
      ]),
    );
    const code = structuredClone(RULES) as unknown as { kinds: { legal_aid: { items: Record<string, unknown>[] } } };
    code.kinds.legal_aid.items[2]!.when = 'facts.agentApplied && process.exit()';
    expect(dossierRuleSetSchema.safeParse(code).success).toBe(false);
  });

  it('may rename and add items: the checklist follows the data', () => {
    const local = structuredClone(RULES) as DossierRuleSet;
    local.version = 2;
    local.kinds.legal_aid.items.push({
      key: 'photo',
      name: '申请人近期照片',
      dueAt: 'received',
      when: { any: [{ fact: 'category', equals: '刑事' }, { not: { fact: 'agentApplied', equals: false } }] },
      reason: '刑事案件或代理人申请时',
    });
    expect(dossierRuleSetSchema.safeParse(local).success).toBe(true);
    expect(evaluateDossier(local, legalAid({ agentApplied: true }, ['received']), []).missing).toContain(
      '申请人近期照片',
    );
    expect(evaluateDossier(local, legalAid({}, ['received']), []).missing).not.toContain('申请人近期照片');
    expect(evaluateDossier(local, legalAid({}, ['received']), []).ruleSetVersion).toBe(2);
  });
});

describe('卷内目录 page numbers', () => {
  it('number the received items from page 1 in filing order, by their page counts; the cover and contents are unnumbered', () => {
    const materials: DossierMaterial[] = [
      {
        itemKey: 'caseMaterials',
        receivedOn: '2026-11-20',
        pages: 12,
        form: '复印件',
        note: '起诉状等',
        attachments: 0,
      },
      { itemKey: 'applicationForm', receivedOn: '2026-11-20', pages: 2, form: '原件', note: '', attachments: 0 },
      { itemKey: 'applicantId', receivedOn: '2026-11-20', pages: 1, form: '复印件', note: '', attachments: 1 },
    ];
    const rows = numberPages(evaluateDossier(RULES, legalAid({}, ['received']), materials).items);
    expect(rows).toEqual([
      { position: 1, key: 'applicationForm', name: '法律援助申请表', pages: '1-2', note: '原件' },
      { position: 2, key: 'applicantId', name: '申请人身份证明', pages: '3', note: '复印件' },
      {
        position: 3,
        key: 'caseMaterials',
        name: '与所申请法律援助事项有关的案件材料',
        pages: '4-15',
        note: '复印件；起诉状等',
      },
    ]);
  });
});

describe('the legal-aid missing-materials notice terms (issue 14 item 6)', () => {
  it('credits the paused review period to 《办理法律援助案件程序规定》, not to 第43条', () => {
    expect(LEGAL_AID_DOSSIER.noticeTerms).toContain('补充材料所需时间不计入审查期限（《办理法律援助案件程序规定》）');
    expect(LEGAL_AID_DOSSIER.noticeTerms).toContain('视为撤回申请（《中华人民共和国法律援助法》第四十三条）');
  });
});
