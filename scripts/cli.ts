// npm run cli -- <command> [flags]: CaseDesk without a window, for bureaus' scripts and for making data.
// Every command goes through the same dispatch as the app, so the same validation applies.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBackend, type Backend } from '../electron/backend';
import { resolveDataFile } from '../electron/paths';
import { formatMoment, localDate } from '../shared/dates';
import { ApiError, createApi, type Api } from '../shared/client';
import { suggestCaseNumberPrefix } from '../shared/office';
import { ROLE_LABELS, ROLES, type Role } from '../shared/roles';
import { PackageRefused, verifyPackage, withPackageFile } from '../electron/services/exchange/container';
import { describeManifest, describeOutcome } from '../electron/services/exchange/describe';
import type { RecoverySummary, VerifyOutcome } from '../shared/exchange/types';
import { ArgumentError, parseArgs, stringFlag, type FlagTypes, type ParsedArgs } from './args';
import { demoSummaryLine, makeDemoCases, untilProblem } from './demoCases';
import { rekeyStore } from '../electron/services/dataKeys';
import { keysForRun } from './keyInput';
import { ChromiumPdfRenderer } from './chromiumPdf';
import { isPrintDocument, printCaseDocument, printElectronicDossier } from './printPdf';
import { writeOutputFile } from './outputFile';
import { CASE_KINDS, type CaseKind } from '../shared/options';
import { LEDGER_KIND_FLAGS, printLedgerReport, readLedgerArgument, readMappingFile } from './ledgerImportCli';
import { ROUND_METHOD_LABELS, ROUND_STATUS_LABELS } from '../shared/channels/evaluation';
import type { GradeFigures } from '../shared/evaluation/results';
import { SHEET_KIND_LABELS, type SheetKind } from '../shared/evaluation/sheets';

/** A rate as printed: 42.86%, or — when nothing was evaluated. */
const rate = (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}%`);

/** Exit code 2: the command line is wrong; `showUsage` adds the command's usage to the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

function required(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (value === undefined) throw new UsageError(`缺少参数 --${name}`, true);
  return value;
}

function positiveInt(args: ParsedArgs, name: string, fallback: number): number {
  const raw = stringFlag(args, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 应为非负整数`);
  return n;
}

interface CommandContext {
  backend: Backend;
  api: Api;
  args: ParsedArgs;
  out: (line: string) => void;
}

interface CommandSpec {
  /** The command's line in the usage, after `npm run cli -- `. */
  usage: string;
  /** The flags it takes besides --db and --help, each with a value. */
  flags?: FlagTypes;
  /** Whether it takes file arguments. */
  positionals?: boolean;
  /** Whether it prints through Chromium (the electronic dossier): the backend gets a PDF renderer. */
  printsPdf?: boolean;
  run(context: CommandContext): Promise<void>;
}

/** Exit code 3: the command ran, and found the data not as it should be (a broken audit chain). */
export class FindingError extends Error {}

/** The kinds as `export-ledger --kind` names them: legal-aid, mediation, notarization. */
const LEDGER_KINDS: Record<string, CaseKind> = Object.fromEntries(CASE_KINDS.map((k) => [k.replace(/_/g, '-'), k]));

const commands: Record<string, CommandSpec> = {
  users: {
    usage:
      'users --db FILE [--add 用户名 --name 姓名 --role admin|director|clerk|readonly --password 密码] [--reset 用户名 --password 密码]',
    flags: { add: 'string', name: 'string', role: 'string', password: 'string', reset: 'string' },
    async run({ api, args, out }) {
      const add = stringFlag(args, 'add');
      const reset = stringFlag(args, 'reset');
      if (add) {
        const role = required(args, 'role');
        if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role 应为 ${ROLES.join('、')} 之一`);
        const made = await api.call('users.create', {
          username: add,
          displayName: stringFlag(args, 'name') ?? add,
          role: role as Role,
          password: required(args, 'password'),
        });
        out(`已添加用户：${made.username}（${ROLE_LABELS[made.role]}），首次登录须修改密码`);
      } else if (reset) {
        const user = (await api.call('users.list', {})).find((u) => u.username.toLowerCase() === reset.toLowerCase());
        if (!user) throw new Error(`用户不存在：${reset}`);
        await api.call('users.resetPassword', { userId: user.id, newPassword: required(args, 'password') });
        out(`已重置密码：${user.username}，下次登录须修改密码`);
      }
      for (const u of await api.call('users.list', {})) {
        const state = !u.active ? '已停用' : u.lockedUntil ? `锁定至${u.lockedUntil}` : '正常';
        out(`${u.id}\t${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}\t${state}`);
      }
    },
  },

  'import-ledger': {
    usage:
      'import-ledger --db FILE --kind legal-aid|mediation|notarization --file 台账.xlsx|台账.csv [--sheet 工作表] [--map 映射.json] [--dry-run] [--all-or-nothing]   (导入本所原有台账)',
    flags: {
      kind: 'string',
      file: 'string',
      sheet: 'string',
      map: 'string',
      'dry-run': 'boolean',
      'all-or-nothing': 'boolean',
    },
    async run({ api, args, out }) {
      const kindFlag = required(args, 'kind');
      const kind = LEDGER_KIND_FLAGS[kindFlag];
      if (!kind) throw new UsageError('--kind 应为 legal-aid、mediation 或 notarization', true);
      const file = path.resolve(required(args, 'file'));
      const bytes = readLedgerArgument(file);
      const mapFile = stringFlag(args, 'map');
      const input = {
        kind,
        fileName: path.basename(file),
        base64: bytes.toString('base64'),
        sheet: stringFlag(args, 'sheet') ?? null,
        mapping: mapFile === undefined ? null : readMappingFile(path.resolve(mapFile)),
      };
      if (args.flags.has('dry-run')) {
        const report = await api.call('ledgerImport.check', input);
        printLedgerReport(report, out);
        if (report.mappingProblems.length > 0) throw new Error('列的对应有误，未检查各行：请用 --map 指定映射');
        out('试运行：未写入任何数据');
        return;
      }
      const { report, imported } = await api.call('ledgerImport.run', {
        ...input,
        allOrNothing: args.flags.has('all-or-nothing'),
      });
      printLedgerReport(report, out);
      out(`已导入：${imported.length}件（标记为历史导入）`);
    },
  },

  print: {
    usage:
      'print --db FILE --case 案号 --doc cover|toc|checklist|notice|followUp|dossier --out 文件.pdf [--due 2026-12-10]   (卷宗封面、卷内目录、核对表、补正材料通知书、回访记录、电子卷宗)',
    flags: { case: 'string', doc: 'string', out: 'string', due: 'string' },
    printsPdf: true,
    async run({ backend, api, args, out }) {
      const doc = required(args, 'doc');
      const file = path.resolve(required(args, 'out'));
      if (doc === 'dossier') {
        const made = await printElectronicDossier(
          { api, db: backend.store.db, outgoing: backend.outgoing },
          { caseNumber: required(args, 'case'), out: file },
        );
        for (const line of made.notIncluded) out(`未能收入：${line}`);
        out(`已生成：电子卷宗（${made.pages}页，SHA-256 ${made.sha256}）→ ${file}`);
        return;
      }
      if (!isPrintDocument(doc)) throw new UsageError('--doc 应为 cover、toc、checklist、notice、followUp 或 dossier');
      const title = await printCaseDocument(
        { api, db: backend.store.db },
        { caseNumber: required(args, 'case'), doc, out: file, noticeDueOn: stringFlag(args, 'due') ?? '' },
      );
      out(`已打印：${title} → ${file}`);
    },
  },

  backup: {
    usage: 'backup --db FILE [--out 文件夹]',
    flags: { out: 'string' },
    async run({ api, args, out }) {
      const folder = stringFlag(args, 'out');
      const made = await api.call('backup.create', { folder: folder === undefined ? null : path.resolve(folder) });
      out(`已备份：${made.file}（${Math.ceil(made.bytes / 1024)} KB）`);
    },
  },

  restore: {
    usage:
      'restore --db FILE --from 备份文件 [--recovery-key 恢复密钥]   (更换密钥前的备份，或另一台电脑的备份：输入它的恢复密钥)',
    flags: { from: 'string', 'recovery-key': 'string' },
    async run({ backend, api, args, out }) {
      const recoveryKey = stringFlag(args, 'recovery-key');
      const { checked } = await api.call('backup.restore', {
        file: path.resolve(required(args, 'from')),
        ...(recoveryKey ? { recoveryKey } : {}),
      });
      out(`已核对备份：${checked.file}（完整性检查通过；${checked.keyNote}）`);
      // The staged backup replaces the data file when no connection holds it: close it and open it again.
      await backend.close();
      const reopened = openBackend({ dataFile: backend.store.path, shell: 'preview', keys: backend.store.keys });
      try {
        const { restored, restoreEvent } = reopened.store;
        if (!restored) throw new Error('恢复未完成：数据文件未被替换');
        if (restored.preRestoreBackup) out(`恢复前的数据已备份到：${restored.preRestoreBackup}`);
        const { n } = reopened.store.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
        out(`已恢复：数据文件 ${reopened.store.path}，共 ${n} 件案件`);
        if (restoreEvent) {
          out(
            `编号不会重复：变更序号从${restoreEvent.changeSeq + 1}继续，报送序号从${restoreEvent.exportSequence + 1}继续；下次报送将告知县局`,
          );
        }
      } finally {
        await reopened.close();
      }
    },
  },

  rekey: {
    usage:
      'rekey --db FILE --key-file 密钥文件                  (更换数据密钥：新的恢复密钥写入密钥文件并显示，请重新打印保管)',
    async run({ backend, args, out }) {
      // The CLI runs as the trusted local session, like any of its commands; the new key goes to the key file first.
      if (!stringFlag(args, 'key-file') && !process.env.CASEDESK_KEY_FILE)
        throw new UsageError('更换密钥须用 --key-file 指定保存新恢复密钥的密钥文件', true);
      const made = rekeyStore(backend.store);
      out(`已更换数据密钥：原密钥编号 ${made.previousKeyId}，新密钥编号 ${made.keyId}`);
      out(`新的恢复密钥：${made.recoveryKey}`);
      out('此前的备份仍用原来的恢复密钥恢复；请打印新的恢复密钥，与原来的一并妥善保管。');
    },
  },

  'audit-verify': {
    usage: 'audit-verify --db FILE',
    async run({ api, out }) {
      const verdict = await api.call('audit.verify', {});
      if (!verdict.ok) throw new FindingError(`审计日志校验失败：第${verdict.seq}条记录：${verdict.reason}`);
      out(`审计日志完整：共${verdict.entries}条，末条哈希 ${verdict.headHash}`);
    },
  },

  init: {
    usage:
      'init --db FILE --office-code 430203 --office-name 名称 [--office-number 01] [--bureau-name 名称] [--prefix 代字]',
    flags: {
      'office-code': 'string',
      'office-name': 'string',
      'office-number': 'string',
      'bureau-name': 'string',
      prefix: 'string',
    },
    async run({ backend, api, args, out }) {
      const name = required(args, 'office-name');
      const office = await api.call('office.setup', {
        name,
        divisionCode: required(args, 'office-code'),
        officeNumber: stringFlag(args, 'office-number') ?? '01',
        bureauName: stringFlag(args, 'bureau-name') ?? '县司法局',
        caseNumberPrefix: stringFlag(args, 'prefix') ?? suggestCaseNumberPrefix(name),
      });
      out(`已设置：${office.name}（${office.officeCode}），数据文件 ${backend.store.path}`);
    },
  },

  report: {
    usage: 'report --db FILE --period 2026-10|2026-Q4|2026 --out 文件.xlsx [--scope office|county]',
    flags: { period: 'string', out: 'string', scope: 'string' },
    async run({ api, args, out }) {
      // The periodic report as the bureau's workbook: the same channel and template as 导出Excel in the app.
      const scope = stringFlag(args, 'scope') ?? 'office';
      if (scope !== 'office' && scope !== 'county') throw new UsageError('--scope 应为 office 或 county');
      const period = required(args, 'period');
      const file = path.resolve(required(args, 'out'));
      const workbook = await api.call('statistics.workbook', { period, scope });
      writeFileSync(file, Buffer.from(workbook.base64, 'base64'));
      out(`已生成统计报表：${file}`);
    },
  },

  'export-ledger': {
    usage: 'export-ledger --db FILE --kind legal-aid|mediation|notarization --year 2026 --out 台账.xlsx   (台账导出)',
    flags: { kind: 'string', year: 'string', out: 'string' },
    async run({ api, args, out }) {
      // The office's ledger of one kind and year: the same channel as 导出台账 on the case list.
      const kindFlag = required(args, 'kind');
      const kind = LEDGER_KINDS[kindFlag];
      if (!Object.prototype.hasOwnProperty.call(LEDGER_KINDS, kindFlag) || !kind)
        throw new UsageError(`--kind 应为 ${Object.keys(LEDGER_KINDS).join('、')} 之一`, true);
      const yearFlag = required(args, 'year');
      if (!/^\d{4}$/.test(yearFlag)) throw new UsageError('--year 应为四位年份，如 2026', true);
      const file = path.resolve(required(args, 'out'));
      if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件', true);
      const ledger = await api.call('ledger.export', { kind, year: Number(yearFlag) });
      writeOutputFile(file, Buffer.from(ledger.base64, 'base64'));
      out(`已导出台账：${ledger.rowCount}件 → ${file}`);
    },
  },

  keys: {
    usage: 'keys --db FILE [--bureau-key 县局公钥]          (本机公钥与指纹；司法所设置县局公钥)',
    flags: { 'bureau-key': 'string' },
    async run({ api, args, out }) {
      const bureauKey = stringFlag(args, 'bureau-key');
      if (bureauKey !== undefined) await api.call('exchange.setBureauKey', { publicKey: bureauKey });
      const status = await api.call('exchange.keys', {});
      out(`使用方式：${status.mode === 'bureau' ? '县局模式' : '司法所'}`);
      out(`公钥：${status.publicKey}`);
      out(`指纹：${status.fingerprint}`);
      if (status.mode === 'office')
        out(
          status.bureauFingerprint
            ? `县局公钥指纹：${status.bureauFingerprint}`
            : '县局公钥：未设置（设置后才能导出数据包）',
        );
    },
  },

  mode: {
    usage: 'mode --db FILE --set office|bureau              (使用方式：司法所或县局模式，设置时选定)',
    flags: { set: 'string' },
    async run({ api, args, out }) {
      const mode = required(args, 'set');
      if (mode !== 'office' && mode !== 'bureau') throw new UsageError('--set 应为 office 或 bureau');
      const status = await api.call('exchange.setMode', { mode });
      out(`使用方式：${status.mode === 'bureau' ? '县局模式' : '司法所'}`);
    },
  },

  export: {
    usage: 'export --db FILE [--out 文件夹] [--period 2026-11] [--again 序号]',
    flags: { out: 'string', period: 'string', again: 'string' },
    async run({ api, args, out }) {
      const folder = stringFlag(args, 'out');
      const again = stringFlag(args, 'again');
      const at = folder === undefined ? null : path.resolve(folder);
      const made =
        again === undefined
          ? await api.call('exchange.export', { period: stringFlag(args, 'period') ?? null, folder: at })
          : await api.call('exchange.exportAgain', { sequence: Number(again), folder: at });
      out(
        `${again === undefined ? '已导出' : '已重新生成'}：${made.file}（${made.period}，第${made.sequence}次报送，${made.rowCount}行，已加密）`,
      );
    },
  },

  'register-office': {
    usage: 'register-office --db FILE --code 43011101 --name 名称 --public-key 公钥 --fingerprint 指纹',
    flags: { code: 'string', name: 'string', 'public-key': 'string', fingerprint: 'string' },
    async run({ api, args, out }) {
      const made = await api.call('bureau.registerOffice', {
        code: required(args, 'code'),
        name: required(args, 'name'),
        publicKey: required(args, 'public-key'),
        fingerprint: required(args, 'fingerprint'),
      });
      out(`已登记：${made.name}（${made.code}），公钥指纹 ${made.fingerprint}`);
    },
  },

  import: {
    usage: 'import --db FILE 数据包...',
    positionals: true,
    async run({ api, args, out }) {
      if (args.positionals.length === 0) throw new UsageError('请给出数据包文件', true);
      const outcomes = await api.call('bureau.importFiles', { files: args.positionals.map((f) => path.resolve(f)) });
      for (const o of outcomes) out(describeOutcome(o));
      const rejected = outcomes.filter((o) => o.status === 'rejected').length;
      if (rejected > 0) throw new FindingError(`${rejected}个数据包被拒收，未导入`);
    },
  },

  verify: {
    usage: 'verify 数据包... [--db FILE]',
    positionals: true,
    async run({ api, args, out }) {
      if (args.positionals.length === 0) throw new UsageError('请给出数据包文件', true);
      const outcomes = await api.call('bureau.verifyFiles', { files: args.positionals.map((f) => path.resolve(f)) });
      reportVerified(outcomes, out);
    },
  },

  'config-package': {
    usage:
      'config-package --db FILE [--office 43011101] [--out 文件夹]   (县局：配置包；给出司法所时含其案卷调取与整改要求)',
    flags: { office: 'string', out: 'string' },
    async run({ api, args, out }) {
      const folder = stringFlag(args, 'out');
      const made = await api.call('bureau.exportConfig', {
        folder: folder === undefined ? null : path.resolve(folder),
        office: stringFlag(args, 'office') ?? null,
      });
      out(`已生成配置包 → ${made.file}`);
    },
  },

  'dossier-package': {
    usage: 'dossier-package --db FILE [--round 编号] [--out 文件夹]   (司法所：按县局调取生成评查案卷包)',
    flags: { round: 'string', out: 'string' },
    printsPdf: true,
    async run({ api, args, out }) {
      const requests = await api.call('evaluation.dossierRequests', {});
      const given = stringFlag(args, 'round');
      if (given === undefined && requests.length !== 1) {
        if (requests.length === 0) throw new UsageError('县局尚未调取本所案卷（请先安装县局为本所生成的配置包）');
        for (const r of requests) out(`${r.roundId}\t${r.roundName}\t调取${r.cases.length}件`);
        throw new UsageError('有多个评查活动调取案卷，请用 --round 给出评查活动编号');
      }
      const roundId = given === undefined ? requests[0]!.roundId : Number(given);
      if (!Number.isInteger(roundId) || roundId <= 0) throw new UsageError('--round 应为评查活动编号');
      const folder = stringFlag(args, 'out');
      const made = await api.call('evaluation.dossierPackage', {
        roundId,
        folder: folder === undefined ? null : path.resolve(folder),
      });
      out(`已生成案卷包：${made.cases.length}份电子卷宗（${made.cases.join('、')}）→ ${made.file}`);
    },
  },

  'dossier-import': {
    usage: 'dossier-import --db FILE 案卷包...   (县局：导入司法所的评查案卷包)',
    positionals: true,
    async run({ api, args, out }) {
      if (args.positionals.length === 0) throw new UsageError('请给出案卷包文件', true);
      const outcomes = await api.call('evaluation.importDossiers', {
        files: args.positionals.map((f) => path.resolve(f)),
      });
      for (const o of outcomes)
        out(
          o.status === 'rejected'
            ? `已拒收：${o.fileName}：${o.reason}`
            : `已导入：${o.fileName}（${o.officeName}，${o.roundName}）${o.caseNumbers.length}份电子卷宗：${o.caseNumbers.join('、')}`,
        );
      const rejected = outcomes.filter((o) => o.status === 'rejected').length;
      if (rejected > 0) throw new FindingError(`${rejected}个案卷包被拒收，未导入`);
    },
  },

  'recovery-package': {
    usage: 'recovery-package --db FILE --office 43011101 [--out 文件夹]   (县局：为司法所生成恢复包)',
    flags: { office: 'string', out: 'string' },
    async run({ api, args, out }) {
      const folder = stringFlag(args, 'out');
      const made = await api.call('bureau.recoveryPackage', {
        code: required(args, 'office'),
        folder: folder === undefined ? null : path.resolve(folder),
        download: false,
      });
      out(
        `已生成恢复包：${made.file}（${made.rows}行，${made.upToSequence ? `含至第${made.upToSequence}次报送` : '尚无导入的报送'}，已加密给该司法所）`,
      );
    },
  },

  recover: {
    usage:
      'recover --db FILE --from 恢复包 [--dry-run]                    (司法所：安装县局的恢复包；--dry-run 只核对)',
    flags: { from: 'string', 'dry-run': 'boolean' },
    async run({ api, args, out }) {
      const dryRun = args.flags.has('dry-run');
      const summary = await api.call('exchange.recover', {
        file: path.resolve(required(args, 'from')),
        upload: null,
        dryRun,
        choices: [],
      });
      for (const line of describeRecovery(summary, dryRun)) out(line);
    },
  },

  evaluation: {
    usage:
      'evaluation create|sample|list|results --db FILE [--name 名称 --year 2026 --kinds mediation,legalAidCivil,legalAidCriminal,notarization --from 2026-01-01 --to 2026-12-31 --method census|per-office|percent --n 5 --percent 10 --scores 2 --evaluators 用户名,用户名 --offices 43011101,… --theme 主题] [--round 编号 --seed 种子]   (县局：案卷评查)',
    flags: {
      name: 'string',
      year: 'string',
      theme: 'string',
      kinds: 'string',
      from: 'string',
      to: 'string',
      offices: 'string',
      method: 'string',
      n: 'string',
      percent: 'string',
      scores: 'string',
      evaluators: 'string',
      round: 'string',
      seed: 'string',
    },
    positionals: true,
    async run({ api, args, out }) {
      const action = args.positionals[0];
      if (args.positionals.length !== 1 || !['create', 'sample', 'list', 'results'].includes(action!))
        throw new UsageError('请给出 create、sample、list 或 results 之一', true);
      if (action === 'list') {
        for (const r of await api.call('evaluation.rounds', {}))
          out(
            `${r.id}\t${r.name}\t${r.year}年\t${ROUND_STATUS_LABELS[r.status]}\t${ROUND_METHOD_LABELS[r.method]}\t抽查${r.sampled}件，已完成评分${r.scored}件`,
          );
        return;
      }
      if (action === 'create') {
        const method = required(args, 'method');
        const methods: Record<string, 'census' | 'perOffice' | 'percent'> = {
          census: 'census',
          'per-office': 'perOffice',
          percent: 'percent',
        };
        if (!methods[method]) throw new UsageError('--method 应为 census、per-office 或 percent');
        const users = await api.call('users.list', {});
        const evaluatorIds = required(args, 'evaluators')
          .split(',')
          .map((name) => {
            const u = users.find((x) => x.username.toLowerCase() === name.trim().toLowerCase());
            if (!u) throw new UsageError(`--evaluators：用户不存在：${name}`);
            return u.id;
          });
        const list = (flag: string) =>
          (stringFlag(args, flag) ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x !== '');
        const made = await api.call('evaluation.createRound', {
          round: {
            name: required(args, 'name'),
            year: Number(required(args, 'year')),
            theme: stringFlag(args, 'theme') ?? '',
            sheetKinds: list('kinds') as SheetKind[],
            closedFrom: required(args, 'from'),
            closedTo: required(args, 'to'),
            officeCodes: list('offices'),
            method: methods[method]!,
            perOffice: stringFlag(args, 'n') === undefined ? null : Number(stringFlag(args, 'n')),
            percent: stringFlag(args, 'percent') === undefined ? null : Number(stringFlag(args, 'percent')),
            scoresPerCase: Number(stringFlag(args, 'scores') ?? '1'),
            evaluatorIds,
          },
        });
        out(`已建立评查活动：${made.id}\t${made.name}（${made.year}年，${ROUND_METHOD_LABELS[made.method]}）`);
        return;
      }
      const roundId = Number(required(args, 'round'));
      if (!Number.isInteger(roundId) || roundId <= 0) throw new UsageError('--round 应为评查活动编号');
      if (action === 'sample') {
        const drawn = await api.call('evaluation.draw', { roundId, seed: stringFlag(args, 'seed') ?? '' });
        out(
          `抽查清单：${drawn.name}（随机种子 ${drawn.seed}，范围内已办结${drawn.candidates}件，抽取${drawn.sampled}件）`,
        );
        for (const s of drawn.samples)
          out(`${s.position}\t${s.officeName}\t${s.caseNumber}\t${SHEET_KIND_LABELS[s.sheetKind]}\t结案${s.closedOn}`);
        return;
      }
      const results = await api.call('evaluation.results', { roundId });
      const line = (label: string, f: GradeFigures, before: GradeFigures | null = null) =>
        `${label}\t评查${f.evaluated}件\t优秀${f.byGrade['优秀']}\t良好${f.byGrade['良好']}\t合格${f.byGrade['合格']}\t不合格${f.byGrade['不合格']}\t优良率${rate(f.goodRate)}\t合格率${rate(f.passRate)}\t平均分${f.meanScore ?? '—'}${before ? `\t上年优良率${rate(before.goodRate)}` : ''}`;
      out(`评查结果：${results.round.name}（${results.round.year}年）`);
      out(line('合计', results.total, results.lastYear?.total ?? null));
      for (const o of results.byOffice) out(line(o.group, o.figures, o.lastYear));
      for (const h of results.byHandler) out(line(`${h.office}\t${h.group}`, h.figures, h.lastYear));
      for (const k of results.byKind) out(line(k.group, k.figures, k.lastYear));
    },
  },

  demo: {
    usage: 'demo --db FILE --cases N --seed S [--until 2026-11-20]',
    flags: { cases: 'string', seed: 'string', until: 'string' },
    async run({ api, args, out }) {
      // Cases of all three kinds in every stage, each registered and taken through its lifecycle by the channels.
      const count = positiveInt(args, 'cases', 100);
      const seed = positiveInt(args, 'seed', 1);
      const today = localDate();
      const until = stringFlag(args, 'until') ?? today;
      const problem = untilProblem(until, today);
      if (problem) throw new UsageError(problem);
      out(demoSummaryLine(await makeDemoCases(api, { count, seed, until }), seed));
    },
  },
};

/** What a recovery did (or, in a dry run, would do), in Chinese lines. */
function describeRecovery(s: RecoverySummary, dryRun: boolean): string[] {
  const lines = [
    `恢复包：${s.fileName}（${s.bureauName}生成于 ${formatMoment(s.issuedAt)}，${s.lastImport ? `含至第${s.lastImport.sequence}次报送` : '尚无导入的报送'}）${s.installedBefore ? '，此前已安装过' : ''}`,
    `${dryRun ? '将恢复（只核对，未作改动）' : '已恢复'}：${s.added.length ? s.added.map((a) => `${a.label}${a.rows}行`).join('，') : '无缺少的行'}；与本所相同${s.same}行`,
  ];
  if (s.addedCaseCount > 0)
    lines.push(
      `  案件${s.addedCaseCount}件：${s.addedCases.join('、')}${s.addedCaseCount > s.addedCases.length ? '等' : ''}`,
    );
  if (s.differenceCount > 0) {
    lines.push(
      `两边不同的行：${s.differenceCount}行，未作改动（请在 数据报送 → 从县局恢复 中逐行选择保留本所的或采用县局的）`,
    );
    for (const d of s.differences) lines.push(`  ${d.label}${d.bureau === null ? '（县局记为已删除）' : ''}`);
  }
  for (const k of s.skipped) lines.push(`未能恢复：${k.table} ${k.key}：${k.reason}`);
  for (const a of s.missingAttachments)
    lines.push(`附件文件缺失，请重新扫描：${a.caseNumber} ${a.itemKey} ${a.fileName}`);
  if (s.maskedParties.length > 0) {
    lines.push(`证件号码只有部分（恢复包不含完整号码），需重新录入：${s.maskedParties.length}人`);
    for (const p of s.maskedParties) lines.push(`  ${p.caseNumber} ${p.name} ${p.idNumber}`);
  }
  if (s.usersWithoutPassword.length > 0)
    lines.push(`恢复的用户没有密码，请管理员重置：${s.usersWithoutPassword.join('、')}`);
  return lines;
}

function reportVerified(outcomes: readonly VerifyOutcome[], out: (line: string) => void): void {
  for (const o of outcomes) {
    if (!o.ok) {
      out(`校验失败：${o.fileName}：${o.reason}`);
      continue;
    }
    out(
      `校验通过：${o.fileName}${o.rowsChecked === null ? '（签名与各部分哈希；加密内容需在县局的数据文件上核对）' : `（签名、哈希、解密与${o.rowsChecked}行数据）`}`,
    );
    for (const line of describeManifest(o.manifest)) out(`  ${line}`);
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed > 0) throw new FindingError(`${failed}个数据包校验失败`);
}

/** `verify` without a data file: the signature and every part's hash, read from the files alone (a megabyte at a time). */
function verifyFilesAlone(files: readonly string[], out: (line: string) => void): void {
  reportVerified(
    files.map((file): VerifyOutcome => {
      const fileName = path.basename(file);
      try {
        return { fileName, ok: true, manifest: withPackageFile(file, verifyPackage).manifest, rowsChecked: null };
      } catch (error) {
        if (error instanceof PackageRefused) return { fileName, ok: false, reason: error.message };
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fileName, ok: false, reason: '找不到文件' };
        throw error;
      }
    }),
    out,
  );
}

/** The order the usage lists the commands in: setting up, accounts, backups, the exchange, printing, reports. */
const USAGE_ORDER = [
  'init',
  'demo',
  'users',
  'audit-verify',
  'backup',
  'restore',
  'rekey',
  'keys',
  'mode',
  'export',
  'register-office',
  'import',
  'verify',
  'recovery-package',
  'recover',
  'config-package',
  'dossier-package',
  'dossier-import',
  'print',
  'report',
  'export-ledger',
  'import-ledger',
  'evaluation',
] as const;

function usageOf(name: string): string {
  return `用法 / usage: npm run cli -- ${commands[name]!.usage}`;
}

export const USAGE = `用法 / usage: npm run cli -- <command> [flags]   (npm run cli -- help <command>: one command)
${USAGE_ORDER.map((name) => `  ${commands[name]!.usage}`).join('\n')}
  数据文件已加密：每个命令都可用 --key-file 密钥文件（或环境变量 CASEDESK_KEY_FILE）给出密钥，否则在终端中输入恢复密钥
`;

const isCommand = (name: string | undefined): name is string =>
  name !== undefined && Object.prototype.hasOwnProperty.call(commands, name);

/** Runs one CLI invocation; returns the exit code. */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !isCommand(topic)) {
      err(`未知命令：${topic}\n${USAGE}`);
      return 2;
    }
    (name === undefined ? err : out)(topic === undefined ? USAGE : usageOf(topic));
    return name === undefined ? 2 : 0;
  }
  if (!isCommand(name)) {
    err(`未知命令：${name}\n${USAGE}`);
    return 2;
  }
  const spec = commands[name]!;
  let backend: Backend | null = null;
  try {
    const args = parseArgs(
      rest,
      { ...spec.flags, db: 'string', 'key-file': 'string', help: 'boolean' },
      { positionals: spec.positionals ?? false },
    );
    if (args.flags.has('help')) {
      out(usageOf(name));
      return 0;
    }
    if (name === 'verify' && stringFlag(args, 'db') === undefined) {
      if (args.positionals.length === 0) throw new UsageError('请给出数据包文件', true);
      verifyFilesAlone(args.positionals, out);
      return 0;
    }
    if (stringFlag(args, 'db') === undefined && !process.env.CASEDESK_DB) throw new UsageError('缺少参数 --db', true);
    const dataFile = resolveDataFile(rest, process.env);
    backend = openBackend({
      dataFile,
      shell: 'preview',
      keys: await keysForRun(dataFile, { keyFile: stringFlag(args, 'key-file') }),
      ...(spec.printsPdf ? { pdfRenderer: new ChromiumPdfRenderer() } : {}),
    });
    // Whoever can run the CLI can read the file itself: it calls as a trusted local session.
    backend.sessions.signInSystem('cli');
    const cli = backend;
    await spec.run({ backend, api: createApi((channel, input) => cli.dispatch(channel, input, 'cli')), args, out });
    return 0;
  } catch (error) {
    if (error instanceof ArgumentError || (error instanceof UsageError && error.showUsage))
      err(`${error.message}\n${usageOf(name)}`);
    else if (error instanceof ApiError)
      err(error.data.field ? `${error.message} (${error.data.field})` : error.message);
    else err(error instanceof Error ? error.message : String(error));
    return error instanceof UsageError || error instanceof ArgumentError ? 2 : error instanceof FindingError ? 3 : 1;
  } finally {
    await backend?.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
