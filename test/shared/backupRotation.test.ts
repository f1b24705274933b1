import {
  backupFileName,
  isoWeekKey,
  parseBackupFileName,
  rotateBackups,
  type BackupReason,
} from '../../shared/backupRotation';

/** Local dates, as the clerk's PC sees them (the rotation works on local calendar days). */
function on(iso: string, hour = 18): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, 30, 0);
}

function day(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/** One daily backup at 18:30 on every day from `from` for `count` days. */
function everyDay(from: string, count: number): { takenAt: Date; reason: BackupReason }[] {
  const start = on(from);
  return Array.from({ length: count }, (_, i) => ({
    takenAt: new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 18, 30),
    reason: 'daily' as const,
  }));
}

describe('backup file names', () => {
  it('names a backup by its local time and reason, and reads the name back', () => {
    const at = new Date(2026, 10, 22, 9, 5, 7);
    expect(backupFileName(at, 'daily')).toBe('casedesk-20261122-090507-daily.sqlite');
    expect(backupFileName(at, 'pre-restore', 2)).toBe('casedesk-20261122-090507-pre-restore-2.sqlite');
    for (const reason of ['daily', 'manual', 'migration', 'import', 'pre-restore'] as const) {
      expect(parseBackupFileName(backupFileName(at, reason, 3))).toEqual({ takenAt: at, reason });
    }
  });

  it('ignores every other file a folder may hold', () => {
    for (const name of [
      'casedesk.sqlite',
      'casedesk-20261122-090507-daily.sqlite.partial',
      'casedesk-20261122-090507-daily.sqlite.attachments',
      'casedesk-20261122-090507-daily.sqlite-wal',
      'casedesk-20261122-090507-weekly.sqlite',
      'casedesk-20261131-090507-daily.sqlite', // no 31 November
      'casedesk-20261122-250507-daily.sqlite',
      '备份-20261122.sqlite',
    ]) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });

  it('computes ISO weeks across year ends', () => {
    expect(isoWeekKey(on('2026-01-01'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekKey(on('2025-12-29'))).toBe('2026-W01'); // its Monday
    expect(isoWeekKey(on('2027-01-01'))).toBe('2026-W53'); // a Friday
    expect(isoWeekKey(on('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekKey(on('2026-11-22'))).toBe('2026-W47'); // a Sunday
    expect(isoWeekKey(on('2026-11-23'))).toBe('2026-W48');
  });
});

describe('the rotation of daily backups', () => {
  // 400 days of daily backups ending on Sunday 2026-11-22.
  const year = everyDay('2025-10-19', 400);

  it('keeps 7 daily, 4 weekly and 12 monthly backups out of 400 days', () => {
    expect(day(year.at(-1)!.takenAt)).toBe('2026-11-22');
    const { keep, remove } = rotateBackups(year);
    expect(keep.map((b) => day(b.takenAt)).sort()).toEqual([
      // the newest of each of the 12 most recent months (November's is today)
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      // the newest (Sunday) of each of the 4 most recent ISO weeks; the fourth is this week, inside the 7 days
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      // the 7 most recent days
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(keep.length + remove.length).toBe(400);
  });

  it('run every day over 400 days, it holds at most 23 backups and ends where one rotation of all would', () => {
    let folder: { takenAt: Date; reason: BackupReason }[] = [];
    const manual = { takenAt: on('2025-11-02', 10), reason: 'manual' as const };
    const preRestore = { takenAt: on('2026-02-03', 11), reason: 'pre-restore' as const };
    for (const [i, backup] of year.entries()) {
      folder.push(backup);
      if (i === 14) folder.push(manual);
      if (i === 107) folder.push(preRestore);
      folder = rotateBackups(folder).keep;
      expect(folder.filter((b) => b.reason === 'daily').length).toBeLessThanOrEqual(23);
    }
    expect(folder).toContain(manual);
    expect(folder).toContain(preRestore);
    const daily = folder.filter((b) => b.reason === 'daily');
    expect(daily).toEqual(rotateBackups(year).keep);
  });

  it('counts only periods that hold a backup, so a long break does not empty it', () => {
    // Used every day from 5 January to Wednesday 25 March, then not again until 20–22 November.
    const backups = [...everyDay('2026-01-05', 80), ...everyDay('2026-11-20', 3)];
    expect(day(backups[79]!.takenAt)).toBe('2026-03-25');
    const kept = rotateBackups(backups)
      .keep.map((b) => day(b.takenAt))
      .sort();
    expect(kept).toEqual([
      '2026-01-31',
      '2026-02-28', // months (March's and November's are among the days)
      '2026-03-15',
      '2026-03-22', // weeks: the Sundays of the two weeks before the break's week
      '2026-03-23',
      '2026-03-24',
      '2026-03-25', // days: the 7 most recent days that have a backup
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('keeps the newest of several backups in one day, and never touches manual, migration, import or pre-restore ones', () => {
    const backups = [
      { takenAt: on('2026-11-22', 8), reason: 'daily' as const },
      { takenAt: on('2026-11-22', 17), reason: 'daily' as const },
      ...(['manual', 'migration', 'import', 'pre-restore'] as const).map((reason, i) => ({
        takenAt: on(`2020-0${i + 1}-01`),
        reason,
      })),
    ];
    const { keep, remove } = rotateBackups(backups);
    expect(remove).toEqual([backups[0]]);
    expect(keep).toEqual(backups.slice(1));
  });

  it('follows a narrower policy', () => {
    const kept = rotateBackups(everyDay('2026-11-01', 22), { days: 2, weeks: 0, months: 0 }).keep;
    expect(kept.map((b) => day(b.takenAt))).toEqual(['2026-11-21', '2026-11-22']);
  });
});
