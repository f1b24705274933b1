import { computeSubsidy, rateInForce } from '../../../../shared/kinds/mediation/subsidy';

const RATES = [
  { effectiveFrom: '2000-01-01', oralFen: 3_000, writtenFen: 10_000 },
  { effectiveFrom: '2025-07-01', oralFen: 5_000, writtenFen: 15_000 },
  { effectiveFrom: '2027-01-01', oralFen: 6_000, writtenFen: 20_000 },
];

describe('以奖代补 rates and amounts', () => {
  it('takes the rate with the latest effective date not after the day', () => {
    expect(rateInForce(RATES, '2025-06-30')?.effectiveFrom).toBe('2000-01-01');
    expect(rateInForce(RATES, '2025-07-01')?.effectiveFrom).toBe('2025-07-01');
    expect(rateInForce(RATES, '2026-11-22')?.effectiveFrom).toBe('2025-07-01');
    expect(rateInForce(RATES, '1999-12-31')).toBeNull();
  });

  it('pays oral and written cases at their own rates', () => {
    const at = (form: '书面' | '口头') =>
      computeSubsidy(RATES, { form, agreedOn: '2026-03-01', manualFen: null, note: '' });
    expect(at('口头')).toEqual({
      ok: true,
      value: { form: '口头', rateFen: 5_000, rateEffectiveFrom: '2025-07-01', amountFen: 5_000, manual: false },
    });
    expect(at('书面')).toEqual({
      ok: true,
      value: { form: '书面', rateFen: 15_000, rateEffectiveFrom: '2025-07-01', amountFen: 15_000, manual: false },
    });
  });

  it('takes a manual amount of whole fen, with a note when it differs from the rate', () => {
    const manual = (manualFen: number, note = '') =>
      computeSubsidy(RATES, { form: '口头', agreedOn: '2026-03-01', manualFen, note });
    expect(manual(5_000)).toMatchObject({ ok: true, value: { amountFen: 5_000, manual: true } });
    expect(manual(0, '不予补贴')).toMatchObject({ ok: true, value: { amountFen: 0, manual: true } });
    expect(manual(4_000)).toEqual({
      ok: false,
      field: 'note',
      problem: '补贴金额与口头调解案件的补贴标准（50.00元）不同，须写明理由',
    });
    expect(manual(-1, '说明')).toEqual({ ok: false, field: 'amountFen', problem: '金额不能为负数' });
    expect(manual(4_999.5, '说明')).toEqual({ ok: false, field: 'amountFen', problem: '金额最多两位小数' });
  });

  it('needs a manual amount when no rate was in force', () => {
    expect(computeSubsidy(RATES, { form: '书面', agreedOn: '1999-01-01', manualFen: null, note: '' })).toMatchObject({
      ok: false,
      field: 'amountFen',
    });
    expect(computeSubsidy(RATES, { form: '书面', agreedOn: '1999-01-01', manualFen: 2_000, note: '' })).toMatchObject({
      ok: true,
      value: { amountFen: 2_000, rateFen: 0 },
    });
  });
});
