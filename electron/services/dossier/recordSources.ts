// The generated-record sources of the electronic dossier: pages the app itself makes that fill a dossier item
// (electronic.ts `GeneratedRecordSource`), asked in this order for every item of a case. A source is added here —
// one line — and its page then takes the item's place in every dossier made and archived from then on.
import type { GeneratedRecordSource } from './electronic';
import { followUpRecordPage } from './print';

/**
 * An item the rules count as present through a record CaseDesk keeps (the rule's `satisfiedBy`: legal aid's
 * 受援人意见反馈表 by a closing follow-up) and that nothing was filed for is filed as the case's printed 回访记录.
 */
const followUpRecords: GeneratedRecordSource = {
  async recordFor(db, caseId, item) {
    if (item.record === undefined) return null;
    const page = await followUpRecordPage(db, caseId);
    return { html: page.html, note: item.record };
  },
};

export const DOSSIER_RECORD_SOURCES: readonly GeneratedRecordSource[] = [followUpRecords];
