// Dossier rules as data: for each kind of case, the ordered materials of its dossier (卷宗材料), when each is
// required (always, or a condition over the case's facts) and from which stage (milestone) it is due. The
// county bureau can replace the whole set with a newer version; `dossierRuleSetSchema` checks one before it is
// installed. Conditions are a small JSON language (fact equals / in, all, any, not): never evaluated as code.
import { z } from 'zod';
import { ALL_KINDS, kindOf } from '../kinds';
import { CASE_KINDS, type CaseKind } from '../options';
import type { FactValue } from './facts';

/**
 * What "due from" each stage reads as on the checklist. The stages are each kind's (shared/kinds/<kind>/dossier.ts);
 * a stage's name means the same in every kind that has it.
 */
export const MILESTONE_LABELS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...ALL_KINDS.map((k) => k.dossier.milestones),
);

export type DossierCondition =
  | { fact: string; equals: FactValue }
  | { fact: string; in: FactValue[] }
  | { all: DossierCondition[] }
  | { any: DossierCondition[] }
  | { not: DossierCondition };

export interface DossierRuleItem {
  /** Stable identifier (ASCII): the case's materials refer to it. */
  key: string;
  /** 材料名称, as printed in the 卷内目录. */
  name: string;
  /** Absent: every case of the kind needs it. */
  when?: DossierCondition;
  /** Why a conditional item is required, in Chinese ("代理人代为申请时"). */
  reason?: string;
  dueAt: string;
  /** Made by CaseDesk itself (卷宗封面, 卷内目录): counted as present. */
  generated?: boolean;
  /** Filed when there is one (证据材料), never missing. */
  optional?: boolean;
  /** One item per material the notarization matter requires (from the request's matter at intake). */
  expand?: 'matterMaterials';
  /**
   * A record CaseDesk keeps that stands for the item when its condition holds (legal aid's 受援人意见反馈表: a
   * follow-up made at or after the end of the matter, printed as a 回访记录 page): counted as present.
   */
  satisfiedBy?: { when: DossierCondition; name: string };
}

export interface DossierRuleSet {
  version: number;
  name: string;
  /** Where the set comes from, e.g. the standards it follows. */
  source: string;
  /** Per kind: 保管期限 as printed on the cover, and the items in filing order. */
  kinds: Record<CaseKind, { retention: string; items: DossierRuleItem[] }>;
}

const factValue = z.union([z.string().max(100), z.number().finite(), z.boolean()]);

const conditionSchema: z.ZodType<DossierCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.string().min(1).max(60), equals: factValue }),
    z.strictObject({ fact: z.string().min(1).max(60), in: z.array(factValue).min(1).max(50) }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const itemSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,59}$/, '材料代码只能由英文字母、数字组成'),
  name: z.string().trim().min(1, '材料名称不能为空').max(60, '材料名称不能超过60个字符'),
  when: conditionSchema.optional(),
  reason: z.string().trim().max(100).optional(),
  dueAt: z.string().min(1),
  generated: z.boolean().optional(),
  optional: z.boolean().optional(),
  expand: z.literal('matterMaterials').optional(),
  satisfiedBy: z
    .strictObject({ when: conditionSchema, name: z.string().trim().min(1, '记录名称不能为空').max(60) })
    .optional(),
});

const kindSchema = z.strictObject({
  retention: z.string().trim().min(1, '保管期限不能为空').max(20),
  items: z.array(itemSchema).min(1).max(100),
});

function conditionFacts(c: DossierCondition): string[] {
  if ('fact' in c) return [c.fact];
  if ('all' in c) return c.all.flatMap(conditionFacts);
  if ('any' in c) return c.any.flatMap(conditionFacts);
  return conditionFacts(c.not);
}

/** A rule set as the bureau sends it: every kind present, keys unique, facts and stages known to the kind. */
export const dossierRuleSetSchema = z
  .strictObject({
    version: z.number().int().min(1, '版本号应为正整数').max(1_000_000),
    name: z.string().trim().min(1, '名称不能为空').max(100),
    source: z.string().trim().max(200),
    kinds: z.strictObject(
      Object.fromEntries(CASE_KINDS.map((k) => [k, kindSchema])) as Record<CaseKind, typeof kindSchema>,
    ),
  })
  .superRefine((set, ctx) => {
    for (const kind of CASE_KINDS) {
      const { dossier } = kindOf(kind);
      const seen = new Set<string>();
      const facts: readonly string[] = Object.keys(dossier.facts);
      const milestones: readonly string[] = Object.keys(dossier.milestones);
      set.kinds[kind].items.forEach((item, i) => {
        const path = ['kinds', kind, 'items', i];
        if (seen.has(item.key))
          ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `材料代码“${item.key}”重复` });
        seen.add(item.key);
        if (!milestones.includes(item.dueAt))
          ctx.addIssue({ code: 'custom', path: [...path, 'dueAt'], message: `不是该类案件的阶段：${item.dueAt}` });
        for (const fact of item.when ? conditionFacts(item.when) : []) {
          if (!facts.includes(fact))
            ctx.addIssue({ code: 'custom', path: [...path, 'when'], message: `条件中的“${fact}”不是该类案件的情况` });
        }
        for (const fact of item.satisfiedBy ? conditionFacts(item.satisfiedBy.when) : []) {
          if (!facts.includes(fact))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'satisfiedBy', 'when'],
              message: `条件中的“${fact}”不是该类案件的情况`,
            });
        }
        if (item.expand && !dossier.expandsMatterMaterials)
          ctx.addIssue({ code: 'custom', path: [...path, 'expand'], message: '只有公证卷宗可以按公证事项展开材料' });
      });
    }
  });
