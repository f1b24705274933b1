import type { Migration } from './migration';

/**
 * Legal-aid rules of issue 14 that the application must record:
 * - `defence_ground` (法律援助法 第24条): why a suspect or defendant who applies for a defence has no defender,
 *   经济困难 or 其他原因; only the financial ground brings 第41条's check. Existing 刑事 applications were all
 *   registered and reviewed under the financial test (their finances are on the form), so they read as 经济困难;
 *   other categories stay ''.
 * - `notice_authority`, `notice_document_number`, `notice_grounds` (第36条 通知辩护): a case that starts from an
 *   authority's notice, not an application — 通知机关, 通知书文号 and the 第25条/第28条 grounds (JSON); the day the
 *   notice was received is the case's `received_on`. '' / '[]' for an application, which every existing case is.
 */
export const legalAidGroundsAndNotices: Migration = {
  version: 17,
  name: 'legal-aid-grounds-and-notices',
  up(db) {
    db.exec(`
      ALTER TABLE legal_aid_cases ADD COLUMN defence_ground TEXT NOT NULL DEFAULT ''
        CHECK (defence_ground IN ('', '经济困难', '其他原因'));
      ALTER TABLE legal_aid_cases ADD COLUMN notice_authority TEXT NOT NULL DEFAULT '';
      ALTER TABLE legal_aid_cases ADD COLUMN notice_document_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE legal_aid_cases ADD COLUMN notice_grounds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notice_grounds));
      UPDATE legal_aid_cases SET defence_ground = '经济困难' WHERE category = '刑事';
    `);
  },
};
