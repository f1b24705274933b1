// How a kind's printed ledger (台账) is laid out, as data: its title, the columns of its own table it reads, and each
// column's header, width and value. Each kind fills one in (shared/kinds/<kind>/ledgerExport.ts) and the registry
// (./exportColumns.ts) serves it by kind, so the workbook (electron/services/ledger/) never branches on the kind.
// Also the cells every kind's ledger shares: parties' names, masked ID numbers, dates, the 回访 column.
import { formatChineseDate } from '../dates';
import { maskIdNumber } from '../identity';
import type { CaseAction } from '../lifecycle';

/** One party of a case as the ledger reads it (the `parties` table). */
export interface LedgerParty {
  role: 'applicant' | 'agent' | 'opposing' | 'party';
  name: string;
  sex: string;
  idNumber: string;
}

/** One case as every kind's ledger reads it: its row of `cases`, its parties, its own row, its timeline. */
export interface LedgerCase {
  caseNumber: string;
  status: string;
  receivedOn: string;
  parties: readonly LedgerParty[];
  /** The row of the kind's own table: the columns its layout names (`detailColumns`). */
  detail: Readonly<Record<string, unknown>>;
  /** Oldest first, the registration included. */
  timeline: readonly CaseAction[];
}

export type LedgerCell = string | number;

/** A column of a kind's ledger: V is what the kind reads of a case once (its facts) and every column shares. */
interface LedgerColumn<V> {
  header: string;
  /** In characters of the sheet's font (exceljs column width). */
  width: number;
  value(view: V, c: LedgerCase): LedgerCell;
  /** Money in yuan with two decimals; otherwise text. */
  format?: 'yuan';
}

export interface LedgerLayout<V> {
  /** The ledger's name, after the office's: 人民调解台账. */
  title: string;
  /** The kind's own table and the columns of it the layout reads. */
  detailTable: string;
  detailColumns: readonly string[];
  /** What the columns read of a case, computed once per case (the kind's facts). */
  view(c: LedgerCase): V;
  columns: readonly LedgerColumn<V>[];
}

/** A layout closed over its view: what the workbook needs, the same shape for every kind. */
export interface LedgerSheet {
  title: string;
  detailTable: string;
  detailColumns: readonly string[];
  /** 序号 first, then the kind's columns. */
  headers: readonly { header: string; width: number; format?: 'yuan' }[];
  /** The row of the n-th case (from 1) of the ledger. */
  rowOf(c: LedgerCase, n: number): LedgerCell[];
}

export function ledgerSheet<V>(layout: LedgerLayout<V>): LedgerSheet {
  return {
    title: layout.title,
    detailTable: layout.detailTable,
    detailColumns: layout.detailColumns,
    headers: [
      { header: '序号', width: 6 },
      ...layout.columns.map((c) => ({ header: c.header, width: c.width, ...(c.format ? { format: c.format } : {}) })),
    ],
    rowOf(c, n) {
      const view = layout.view(c);
      return [n, ...layout.columns.map((col) => col.value(view, c))];
    },
  };
}

/** 2026年11月22日, or '' for no date. */
export const dateCell = (iso: string | null | undefined): string => (iso ? formatChineseDate(iso) : '');

/** Money as the ledger prints it: yuan, a number the sheet formats with two decimals. */
export const yuanCell = (fen: number | null | undefined): LedgerCell => (typeof fen === 'number' ? fen / 100 : '');

/** The parties of the given roles, by name, in the order entered: 王建国、李秀梅. */
export function partyNames(c: LedgerCase, ...roles: LedgerParty['role'][]): string {
  return c.parties
    .filter((p) => roles.includes(p.role))
    .map((p) => p.name)
    .join('、');
}

/**
 * The parties' ID numbers, masked (first 6 and last 4 characters): a printed ledger leaves the system, and the
 * domain reference (identity.md) has lists and exports show the number masked — enough for an inspector to match a
 * dossier, never the whole number. One line per party with a number.
 */
export function maskedIdNumbers(c: LedgerCase, ...roles: LedgerParty['role'][]): string {
  return c.parties
    .filter((p) => roles.includes(p.role) && p.idNumber !== '')
    .map((p) => maskIdNumber(p.idNumber))
    .join('\n');
}

/** The satisfaction a follow-up may record (quality.md: 满意 / 基本满意 / 不满意). */
const SATISFACTION = ['满意', '基本满意', '不满意'] as const;

/**
 * The 回访 column: every timeline entry named `followUp` (any kind that records follow-ups names them so), one line
 * each — its date and, when recorded, the satisfaction: 2026年11月30日 满意.
 */
export function followUpCell(timeline: readonly CaseAction[]): string {
  return timeline
    .filter((a) => a.action === 'followUp')
    .map((a) => {
      const satisfaction = a.data.satisfaction;
      const said = (SATISFACTION as readonly unknown[]).includes(satisfaction) ? ` ${satisfaction as string}` : '';
      return `${formatChineseDate(a.actedOn)}${said}`;
    })
    .join('\n');
}

/** Text lines joined for one cell, the blank ones left out. */
export const lines = (...texts: (string | false | null | undefined)[]): string =>
  texts.filter((t): t is string => typeof t === 'string' && t !== '').join('\n');
