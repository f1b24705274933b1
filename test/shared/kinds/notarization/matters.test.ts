import {
  IN_PERSON_MATTERS,
  MATTER_SEED,
  matterUpdateSchema,
  SHIPPED_MATTERS,
} from '../../../../shared/kinds/notarization/matters';
import { NOTARIZATION_CATEGORIES } from '../../../../shared/kinds/notarization/options';

const byName = (name: string) => {
  const matter = SHIPPED_MATTERS.find((m) => m.name === name);
  if (!matter) throw new Error(`no matter named ${name}`);
  return matter;
};

describe('the matter catalogue seed', () => {
  it('has every matter the issue names, each once, with a stable ASCII code', () => {
    for (const name of [
      '委托',
      '声明',
      '赠与',
      '遗嘱',
      '继承',
      '合同',
      '学历',
      '学位',
      '出生',
      '生存',
      '死亡',
      '亲属关系',
      '婚姻状况',
      '无犯罪记录',
      '经历',
      '职务',
      '职称',
      '文书副本与原本相符',
      '签名印鉴属实',
      '保全证据',
      '公司章程',
      '财产分割',
      '收养关系',
      '遗赠扶养协议',
      '认领亲子',
      '解除收养关系',
      '保证',
    ]) {
      expect(byName(name).name).toBe(name);
    }
    expect(new Set(SHIPPED_MATTERS.map((m) => m.code)).size).toBe(SHIPPED_MATTERS.length);
    expect(new Set(SHIPPED_MATTERS.map((m) => m.name)).size).toBe(SHIPPED_MATTERS.length);
    for (const m of SHIPPED_MATTERS) expect(m.code).toMatch(/^[a-z_]+$/);
    // 0010's seed and 0023's additions, 其他 last.
    expect(SHIPPED_MATTERS).toHaveLength(MATTER_SEED.length + IN_PERSON_MATTERS.length);
    expect(SHIPPED_MATTERS.at(-1)?.name).toBe('其他');
  });

  it('files each matter under an item of 公证法 第11条 and gives it distinct, non-empty required materials', () => {
    for (const m of SHIPPED_MATTERS) {
      expect(NOTARIZATION_CATEGORIES).toContain(m.category);
      expect(m.requiredMaterials.length).toBeGreaterThan(0);
      expect(new Set(m.requiredMaterials).size).toBe(m.requiredMaterials.length);
      // Every seed entry must pass the same validation the director's edits do.
      expect(matterUpdateSchema.safeParse({ ...m, active: true }).success).toBe(true);
    }
    expect(byName('学历').requiredMaterials).toContain('毕业证书原件');
    expect(byName('学位').requiredMaterials).toContain('学位证书原件');
    expect(byName('无犯罪记录').requiredMaterials).toContain('公安机关出具的无犯罪记录证明');
    expect(byName('亲属关系').requiredMaterials).toContain('户口簿');
    expect(byName('继承').requiredMaterials).toContain('被继承人死亡证明');
    expect(byName('学历').category).toBe('出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录');
    expect(byName('遗嘱').category).toBe('委托、声明、赠与、遗嘱');
  });

  it('flags exactly the "最多跑一次" matters notarization.md names', () => {
    expect(
      SHIPPED_MATTERS.filter((m) => m.oneVisit)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['委托', '声明', '学历', '出生', '亲属关系', '无犯罪记录', '婚姻状况'].sort());
  });

  it('marks the matters that must be applied for in person (公证法 第26条, 公证程序规则 第11条)', () => {
    expect(
      SHIPPED_MATTERS.filter((m) => m.inPersonOnly)
        .map((m) => m.name)
        .sort(),
    ).toEqual(
      ['委托', '声明', '赠与', '遗嘱', '生存', '收养关系', '遗赠扶养协议', '认领亲子', '解除收养关系', '保证'].sort(),
    );
  });
});

describe('editing a matter', () => {
  const matter = { ...MATTER_SEED[0]!, active: true };
  it.each([
    ['no materials', { requiredMaterials: [] }, '至少填写一项'],
    ['a repeated material', { requiredMaterials: ['委托书', '委托书'] }, '有重复的项目'],
    ['a blank material', { requiredMaterials: ['  '] }, '不能为空'],
    ['a category outside 第11条', { category: '公证事务' }, '不是可选的值'],
  ])('refuses %s', (_what, change, message) => {
    const result = matterUpdateSchema.safeParse({ ...matter, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
