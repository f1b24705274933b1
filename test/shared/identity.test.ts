import {
  idCheckChar,
  isCountyDivisionCode,
  maskIdNumber,
  parseCreditCode,
  parseIdNumber,
  parsePhone,
} from '../../shared/identity';

const TODAY = '2026-11-22';

describe('公民身份号码 (GB 11643)', () => {
  it('accepts the standard sample and derives birth date and sex', () => {
    const result = parseIdNumber('11010519491231002X', TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        canonical: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: '女',
        addressCode: '110105',
        upgradedFrom15: false,
      },
    });
  });

  it('computes the check character from the weighted sum (167 mod 11 = 2 → X)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a lowercase x, full-width digits and spaces, and stores the canonical form', () => {
    expect(parseIdNumber('11010519491231002x', TODAY)).toMatchObject({
      ok: true,
      value: { canonical: '11010519491231002X' },
    });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({
      ok: true,
      value: { canonical: '11010519491231002X' },
    });
    expect(parseIdNumber('110105 19491231 002X', TODAY)).toMatchObject({
      ok: true,
      value: { canonical: '11010519491231002X' },
    });
  });

  it('upgrades a 15-digit number by inserting 19 and appending the check character', () => {
    expect(parseIdNumber('110105491231002', TODAY)).toMatchObject({
      ok: true,
      value: { canonical: '11010519491231002X', upgradedFrom15: true, sex: '女' },
    });
    // Odd sequence digit: male.
    expect(parseIdNumber('430111850615013', TODAY)).toMatchObject({
      ok: true,
      value: { sex: '男', birthDate: '1985-06-15' },
    });
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, error: 'checksum' });
  });

  it('rejects a birth date that does not exist or lies in the future', () => {
    const body = (date: string) => `430111${date}001`;
    expect(parseIdNumber(body('19990230') + idCheckChar(body('19990230')), TODAY)).toEqual({
      ok: false,
      error: 'birthDate',
    });
    expect(parseIdNumber(body('20270101') + idCheckChar(body('20270101')), TODAY)).toEqual({
      ok: false,
      error: 'birthInFuture',
    });
    // 29 February only in leap years.
    expect(parseIdNumber(body('20000229') + idCheckChar(body('20000229')), TODAY).ok).toBe(true);
    expect(parseIdNumber(body('19000229') + idCheckChar(body('19000229')), TODAY)).toEqual({
      ok: false,
      error: 'birthDate',
    });
  });

  it('rejects an unknown province and a wrong length', () => {
    const body = '99011119900101001';
    expect(parseIdNumber(body + idCheckChar(body), TODAY)).toEqual({ ok: false, error: 'address' });
    expect(parseIdNumber('1101051949123100', TODAY)).toEqual({ ok: false, error: 'format' });
    expect(parseIdNumber('11010519491231002Y', TODAY)).toEqual({ ok: false, error: 'format' });
  });

  it('masks all but the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('行政区划代码', () => {
  it('accepts county-level codes only', () => {
    expect(isCountyDivisionCode('430111')).toBe(true);
    expect(isCountyDivisionCode('110105')).toBe(true);
    expect(isCountyDivisionCode('430100')).toBe(false); // a city
    expect(isCountyDivisionCode('430000')).toBe(false); // a province
    expect(isCountyDivisionCode('990111')).toBe(false);
    expect(isCountyDivisionCode('43011')).toBe(false);
  });
});

describe('phone numbers', () => {
  it('accepts mobiles with or without +86 and normalises landlines', () => {
    expect(parsePhone('138 0013 8000')).toEqual({ ok: true, value: '13800138000', kind: 'mobile' });
    expect(parsePhone('+86-13800138000')).toEqual({ ok: true, value: '13800138000', kind: 'mobile' });
    expect(parsePhone('０７３１８５１２３４５６')).toEqual({ ok: true, value: '0731-85123456', kind: 'landline' });
    expect(parsePhone('010-6512345-801')).toEqual({ ok: true, value: '010-6512345-801', kind: 'landline' });
  });

  it('rejects what is neither', () => {
    for (const bad of ['12800138000', '1380013800', '85123456', 'abc', '0731-0123456'])
      expect(parsePhone(bad).ok).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('checks the mod-31 check character', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode('9144030071526726xg')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(parseCreditCode('91350100M000100Y44').ok).toBe(false);
    expect(parseCreditCode('91350100I000100Y43').ok).toBe(false); // I is not in the alphabet
  });
});
