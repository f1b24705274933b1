// Channels of the exchange with the county bureau (docs/export-format.md): the office's keys, export and export
// history, installing the bureau's recovery package; bureau mode's office register (and a director's
// re-registration of a reinstalled office's key), package import, conflicts and recovery packages.
import { z } from 'zod';
import { channel, id, read, write } from '../channel';
import { period } from '../interference';
import { ADMINS, APPROVERS, WRITERS, type Role } from '../roles';
import { filePath, strictObject, text, type Labels } from '../validation';
import type { ConfigSummary } from '../exchange/types';
import type {
  BureauConflict,
  BureauOffice,
  ExchangeStatus,
  ExportRecord,
  ExportResult,
  ImportOutcome,
  RecoverySummary,
  VerifyOutcome,
} from '../exchange/types';

const EXCHANGE_LABELS: Labels = {
  mode: '使用方式',
  publicKey: '公钥',
  fingerprint: '公钥指纹',
  period: '报送月份',
  folder: '保存位置',
  sequence: '报送序号',
  code: '机构代码',
  name: '机构名称',
  files: '数据包文件',
  packages: '数据包',
  'packages.*.fileName': '文件名',
  'packages.*.base64': '文件内容',
  includeResolved: '含已核',
  id: '冲突',
  reason: '重新登记的原因',
  file: '恢复包文件',
  upload: '恢复包',
  'upload.fileName': '文件名',
  'upload.base64': '文件内容',
  dryRun: '只核对',
  choices: '两边不同的行的选择',
  partyId: '当事人',
  idNumber: '证件号码',
};

/** 所长: re-registering a reinstalled office's key is a director's decision, with a written reason. */
const DIRECTORS: readonly Role[] = ['director'];

/** One upload from the browser: up to 20 packages of a county's month, base64 (4/3 of the bytes). */
const MAX_UPLOAD_CHARS = 64 * 1024 * 1024;

const folder = filePath({ max: 500, kind: 'folder' }).nullable();
const fileName = text({ max: 200, required: true });
const base64 = z.string({ error: '格式不正确' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, '格式不正确');
const officeCode = text({ max: 9, required: true }).refine(
  (s) => s === '' || /^\d{8,9}$/.test(s),
  '应为8至9位数字（县级行政区划代码加司法所编号）',
);

export const exchangeChannels = {
  'exchange.status': channel<ExchangeStatus>()(strictObject({}), read(EXCHANGE_LABELS)),
  /** Makes this installation's key pair if there is none yet (the CLI's `keys`). */
  'exchange.keys': channel<ExchangeStatus>()(strictObject({}), write(EXCHANGE_LABELS, WRITERS)),
  'exchange.setMode': channel<ExchangeStatus>()(
    strictObject({ mode: z.enum(['office', 'bureau'], { error: '不是可选的值' }) }),
    write(EXCHANGE_LABELS, ADMINS),
  ),
  'exchange.setBureauKey': channel<ExchangeStatus>()(
    strictObject({ publicKey: text({ max: 200 }) }),
    write(EXCHANGE_LABELS, ADMINS),
  ),
  /** A new export of everything changed since the previous one; into `folder`, or the data folder's exports/. */
  'exchange.export': channel<ExportResult>()(
    strictObject({ period: period().nullable(), folder }),
    write(EXCHANGE_LABELS, WRITERS),
  ),
  /** An earlier export made again with the same content. */
  'exchange.exportAgain': channel<ExportResult>()(
    strictObject({ sequence: id, folder }),
    read(EXCHANGE_LABELS, WRITERS),
  ),
  /** An earlier export's file, for the browser to save (the preview). */
  'exchange.download': channel<{ fileName: string; base64: string }>()(
    strictObject({ sequence: id }),
    read(EXCHANGE_LABELS, WRITERS),
  ),
  'exchange.history': channel<ExportRecord[]>()(strictObject({}), read(EXCHANGE_LABELS)),

  /**
   * Office mode: installs the bureau's configuration package after checking its signature against the bureau key
   * the office has set. An office that has none yet (first contact) gives the bureau key's fingerprint, read out by
   * the bureau or from its notice: the package's signing key becomes the bureau key only when it matches.
   */
  'exchange.importConfig': channel<ConfigSummary>()(
    strictObject({ fileName, base64, bureauFingerprint: text({ max: 60 }).optional() }),
    {
      ...write({ ...EXCHANGE_LABELS, base64: '配置包', bureauFingerprint: '县局公钥指纹' }, APPROVERS),
      maxPayloadChars: MAX_UPLOAD_CHARS,
    },
  ),
  /** Bureau mode: the county's configuration as a signed package, into `folder` (or exports/), and its bytes. */
  'bureau.exportConfig': channel<{ file: string; fileName: string; base64: string }>()(
    /** `office`: a package for that office alone, with its evaluation section (案卷评查: dossiers asked, 整改要求). */
    strictObject({ folder, office: officeCode.nullable().optional() }),
    write({ ...EXCHANGE_LABELS, office: '司法所' }, APPROVERS),
  ),

  /**
   * Office mode: the bureau's recovery package, from a path (the CLI, the desktop app) or an upload (the preview);
   * `dryRun` reports what installing would do and changes nothing; `choices` settle rows that differ on both sides.
   */
  'exchange.recover': channel<RecoverySummary>()(
    strictObject({
      file: filePath({ max: 1000, kind: 'file' }).nullable(),
      upload: strictObject({ fileName, base64 }).nullable(),
      dryRun: z.boolean({ error: '格式不正确' }),
      choices: z
        .array(
          strictObject({
            table: text({ max: 64, required: true }),
            key: text({ max: 200, required: true }),
            take: z.enum(['office', 'bureau'], { error: '不是可选的值' }),
          }),
          {
            error: '格式不正确',
          },
        )
        .max(10_000, '一次最多10000行'),
    }).refine((v) => (v.file === null) !== (v.upload === null), { message: '请选择恢复包文件', path: ['file'] }),
    { ...write(EXCHANGE_LABELS, APPROVERS), maxPayloadChars: MAX_UPLOAD_CHARS },
  ),
  /** Office mode: the real ID number of a party that came back masked from a recovery package. */
  'exchange.reenterIdNumber': channel<{ partyId: number; idNumber: string }>()(
    strictObject({ partyId: id, idNumber: text({ max: 30, required: true }) }),
    write(EXCHANGE_LABELS, WRITERS),
  ),

  'bureau.registerOffice': channel<BureauOffice>()(
    strictObject({
      code: officeCode,
      name: text({ max: 50, required: true }),
      publicKey: text({ max: 200, required: true }),
      fingerprint: text({ max: 39, required: true }),
    }),
    write(EXCHANGE_LABELS, APPROVERS),
  ),
  /**
   * A director replaces a reinstalled office's key (the old one stays valid history), with the fingerprint the office
   * read out and a written reason.
   */
  'bureau.replaceOfficeKey': channel<BureauOffice>()(
    strictObject({
      code: officeCode,
      publicKey: text({ max: 200, required: true }),
      fingerprint: text({ max: 39, required: true }),
      reason: text({ max: 500, required: true, multiLine: true }).refine(
        (s) => s === '' || [...s].length >= 4,
        '请写明原因（至少4个字）',
      ),
    }),
    write(EXCHANGE_LABELS, DIRECTORS),
  ),
  /**
   * The office's rows as last imported, signed and encrypted to it, into `folder` (or exports/); its bytes too when
   * `download` (the preview's browser saves them itself).
   */
  'bureau.recoveryPackage': channel<{
    file: string;
    fileName: string;
    rows: number;
    upToSequence: number | null;
    base64: string;
  }>()(
    strictObject({ code: officeCode, folder, download: z.boolean({ error: '格式不正确' }) }),
    write(EXCHANGE_LABELS, APPROVERS),
  ),
  'bureau.offices': channel<BureauOffice[]>()(strictObject({}), read(EXCHANGE_LABELS)),
  /** Packages by path (the CLI, the desktop app's file dialog). */
  'bureau.importFiles': channel<ImportOutcome[]>()(
    strictObject({
      files: z
        .array(filePath({ max: 1000, kind: 'file' }), { error: '格式不正确' })
        .min(1, '请选择数据包')
        .max(200, '一次最多200个'),
    }),
    write(EXCHANGE_LABELS, WRITERS),
  ),
  /** Every check of an import, without importing (the CLI's `verify --db`). */
  'bureau.verifyFiles': channel<VerifyOutcome[]>()(
    strictObject({
      files: z
        .array(filePath({ max: 1000, kind: 'file' }), { error: '格式不正确' })
        .min(1, '请选择数据包')
        .max(200, '一次最多200个'),
    }),
    read(EXCHANGE_LABELS),
  ),
  /** Packages as bytes (chosen in the browser of the preview). */
  'bureau.importUploads': channel<ImportOutcome[]>()(
    strictObject({
      packages: z
        .array(strictObject({ fileName, base64 }), { error: '格式不正确' })
        .min(1, '请选择数据包')
        .max(200, '一次最多200个'),
    }),
    { ...write(EXCHANGE_LABELS, WRITERS), maxPayloadChars: MAX_UPLOAD_CHARS },
  ),
  'bureau.conflicts': channel<BureauConflict[]>()(
    strictObject({ includeResolved: z.boolean({ error: '格式不正确' }) }),
    read(EXCHANGE_LABELS),
  ),
  'bureau.resolveConflict': channel<BureauConflict>()(strictObject({ id }), write(EXCHANGE_LABELS, APPROVERS)),
} as const;
