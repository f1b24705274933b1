// An office's own 人民调解台账 of 10,000 rows (an .xlsx with a title row, dates in mixed forms, ID numbers), checked
// in a dry run and imported in one transaction, through the channels the page and the CLI call (issue 17: checked
// in under 5 s, imported in under 15 s).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openBackend, type Backend } from '../../../electron/backend';
import { fixedClock } from '../../../electron/services/system/clock';
import type { ChannelInput } from '../../../shared/contract';
import { idCheckChar } from '../../../shared/identity';
import { benchKeys } from '../benchKey';
import { askBenchChild } from '../benchChild';
import type { BenchContext, Measurement } from '../measurement';

/**
 * The ledger has 10,000 rows; a bench over a small office (the bench's own test builds 120 cases) imports a
 * ledger half its size, so the small run stays small. The note says how many rows were checked.
 */
const FULL_ROWS = 10_000;
const rowsFor = (context: BenchContext) =>
  Math.min(FULL_ROWS, Math.max(50, Math.floor(context.dataset.spec.casesPerOffice / 2)));
const CALLER = 'bench';
const TYPES = ['婚姻纠纷', '家庭纠纷', '邻里纠纷', '合同纠纷', '损害赔偿纠纷'];
const RESULTS = ['调解成功', '调解成功', '调解不成功', '终止', ''];

/**
 * The ledger: a title row, the header, `rows` cases of 2019–2023 with their dates written three ways. Written with
 * exceljs's streaming writer, a row at a time: its workbook model would hold every cell of the 10,000 rows (about
 * 160 MB of this process's peak, before anything was measured). Written once, in a child process of the bench
 * (`--write-ledger`): making the clerk's file is not the app's work, and the writer's zip stream and shared strings
 * would otherwise stay in the measured process's peak. Both measurements read it.
 */
async function ledgerFile(workDir: string, rows: number): Promise<string> {
  const file = ledgerPath(workDir);
  if (fs.existsSync(file)) return file;
  const order: LedgerOrder = { workDir, rows };
  await askBenchChild<null>(['--write-ledger', JSON.stringify(order)], 'writing the ledger');
  return file;
}

const ledgerPath = (workDir: string) => path.join(workDir, 'ledger', '调解台账.xlsx');

/** What the child writing the ledger is asked for. */
export interface LedgerOrder {
  workDir: string;
  rows: number;
}

/** The child's side (`--write-ledger`): the ledger written to its place in the bench's scratch folder. */
export async function writeLedger({ workDir, rows }: LedgerOrder): Promise<void> {
  const file = ledgerPath(workDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${file}.partial`, useSharedStrings: true });
  const ws = workbook.addWorksheet('台账');
  const header = [
    '序号',
    '受理日期',
    '申请人',
    '身份证号码',
    '被申请人',
    '纠纷类型',
    '纠纷简要情况',
    '调解员',
    '调解结果',
    '结案日期',
  ];
  const title = ws.addRow(['人民调解案件登记台账（2019—2023年）']);
  ws.mergeCells(1, 1, 1, header.length);
  title.commit();
  ws.addRow(header).commit();
  for (let i = 0; i < rows; i++) {
    const year = 2019 + (i % 5);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const received = [`${year}-${month}-${day}`, `${year}年${month}月${day}日`, `${year}/${month}/${day}`][i % 3]!;
    const body = `430111${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const result = RESULTS[i % RESULTS.length]!;
    ws.addRow([
      i + 1,
      received,
      `申请人${i}`,
      body + idCheckChar(body),
      `被申请人${i}`,
      TYPES[i % TYPES.length],
      '因琐事发生争执',
      '刘调解',
      result,
      result ? `${year}-${month}-${Math.min(28, day + 10)}` : '',
    ]).commit();
  }
  ws.commit();
  await workbook.commit();
  fs.renameSync(`${file}.partial`, file);
}

function open(file: string, today: string): Backend {
  const backend = openBackend({
    dataFile: file,
    shell: 'preview',
    keys: benchKeys(),
    clock: fixedClock(`${today}T10:00:00+08:00`),
    log: () => {},
  });
  backend.sessions.signInSystem(CALLER);
  return backend;
}

async function prepareLedger(context: BenchContext): Promise<ChannelInput<'ledgerImport.check'>> {
  const file = await ledgerFile(context.workDir, rowsFor(context));
  return {
    kind: 'mediation',
    fileName: path.basename(file),
    base64: fs.readFileSync(file).toString('base64'),
    sheet: null,
    mapping: null,
  };
}

export const ledgerCheck: Measurement = {
  id: 'ledger.check',
  label: `ledger import, dry run (${FULL_ROWS.toLocaleString('en')} rows at office scale, .xlsx)`,
  runs: 3,
  warmup: 1,
  target: { medianMs: 5000 },
  async prepare(context) {
    const input = await prepareLedger(context);
    let accepted = 0;
    return {
      async app() {
        const answer = await context.home.dispatch('ledgerImport.check', input, 'bench');
        if (!answer.ok) throw new Error(`ledgerImport.check refused: ${answer.error.message}`);
        accepted = (answer.value as { accepted: unknown[] }).accepted.length;
      },
      get note() {
        return `${accepted} rows accepted`;
      },
    };
  },
};

export const ledgerImport: Measurement = {
  id: 'ledger.import',
  ownFile: true,
  label: `ledger import, written (${FULL_ROWS.toLocaleString('en')} rows at office scale, one transaction)`,
  runs: 3,
  warmup: 0,
  target: { medianMs: 15000 },
  async prepare(context) {
    const input = await prepareLedger(context);
    const file = path.join(context.workDir, 'ledger-import', 'casedesk.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let backend: Backend | null = null;
    let imported = 0;
    return {
      async before() {
        await backend?.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
        fs.copyFileSync(context.dataset.offices[0]!.file, file);
        backend = open(file, context.today);
      },
      async app() {
        const answer = await backend!.dispatch('ledgerImport.run', { ...input, allOrNothing: false }, CALLER);
        if (!answer.ok) throw new Error(`ledgerImport.run refused: ${answer.error.message}`);
        imported = (answer.value as { imported: unknown[] }).imported.length;
      },
      async close() {
        await backend?.close();
      },
      get note() {
        return `${imported} cases written`;
      },
    };
  },
};
