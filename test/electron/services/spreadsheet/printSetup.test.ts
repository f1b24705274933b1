// The county's workbook printed as the bureau hands it up: two offices imported, `report --scope county`, the file
// printed to PDF by LibreOffice and read back (page size, the header on every page, type large enough to read);
// the page setup of every sheet read back from the file; and a county of many offices running to pages across.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from '../../../support/cli';
import { makeSyntheticPackages } from '../../../../electron/services/exchange/syntheticPackages';
import { fitSheetToA4 } from '../../../../electron/services/spreadsheet/printSetup';
import { DEFAULT_TEMPLATE } from '../../../../shared/statistics/template';
import { tempDir, testBackend } from '../../../support/fixtures';

// LibreOffice prints the workbooks; its first start on a loaded machine takes tens of seconds.
jest.setTimeout(240_000);

function toPdf(xlsx: string): string {
  const profile = path.join(tempDir(), 'lo-profile');
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      path.dirname(xlsx),
      xlsx,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return xlsx.replace(/\.xlsx$/, '.pdf');
}

/** Each page's size in points and its text. */
function pagesOf(pdf: string): { width: number; height: number; text: string }[] {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return Array.from({ length: count }, (_, i) => {
    const m = new RegExp(`^Page\\s+${i + 1} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm').exec(sizes)!;
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], {
      encoding: 'utf8',
    });
    return { width: Number(m[1]), height: Number(m[2]), text };
  });
}

/** The height in points of every printed word equal to `word` (pdftotext -bbox). */
function wordHeights(pdf: string, word: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out: number[] = [];
  for (const m of html.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  ))
    if (m[5] === word) out.push(Number(m[4]) - Number(m[2]));
  return out;
}

let bureauDb: string;
let countyXlsx: string;

beforeAll(async () => {
  const dir = tempDir();
  bureauDb = path.join(dir, 'bureau.sqlite');
  // As a bureau sets up its file: its own name, no name of a bureau above it (the CLI's default is 县司法局).
  expect(
    (await cli('init', '--db', bureauDb, '--office-code', '430111', '--office-name', '长沙市雨花区司法局')).code,
  ).toBe(0);
  expect((await cli('mode', '--db', bureauDb, '--set', 'bureau')).code).toBe(0);
  const backend = testBackend(bureauDb);
  const files: string[] = [];
  try {
    for (const p of await makeSyntheticPackages(backend.api, { offices: 2, casesPerOffice: 40, period: '2026-10' })) {
      const file = path.join(dir, p.fileName);
      fs.writeFileSync(file, p.bytes);
      files.push(file);
    }
  } finally {
    await backend.close();
  }
  expect((await cli('import', '--db', bureauDb, ...files)).code).toBe(0);
  countyXlsx = path.join(dir, 'county.xlsx');
  expect(
    await cli('report', '--db', bureauDb, '--period', '2026-10', '--scope', 'county', '--out', countyXlsx),
  ).toMatchObject({ code: 0, err: '' });
});

describe('the county workbook on paper', () => {
  it('sets every sheet to A4, fit to width, its header row repeated, and names the bureau as 填报单位', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(countyXlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...DEFAULT_TEMPLATE.sheets.map((s) => s.name),
      '逾期报送',
      '案件质量评估',
    ]);
    for (const ws of wb.worksheets) {
      expect({ sheet: ws.name, ...ws.pageSetup }).toMatchObject({
        sheet: ws.name,
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: expect.stringMatching(/^\d+:\d+$/),
      });
    }
    const legalAid = wb.getWorksheet('法律援助')!;
    expect(legalAid.getCell('A2').text).toBe('填报单位：长沙市雨花区司法局');
    // Indicators down the side, the offices across: the header row repeated is 指标, 单位, the offices, 合计.
    expect(legalAid.pageSetup.printTitlesRow).toBe('4:4');
    expect((legalAid.getRow(4).values as unknown[]).slice(1)).toEqual([
      '指标',
      '单位',
      '第1街道司法所',
      '第2街道司法所',
      '合计',
    ]);
    expect(legalAid.getRow(4).height).toBeGreaterThan(15);
  });

  it('prints as LibreOffice would hand it up: A4 pages, the header on each, type large enough to read', async () => {
    const pdf = toPdf(countyXlsx);
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(DEFAULT_TEMPLATE.sheets.length);
    for (const [i, p] of pages.entries()) {
      // A4 either way up (595 × 842 pt).
      expect({
        page: i + 1,
        size: [Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))],
      }).toEqual({ page: i + 1, size: [595, 842] });
      expect({ page: i + 1, footer: /第 \d+ 页，共 \d+ 页/.test(p.text) }).toEqual({ page: i + 1, footer: true });
    }
    // Every page of the statistics sheets carries the table's header; the 法律援助 sheet runs to several pages.
    const tablePages = pages.filter(
      (p) => !p.text.includes('逾期未报送数据的司法所') && !p.text.includes('案件质量评估'),
    );
    for (const [i, p] of tablePages.entries()) {
      expect({ page: i + 1, header: /指标\s+单位/.test(p.text) }).toEqual({
        page: i + 1,
        header: true,
      });
      expect({ page: i + 1, offices: p.text.includes('第2街道') && p.text.includes('合计') }).toEqual({
        page: i + 1,
        offices: true,
      });
    }
    expect(pages.filter((p) => p.text.includes('受理申请')).length).toBeGreaterThanOrEqual(2);
    expect(pages.some((p) => p.text.includes('填报单位：长沙市雨花区司法局'))).toBe(true);
    expect(pages.some((p) => p.text.includes('县司法局') && !p.text.includes('雨花区司法局'))).toBe(false);
    // Legible: an indicator's label printed at 8 pt or more (the old sheets' forty columns printed it at about 3).
    const heights = wordHeights(pdf, '受理申请');
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(8);
  });
});

describe('fitSheetToA4', () => {
  it('turns a wide table landscape, and runs a very wide one to pages across with its label columns repeated', () => {
    const wb = new ExcelJS.Workbook();
    const narrow = wb.addWorksheet('窄');
    narrow.columns = [{ width: 30 }, { width: 10 }, { width: 10 }];
    expect(fitSheetToA4(narrow, { repeatRows: { first: 3, last: 3 } })).toEqual({
      orientation: 'portrait',
      pagesWide: 1,
    });
    expect(narrow.pageSetup).toMatchObject({ orientation: 'portrait', printTitlesRow: '3:3', fitToWidth: 1 });
    expect(narrow.pageSetup.printTitlesColumn).toBeUndefined();

    const wide = wb.addWorksheet('宽');
    wide.columns = [{ width: 34 }, { width: 6 }, ...Array.from({ length: 10 }, () => ({ width: 11 }))];
    expect(fitSheetToA4(wide)).toEqual({ orientation: 'landscape', pagesWide: 1 });

    const county = wb.addWorksheet('二十个司法所');
    county.columns = [{ width: 34 }, { width: 6 }, ...Array.from({ length: 21 }, () => ({ width: 11 }))];
    const setup = fitSheetToA4(county, { repeatRows: { first: 4, last: 4 }, repeatColumns: { first: 1, last: 2 } });
    expect(setup).toEqual({ orientation: 'landscape', pagesWide: 2 });
    expect(county.pageSetup).toMatchObject({ fitToWidth: 2, fitToHeight: 0, printTitlesColumn: 'A:B' });
  });
});
