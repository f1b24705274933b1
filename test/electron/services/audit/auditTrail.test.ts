// The audit viewer's date filter names the clerk's local days, while entries carry UTC moments (jest runs in
// China time, see jest.config.js).

import { localDayStart } from '../../../../shared/dates';
import { manualClock, OFFICE, testBackend, validApplication, type TestBackend } from '../../../support/fixtures';

const filter = { username: null, channel: null, tableName: 'cases', rowKey: null, page: 1, pageSize: 50 };

describe('the audit log filtered by day', () => {
  let backend: TestBackend;
  beforeEach(() => {
    // 01:30 on 22 November in China is still 21 November in UTC.
    backend = testBackend(undefined, { clock: manualClock('2026-11-21T17:30:00Z') });
  });
  afterEach(() => backend.close());

  it('finds an entry made after midnight China time under that local day', async () => {
    await backend.api.call('office.setup', OFFICE);
    await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    const on22 = await backend.api.call('audit.list', { ...filter, from: '2026-11-22', to: '2026-11-22' });
    expect(on22.rows.filter((r) => r.op === 'insert').map((r) => r.at)).toEqual(['2026-11-21T17:30:00.000Z']);
    const on21 = await backend.api.call('audit.list', { ...filter, from: '2026-11-21', to: '2026-11-21' });
    expect(on21.total).toBe(0);
  });

  it('turns a local day into the UTC moment it begins', () => {
    expect(localDayStart('2026-11-22')).toBe('2026-11-21T16:00:00.000Z');
    expect(localDayStart('2026-12-31', 1)).toBe('2026-12-31T16:00:00.000Z');
  });
});
