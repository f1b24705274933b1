// The change 回访 brings to the dossier rules: legal aid's 受援人意见反馈表 is on file once a closing follow-up is
// recorded (the rule's `satisfiedBy`, over the kind's fact `closingFollowUp`), and prints as a 回访记录 page. A
// released rule set is never edited, so this makes the next version of a set: migration 0019 installs it over the
// shipped default; a bureau that keeps its own set adds `satisfiedBy` to its item itself.
import type { DossierRuleSet } from '../ruleSet';

const FEEDBACK_KEY = 'feedback';

/** True when the set has legal aid's feedback item without a record standing for it. */
export function lacksClosingFollowUp(set: DossierRuleSet): boolean {
  return set.kinds.legal_aid.items.some((i) => i.key === FEEDBACK_KEY && !i.satisfiedBy);
}

/** The next version of `set`, its feedback item satisfied by a closing follow-up record. */
export function withClosingFollowUp(set: DossierRuleSet): DossierRuleSet {
  return {
    ...set,
    version: set.version + 1,
    source: `${set.source}；受援人意见反馈表可由结案回访记录代替`,
    kinds: {
      ...set.kinds,
      legal_aid: {
        ...set.kinds.legal_aid,
        items: set.kinds.legal_aid.items.map((i) =>
          i.key === FEEDBACK_KEY
            ? { ...i, satisfiedBy: { when: { fact: 'closingFollowUp', equals: true }, name: '结案回访记录' } }
            : i,
        ),
      },
    },
  };
}
