// `report`: the periodic report written as the bureau's workbook from the command line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { officeStatistics } from '../../electron/services/statistics/office';
import { PAYLOADS as MEDIATION, validRegistration } from '../shared/kinds/mediation/fixtures';
import type { ChannelInput } from '../../shared/contract';
import { tempDir, testBackend, validApplication } from '../support/fixtures';

// LibreOffice reads the workbooks back; its first start on a loaded machine takes tens of seconds: a budget for a loaded 2-core machine.
jest.setTimeout(180_000);

let db: string;
beforeAll(async () => {
  db = path.join(tempDir(), 'office.sqlite');
  expect(
    (
      await cli(
        'init',
        '--db',
        db,
        '--office-code',
        '430111',
        '--office-name',
        '黎托街道司法所',
        '--bureau-name',
        '雨花区司法局',
      )
    ).code,
  ).toBe(0);
  const backend = testBackend(db);
  try {
    for (const receivedOn of ['2026-09-30', '2026-10-01', '2026-10-31']) {
      await backend.api.call('legalAid.create', { draftId: null, application: { ...validApplication(), receivedOn } });
    }
    const m = (
      await backend.api.call('mediation.create', {
        draftId: null,
        registration: validRegistration({ receivedOn: '2026-10-12' }),
      })
    ).id;
    await backend.api.call('mediation.recordSession', {
      caseId: m,
      actedOn: '2026-10-13',
      ...MEDIATION.recordSession,
    } as ChannelInput<'mediation.recordSession'>);
    await backend.api.call('mediation.succeed', {
      caseId: m,
      actedOn: '2026-10-14',
      ...MEDIATION.succeed,
    } as ChannelInput<'mediation.succeed'>);
  } finally {
    await backend.close();
  }
});

describe('report', () => {
  it('writes October’s workbook, whose summary sheet LibreOffice reads back as the file’s figures', async () => {
    const out = path.join(tempDir(), '十月.xlsx');
    const made = await cli('report', '--db', db, '--period', '2026-10', '--out', out);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toBe(`已生成统计报表：${out}`);

    const profile = path.join(tempDir(), 'lo-profile');
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        path.dirname(out),
        out,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    // The first sheet, in UTF-8, cells as shown.
    const summary = fs
      .readFileSync(out.replace(/\.xlsx$/, '.csv'), 'utf8')
      .split('\n')
      .map((l) => l.split(','));
    expect(summary[0]?.[0]).toBe('司法所业务工作统计表（汇总）');

    const backend = testBackend(db);
    try {
      const figures = await officeStatistics(backend.store.db, '2026-10');
      const of = (key: string) => figures.rows.find((r) => r.key === key)!;
      expect(summary.find((r) => r[0] === '受理申请')).toEqual([
        '受理申请',
        '件',
        String(of('legalAid.received').period),
        String(of('legalAid.received').yearToDate),
      ]);
      expect(of('legalAid.received').period).toBe(2);
      expect(summary.find((r) => r[0] === '调解成功')).toEqual(['调解成功', '件', '1', '1']);
      expect(summary.find((r) => r[0] === '调解成功率')).toEqual(['调解成功率', '%', '100.0', '100.0']);
    } finally {
      await backend.close();
    }
  });

  it('refuses a period that is not one, with the field in Chinese, and writes nothing', async () => {
    const out = path.join(tempDir(), 'bad.xlsx');
    const refused = await cli('report', '--db', db, '--period', '2026-13', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^统计期间：.*\(period\)$/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says how to call it when --period or --out is missing, or the scope is unknown', async () => {
    expect(await cli('report', '--db', db, '--out', '/tmp/x.xlsx')).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --period'),
    });
    expect(await cli('report', '--db', db, '--period', '2026-10')).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --out'),
    });
    expect(
      await cli('report', '--db', db, '--period', '2026-10', '--out', '/tmp/x.xlsx', '--scope', 'town'),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--scope') });
  });

  it('refuses the county report in an office’s file', async () => {
    const refused = await cli(
      'report',
      '--db',
      db,
      '--period',
      '2026-10',
      '--out',
      path.join(tempDir(), 'county.xlsx'),
      '--scope',
      'county',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('全县汇总只能在县司法局');
  });
});
