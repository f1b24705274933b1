import {
  assessEligibility,
  inferMatterType,
  matterTypeProblem,
  MATTER_TYPE_LABELS,
  MATTER_TYPES,
  PROVISIONAL_GROUND_LABELS,
  PROVISIONAL_GROUNDS,
  type EligibilityFacts,
  type MatterType,
} from '../../../../shared/kinds/legalAid/eligibility';
import { NOTICE_GROUND_LABELS, NOTICE_GROUNDS } from '../../../../shared/kinds/legalAid/options';

/** An adult, civil matter, no groups, commitment signed; judged on 22 November 2026. */
function facts(patch: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    category: '民事',
    matter: '',
    applicantGroups: [],
    applicantBirthDate: '1980-07-15',
    receivedOn: '2026-11-20',
    lacksCapacity: false,
    financeBasis: '承诺',
    defenceGround: '',
    notified: false,
    matterType: null,
    matterTypeSource: null,
    mandatoryDefenceGrounds: [],
    limitEndsOn: null,
    urgentPreservation: false,
    on: '2026-11-22',
    ...patch,
  };
}

describe('scope: the matters of 法律援助法 第31条, read from the 案由', () => {
  it.each([
    ['国家赔偿', '行政', '国家赔偿', '第31条第（一）项'],
    ['追索养老保险待遇', '行政', '社会保险待遇或者社会救助', '第31条第（二）项'],
    ['请求发给最低生活保障金', '行政', '社会保险待遇或者社会救助', '第31条第（二）项'],
    ['请求发给抚恤金', '行政', '抚恤金', '第31条第（三）项'],
    ['赡养费纠纷', '民事', '赡养费抚养费扶养费', '第31条第（四）项'],
    ['追索抚养费', '民事', '赡养费抚养费扶养费', '第31条第（四）项'],
    ['追索劳动报酬', '民事', '支付劳动报酬', '第31条第（五）项'],
    ['确认劳动关系', '民事', '确认劳动关系', '第31条第（五）项'],
    ['申请认定无民事行为能力', '民事', '认定无民事行为能力或者限制民事行为能力', '第31条第（六）项'],
    ['工伤赔偿', '民事', '工伤事故人身损害赔偿', '第31条第（七）项'],
    ['交通事故人身损害赔偿', '民事', '交通食品药品医疗事故人身损害赔偿', '第31条第（七）项'],
    ['医疗损害责任纠纷', '民事', '交通食品药品医疗事故人身损害赔偿', '第31条第（七）项'],
    ['环境污染责任纠纷', '民事', '环境污染生态破坏损害赔偿', '第31条第（八）项'],
  ] as const)('“%s” (%s) is %s, in scope under %s', (matter, category, type, article) => {
    const verdict = assessEligibility(facts({ matter, category }));
    expect(verdict).toMatchObject({ matterType: type, matterTypeSource: 'inferred' });
    expect(verdict.scope).toEqual({
      inScope: true,
      reason: expect.stringContaining('民事、行政事项'),
      article: `法律援助法${article}`,
    });
    expect(verdict.financial).toMatchObject({ test: 'mustShow', article: '法律援助法第31条、第41条' });
    expect(verdict.warnings[0]).toMatch(/根据案由.*推断.*请核对/);
  });

  it('takes the clerk’s 事项类型 over the words of the 案由', () => {
    const verdict = assessEligibility(
      facts({ matter: '工资', matterType: '法律法规规章规定的其他事项', matterTypeSource: 'given' }),
    );
    expect(verdict).toMatchObject({
      matterType: '法律法规规章规定的其他事项',
      matterTypeSource: 'given',
      scope: { inScope: true, article: '法律援助法第31条第（九）项' },
    });
    expect(verdict.warnings).toEqual([]);
  });

  it('says a matter outside the lists is out of scope, and asks when the 案由 says nothing', () => {
    expect(
      assessEligibility(facts({ matter: '民间借贷', matterType: '不属于法定援助事项', matterTypeSource: 'given' }))
        .scope,
    ).toEqual({
      inScope: false,
      reason: expect.stringContaining('不属于法律援助法第31条、第32条、第33条所列事项'),
      article: '法律援助法第31条',
    });
    expect(assessEligibility(facts({ matter: '民间借贷' }))).toMatchObject({
      matterType: null,
      matterTypeSource: 'unknown',
      scope: { inScope: null, reason: '未能根据案由“民间借贷”判断事项类型，请选择事项类型' },
    });
  });

  it('refuses a criminal 事项类型 for a civil case and the reverse', () => {
    expect(matterTypeProblem('民事', '刑事辩护')).toBe('民事案件不能选择刑事事项');
    expect(matterTypeProblem('刑事', '支付劳动报酬')).toBe('刑事案件应选择刑事辩护、刑事代理、强制医疗或者申诉再审');
    expect(matterTypeProblem('刑事', '刑事被害人自诉人附带民事诉讼原告人代理')).toBeNull();
    expect(assessEligibility(facts({ matterType: '刑事辩护', matterTypeSource: 'given' })).warnings).toContain(
      '事项类型与案件类别不符：民事案件不能选择刑事事项',
    );
  });

  it('infers every non-criminal type with keywords from a typical 案由 (so none is unreachable by accident)', () => {
    const reachable = new Set<MatterType>();
    for (const matter of [
      '国家赔偿',
      '养老保险',
      '抚恤金',
      '赡养',
      '欠薪',
      '劳动关系',
      '行为能力',
      '工伤',
      '车祸',
      '环境污染',
      '英烈名誉',
      '见义勇为',
      '再审改判无罪',
      '家庭暴力',
      '不服离婚判决申请再审',
    ]) {
      const type = inferMatterType('民事', matter);
      if (type) reachable.add(type);
    }
    const withKeywords = MATTER_TYPES.filter(
      (t) =>
        ![
          '其他不受经济困难条件限制的情形',
          '法律法规规章规定的其他事项',
          '刑事辩护',
          '刑事被害人自诉人附带民事诉讼原告人代理',
          '强制医疗案件被申请人或者被告人代理',
          '不属于法定援助事项',
        ].includes(t),
    );
    expect([...reachable].sort()).toEqual([...withKeywords].sort());
  });
});

describe('申诉、再审 (第33条) and 强制医疗 (第28条): in scope, not 不属于法定援助事项', () => {
  it('an application to appeal or retry a judgment is in scope under 第33条, in any category, on financial difficulty', () => {
    for (const [category, matter] of [
      ['民事', '不服离婚判决申请再审'],
      ['行政', '对行政诉讼生效判决提出申诉'],
      ['刑事', '不服盗窃罪生效判决提出申诉'],
    ] as const) {
      const verdict = assessEligibility(facts({ category, matter }));
      expect(verdict.matterType).toBe('申诉再审');
      expect(verdict.scope).toMatchObject({ inScope: true, article: '法律援助法第33条' });
      expect(verdict.scope.reason).toContain('提出申诉或者申请再审');
      expect(verdict.financial).toMatchObject({ test: 'mustShow', article: '法律援助法第33条、第41条' });
      expect(matterTypeProblem(category, '申诉再审')).toBeNull();
      expect(verdict.warnings.filter((w) => w.includes('不符'))).toEqual([]);
    }
    // 第42条 still exempts the groups it names from the check.
    expect(assessEligibility(facts({ matter: '不服判决申请再审', applicantGroups: ['低保对象'] })).financial.test).toBe(
      'exemptFromVerification',
    );
    // 再审改判无罪 claiming state compensation stays 第32条 (no financial condition).
    expect(inferMatterType('国家赔偿', '再审改判无罪后请求国家赔偿')).toBe('再审改判无罪请求国家赔偿');
    expect(inferMatterType('国家赔偿', '不服赔偿决定提出申诉')).toBe('申诉再审');
  });

  it('a 强制医疗 respondent is in scope under 第28条, with no financial check, and is to be registered as notified', () => {
    const applied = assessEligibility(facts({ category: '刑事', matter: '强制医疗案件被申请人' }));
    expect(applied.matterType).toBe('强制医疗案件被申请人或者被告人代理');
    expect(applied.scope).toMatchObject({ inScope: true, article: '法律援助法第28条' });
    expect(applied.financial).toEqual({
      test: 'notRequired',
      reason: expect.stringContaining('不审查经济困难状况'),
      article: '法律援助法第28条',
    });
    expect(applied.warnings).toContain(
      '强制医疗案件由人民法院通知法律援助机构指派律师（第28条），请按通知辩护登记，收到通知后三日内指派（第36条）',
    );
    const notified = assessEligibility(
      facts({ category: '刑事', matter: '强制医疗', notified: true, financeBasis: '' }),
    );
    expect(notified.scope.inScope).toBe(true);
    expect(notified.warnings.filter((w) => w.includes('请按通知辩护登记'))).toEqual([]);
    expect(matterTypeProblem('民事', '强制医疗案件被申请人或者被告人代理')).toBe('民事案件不能选择刑事事项');
  });

  it('labels both with their articles on the decision’s 事项类型 select', () => {
    expect(MATTER_TYPE_LABELS['申诉再审']).toContain('（第33条）');
    expect(MATTER_TYPE_LABELS['强制医疗案件被申请人或者被告人代理']).toContain('第28条');
    // The notice grounds name their items, 第25条第一款(五)(六) and 第28条 among them.
    expect(
      NOTICE_GROUNDS.map(
        (g) => NOTICE_GROUND_LABELS[g].match(/（(第2[58]条[^）]*(?:（[一二三四五六七]）项)?)）$/)?.[1],
      ),
    ).toEqual([
      '第25条第一款第（一）项',
      '第25条第一款第（二）项',
      '第25条第一款第（三）项',
      '第25条第一款第（四）项',
      '第25条第一款第（五）项',
      '第25条第一款第（六）项',
      '第25条第一款第（七）项',
      '第28条',
    ]);
  });
});

describe('no financial-difficulty condition: 第32条', () => {
  it.each([
    ['维护英雄烈士名誉', '英雄烈士近亲属维护英雄烈士人格权益', '第32条第（一）项'],
    ['见义勇为受伤索赔', '见义勇为主张相关民事权益', '第32条第（二）项'],
    ['再审改判无罪后请求国家赔偿', '再审改判无罪请求国家赔偿', '第32条第（三）项'],
    ['离婚纠纷（家庭暴力）', '遭受虐待遗弃或者家庭暴力主张相关权益', '第32条第（四）项'],
    ['老人被子女遗弃', '遭受虐待遗弃或者家庭暴力主张相关权益', '第32条第（四）项'],
  ] as const)('“%s” is %s: no financial test (%s)', (matter, type, article) => {
    const verdict = assessEligibility(facts({ matter }));
    expect(verdict.matterType).toBe(type);
    expect(verdict.scope).toMatchObject({ inScope: true, article: `法律援助法${article}` });
    expect(verdict.financial).toEqual({
      test: 'notRequired',
      reason: '不受经济困难条件的限制',
      article: `法律援助法${article}`,
    });
  });

  it('reads 再审改判无罪 in a state-compensation case as 第32条 and plain 国家赔偿 as 第31条', () => {
    expect(inferMatterType('国家赔偿', '再审改判无罪请求赔偿')).toBe('再审改判无罪请求国家赔偿');
    expect(inferMatterType('国家赔偿', '违法拘留赔偿')).toBe('国家赔偿');
  });
});

describe('exempt from verifying financial difficulty: 第42条', () => {
  it.each([
    ['低保对象', '赡养费纠纷', 'exemptFromVerification', '第42条第（二）项'],
    ['特困人员', '交通事故赔偿', 'exemptFromVerification', '第42条第（二）项'],
    ['司法救助对象', '交通事故赔偿', 'exemptFromVerification', '第42条第（二）项'],
    ['农民工', '追索劳动报酬', 'exemptFromVerification', '第42条第（三）项'],
    ['农民工', '工伤赔偿', 'exemptFromVerification', '第42条第（三）项'],
    ['老年人', '赡养费纠纷', 'exemptIfNoFixedIncome', '第42条第（一）项'],
    ['残疾人', '交通事故赔偿', 'exemptIfNoFixedIncome', '第42条第（一）项'],
    ['未成年人', '追索抚养费', 'exemptIfNoFixedIncome', '第42条第（一）项'],
  ] as const)('a %s claiming “%s”: %s (%s)', (group, matter, test, article) => {
    expect(assessEligibility(facts({ matter, applicantGroups: [group] })).financial).toEqual({
      test,
      reason: expect.any(String),
      article: `法律援助法${article}`,
    });
  });

  it('exempts a 司法救助对象 as the article names it, with no financial check and no warning about 免予核查', () => {
    const verdict = assessEligibility(
      facts({ matter: '追索劳动报酬', financeBasis: '免予核查', applicantGroups: ['司法救助对象'] }),
    );
    expect(verdict.financial).toEqual({
      test: 'exemptFromVerification',
      reason: '申请人为司法救助对象，免予核查经济困难状况',
      article: '法律援助法第42条第（二）项',
    });
    expect(verdict.warnings.filter((w) => w.includes('免予核查'))).toEqual([]);
    const both = assessEligibility(facts({ matter: '赡养费纠纷', applicantGroups: ['低保对象', '司法救助对象'] }));
    expect(both.financial.reason).toBe('申请人为社会救助对象、司法救助对象（低保对象），免予核查经济困难状况');
  });

  it('finds a minor from the birth date even when the box was not ticked', () => {
    const verdict = assessEligibility(facts({ matter: '追索抚养费', applicantBirthDate: '2012-05-01' }));
    expect(verdict.financial).toMatchObject({
      test: 'exemptIfNoFixedIncome',
      reason: expect.stringContaining('未成年人'),
    });
  });

  it('does not exempt a migrant worker’s claim that is not for wages or work injury (确认劳动关系, 交通事故)', () => {
    expect(assessEligibility(facts({ matter: '确认劳动关系', applicantGroups: ['农民工'] })).financial.test).toBe(
      'mustShow',
    );
    expect(assessEligibility(facts({ matter: '交通事故赔偿', applicantGroups: ['农民工'] })).financial.test).toBe(
      'mustShow',
    );
  });

  it('warns when the form chose 免予核查 without a ground, and asks about 优抚对象 for 军人军属', () => {
    const verdict = assessEligibility(
      facts({ matter: '交通事故赔偿', financeBasis: '免予核查', applicantGroups: ['军人军属'] }),
    );
    expect(verdict.financial.test).toBe('mustShow');
    expect(verdict.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('不属于第42条免予核查的情形'),
        expect.stringContaining('优抚对象'),
      ]),
    );
  });
});

describe('criminal cases: 第24、25、29条', () => {
  const criminal = (patch: Partial<EligibilityFacts> = {}) => facts({ category: '刑事', matter: '盗窃', ...patch });

  it('a defence applied for because of financial difficulty brings the financial check (第24条、第41条)', () => {
    const verdict = assessEligibility(criminal({ defenceGround: '经济困难' }));
    expect(verdict.financial).toMatchObject({ test: 'mustShow', article: '法律援助法第24条、第41条' });
    expect(verdict.warnings.filter((w) => w.includes('第24条'))).toEqual([]);
  });

  it('a defence applied for for another reason is not conditional on financial difficulty (第24条)', () => {
    const verdict = assessEligibility(criminal({ defenceGround: '其他原因', financeBasis: '' }));
    expect(verdict).toMatchObject({ matterType: '刑事辩护', scope: { inScope: true, article: '法律援助法第24条' } });
    expect(verdict.financial).toEqual({
      test: 'notRequired',
      reason: '因经济困难以外的其他原因没有委托辩护人，不以经济困难为条件，不审查经济困难状况',
      article: '法律援助法第24条',
    });
  });

  it('an application that does not say why is checked as financial, with a warning to ask', () => {
    const verdict = assessEligibility(criminal());
    expect(verdict.warnings).toContain(
      '申请未记录没有委托辩护人的原因（经济困难或者其他原因，第24条），按经济困难审查，请核对',
    );
  });

  it('a defence without a 第25条 ground is applied for (第24条)', () => {
    const verdict = assessEligibility(criminal());
    expect(verdict).toMatchObject({ matterType: '刑事辩护', scope: { inScope: true, article: '法律援助法第24条' } });
    expect(verdict.mandatoryDefence).toEqual({
      applies: false,
      grounds: [],
      reason: expect.any(String),
      article: '法律援助法第25条',
    });
    expect(verdict.financial).toMatchObject({ test: 'mustShow', article: '法律援助法第24条、第41条' });
  });

  it.each([
    [{ applicantBirthDate: '2010-03-01' }, ['未成年人'], '法律援助法第25条第一款第（一）项'],
    [
      { mandatoryDefenceGrounds: ['视力、听力、言语残疾人'] },
      ['视力、听力、言语残疾人'],
      '法律援助法第25条第一款第（二）项',
    ],
    [
      { mandatoryDefenceGrounds: ['不能完全辨认自己行为的成年人'] },
      ['不能完全辨认自己行为的成年人'],
      '法律援助法第25条第一款第（三）项',
    ],
    [
      { mandatoryDefenceGrounds: ['可能被判处无期徒刑、死刑的人'] },
      ['可能被判处无期徒刑、死刑的人'],
      '法律援助法第25条第一款第（四）项',
    ],
    [
      { applicantBirthDate: '2010-03-01', mandatoryDefenceGrounds: ['缺席审判案件的被告人'] },
      ['未成年人', '缺席审判案件的被告人'],
      '法律援助法第25条第一款第（一）项、第（六）项',
    ],
  ] as const)('%j: the authorities must notify; no financial test', (patch, grounds, article) => {
    const verdict = assessEligibility(criminal(patch as Partial<EligibilityFacts>));
    expect(verdict.mandatoryDefence).toMatchObject({ applies: true, grounds, article });
    expect(verdict.financial).toMatchObject({ test: 'notRequired', article });
  });

  it('asks about 第25条第（三）项 when the applicant lacks capacity', () => {
    expect(assessEligibility(criminal({ lacksCapacity: true })).warnings).toContain(
      '申请人无民事行为能力或限制民事行为能力，请核实是否属于不能完全辨认自己行为的成年人（第25条第一款第（三）项）',
    );
  });

  it('a victim or private prosecutor is represented under 第29条', () => {
    const verdict = assessEligibility(criminal({ matter: '故意伤害（被害人）' }));
    expect(verdict).toMatchObject({
      matterType: '刑事被害人自诉人附带民事诉讼原告人代理',
      scope: { inScope: true, article: '法律援助法第29条' },
      mandatoryDefence: null,
    });
    expect(verdict.financial.article).toBe('法律援助法第29条、第41条');
  });
});

describe('provisional aid: 第44条', () => {
  it.each([
    ['2026-11-28', true, 6, '法律援助法第44条第（一）项'],
    ['2026-11-22', true, 0, '法律援助法第44条第（一）项'],
    ['2026-11-29', false, 7, '法律援助法第44条第（一）项'],
    ['2026-11-21', false, -1, '法律援助法第44条第（一）项'],
  ])('a limit ending %s: grounds %s (%i days left)', (limitEndsOn, grounds, daysLeft, article) => {
    expect(assessEligibility(facts({ matter: '追索劳动报酬', limitEndsOn })).provisional).toEqual({
      grounds,
      daysLeft,
      reason: expect.any(String),
      article,
    });
  });

  it('words 第44条第（一）项 in full: a suit, arbitration or administrative reconsideration must be filed promptly', () => {
    const full = '距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议';
    expect(assessEligibility(facts({ matter: '追索劳动报酬', limitEndsOn: '2026-11-28' })).provisional.reason).toBe(
      '距法定时效或者期限届满不足七日（还有6日），需要及时提起诉讼或者申请仲裁、行政复议的，可以先行提供法律援助',
    );
    expect(
      assessEligibility(facts({ matter: '追索劳动报酬', limitEndsOn: '2026-11-29' })).provisional.reason,
    ).toContain(full);
    // The select shows the article's wording for every ground, each with its item.
    expect(PROVISIONAL_GROUND_LABELS['距法定时效或者期限届满不足七日']).toBe(`${full}（第44条第（一）项）`);
    for (const ground of PROVISIONAL_GROUNDS)
      expect(PROVISIONAL_GROUND_LABELS[ground]).toMatch(/第44条第（[一二三]）项/);
  });

  it('urgent preservation or advance execution is a ground of its own; nothing stated is none', () => {
    expect(assessEligibility(facts({ urgentPreservation: true })).provisional).toMatchObject({
      grounds: true,
      article: '法律援助法第44条第（二）项',
    });
    expect(assessEligibility(facts()).provisional).toMatchObject({
      grounds: false,
      daysLeft: null,
      article: '法律援助法第44条',
    });
  });
});
