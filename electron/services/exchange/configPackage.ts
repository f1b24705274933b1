// The bureau's configuration package (down the other way, docs/export-format.md): what the county sets for all its
// offices — 纠纷类型, the 公证事项目录, the dossier rule set, the 以奖代补 rates, the legal-aid roster and the years of
// the holiday schedule it entered after the program's release (节假日安排), its follow-up rules (回访要求), its
// mediation rules (whether a mediation may be extended past the month, 调解规则) and its rule for imported cases'
// dossiers (whether a 历史卷宗 must be complete) — read from
// the bureau's own file (it keeps them with the same pages as an office), signed with the bureau's Ed25519 key.
// An office installs it only after checking the signature against the bureau key it has set, and every section
// against the same schema the office's own pages use; then through the same services, in one transaction.
import fsp from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema';
import type { SessionUser } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import { rosterEntrySchema } from '../../../shared/kinds/legalAid/roster';
import { PACKAGE_FORMAT_VERSION, type ConfigManifest } from '../../../shared/exchange/manifest';
import type { ConfigSummary } from '../../../shared/exchange/types';
import { mediationRulesSchema } from '../../../shared/kinds/mediation/countyRules';
import { disputeTypeListSchema } from '../../../shared/kinds/mediation/disputeTypes';
import { subsidyRatesSchema } from '../../../shared/kinds/mediation/subsidy';
import { matterUpdateSchema } from '../../../shared/kinds/notarization/matters';
import { followUpRulesSchema } from '../../../shared/followUp/rules';
import { historicalDossierRulesSchema } from '../../../shared/dossier/historical';
import type { Clock } from '../system/clock';
import { setHistoricalDossierRules } from '../dossier/checklist';
import { historicalDossierRules } from '../dossier/historicalRules';
import { installDossierRuleSet } from '../dossier/install';
import { activeDossierRules } from '../dossier/rules';
import {
  listDisputeTypes,
  mediationRules,
  saveDisputeTypes,
  setMediationRules,
  setSubsidyRates,
} from '../mediation/settings';
import { listNotarizationMatters, updateNotarizationMatter } from '../notarization/matters';
import { addRosterEntry, listRoster, updateRosterEntry } from '../legalAid/roster';
import { holidayTableOf, installedHolidayYears, installHolidayYears } from '../calendar/holidayCalendar';
import { requireOffice } from '../system/office';
import { followUpRules, setFollowUpRules } from '../followUp/rules';
import { APP_VERSION } from '../../version';
import { evaluationConfigSchema } from '../../../shared/evaluation/travel';
import { localDate } from '../../../shared/dates';
import { evaluationConfigFor } from '../evaluation/corrections';
import { installEvaluationSection } from '../evaluation/officeEvaluation';
import { contentHashOf, decryptParts, PackageRefused, sealPackage, verifyPackage } from './container';
import { writeIntoFolder } from './exportFolder';
import { ensureKeys, fingerprintOf, parsePublicKey } from './keys';

const CONFIG_PART = 'config.json';

/** The configuration's content, each section checked by the schema of the page that edits it at an office. */
const configContentSchema = z.strictObject({
  disputeTypes: disputeTypeListSchema,
  notarizationMatters: z.array(matterUpdateSchema).max(500),
  dossierRules: z.unknown().nullable(), // checked by installDossierRuleSet
  subsidyRates: z.array(subsidyRatesSchema).max(200),
  roster: z.array(rosterEntrySchema).max(2000),
  /** Years of the holiday schedule by year; the dates are checked by installHolidayYears (shared/holidays.ts). */
  holidays: z
    .record(
      z.string().regex(/^\d{4}$/),
      z.strictObject({
        holidays: z.array(z.string()).max(80),
        workdays: z.array(z.string()).max(80),
        source: z.string().max(200),
      }),
    )
    .refine((years) => Object.keys(years).length <= 50),
  /** The county's follow-up rules; absent in packages made before they travelled (the office keeps its own). */
  followUpRules: followUpRulesSchema.optional(),
  /** The county's mediation rules; absent in packages made before they travelled (the office keeps its own). */
  mediationRules: mediationRulesSchema.optional(),
  /** The county's rule for 历史卷宗; absent in packages made before it travelled (the office keeps its own). */
  historicalDossierRules: historicalDossierRulesSchema.optional(),
  /** Only in a package made for one office: its sampled cases asked for and its 整改要求 (案卷评查). */
  evaluation: evaluationConfigSchema.optional(),
});
type ConfigContent = z.infer<typeof configContentSchema>;

/**
 * Bureau mode: the county's configuration as one signed file, into `folder`. Made for one office (`officeCode`), it
 * also carries that office's evaluation section (the dossiers its rounds ask for, its cases' 整改要求) and is named
 * for it; an office refuses a package made for another.
 */
export async function exportConfig(
  db: Kysely<Database>,
  { folder, now, officeCode = null }: { folder: string; now: Date; officeCode?: string | null },
): Promise<{ file: string; fileName: string; bytes: Buffer }> {
  const office = await requireOffice(db);
  const mode = await db.selectFrom('office').select('mode').where('id', '=', 1).executeTakeFirstOrThrow();
  if (mode.mode !== 'bureau') throw new AppError('CONFLICT', '只有县局模式的数据文件能导出配置包');
  const keys = await ensureKeys(db, now);
  const rates = await db.selectFrom('mediation_subsidy_rates').selectAll().orderBy('effective_from').execute();
  const content: ConfigContent = {
    disputeTypes: { types: (await listDisputeTypes(db, true)).map((t) => ({ name: t.name, active: t.active })) },
    notarizationMatters: (await listNotarizationMatters(db, true)).map((m) => ({
      code: m.code,
      name: m.name,
      category: m.category,
      requiredMaterials: m.requiredMaterials,
      oneVisit: m.oneVisit,
      inPersonOnly: m.inPersonOnly,
      active: m.active,
    })) as ConfigContent['notarizationMatters'],
    dossierRules: await activeDossierRules(db),
    subsidyRates: rates.map((r) => ({
      effectiveFrom: r.effective_from,
      oralFen: r.oral_fen,
      writtenFen: r.written_fen,
      note: r.note,
    })),
    roster: (await listRoster(db, true)).map((r) => ({
      orgType: r.orgType,
      orgName: r.orgName,
      personName: r.personName,
      phone: r.phone,
      expertise: r.expertise,
      note: r.note,
    })) as ConfigContent['roster'],
    // Only the years the bureau entered: a shipped year travels with the program, and an office's newer release
    // may carry a corrected one.
    holidays: Object.fromEntries(
      Object.entries(await installedHolidayYears(db)).map(([year, y]) => [
        year,
        { holidays: [...y.holidays], workdays: [...y.workdays], source: y.source },
      ]),
    ),
    followUpRules: (await followUpRules(db)).rules,
    mediationRules: (await mediationRules(db)).rules,
    historicalDossierRules: (await historicalDossierRules(db)).rules,
  };
  if (officeCode !== null) {
    const registered = await db
      .selectFrom('bureau_offices')
      .select('code')
      .where('code', '=', officeCode)
      .executeTakeFirst();
    if (!registered) throw new AppError('VALIDATION', `司法所：${officeCode}未登记`, 'office');
    content.evaluation = await evaluationConfigFor(db, officeCode, { now: () => now, today: () => localDate(now) });
  }
  const issuedAt = now.toISOString();
  const { file } = sealPackage(
    {
      format: 'casedesk-package',
      formatVersion: PACKAGE_FORMAT_VERSION,
      kind: 'bureau-config',
      bureau: { name: office.name },
      issuedAt,
      appVersion: APP_VERSION,
    } as Omit<ConfigManifest, 'parts' | 'encryption' | 'signer' | 'contentHash'>,
    [{ name: CONFIG_PART, bytes: Buffer.from(JSON.stringify(content), 'utf8') }],
    keys,
    null,
  );
  const fileName = `${office.officeCode}-config-${issuedAt.slice(0, 10)}${officeCode === null ? '' : `-${officeCode}`}.casedesk`;
  const target = await writeIntoFolder(folder, fileName, async (to) => {
    await fsp.writeFile(`${to}.partial`, file);
    await fsp.rename(`${to}.partial`, to);
  });
  return { file: target, fileName, bytes: file };
}

/**
 * Office mode: checks a configuration package against the bureau's key and installs it (the caller's transaction).
 *
 * The package's signing key is the bureau's whole public key (the manifest's `signer`: Ed25519 to sign, X25519 to
 * encrypt to), so it also carries the key an office encrypts its exports to. An office that has a bureau key only
 * takes packages signed by it. At first contact, with none set, a signature proves nothing by itself — anyone can
 * sign a package with a key of their own and would then receive the office's data — so the signing key is taken as
 * the bureau's only when the fingerprint the clerk was given by the bureau (by telephone, or on its printed notice)
 * matches it; it is then set as the bureau key in the same transaction as the installation.
 */
export async function importConfig(
  db: Kysely<Database>,
  bytes: Buffer,
  { user, clock, bureauFingerprint = '' }: { user: SessionUser; clock: Clock; bureauFingerprint?: string },
): Promise<ConfigSummary> {
  const row = await db
    .selectFrom('office')
    .select(['mode', 'bureau_public_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_SET_UP', '请先完成司法所设置');
  const office = await requireOffice(db);
  if (row.mode !== 'office') throw new AppError('CONFLICT', '县局模式的数据文件不导入配置包');
  let bureauKey = row.bureau_public_key ? parsePublicKey(row.bureau_public_key) : null;
  const given = bureauFingerprint.trim().toLowerCase();
  if (!bureauKey && given === '') {
    throw new AppError(
      'VALIDATION',
      '县局公钥指纹：本所尚未设置县司法局公钥，请填写县局告知的公钥指纹（用于核对配置包的签名，核对无误后一并设置县局公钥）',
      'bureauFingerprint',
    );
  }
  const refused = (reason: string) => new AppError('VALIDATION', `配置包：${reason}，未作任何改动`, 'base64');
  let manifest: ConfigManifest;
  let content: ConfigContent;
  let adoptedKey: string | null = null;
  try {
    const opened = verifyPackage(bytes);
    if (opened.manifest.kind !== 'bureau-config') throw new PackageRefused('这是司法所的数据包，不是县局的配置包');
    if (!bureauKey) {
      // First contact: the signer is the bureau only if the fingerprint the bureau gave says so.
      if (opened.manifest.signer.fingerprint !== given) {
        throw new AppError(
          'VALIDATION',
          `县局公钥指纹：配置包的签名公钥指纹是 ${opened.manifest.signer.fingerprint}，与填写的 ${given} 不符：请与县司法局核对，未作任何改动`,
          'bureauFingerprint',
        );
      }
      bureauKey = parsePublicKey(opened.manifest.signer.publicKey);
      if (!bureauKey) throw new PackageRefused('签名公钥无效');
      adoptedKey = opened.manifest.signer.publicKey;
    }
    if (opened.manifest.signer.fingerprint !== fingerprintOf(bureauKey)) {
      throw new PackageRefused(
        `签名公钥（指纹 ${opened.manifest.signer.fingerprint}）不是本所设置的县司法局公钥（指纹 ${fingerprintOf(bureauKey)}）`,
      );
    }
    manifest = opened.manifest;
    const parts = decryptParts(opened, null);
    if (parts.length !== 1 || parts[0]!.name !== CONFIG_PART || contentHashOf(parts) !== manifest.contentHash)
      throw new PackageRefused('内容不符合配置包格式');
    let json: unknown;
    try {
      json = JSON.parse(parts[0]!.bytes.toString('utf8'));
    } catch {
      throw new PackageRefused('内容不是有效的JSON');
    }
    const parsed = configContentSchema.safeParse(json);
    if (!parsed.success) throw new PackageRefused(`内容不符合格式（${parsed.error.issues[0]?.path.join('.') ?? ''}）`);
    content = parsed.data;
    if (content.evaluation && content.evaluation.officeCode !== office.officeCode)
      throw new PackageRefused(
        `这是县局为机构 ${content.evaluation.officeCode} 生成的配置包，不是给本所（${office.officeCode}）的`,
      );
  } catch (error) {
    if (error instanceof PackageRefused) throw refused(error.message);
    throw error;
  }

  const summary: ConfigSummary = {
    issuedAt: manifest.issuedAt,
    bureauName: manifest.bureau.name,
    disputeTypes: content.disputeTypes.types.length,
    notarizationMatters: 0,
    dossierRulesVersion: null,
    subsidyRates: content.subsidyRates.length,
    roster: content.roster.length,
    holidayYears: [],
    followUpRules: false,
    mediationRules: false,
    historicalDossierRules: false,
    evaluation: null,
    skipped: [],
    unchanged: false,
  };
  if (adoptedKey)
    await db
      .updateTable('office')
      .set({ bureau_public_key: adoptedKey, updated_at: clock.now().toISOString() })
      .where('id', '=', 1)
      .execute();
  const installed = await db
    .selectFrom('exchange_config_imports')
    .select(['content_hash', 'issued_at'])
    .orderBy('issued_at', 'desc')
    .execute();
  if (installed.some((i) => i.content_hash === manifest.contentHash)) return { ...summary, unchanged: true };
  const newest = installed[0];
  if (newest && newest.issued_at > manifest.issuedAt)
    throw refused(`比已安装的配置包（${newest.issued_at.slice(0, 10)}签发）旧`);

  await saveDisputeTypes(db, content.disputeTypes, clock);
  const known = new Set((await listNotarizationMatters(db, true)).map((m) => m.code));
  for (const matter of content.notarizationMatters) {
    if (!known.has(matter.code)) {
      summary.skipped.push(matter.name);
      continue;
    }
    await updateNotarizationMatter(db, matter, clock);
    summary.notarizationMatters++;
  }
  if (content.dossierRules !== null) {
    const current = await activeDossierRules(db);
    const version = (content.dossierRules as { version?: unknown }).version;
    if (typeof version === 'number' && version > current.version) {
      summary.dossierRulesVersion = (
        await installDossierRuleSet(db, content.dossierRules, { by: `${manifest.bureau.name}（配置包）`, clock })
      ).version;
    }
  }
  const setter = { ...user, displayName: `${manifest.bureau.name}（配置包）` };
  for (const rate of content.subsidyRates) await setSubsidyRates(db, setter, rate, clock);
  const roster = await listRoster(db, false);
  for (const entry of content.roster) {
    const same = roster.find((r) => r.orgName === entry.orgName && r.personName === entry.personName);
    if (same) await updateRosterEntry(db, { ...entry, id: same.id, active: true }, clock);
    else await addRosterEntry(db, entry, clock);
  }
  // The years that differ from what this office computes with (a new year, or a correction).
  const current = await holidayTableOf(db);
  const changedYears = Object.fromEntries(
    Object.entries(content.holidays).filter(
      ([year, y]) =>
        JSON.stringify(current[Number(year)]) !==
        JSON.stringify({ holidays: [...y.holidays].sort(), workdays: [...y.workdays].sort(), source: y.source }),
    ),
  );
  try {
    summary.holidayYears = await installHolidayYears(db, changedYears, {
      by: `${manifest.bureau.name}（配置包）`,
      clock,
    });
  } catch (error) {
    if (error instanceof AppError) throw refused(error.message); // a bureau's wrong date: nothing of the package stays
    throw error;
  }
  if (content.followUpRules) {
    const mine = await followUpRules(db);
    if (mine.isDefault || JSON.stringify(mine.rules) !== JSON.stringify(content.followUpRules)) {
      await setFollowUpRules(db, content.followUpRules, { user: setter, clock });
      summary.followUpRules = true;
    }
  }
  if (content.mediationRules) {
    const mine = await mediationRules(db);
    if (mine.isDefault || JSON.stringify(mine.rules) !== JSON.stringify(content.mediationRules)) {
      await setMediationRules(db, content.mediationRules, { user: setter, clock });
      summary.mediationRules = true;
    }
  }
  if (content.historicalDossierRules) {
    const mine = await historicalDossierRules(db);
    if (mine.isDefault || JSON.stringify(mine.rules) !== JSON.stringify(content.historicalDossierRules)) {
      await setHistoricalDossierRules(db, content.historicalDossierRules, { user: setter, clock });
      summary.historicalDossierRules = true;
    }
  }
  if (content.evaluation)
    summary.evaluation = await installEvaluationSection(db, content.evaluation, {
      bureauName: manifest.bureau.name,
      issuedAt: manifest.issuedAt,
      now: clock.now(),
    });
  await db
    .insertInto('exchange_config_imports')
    .values({
      issued_at: manifest.issuedAt,
      content_hash: manifest.contentHash,
      imported_at: clock.now().toISOString(),
      summary: JSON.stringify(summary),
    })
    .execute();
  return summary;
}
