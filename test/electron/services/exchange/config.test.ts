import fs from 'node:fs';
import { verifyPackage } from '../../../../electron/services/exchange/container';
import { fileState } from '../../../support/fixtures';
import { bureau, office, type Site } from './fixtures';

describe('the bureau’s configuration package, installed by an office after checking the signature', () => {
  let county: Site;
  let lituo: Site;
  let made: { file: string; fileName: string; base64: string };
  beforeEach(async () => {
    county = await bureau();
    lituo = await office({ cases: 0 });
    // The county sets what every office uses, with the same pages an office has.
    const types = await county.api.call('mediation.disputeTypes', { includeInactive: true });
    await county.api.call('mediation.saveDisputeTypes', {
      types: [{ name: '物业服务纠纷', active: true }, ...types.map((t) => ({ name: t.name, active: t.active }))],
    });
    await county.api.call('mediation.setSubsidyRates', {
      effectiveFrom: '2026-12-01',
      oralFen: 5000,
      writtenFen: 20000,
      note: '雨司发〔2026〕12号',
    });
    await county.api.call('holidays.save', {
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workdays: ['2027-09-26', '2027-10-09'],
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    await county.api.call('legalAid.rosterAdd', {
      orgType: '律师事务所',
      orgName: '湖南麓山律师事务所',
      personName: '雷丹丹',
      phone: '0731-85550000',
      expertise: ['刑事辩护与代理'],
      note: '',
    });
    await county.api.call('followUp.setRules', {
      rules: { rules: [{ kind: 'legal_aid', after: 'close', withinDays: 20, count: 2 }] },
    });
    await county.api.call('mediation.setRules', { extensionAllowed: false });
    made = await county.api.call('bureau.exportConfig', { folder: county.folder });
  }, 30_000);
  afterEach(async () => {
    await county.close();
    await lituo.close();
  });

  it('installs the county’s dispute types, subsidy rates, roster and holiday years, once', async () => {
    await lituo.api.call('exchange.setBureauKey', {
      publicKey: (await county.api.call('exchange.status', {})).publicKey!,
    });
    const summary = await lituo.api.call('exchange.importConfig', { fileName: made.fileName, base64: made.base64 });
    expect(summary).toMatchObject({
      bureauName: '长沙市雨花区司法局',
      unchanged: false,
      roster: 1,
      subsidyRates: 2,
      holidayYears: [2027],
      followUpRules: true,
      mediationRules: true,
    });
    // The county turned extension off: the office's mediation rules follow (extending is then refused, mediation tests).
    expect(await lituo.api.call('mediation.rules', {})).toMatchObject({
      rules: { extensionAllowed: false },
      isDefault: false,
      updatedBy: '长沙市雨花区司法局（配置包）',
    });
    expect(await lituo.api.call('followUp.rules', {})).toMatchObject({
      rules: { rules: [{ kind: 'legal_aid', after: 'close', withinDays: 20, count: 2 }] },
      isDefault: false,
      updatedBy: '长沙市雨花区司法局（配置包）',
    });
    expect((await lituo.api.call('holidays.list', {})).years[0]).toMatchObject({
      year: 2027,
      origin: 'installed',
      installedBy: '长沙市雨花区司法局（配置包）',
      workdays: ['2027-09-26', '2027-10-09'],
    });
    expect((await lituo.api.call('mediation.disputeTypes', { includeInactive: false }))[0]?.name).toBe('物业服务纠纷');
    expect((await lituo.api.call('mediation.subsidyRates', {})).history).toContainEqual(
      expect.objectContaining({ effectiveFrom: '2026-12-01', oralFen: 5000, setBy: '长沙市雨花区司法局（配置包）' }),
    );
    expect(await lituo.api.call('legalAid.rosterList', { activeOnly: true })).toContainEqual(
      expect.objectContaining({ personName: '雷丹丹' }),
    );

    const state = fileState(lituo.dataFile);
    expect(
      await lituo.api.call('exchange.importConfig', { fileName: made.fileName, base64: made.base64 }),
    ).toMatchObject({ unchanged: true });
    expect(fileState(lituo.dataFile)).toBe(state);
  });

  it('refuses a package not signed by the bureau the office has set, a changed one, and one before the key is set', async () => {
    const refusal = async (base64: string) => {
      const state = fileState(lituo.dataFile);
      const result = await lituo.dispatch('exchange.importConfig', { fileName: made.fileName, base64 });
      expect(fileState(lituo.dataFile)).toBe(state);
      return result.ok ? null : result.error;
    };
    expect(await refusal(made.base64)).toMatchObject({
      code: 'VALIDATION',
      field: 'bureauFingerprint',
      message: expect.stringMatching(/^县局公钥指纹：本所尚未设置县司法局公钥/),
    });

    const other = await bureau();
    await lituo.api.call('exchange.setBureauKey', {
      publicKey: (await other.api.call('exchange.keys', {})).publicKey!,
    });
    expect(await refusal(made.base64)).toMatchObject({
      code: 'VALIDATION',
      field: 'base64',
      message: expect.stringMatching(/^配置包：签名公钥.*不是本所设置的县司法局公钥.*未作任何改动$/),
    });
    await other.close();

    await lituo.api.call('exchange.setBureauKey', {
      publicKey: (await county.api.call('exchange.status', {})).publicKey!,
    });
    const bytes = Buffer.from(made.base64, 'base64');
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x20;
    expect(await refusal(bytes.toString('base64'))).toMatchObject({
      code: 'VALIDATION',
      field: 'base64',
      message: expect.stringMatching(/config\.json.*SHA-256/),
    });
    expect(await lituo.api.call('mediation.disputeTypes', { includeInactive: true })).not.toContainEqual(
      expect.objectContaining({ name: '物业服务纠纷' }),
    );
  });
});

describe('first contact: the configuration package sets the bureau key in one step', () => {
  it('takes the package’s signing key as the bureau key only when the fingerprint the bureau gave matches, then exports encrypted to it', async () => {
    const county = await bureau();
    const impostor = await bureau();
    const lituo = await office({ cases: 1 });
    try {
      const real = await county.api.call('exchange.status', {});
      const config = await county.api.call('bureau.exportConfig', { folder: county.folder });
      const forged = await impostor.api.call('bureau.exportConfig', { folder: impostor.folder });
      const install = (base64: string, bureauFingerprint: string) =>
        lituo.dispatch('exchange.importConfig', { fileName: config.fileName, base64, bureauFingerprint }, 'local');

      // Before: no package leaves the office, and it is told how to set the key.
      const refusedExport = await lituo.dispatch('exchange.export', { period: null, folder: null }, 'local');
      expect(refusedExport).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringMatching(/^未设置县司法局公钥，不能导出.*配置包.*--bureau-key/),
        },
      });
      expect(fs.readdirSync(lituo.folder).filter((n) => n.endsWith('.casedesk'))).toEqual([]);

      // Someone else's package, with the real bureau's fingerprint typed in: refused, nothing set.
      const state = fileState(lituo.dataFile);
      expect(await install(forged.base64, real.fingerprint!)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'bureauFingerprint', message: expect.stringMatching(/与填写的.*不符/) },
      });
      expect(fileState(lituo.dataFile)).toBe(state);
      expect((await lituo.api.call('exchange.keys', {})).bureauFingerprint).toBeNull();

      // The bureau's own package with its fingerprint (typed with capitals and spaces): installed, key set.
      expect(await install(config.base64, ` ${real.fingerprint!.toUpperCase()} `)).toMatchObject({
        ok: true,
        value: { unchanged: false },
      });
      expect(await lituo.api.call('exchange.keys', {})).toMatchObject({
        bureauPublicKey: real.publicKey,
        bureauFingerprint: real.fingerprint,
      });
      const made = await lituo.api.call('exchange.export', { period: null, folder: null });
      expect(verifyPackage(fs.readFileSync(made.file)).manifest.encryption?.recipientFingerprint).toBe(
        real.fingerprint,
      );

      // Once set, a package signed by another key is refused whatever fingerprint comes with it.
      expect(await install(forged.base64, (await impostor.api.call('exchange.status', {})).fingerprint!)).toMatchObject(
        { ok: false, error: { code: 'VALIDATION', field: 'base64' } },
      );
    } finally {
      await county.close();
      await impostor.close();
      await lituo.close();
    }
  });
});

describe('keys and registration refuse bad input with the field named, changing nothing', () => {
  it('a malformed bureau key, a fingerprint that does not match the key, a mode change after cases exist', async () => {
    const lituo = await office({ cases: 1 });
    const county = await bureau();
    const check = async (s: Site, channel: Parameters<Site['dispatch']>[0], input: unknown) => {
      const state = fileState(s.dataFile);
      const result = await s.dispatch(channel, input, 'local');
      expect(fileState(s.dataFile)).toBe(state);
      return result.ok ? null : result.error;
    };
    expect(await check(lituo, 'exchange.setBureauKey', { publicKey: 'casedesk1:abc' })).toMatchObject({
      code: 'VALIDATION',
      field: 'publicKey',
      message: expect.stringMatching(/^县司法局公钥：格式不正确/),
    });
    expect(await check(lituo, 'exchange.setMode', { mode: 'bureau' })).toMatchObject({
      code: 'CONFLICT',
      field: 'mode',
    });
    expect(await check(lituo, 'exchange.setMode', { mode: 'county' })).toMatchObject({
      code: 'VALIDATION',
      field: 'mode',
      message: '使用方式：不是可选的值',
    });
    const keys = await lituo.api.call('exchange.keys', {});
    expect(
      await check(county, 'bureau.registerOffice', {
        code: '43011101',
        name: '黎托街道司法所',
        publicKey: keys.publicKey,
        fingerprint: '0000-0000-0000-0000-0000-0000-0000-0000',
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'fingerprint',
      message: expect.stringContaining(`该公钥的指纹是 ${keys.fingerprint}`),
    });
    expect(
      await check(county, 'bureau.registerOffice', {
        code: '4301',
        name: '黎托街道司法所',
        publicKey: keys.publicKey,
        fingerprint: keys.fingerprint,
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'code', message: expect.stringMatching(/^机构代码：/) });
    expect(
      await check(lituo, 'bureau.registerOffice', {
        code: '43011101',
        name: '黎托街道司法所',
        publicKey: keys.publicKey,
        fingerprint: keys.fingerprint,
      }),
    ).toMatchObject({ code: 'CONFLICT', message: '只有县局模式的数据文件能登记司法所' });
    expect(await check(county, 'exchange.export', { period: '2026-13', folder: null })).toMatchObject({
      code: 'VALIDATION',
      field: 'period',
      message: '报送月份：格式应为2026-10',
    });
    await lituo.close();
    await county.close();
  });
});
