// The real readers of the files the app writes for print: LibreOffice converts a workbook to CSV (its first sheet,
// cells as shown) or to PDF, poppler reads the PDF back (each page's size, each page's text). Each LibreOffice run
// gets its own profile, so parallel suites never share one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './fixtures';

/** LibreOffice's first start on a loaded machine takes tens of seconds. */
const CONVERT_TIMEOUT_MS = 150_000;

/** The file as LibreOffice saves it in the format `to` (xlsx, csv, pdf …): the path of its copy. */
export function convert(file: string, to: string): string {
  const outDir = tempDir();
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=file://${tempDir()}`, '--headless', '--convert-to', to, '--outdir', outDir, file],
    { stdio: 'pipe', timeout: CONVERT_TIMEOUT_MS },
  );
  const made = fs.readdirSync(outDir);
  if (made.length !== 1) throw new Error(`LibreOffice made ${made.length} files of ${file}`);
  return path.join(outDir, made[0]!);
}

/** A CSV text as rows of cells: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row));
  return rows;
}

/** One sheet of the workbook (the first unless `sheet`, 1-based, says) as LibreOffice reads it (UTF-8, as shown). */
export function libreofficeRows(xlsx: string, sheet = 1): string[][] {
  // The twelfth token of the CSV filter's options picks the sheet exported (LibreOffice 7.2 and later).
  const csv = convert(xlsx, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${sheet}`);
  return parseCsv(fs.readFileSync(csv, 'utf8'));
}

export interface PrintedPage {
  /** In points, as pdfinfo gives it. */
  width: number;
  height: number;
  text: string;
}

/** The workbook printed by LibreOffice (its own print setup), each page's size and text. */
export function libreofficePrint(xlsx: string): PrintedPage[] {
  const pdf = convert(xlsx, 'pdf');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)];
  return sizes.map((m) => ({
    width: Number(m[2]),
    height: Number(m[3]),
    text: execFileSync('pdftotext', ['-layout', '-f', m[1]!, '-l', m[1]!, pdf, '-'], { encoding: 'utf8' }),
  }));
}
