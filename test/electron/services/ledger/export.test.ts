// 台账导出: each kind's ledger of a year, made from real cases registered and carried through their steps by the
// services, read back by LibreOffice (libreofficeRows: the cells as shown) and printed by it (libreofficePrint:
// pdfinfo's page sizes, pdftotext's text per page).
import fs from 'node:fs';
import path from 'node:path';
import type { ChannelInput } from '../../../../shared/contract';
import { maskIdNumber } from '../../../../shared/identity';
import { fileWholeDossier } from '../../../shared/dossier/filing';
import {
  PAYLOADS as MEDIATION,
  validQuickOral,
  validRegistration,
  WANG_ID,
} from '../../../shared/kinds/mediation/fixtures';
import { APPLICANT_ID, step, takeStep, validRequest } from '../../../shared/kinds/notarization/fixtures';
import { dataState, OFFICE, tempDir, testBackend, validApplication, type TestBackend } from '../../../support/fixtures';
import { libreofficePrint, libreofficeRows, type PrintedPage } from '../../../support/officeReaders';

// LibreOffice converts each workbook twice (CSV and PDF); its first start on a loaded 2-core machine takes tens of seconds.
jest.setTimeout(240_000);

let backend: TestBackend;
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
/** Enough plain registrations that the mediation ledger runs over several printed pages. */
const MORE_MEDIATIONS = 45;

async function exported(kind: ChannelInput<'ledger.export'>['kind'], year = 2026) {
  const made = await backend.api.call('ledger.export', { kind, year });
  const file = path.join(tempDir(), made.fileName);
  fs.writeFileSync(file, Buffer.from(made.base64, 'base64'));
  return { ...made, file };
}

/** The rows of the sheet's table by the header row: each case's cells by header. */
function table(rows: string[][]): { title: string; info: string; header: string[]; body: Record<string, string>[] } {
  const header = rows[2]!;
  return {
    title: rows[0]![0]!,
    info: rows[1]![0]!,
    header,
    body: rows.slice(3).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
  };
}

beforeAll(async () => {
  backend = testBackend();
  await backend.api.call('office.setup', OFFICE);

  // 人民调解: a written agreement followed up, a 口头调解登记, a failure, one of last year, and many plain ones.
  const agreed = (await backend.api.call('mediation.create', { draftId: null, registration: validRegistration() })).id;
  for (const [action, actedOn] of [
    ['recordSession', '2026-11-03'],
    ['succeed', '2026-11-04'],
    ['followUp', '2026-11-15'],
  ] as const) {
    await backend.api.call(`mediation.${action}`, { caseId: agreed, actedOn, ...MEDIATION[action] } as never);
  }
  await backend.api.call('mediation.quickOral', validQuickOral());
  const failed = (
    await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration({ receivedOn: '2026-03-09', disputeType: '婚姻纠纷' }),
    })
  ).id;
  await backend.api.call('mediation.recordSession', {
    caseId: failed,
    actedOn: '2026-03-10',
    ...MEDIATION.recordSession,
  } as never);
  await backend.api.call('mediation.fail', { caseId: failed, actedOn: '2026-03-12', ...MEDIATION.fail } as never);
  await backend.api.call('mediation.create', {
    draftId: null,
    registration: validRegistration({ receivedOn: '2025-12-31', disputeType: '合同纠纷' }),
  });
  for (let i = 0; i < MORE_MEDIATIONS; i++) {
    await backend.api.call('mediation.create', {
      draftId: null,
      registration: validRegistration({ receivedOn: `2026-0${1 + (i % 9)}-1${i % 10}`, disputeType: '家庭纠纷' }),
    });
  }

  // 法律援助: one assigned and closed, one refused.
  const closed = (await backend.api.call('legalAid.create', { draftId: null, application: validApplication() })).id;
  await fileWholeDossier(backend.api, closed);
  const on = { caseId: closed, actedOn: '2026-11-21' };
  await backend.api.call('legalAid.decide', {
    ...on,
    decision: '给予法律援助',
    decidedBy: '县法律援助中心',
    matterType: '赡养费抚养费扶养费',
    mandatoryDefenceGrounds: [],
    documentNumber: '雨法援决〔2026〕12号',
    reasons: '',
  });
  await backend.api.call('legalAid.assign', {
    ...on,
    assignedBy: '县法律援助中心',
    orgType: '律师事务所',
    orgName: '湖南星城律师事务所',
    personName: '周明',
    rosterId: null,
  });
  await backend.api.call('legalAid.close', {
    ...on,
    actedOn: '2026-11-22',
    result: '调解结案',
    closingDocument: '调解书',
    closingDocumentNumber: '（2026）湘0111民初1234号',
    matterEndedOn: '2026-11-22',
    materialsSubmittedOn: '2026-11-22',
    summary: '',
  });
  const refused = (
    await backend.api.call('legalAid.create', {
      draftId: null,
      application: { ...validApplication(), receivedOn: '2026-02-03' },
    })
  ).id;
  await backend.api.call('legalAid.decide', {
    caseId: refused,
    actedOn: '2026-02-05',
    decision: '不予法律援助',
    decidedBy: '县法律援助中心',
    matterType: '不属于法定援助事项',
    mandatoryDefenceGrounds: [],
    documentNumber: '雨法援决〔2026〕3号',
    reasons: '申请事项不属于法律援助范围',
  });

  // 公证申请: one carried to hand-over, one just received.
  const delivered = (await backend.api.call('notarization.create', { draftId: null, request: validRequest() })).id;
  for (const [action, actedOn] of [
    ['checkMaterials', '2026-11-20'],
    ['forward', '2026-11-20'],
    ['accept', '2026-11-21'],
    ['issue', '2026-11-21'],
    ['deliver', '2026-11-22'],
  ] as const)
    await takeStep(backend.api, step(delivered, action, actedOn));
  await backend.api.call('notarization.create', {
    draftId: null,
    request: validRequest({ receivedOn: '2026-06-01', purpose: '探亲' }),
  });
});

afterAll(() => backend.close());

describe('the mediation ledger', () => {
  let made: Awaited<ReturnType<typeof exported>>;
  beforeAll(async () => {
    made = await exported('mediation');
  });

  it('lists every dispute received in the year, one row each in the order received, with the office and year in the title', () => {
    const sheet = table(libreofficeRows(made.file));
    expect(made.fileName).toBe('人民调解台账-黎托街道司法所-2026.xlsx');
    expect(sheet.title).toBe('黎托街道司法所2026年人民调解台账');
    expect(sheet.info).toContain(`共${MORE_MEDIATIONS + 3}件`);
    expect(sheet.header).toEqual([
      '序号',
      '纠纷编号',
      '受理日期',
      '纠纷来源',
      '调解组织',
      '当事人',
      '证件号码',
      '纠纷类型',
      '纠纷简要情况',
      '涉及金额（元）',
      '调解员',
      '调解日期',
      '调解结果',
      '协议形式',
      '履行情况',
      '回访',
      '备注',
    ]);
    expect(made.rowCount).toBe(MORE_MEDIATIONS + 3);
    expect(sheet.body).toHaveLength(MORE_MEDIATIONS + 3);
    expect(sheet.body.map((r) => r['序号'])).toEqual(sheet.body.map((_, i) => String(i + 1)));
    // In the order received: the dates as the sheet shows them, read back into ISO dates.
    const received = sheet.body.map((r) => {
      const [, y, m, d] = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(r['受理日期']!)!;
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    });
    expect(received.every((d) => d.startsWith('2026-'))).toBe(true);
    expect(received).toEqual([...received].sort());
    expect(sheet.body.some((r) => r['纠纷类型'] === '合同纠纷')).toBe(false); // received 2025-12-31

    const agreed = sheet.body.find((r) => r['受理日期'] === '2026年11月2日' && r['调解结果'] === '调解成功')!;
    expect(agreed).toMatchObject({
      纠纷来源: '当事人申请',
      调解组织: '花侯村人民调解委员会',
      当事人: '王建国、李秀梅',
      证件号码: maskIdNumber(WANG_ID),
      纠纷类型: '邻里纠纷',
      '涉及金额（元）': '3,000.00',
      调解员: '赵德明、周小兰',
      调解日期: '2026年11月4日',
      协议形式: '书面',
      回访: '2026年11月15日 满意',
    });
    expect(agreed['纠纷编号']).toMatch(/^〔2026〕.*调字第\d+号$/);
    const failed = sheet.body.find((r) => r['纠纷类型'] === '婚姻纠纷')!;
    expect(failed).toMatchObject({ 调解结果: '调解不成功', 调解日期: '2026年3月12日', 协议形式: '' });
    const oral = sheet.body.find((r) => r['纠纷类型'] === '消费纠纷')!;
    expect(oral).toMatchObject({ 协议形式: '口头', 调解结果: '调解成功' });
    expect(oral['备注']).toContain('口头调解登记');
    // ID numbers only masked: the whole number is nowhere in the sheet.
    expect(JSON.stringify(sheet)).not.toContain(WANG_ID);
  });

  it('freezes and wraps the header, borders every cell, and repeats the header on each printed page', async () => {
    // What a CSV cannot show, read from the file's own sheet settings.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(made.file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('人民调解台账');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.getCell('A1').isMerged).toBe(true);
    const header = ws.getRow(3);
    expect(header.getCell(1).alignment).toMatchObject({ wrapText: true });
    const last = ws.getRow(ws.rowCount);
    for (let col = 1; col <= 17; col++) {
      expect(header.getCell(col).border?.top?.style).toBe('thin');
      expect(last.getCell(col).border?.bottom?.style).toBe('thin');
    }
  });

  it('prints on A4 landscape pages, each with the table’s header, the title once', () => {
    const pages: PrintedPage[] = libreofficePrint(made.file);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(page.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
      expect(page.text).toMatch(/纠纷编号[\s\S]*受理日期[\s\S]*调解结果/);
    }
    expect(pages.filter((p) => p.text.includes('黎托街道司法所2026年人民调解台账'))).toHaveLength(1);
    // Fitted to the page's width: the last column is on the first page.
    expect(pages[0]!.text).toContain('备注');
  });
});

describe('the legal-aid ledger', () => {
  it('gives the applicant, the decision, who was assigned, closing and the result of each application', async () => {
    const made = await exported('legal_aid');
    const sheet = table(libreofficeRows(made.file));
    expect(sheet.title).toBe('黎托街道司法所2026年法律援助案件登记台账');
    expect(sheet.header).toEqual([
      '序号',
      '案号',
      '申请日期',
      '申请人',
      '性别',
      '证件号码',
      '申请人类别',
      '案件类别',
      '案由',
      '援助形式',
      '对方当事人',
      '审查决定',
      '指派日期',
      '承办单位',
      '承办人',
      '结案日期',
      '办理结果',
      '回访',
      '备注',
    ]);
    expect(sheet.body).toHaveLength(2);
    expect(sheet.body[0]).toMatchObject({
      申请日期: '2026年2月3日',
      审查决定: '2026年2月5日\n不予法律援助',
      办理结果: '不予援助',
      指派日期: '',
    });
    expect(sheet.body[1]).toMatchObject({
      序号: '2',
      申请日期: '2026年11月20日',
      申请人: '张秀英',
      性别: '女',
      证件号码: '110105********002X',
      申请人类别: '老年人、妇女',
      案件类别: '民事',
      案由: '赡养费纠纷',
      对方当事人: '张建国',
      审查决定: '2026年11月21日\n给予法律援助',
      指派日期: '2026年11月21日',
      承办单位: '湖南星城律师事务所',
      承办人: '周明',
      结案日期: '2026年11月22日',
      办理结果: '已结案',
    });
    const pages = libreofficePrint(made.file);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ width: expect.closeTo(A4_LANDSCAPE.width, 0) });
    expect(pages[0]!.text).toContain('承办人');
  });
});

describe('the notarization register', () => {
  it('gives the applicant, the matter, forwarding, the certificate and hand-over of each request', async () => {
    const made = await exported('notarization');
    const sheet = table(libreofficeRows(made.file));
    expect(sheet.title).toBe('黎托街道司法所2026年公证申请登记簿');
    expect(sheet.body).toHaveLength(2);
    expect(sheet.body[0]).toMatchObject({ 用途: '探亲', 办理结果: '待核对材料', 出证日期: '' });
    expect(sheet.body[1]).toMatchObject({
      申请人: '王晓明',
      证件号码: maskIdNumber(APPLICANT_ID),
      公证事项: '学历',
      用途: '出国留学',
      使用地: '英国',
      份数: '2',
      '收费（元）': '160.00',
      转递公证处: '湖南省长沙市雨花公证处\n2026年11月20日',
      出证日期: '2026年11月21日',
      公证书编号: '（2026）湘长雨证字第1234号',
      领取日期: '2026年11月22日',
      办理结果: '已领取',
      备注: '需翻译：英语',
    });
  });
});

describe('what the export refuses', () => {
  it('an unknown kind, or a year before 2000 or after this one, naming the field, and changes nothing', async () => {
    const before = dataState(backend.dataFile);
    const refusal = async (input: unknown) => {
      const result = await backend.dispatch('ledger.export', input);
      if (result.ok) throw new Error('accepted');
      return result.error;
    };
    expect(await refusal({ kind: 'divorce', year: 2026 })).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect((await refusal({ kind: 'divorce', year: 2026 })).message).toMatch(/^案件类型：/);
    expect(await refusal({ kind: 'mediation', year: 1999 })).toMatchObject({
      field: 'year',
      message: '年度：不能小于2000',
    });
    expect(await refusal({ kind: 'mediation', year: 2027 })).toMatchObject({
      code: 'VALIDATION',
      field: 'year',
      message: '年度：应在2000年至2026年之间',
    });
    expect(dataState(backend.dataFile)).toBe(before);
  });

  it('a read-only account: it may read cases, not take a ledger of them out', async () => {
    const user = await backend.api.call('users.create', {
      username: 'zhaomin',
      displayName: '赵敏',
      role: 'readonly',
      password: 'Initial123',
    });
    backend.sessions.control('readonly-window').signIn({ ...user, mustChangePassword: false });
    const result = await backend.dispatch('ledger.export', { kind: 'mediation', year: 2026 }, 'readonly-window');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'FORBIDDEN', message: '当前角色（只读）无权进行此操作' }),
    });
  });

  it('a year without cases still gives the ledger, saying there were none', async () => {
    const made = await exported('notarization', 2024);
    expect(made.rowCount).toBe(0);
    const rows = libreofficeRows(made.file);
    expect(rows[3]![0]).toBe('2024年没有受理的公证申请案件');
  });
});
