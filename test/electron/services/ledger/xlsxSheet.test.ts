// The ledger's .xlsx read a row at a time (electron/services/ledger/xlsxSheet.ts) gives every cell exactly as
// exceljs's workbook model gave it before (the model is the oracle here): a merged title row and a merged column,
// dates as date cells and as serials formatted as dates, shared formulas, a formula's error, rich text, errors,
// booleans, styled blank cells and rows, a sheet picked by name — in a workbook written by exceljs, by its streaming
// writer (inline strings, the shared strings after the sheet), and as LibreOffice saves it.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readLedgerFile } from '../../../../electron/services/ledger/importFile';
import type { LedgerCell } from '../../../../shared/ledger/ledgerMapping';
import { tempDir } from '../../../support/fixtures';
import { convert } from '../../../support/officeReaders';

// Workbooks written and read, one converted by LibreOffice: sized for a loaded 2-core machine.
jest.setTimeout(150_000);

/** A cell as the import read it when it loaded the whole workbook model (importFile.ts before the rows were read). */
function modelCell(cell: ExcelJS.Cell): LedgerCell {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), date: v };
  if ('error' in v) return { text: String(v.error), error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = 'formula' in v && v.formula ? v.formula : String((v as { sharedFormula?: string }).sharedFormula);
    const result = (v as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result)
      return { text: String(result.error), error: String(result.error) };
    return { text: result === undefined || result === null ? '' : String(result), formula };
  }
  if ('richText' in v) return { text: v.richText.map((t) => t.text).join('') };
  if ('text' in v) return { text: String(v.text) };
  return { text: cell.text };
}

async function modelRows(file: string, sheet: string | null) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = sheet === null ? workbook.worksheets[0]! : workbook.getWorksheet(sheet)!;
  const rows = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(modelCell(ws.getRow(r).getCell(c)));
    rows.push({ number: r, cells });
  }
  return { name: ws.name, rows, sheetNames: workbook.worksheets.map((w) => w.name) };
}

async function readRows(file: string, sheet: string | null) {
  const { readFileSync } = await import('node:fs');
  const read = await readLedgerFile({ fileName: path.basename(file), bytes: readFileSync(file) }, sheet);
  return { name: read.sheet.name, rows: read.sheet.rows, sheetNames: read.sheetNames };
}

/** A ledger with everything a spreadsheet may hold in its cells, behind a sheet of notes. */
async function messyLedger(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为2023年人民调解台账']);
  const ws = wb.addWorksheet('2023年');
  ws.addRow(['人民调解台账（2023年）']);
  ws.mergeCells('A1:H1');
  ws.addRow(['序号', '受理日期', '申请人', '身份证号', '金额', '调解员', '结果', '备注']);
  ws.getCell('A3').value = { formula: 'ROW()-2', result: 1 };
  ws.getCell('A4').value = { sharedFormula: 'A3', result: 2 } as ExcelJS.CellValue;
  ws.getCell('A5').value = { formula: 'ROW()-2', result: 0 };
  ws.getCell('B3').value = new Date(Date.UTC(2023, 4, 6));
  ws.getCell('B4').value = 45000;
  ws.getCell('B4').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('B5').value = '2023.5.6';
  ws.getCell('C3').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
  ws.getCell('C4').value = '李四 & <王五>';
  ws.getCell('D3').value = 110105199001010123;
  ws.getCell('D4').value = { error: '#REF!' };
  ws.getCell('D5').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('E3').value = 12.5;
  ws.getCell('E4').value = true;
  ws.getCell('F3').value = '刘调解';
  ws.mergeCells('F3:F5');
  ws.getCell('G3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2023, 5, 2)) };
  ws.getCell('H7').value = '';
  ws.getCell('J9').style = { font: { bold: true } };
  ws.getRow(12).height = 30;
  ws.getCell('B14').value = '合计';
  ws.mergeCells('B16:C17');
  await wb.xlsx.writeFile(file);
  return file;
}

/** A ledger as exceljs's streaming writer leaves it: inline strings, and its shared strings (if any) after the sheet. */
async function streamedLedger(file: string, useSharedStrings: boolean): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const ws = wb.addWorksheet('台账');
  const title = ws.addRow(['人民调解台账']);
  ws.mergeCells('A1:D1');
  title.commit();
  ws.addRow(['受理日期', '申请人', '被申请人', '备注']).commit();
  ws.addRow([new Date(Date.UTC(2022, 0, 2)), '甲', '乙', { richText: [{ text: '富' }, { text: '文本' }] }]).commit();
  ws.addRow([]).commit();
  ws.addRow(['2022年1月3日', '丙', '丁', 3]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

describe('a ledger .xlsx read row by row', () => {
  const dir = tempDir();

  it('reads every cell of the chosen sheet as the workbook model did, merged cells as their first', async () => {
    const file = await messyLedger(path.join(dir, '调解台账.xlsx'));
    const read = await readRows(file, '2023年');
    expect(read).toEqual(await modelRows(file, '2023年'));
    // What that means for the clerk's ledger: the title across the header's width (a styled blank cell further
    // right widens nothing), the mediator down his rows.
    expect(read.sheetNames).toEqual(['说明', '2023年']);
    expect(read.rows[0]!.cells.map((c) => c.text)).toEqual(Array(8).fill('人民调解台账（2023年）'));
    expect(read.rows.slice(2, 5).map((r) => r.cells[5]!.text)).toEqual(['刘调解', '刘调解', '刘调解']);
    expect(read.rows[3]!.cells[1]).toEqual({ text: '2023-03-15', date: new Date('2023-03-15T00:00:00.000Z') });
    expect(read.rows[3]!.cells[0]).toEqual({ text: '2', formula: 'A3' });
    expect(read.rows[4]!.cells[3]).toEqual({ text: '#DIV/0!', error: '#DIV/0!' });
    expect(read.rows).toHaveLength(17);
  });

  it('reads the first sheet when none is named', async () => {
    const file = await messyLedger(path.join(dir, '两页.xlsx'));
    expect(await readRows(file, null)).toEqual(await modelRows(file, null));
  });

  it.each([true, false])(
    'reads a workbook written a row at a time (shared strings: %s) as the workbook model did',
    async (useSharedStrings) => {
      const file = await streamedLedger(path.join(dir, `流式${String(useSharedStrings)}.xlsx`), useSharedStrings);
      const read = await readRows(file, null);
      expect(read).toEqual(await modelRows(file, null));
      expect(read.rows.map((r) => r.cells.map((c) => c.text).join('|'))).toEqual([
        '人民调解台账|人民调解台账|人民调解台账|人民调解台账',
        '受理日期|申请人|被申请人|备注',
        '2022-01-02|甲|乙|富文本',
        '|||',
        '2022年1月3日|丙|丁|3',
      ]);
    },
  );

  it('reads the workbook as LibreOffice saves it (its parts in its own order, its shared formulas)', async () => {
    const saved = convert(await messyLedger(path.join(dir, 'LibreOffice.xlsx')), 'xlsx');
    expect(await readRows(saved, '2023年')).toEqual(await modelRows(saved, '2023年'));
  });
});
