// 以奖代补: the county pays the committee a sum per successfully mediated case, at one rate for oral cases and
// another for written ones. The rates are data (table mediation_subsidy_rates), each with the date it takes effect,
// set by the director or the administrator; a case is paid at the rate in force on the day of its agreement.
import { z } from 'zod';
import { formatYuan } from '../../money';
import { fen, isoDate, strictObject, text, type Labels } from '../../validation';
import type { AgreementForm } from './options';

export interface SubsidyRate {
  effectiveFrom: string;
  oralFen: number;
  writtenFen: number;
  note: string;
  setBy: string;
  recordedAt: string;
}

export interface SubsidyRates {
  /** The rate in force today. */
  inForce: SubsidyRate;
  /** Every rate, newest effective date first. */
  history: SubsidyRate[];
}

export const subsidyRatesSchema = strictObject({
  effectiveFrom: isoDate(),
  oralFen: fen(),
  writtenFen: fen(),
  note: text({ max: 500, multiLine: true }),
});
export type SubsidyRatesInput = z.output<typeof subsidyRatesSchema>;
export const SUBSIDY_RATE_LABELS: Labels = {
  effectiveFrom: '执行日期',
  oralFen: '口头调解案件补贴标准',
  writtenFen: '书面调解案件补贴标准',
  note: '依据或说明',
};

/** The rate in force on `on`: the one with the latest effective date not after it; null when none is. */
export function rateInForce<R extends Pick<SubsidyRate, 'effectiveFrom'>>(rates: readonly R[], on: string): R | null {
  let best: R | null = null;
  for (const r of rates) if (r.effectiveFrom <= on && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

export interface SubsidyComputation {
  form: AgreementForm;
  rateFen: number;
  rateEffectiveFrom: string;
  amountFen: number;
  manual: boolean;
}

/**
 * The subsidy of a case whose agreement (of `form`) was reached on `agreedOn`: the rate for its form, or the manual
 * amount. A manual amount that differs from the rate needs a note; the caller refuses when `problem` is set.
 */
export function computeSubsidy(
  rates: readonly Pick<SubsidyRate, 'effectiveFrom' | 'oralFen' | 'writtenFen'>[],
  {
    form,
    agreedOn,
    manualFen,
    note,
  }: { form: AgreementForm; agreedOn: string; manualFen: number | null; note: string },
): { ok: true; value: SubsidyComputation } | { ok: false; field: 'amountFen' | 'note'; problem: string } {
  if (manualFen !== null && (!Number.isInteger(manualFen) || manualFen < 0)) {
    return { ok: false, field: 'amountFen', problem: manualFen < 0 ? '金额不能为负数' : '金额最多两位小数' };
  }
  const rate = rateInForce(rates, agreedOn);
  if (!rate) {
    if (manualFen === null)
      return { ok: false, field: 'amountFen', problem: '调解协议达成之日没有施行中的补贴标准，请填写补贴金额' };
    return { ok: true, value: { form, rateFen: 0, rateEffectiveFrom: '', amountFen: manualFen, manual: true } };
  }
  const rateFen = form === '口头' ? rate.oralFen : rate.writtenFen;
  if (manualFen !== null && manualFen !== rateFen && note === '') {
    return {
      ok: false,
      field: 'note',
      problem: `补贴金额与${form}调解案件的补贴标准（${formatYuan(rateFen)}元）不同，须写明理由`,
    };
  }
  return {
    ok: true,
    value: {
      form,
      rateFen,
      rateEffectiveFrom: rate.effectiveFrom,
      amountFen: manualFen ?? rateFen,
      manual: manualFen !== null,
    },
  };
}
