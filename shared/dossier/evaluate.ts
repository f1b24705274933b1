// The dossier checklist of one case: for each item of its kind's rules, whether it is required (and why), when
// it is due, whether it is on file, and so what is missing now and what falls due next. Pure.
import type { DossierFacts } from './facts';
import { HISTORICAL_DOSSIER_REASON } from './historical';
import { MILESTONE_LABELS, type DossierCondition, type DossierRuleItem, type DossierRuleSet } from './ruleSet';

export const MATERIAL_FORMS = ['原件', '复印件'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/** An item recorded as received. */
export interface DossierMaterial {
  itemKey: string;
  receivedOn: string;
  pages: number;
  form: MaterialForm;
  note: string;
  attachments: number;
}

export interface ChecklistItem {
  key: string;
  name: string;
  /** Required by its condition (whether due yet or not). */
  required: boolean;
  optional: boolean;
  generated: boolean;
  /** Why it is (or is not) required, in Chinese. */
  reason: string;
  dueAt: string;
  dueAtLabel: string;
  /** Its stage has been reached. */
  due: boolean;
  present: boolean;
  /** Required, due, and not on file. */
  missing: boolean;
  material: DossierMaterial | null;
  /** Present through a record CaseDesk keeps (the rule's `satisfiedBy`): its name, e.g. 结案回访记录. */
  record?: string;
}

export interface DossierChecklist {
  ruleSetVersion: number;
  items: ChecklistItem[];
  /** Names of the items missing now, in filing order. */
  missing: string[];
  /** The next stage and the required items that fall due there and are not on file yet. */
  dueNext: { stage: string; label: string; items: string[] } | null;
  complete: boolean;
  /** 历史卷宗: an imported case whose completeness the county's rule does not demand (shared/dossier/historical.ts). */
  historical: boolean;
}

/** How a case's dossier is judged: `historical`, nothing is required of it. */
export interface DossierJudgement {
  historical: boolean;
}

function conditionHolds(c: DossierCondition, facts: Readonly<Record<string, unknown>>): boolean {
  if ('equals' in c) return facts[c.fact] === c.equals;
  if ('in' in c) return c.in.some((v) => facts[c.fact] === v);
  if ('all' in c) return c.all.every((x) => conditionHolds(x, facts));
  if ('any' in c) return c.any.some((x) => conditionHolds(x, facts));
  return !conditionHolds(c.not, facts);
}

/** The items of a kind for one case: a matter-materials item becomes one item per material of the matter. */
function itemsFor(rules: DossierRuleSet, facts: DossierFacts): DossierRuleItem[] {
  return rules.kinds[facts.kind].items.flatMap((item) =>
    item.expand === 'matterMaterials'
      ? facts.matterMaterials.map((name) => ({
          ...item,
          key: `matter:${name}`,
          name,
          expand: undefined,
          reason: item.reason ?? '公证事项所需证明材料',
        }))
      : [item],
  );
}

const milestoneLabel = (m: string) => MILESTONE_LABELS[m] ?? m;

export function evaluateDossier(
  rules: DossierRuleSet,
  facts: DossierFacts,
  materials: readonly DossierMaterial[],
  { historical }: DossierJudgement = { historical: false },
): DossierChecklist {
  const byKey = new Map(materials.map((m) => [m.itemKey, m]));
  const reached = new Set(facts.reached);
  const items = itemsFor(rules, facts).map((rule): ChecklistItem => {
    const applies = rule.when ? conditionHolds(rule.when, facts.facts) : true;
    const optional = rule.optional === true;
    const generated = rule.generated === true;
    const required = applies && !optional && !historical;
    const material = byKey.get(rule.key) ?? null;
    const record =
      material === null && rule.satisfiedBy && conditionHolds(rule.satisfiedBy.when, facts.facts)
        ? rule.satisfiedBy.name
        : null;
    const present = generated || material !== null || record !== null;
    const due = reached.has(rule.dueAt);
    const reason = optional
      ? '有则归档'
      : historical && !generated
        ? HISTORICAL_DOSSIER_REASON
        : generated
          ? '由本系统生成'
          : !rule.when
            ? (rule.reason ?? '每案必备')
            : applies
              ? (rule.reason ?? '符合条件')
              : `不适用（仅${rule.reason ?? '符合条件时'}）`;
    return {
      key: rule.key,
      name: rule.name,
      required,
      optional,
      generated,
      reason,
      dueAt: rule.dueAt,
      dueAtLabel: milestoneLabel(rule.dueAt),
      due,
      present,
      missing: required && due && !present,
      material,
      ...(record ? { record } : {}),
    };
  });
  const missing = items.filter((i) => i.missing).map((i) => i.name);
  const upcoming = facts.next
    ? items.filter((i) => i.required && !i.present && !i.due && i.dueAt === facts.next).map((i) => i.name)
    : [];
  return {
    ruleSetVersion: rules.version,
    items,
    missing,
    dueNext:
      facts.next && upcoming.length > 0
        ? { stage: facts.next, label: milestoneLabel(facts.next), items: upcoming }
        : null,
    complete: missing.length === 0,
    historical,
  };
}

/** The checklist as it would be once the case reaches `stage` (closing, archiving): what the gate asks for. */
export function evaluateAtStage(
  rules: DossierRuleSet,
  facts: DossierFacts,
  materials: readonly DossierMaterial[],
  stage: string,
  judgement: DossierJudgement = { historical: false },
): DossierChecklist {
  return evaluateDossier(rules, { ...facts, reached: [...new Set([...facts.reached, stage])] }, materials, judgement);
}

export interface NumberedEntry {
  position: number;
  key: string;
  name: string;
  /** 页号 as printed: "3" or "3-5". */
  pages: string;
  note: string;
}

/**
 * The 卷内目录 rows: the items on file in filing order, numbered from page 1 by their page counts. The cover and
 * the table of contents themselves carry no page number.
 */
export function numberPages(items: readonly ChecklistItem[]): NumberedEntry[] {
  let next = 1;
  return items
    .filter((i) => !i.generated && i.material)
    .map((i, index) => {
      const m = i.material!;
      const from = next;
      const to = from + m.pages - 1;
      next = to + 1;
      const note = [m.form, m.note].filter(Boolean).join('；');
      return { position: index + 1, key: i.key, name: i.name, pages: from === to ? `${from}` : `${from}-${to}`, note };
    });
}

/** The total pages on file. */
export const totalPages = (items: readonly ChecklistItem[]): number =>
  items.reduce((n, i) => n + (i.material && !i.generated ? i.material.pages : 0), 0);
