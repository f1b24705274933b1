import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli';
import { OFFICE, tempDir, testBackend, validApplication } from '../support/fixtures';

// Prints real PDFs through Chromium and reads them back with pdftotext: a budget for a loaded 2-core machine.
jest.setTimeout(120_000);

/** The PDF's text as pdftotext lays it out (rows of a table on their lines), without the white space between cells. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

function inOrder(text: string, names: string[]): boolean {
  let from = 0;
  for (const name of names) {
    const at = text.indexOf(name, from);
    if (at < 0) return false;
    from = at + name.length;
  }
  return true;
}

const RECEIVED = [
  { itemKey: 'applicationForm', name: '法律援助申请表', pages: 2 },
  { itemKey: 'applicantId', name: '申请人身份证明', pages: 1 },
  { itemKey: 'caseMaterials', name: '与所申请法律援助事项有关的案件材料', pages: 12 },
];
const MISSING = ['个人诚信承诺书'];

let dir: string;
let db: string;
let caseNumber: string;

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'office.sqlite');
  const backend = testBackend(db);
  await backend.api.call('office.setup', OFFICE);
  const made = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
  caseNumber = made.caseNumber;
  for (const m of RECEIVED) {
    await backend.api.call('dossier.markReceived', {
      caseId: made.id,
      itemKey: m.itemKey,
      receivedOn: '2026-11-20',
      pages: m.pages,
      form: '原件',
      note: '',
    });
  }
  await backend.close();
});

describe('npm run cli -- print', () => {
  it('prints the completeness checklist to a real PDF: the case number, every item in filing order, exactly the missing ones marked', async () => {
    const out = path.join(dir, 'checklist.pdf');
    const result = await cli('print', '--db', db, '--case', caseNumber, '--doc', 'checklist', '--out', out);
    expect(result).toEqual({ code: 0, out: `已打印：卷宗材料核对表（${caseNumber}） → ${out}`, err: '' });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(out);
    expect(text).toContain('卷宗材料核对表');
    expect(text).toContain(caseNumber);
    expect(
      inOrder(text, [
        '卷宗封面',
        '卷内目录',
        '法律援助申请表',
        '申请人身份证明',
        '代理人身份证明及代理关系证明',
        '个人诚信承诺书',
        '与所申请法律援助事项有关的案件材料',
        '结案报告表',
      ]),
    ).toBe(true);
    expect(text).toContain(`现缺少${MISSING.length}项：${MISSING.join('；')}`);
    expect(text.match(/缺少/g)!.length).toBe(MISSING.length + 1); // each missing row, and the summary
  });

  it('prints the 补正材料通知书 listing exactly what is missing, with the due date', async () => {
    const out = path.join(dir, 'notice.pdf');
    expect(
      (await cli('print', '--db', db, '--case', caseNumber, '--doc', 'notice', '--out', out, '--due', '2026-12-07'))
        .code,
    ).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('补正材料通知书');
    expect(text).toContain(caseNumber);
    expect(text).toContain('张秀英：');
    for (const name of MISSING) expect(text).toContain(name);
    for (const m of RECEIVED) expect(text).not.toContain(m.name);
    expect(text).toContain('请于2026年12月7日前补正上述材料');
    expect(text).toContain(OFFICE.name);
  });

  it('prints the 卷内目录 with page numbers computed from the page counts', async () => {
    const out = path.join(dir, 'toc.pdf');
    expect((await cli('print', '--db', db, '--case', caseNumber, '--doc', 'toc', '--out', out)).code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('卷内目录');
    expect(text).toContain(caseNumber);
    expect(inOrder(text, ['1法律援助申请表1-2', '2申请人身份证明3', '3与所申请法律援助事项有关的案件材料4-15'])).toBe(
      true,
    );
  });

  it('prints the 卷宗封面 with the kind, parties, handler, dates and retention', async () => {
    const out = path.join(dir, 'cover.pdf');
    expect((await cli('print', '--db', db, '--case', caseNumber, '--doc', 'cover', '--out', out)).code).toBe(0);
    const text = pdfText(out);
    for (const s of [
      '法律援助卷宗',
      caseNumber,
      '当事人张秀英',
      '承办人李娟',
      '立案日期2026年11月20日',
      '保管期限长期',
      '立卷人李娟',
      '本卷共15页',
      OFFICE.name,
    ]) {
      expect(text).toContain(s);
    }
  });

  it('makes the electronic dossier: cover, 目录 counted in the PDF (目录 is page 1), a stand-in page per paper item', async () => {
    const out = path.join(dir, 'dossier.pdf');
    const result = await cli('print', '--db', db, '--case', caseNumber, '--doc', 'dossier', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      new RegExp(`^已生成：电子卷宗（5页，SHA-256 [0-9a-f]{64}）→ ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+5\n/);
    const text = pdfText(out);
    expect(
      inOrder(text, [
        '本卷共16页',
        '1法律援助申请表2-3',
        '2申请人身份证明4',
        '3与所申请法律援助事项有关的案件材料5-16',
        '第2–3页：纸质材料，未扫描',
        '第4页：纸质材料，未扫描',
        '第5–16页：纸质材料，未扫描',
      ]),
    ).toBe(true);
  });

  it('refuses the electronic dossier of a case with no materials, writing nothing', async () => {
    const backend = testBackend(db);
    const bare = await backend.api.call('legalAid.create', { draftId: null, application: validApplication() });
    await backend.close();
    const out = path.join(dir, 'bare.pdf');
    expect(await cli('print', '--db', db, '--case', bare.caseNumber, '--doc', 'dossier', '--out', out)).toMatchObject({
      code: 1,
      err: '案件：本案尚无已收到的材料，不能生成电子卷宗 (caseId)',
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown page or case, writing nothing', async () => {
    const out = path.join(dir, 'none.pdf');
    expect(await cli('print', '--db', db, '--case', caseNumber, '--doc', 'letter', '--out', out)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--doc 应为 cover、toc、checklist、notice、followUp 或 dossier'),
    });
    expect(
      await cli('print', '--db', db, '--case', '〔2026〕黎托援字第9999号', '--doc', 'toc', '--out', out),
    ).toMatchObject({ code: 1, err: expect.stringContaining('案件不存在：〔2026〕黎托援字第9999号') });
    expect(await cli('print', '--db', db, '--doc', 'toc', '--out', out)).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少参数 --case'),
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
