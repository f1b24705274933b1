// Every row of a ledger checked with the intake's rules, relaxed only where an old ledger cannot comply: a field the
// ledger does not hold is 未登记 (text) or blank (numbers), never invented; what it does hold is checked as the form
// checks it — GB 11643 ID numbers (full-width, 15-digit, lowercase x accepted), phones, dates against today and each
// other, the kind's option lists, the office's 纠纷类型 and 公证事项 lists, two parties to a dispute. A blank row or
// a 合计/小计 row is skipped and said so. The answer is what each accepted row will become, or why it is refused.
import { formatChineseDate } from '../dates';
import { ID_NUMBER_MESSAGES, parseCreditCode, parseIdNumber, parsePhone } from '../identity';
import { FACTS_MAX, LINE_MAX, NAME_MAX } from '../cases/fieldLimits';
import { LEGAL_AID_CATEGORIES, LEGAL_AID_SERVICE_FORMS } from '../kinds/legalAid/options';
import { canonicalPlaceOfUse, useScopeOf } from '../kinds/notarization/intake';
import { UNREGISTERED_USE, type UseScope } from '../kinds/notarization/options';
import type { CaseKind } from '../options';
import { charLength, textProblem, toHalfWidthDigits } from '../text';
import { parseLedgerDate } from './ledgerDates';
import {
  LEDGER_OPEN_STATUS,
  LEDGER_OUTCOMES,
  normalizeHeader,
  outcomeOf,
  type LedgerFieldKey,
  type LedgerOutcome,
} from './ledgerFields';
import type { ColumnMapping, LedgerCell, LedgerRow } from './ledgerMapping';

/** What a field the ledger does not hold is stored as. */
export const UNREGISTERED = '未登记';

export interface LedgerParty {
  name: string;
  /** Canonical 18 characters, a 统一社会信用代码, or '' when the ledger has none. */
  idNumber: string;
  organisation: boolean;
  sex: string;
  birthDate: string;
}

/** A case number in the 〔YYYY〕…第N号 form, kept as the ledger wrote it (brackets and digits normalised). */
interface KeptNumber {
  text: string;
  year: number;
  seq: number;
}

/** What an accepted row becomes. */
export interface RowPlan {
  keptNumber: KeptNumber | null;
  /** The number column as written ('' when none), kept in the import's record and the search text. */
  ledgerNumber: string;
  receivedOn: string;
  /** The day the case ended, when the ledger says it ended; `closedOnFromReceipt`: no date given, receipt's used. */
  closedOn: string | null;
  closedOnFromReceipt: boolean;
  status: string;
  outcome: LedgerOutcome | null;
  parties: LedgerParty[];
  others: LedgerParty[];
  phone: string;
  address: string;
  title: string;
  receivedBy: string;
  note: string;
  /** The kind's own fields, checked: 纠纷类型, 案由, 公证事项 … (未登记 where the ledger holds nothing). */
  text: Partial<Record<LedgerFieldKey, string>>;
  mediators: string[];
  amountFen: number;
  copies: number;
  matterCode: string;
  useScope: UseScope;
}

/** A case a ledger import has just written (its row of `cases`), and the ledger's row it was made from. */
export interface ImportedCase {
  caseId: number;
  plan: RowPlan;
}

interface CellIssue {
  column: string;
  message: string;
}

export type RowVerdict =
  | { verdict: 'skipped'; row: number; reason: string }
  | { verdict: 'refused'; row: number; issues: CellIssue[] }
  | { verdict: 'accepted'; row: number; plan: RowPlan };

/** What the checks need of the office: its today and its own lists. */
export interface RowContext {
  today: string;
  /** The office's active 纠纷类型. */
  disputeTypes: ReadonlySet<string>;
  /** The 公证事项 catalogue by name (and by name without a trailing 公证). */
  matters: ReadonlyMap<string, { code: string; name: string }>;
}

const SUM_WORDS = /^(合计|小计|总计|累计|共计|总数)/;
const NAME_SEPARATORS = /[、，,；;/／\n]+|(?<=\S)与(?=\S)/;
const AMOUNT = /^-?\d+(\.\d{1,2})?$/;

function cellText(c: LedgerCell | undefined): string {
  return (c?.text ?? '').replace(/\u3000/g, ' ').trim();
}

/** 民事案件 → 民事; 非诉讼 → 非诉讼及其他: the option a ledger's wording names, or null. */
function optionOf(options: readonly string[], value: string): string | null {
  const v = normalizeHeader(value).replace(/(案件|类)$/, '');
  return options.find((o) => normalizeHeader(o) === v) ?? options.find((o) => v && o.startsWith(v)) ?? null;
}

const CASE_NUMBER = /^[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\S*?)第\s*(\d{1,6})\s*号$/;

/** 〔2023〕黎托调字第12号 as kept; anything else is not a number CaseDesk can keep. */
function keptNumberOf(raw: string): KeptNumber | null {
  const m = CASE_NUMBER.exec(toHalfWidthDigits(raw).trim());
  if (!m) return null;
  const year = Number(m[1]);
  const seq = Number(m[3]);
  if (year < 1950 || seq < 1) return null;
  return { text: `〔${year}〕${m[2]}第${String(seq).padStart(4, '0')}号`, year, seq };
}

/** Checks one row against the mapping; `header` names a field's column in messages. */
export function checkLedgerRow(
  kind: CaseKind,
  mapping: readonly ColumnMapping[],
  row: LedgerRow,
  ctx: RowContext,
): RowVerdict {
  if (row.cells.every((c) => cellText(c) === '' && !c.error))
    return { verdict: 'skipped', row: row.number, reason: '空行' };
  const firstTexts = row.cells.slice(0, 4).map(cellText);
  const sumWord = firstTexts.find((t) => SUM_WORDS.test(normalizeHeader(t)));
  if (sumWord) return { verdict: 'skipped', row: row.number, reason: `${normalizeHeader(sumWord).slice(0, 2)}行` };

  const issues: CellIssue[] = [];
  const columnOf = new Map<LedgerFieldKey, ColumnMapping>();
  for (const m of mapping) if (m.field) columnOf.set(m.field, m);
  const header = (f: LedgerFieldKey) => columnOf.get(f)?.header ?? f;
  const add = (f: LedgerFieldKey, message: string) => issues.push({ column: header(f), message });

  /** A mapped cell, refused when it is a formula or an error value; undefined when the field is not mapped. */
  const cell = (f: LedgerFieldKey): LedgerCell | undefined => {
    const m = columnOf.get(f);
    if (!m) return undefined;
    const c = row.cells[m.index] ?? { text: '' };
    if (c.error) {
      add(f, `单元格为错误值 ${c.error}，请改正后再导入`);
      return { text: '' };
    }
    if (c.formula) {
      add(f, `单元格是公式（=${c.formula.slice(0, 30)}），请复制后“选择性粘贴为数值”再导入`);
      return { text: '' };
    }
    return c;
  };
  /** Text of a field, checked as the form's text fields are; '' when the ledger has nothing. */
  const textOf = (f: LedgerFieldKey, max: number, multiLine = false): string => {
    const v = cellText(cell(f));
    if (charLength(v) > max) add(f, `不能超过${max}个字符`);
    else if (textProblem(v, multiLine) === 'control') add(f, '含有不可见的控制字符');
    else if (textProblem(v, multiLine) === 'emoji') add(f, '不能包含表情符号');
    return v;
  };
  const dateOf = (f: LedgerFieldKey): string | null => {
    const c = cell(f);
    if (!c) return null;
    const raw: string | number | Date | null = c.date ?? c.number ?? (cellText(c) || null);
    if (raw === null) return null;
    const parsed = parseLedgerDate(raw);
    if (!parsed.ok) {
      add(f, parsed.message);
      return null;
    }
    if (parsed.value > ctx.today) {
      add(f, '不能晚于今天');
      return null;
    }
    return parsed.value;
  };

  const receivedOn = dateOf('receivedOn');
  if (receivedOn === null && !issues.some((i) => i.column === header('receivedOn'))) add('receivedOn', '不能为空');

  // The parties: the name column may hold several (张三、李四); the ID number is the first one's.
  const names = textOf('applicantName', LINE_MAX * 2)
    .split(NAME_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) add('applicantName', '不能为空');
  names.forEach((n) => charLength(n) > LINE_MAX && add('applicantName', `每个姓名（名称）不能超过${LINE_MAX}个字符`));
  const others = textOf('otherParty', LINE_MAX * 2)
    .split(NAME_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

  let idNumber = '';
  let organisation = false;
  let sex = '';
  let birthDate = '';
  const idCell = cell('idNumber');
  const idRaw = cellText(idCell);
  if (idRaw) {
    if (idCell?.number !== undefined && idRaw.replace(/\D/g, '').length > 15) {
      add('idNumber', '号码被表格存成了数字，后几位已丢失：请把该列设为文本后重新录入');
    } else {
      const parsed = parseIdNumber(idRaw, ctx.today);
      const code = parsed.ok ? null : parseCreditCode(idRaw);
      if (parsed.ok) {
        idNumber = parsed.value.canonical;
        sex = parsed.value.sex;
        birthDate = parsed.value.birthDate;
        if (receivedOn && birthDate > receivedOn)
          add('idNumber', `号码中的出生日期（${formatChineseDate(birthDate)}）晚于受理日期`);
      } else if (code?.ok && kind !== 'legal_aid') {
        idNumber = code.value;
        organisation = true;
      } else add('idNumber', ID_NUMBER_MESSAGES[parsed.error]);
    }
  }
  const phoneRaw = textOf('phone', 30);
  let phone = '';
  if (phoneRaw) {
    const p = parsePhone(phoneRaw);
    if (p.ok) phone = p.value;
    else add('phone', '应为手机号码或带区号的固定电话');
  }
  const address = textOf('address', LINE_MAX) || UNREGISTERED;

  const closedRaw = dateOf('closedOn');
  if (closedRaw && receivedOn && closedRaw < receivedOn) add('closedOn', '不能早于受理日期');
  const resultText = textOf('result', LINE_MAX);
  const outcome = outcomeOf(kind, resultText);
  if (resultText && !outcome) {
    const words = LEDGER_OUTCOMES[kind].map((o) => o.words[0]).join('、');
    add('result', `“${resultText}”无法识别：可写${words}，未结的留空`);
  }

  const text: Partial<Record<LedgerFieldKey, string>> = {};
  const orUnregistered = (f: LedgerFieldKey, max: number, multiLine = false) => {
    text[f] = textOf(f, max, multiLine) || UNREGISTERED;
  };
  let mediators: string[] = [];
  let amountFen = 0;
  let copies = 1;
  let matterCode = '';
  let useScope: UseScope = UNREGISTERED_USE;
  let title = '';

  const partyOf = (name: string, i: number): LedgerParty => ({
    name,
    idNumber: i === 0 ? idNumber : '',
    organisation: i === 0 && organisation,
    sex: i === 0 ? sex : '',
    birthDate: i === 0 ? birthDate : '',
  });
  const blankParty = (name: string): LedgerParty => ({
    name,
    idNumber: '',
    organisation: false,
    sex: '',
    birthDate: '',
  });
  let parties = names.map(partyOf);
  let otherParties = others.map(blankParty);

  if (kind === 'mediation') {
    // A dispute has two sides or more (人民调解 受理登记表): both columns together name them.
    parties = [...parties, ...otherParties];
    otherParties = [];
    if (names.length > 0 && parties.length < 2)
      add(columnOf.has('otherParty') ? 'otherParty' : 'applicantName', '纠纷须有两方或以上当事人');
    const disputeType = textOf('disputeType', 20);
    if (disputeType && !ctx.disputeTypes.has(disputeType))
      add('disputeType', `“${disputeType}”不在本所的纠纷类型列表中（可先在设置中添加）`);
    text.disputeType = disputeType || UNREGISTERED;
    orUnregistered('summary', FACTS_MAX, true);
    orUnregistered('committee', LINE_MAX);
    mediators = textOf('mediators', LINE_MAX)
      .split(NAME_SEPARATORS)
      .map((s) => s.trim())
      .filter(Boolean);
    if (mediators.some((m) => charLength(m) > NAME_MAX)) add('mediators', `每个姓名不能超过${NAME_MAX}个字符`);
    if (mediators.length === 0) mediators = [UNREGISTERED];
    const amount = toHalfWidthDigits(textOf('amount', 30)).replace(/[,，元\s]/g, '');
    if (amount) {
      if (!AMOUNT.test(amount) || Number(amount) < 0) add('amount', '应为金额（元），最多两位小数');
      else amountFen = Math.round(Number(amount) * 100);
    }
    title =
      parties.length >= 2
        ? `${parties[0]!.name}与${parties[1]!.name}${parties.length > 2 ? '等' : ''}${text.disputeType}`
        : '';
  } else if (kind === 'legal_aid') {
    orUnregistered('matter', LINE_MAX);
    const category = textOf('category', 20);
    const categoryOption = category ? optionOf(LEGAL_AID_CATEGORIES, category) : UNREGISTERED;
    if (!categoryOption) add('category', `应为${LEGAL_AID_CATEGORIES.join('、')}之一`);
    text.category = categoryOption ?? UNREGISTERED;
    const form = textOf('serviceForm', 40);
    const formOption = form ? optionOf(LEGAL_AID_SERVICE_FORMS, form) : UNREGISTERED;
    if (!formOption) add('serviceForm', `应为${LEGAL_AID_SERVICE_FORMS.join('、')}之一`);
    text.serviceForm = formOption ?? UNREGISTERED;
    text.handler = textOf('handler', NAME_MAX);
    title = text.matter!;
  } else {
    const matter = textOf('matter', LINE_MAX);
    const found =
      ctx.matters.get(normalizeHeader(matter)) ?? ctx.matters.get(normalizeHeader(matter).replace(/公证$/, ''));
    if (!matter) add('matter', '不能为空');
    else if (!found) add('matter', `“${matter}”不在公证事项目录中`);
    else {
      matterCode = found.code;
      text.matter = found.name;
    }
    orUnregistered('purpose', LINE_MAX);
    const place = textOf('placeOfUse', 50);
    text.placeOfUse = place ? canonicalPlaceOfUse(place) : UNREGISTERED;
    useScope = place ? useScopeOf(place) : UNREGISTERED_USE;
    const copiesRaw = toHalfWidthDigits(textOf('copies', 10)).replace(/份$/, '');
    if (copiesRaw) {
      if (!/^\d+$/.test(copiesRaw) || Number(copiesRaw) < 1 || Number(copiesRaw) > 50) add('copies', '应为1至50的整数');
      else copies = Number(copiesRaw);
    }
    title = `${text.matter ?? matter}公证`;
  }

  const numberRaw = textOf('caseNumber', LINE_MAX);
  const receivedBy = textOf('receivedBy', NAME_MAX) || UNREGISTERED;
  const note = textOf('note', FACTS_MAX, true);

  if (issues.length > 0 || receivedOn === null) return { verdict: 'refused', row: row.number, issues };
  const closedOn = outcome ? (closedRaw ?? receivedOn) : null;
  return {
    verdict: 'accepted',
    row: row.number,
    plan: {
      keptNumber: numberRaw ? keptNumberOf(numberRaw) : null,
      ledgerNumber: numberRaw,
      receivedOn,
      closedOn,
      closedOnFromReceipt: outcome !== null && closedRaw === null,
      status: outcome ? outcome.status : LEDGER_OPEN_STATUS[kind],
      outcome,
      parties,
      others: otherParties,
      phone,
      address,
      title,
      receivedBy,
      note,
      text,
      mediators,
      amountFen,
      copies,
      matterCode,
      useScope,
    },
  };
}
