// The sheet 案件质量评估 of the county's workbook: two offices imported, a round of the year drawn, scored and closed,
// the county's workbook made and read back — the page setup from the file, the figures by LibreOffice — with
// the same figures the round's results give (per office, per handler, per kind).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_SHEETS } from '../../../../shared/evaluation/sheets';
import { tempDir } from '../../../support/fixtures';
import { libreofficeRows } from '../../../support/officeReaders';
import type { Site } from '../exchange/fixtures';
import { bureauWithTwoOffices, mediationRound, signedInEvaluator } from './fixtures';

// Importing packages, then LibreOffice's first start on a loaded machine: a budget for a loaded 2-core machine.
jest.setTimeout(240_000);

let county: Site;

beforeAll(async () => {
  // Two offices with cases of every kind taken along their lifecycles by the channels, exported and imported.
  county = await bureauWithTwoOffices();
});
afterAll(() => county.close());

describe('the sheet 案件质量评估', () => {
  it('prints the year’s closed round per office, handler and kind, as LibreOffice reads it back', async () => {
    const { id: evaluatorId, api: evaluator } = await signedInEvaluator(county, 'pingcha');
    const round = await county.api.call('evaluation.createRound', { round: mediationRound([evaluatorId], 2) });
    const { samples } = await county.api.call('evaluation.draw', { roundId: round.id, seed: 'sheet' });
    expect(samples).toHaveLength(4);
    // The first case of each office loses 15 points on 调解协议 (85: 良好); the others get full marks (优秀).
    for (const [i, s] of samples.entries()) {
      const items = DEFAULT_SHEETS.mediation.items.map((item) =>
        item.key === 'agreement' && i % 2 === 0
          ? { key: item.key, points: item.max - 15, remark: '协议内容不明确' }
          : { key: item.key, points: item.max, remark: '' },
      );
      await evaluator.call('evaluation.saveScore', { sampleId: s.id, items, submit: true });
    }
    await county.api.call('evaluation.close', { roundId: round.id });
    const results = await county.api.call('evaluation.results', { roundId: round.id });

    // The workbook as 导出Excel and `report --scope county` make it.
    const xlsx = path.join(tempDir(), 'county.xlsx');
    const workbook = await county.api.call('statistics.workbook', { period: '2026-10', scope: 'county' });
    fs.writeFileSync(xlsx, Buffer.from(workbook.base64, 'base64'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const at = wb.worksheets.findIndex((w) => w.name === '案件质量评估');
    expect(at).toBeGreaterThan(-1);
    const ws = wb.worksheets[at]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '4:4' });

    const rows = libreofficeRows(xlsx, at + 1);
    expect(rows[0]![0]).toBe('案件质量评估（2026年度）');
    expect(rows[1]![0]).toMatch(/^填报单位：.+/);
    expect(rows[3]!.slice(0, 10)).toEqual([
      '类别',
      '名称',
      '评查件数',
      '优秀',
      '良好',
      '合格',
      '不合格',
      '优良率（%）',
      '合格率（%）',
      '平均分',
    ]);
    expect(rows[4]![0]).toBe('2026年度人民调解卷宗评查（上年无已结束的评查活动）');
    const body = rows.slice(5).map((r) => r.slice(0, 10));
    expect(body[0]).toEqual(['合计', '全县', '4', '2', '2', '0', '0', '100.00', '100.00', '92.50']);
    const offices = body.filter((r) => r[0] === '司法所');
    expect(offices.map((r) => r[1])).toEqual(results.byOffice.map((o) => o.group));
    for (const o of offices) expect(o.slice(2)).toEqual(['2', '1', '1', '0', '0', '100.00', '100.00', '92.50']);
    const handlers = body.filter((r) => r[0] === '承办人');
    expect(handlers.map((r) => r[1])).toEqual(results.byHandler.map((h) => `${h.office} ${h.group}`));
    expect(handlers.reduce((n, r) => n + Number(r[2]), 0)).toBe(4);
    expect(body.filter((r) => r[0] === '案卷类别')).toEqual([
      ['案卷类别', '人民调解', '4', '2', '2', '0', '0', '100.00', '100.00', '92.50'],
    ]);
  });
});
