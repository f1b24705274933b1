// The draw: the same seed gives the same sample whatever order the candidates come in, another seed another one,
// each office gets its N (or its percentage) shared among its kinds in proportion, and 普查 takes everything.
import { drawSample, type SampleCandidate } from '../../../shared/evaluation/sample';
import type { SheetKind } from '../../../shared/evaluation/sheets';

function candidates(): SampleCandidate[] {
  const out: SampleCandidate[] = [];
  const add = (officeCode: string, sheetKind: SheetKind, n: number) => {
    for (let i = 1; i <= n; i++)
      out.push({ officeCode, sheetKind, caseNumber: `${officeCode}-${sheetKind}-${String(i).padStart(3, '0')}` });
  };
  add('43011101', 'legalAidCivil', 30);
  add('43011101', 'legalAidCriminal', 10);
  add('43011101', 'mediation', 60);
  add('43011102', 'mediation', 8);
  add('43011102', 'notarization', 2);
  return out;
}

const count = (sample: SampleCandidate[], office: string, kind?: SheetKind) =>
  sample.filter((c) => c.officeCode === office && (kind === undefined || c.sheetKind === kind)).length;

describe('drawSample', () => {
  it('draws the same sample from the same seed, whatever the candidates’ order', () => {
    const a = drawSample(candidates(), { method: 'perOffice', perOffice: 10 }, '2026-评查-1');
    const shuffled = [...candidates()].reverse();
    const b = drawSample(shuffled, { method: 'perOffice', perOffice: 10 }, '2026-评查-1');
    expect(b).toEqual(a);
    const other = drawSample(candidates(), { method: 'perOffice', perOffice: 10 }, '2026-评查-2');
    expect(other.map((c) => c.caseNumber)).not.toEqual(a.map((c) => c.caseNumber));
  });

  it('takes N of each office, shared among its kinds in proportion, and all of an office with fewer', () => {
    const sample = drawSample(candidates(), { method: 'perOffice', perOffice: 10 }, 's');
    expect(count(sample, '43011101')).toBe(10);
    expect(count(sample, '43011101', 'mediation')).toBe(6);
    expect(count(sample, '43011101', 'legalAidCivil')).toBe(3);
    expect(count(sample, '43011101', 'legalAidCriminal')).toBe(1);
    expect(count(sample, '43011102')).toBe(10);
    expect(new Set(sample.map((c) => c.caseNumber)).size).toBe(sample.length);
    expect(
      drawSample(candidates(), { method: 'perOffice', perOffice: 3 }, 's')
        .filter((c) => c.officeCode === '43011102')
        .map((c) => c.sheetKind)
        .sort(),
    ).toEqual(['mediation', 'mediation', 'notarization']);
  });

  it('takes a percentage of each office rounded up, and everything in 普查', () => {
    const sample = drawSample(candidates(), { method: 'percent', percent: 15 }, 's');
    expect(count(sample, '43011101')).toBe(15);
    expect(count(sample, '43011102')).toBe(2);
    expect(drawSample(candidates(), { method: 'census' }, 's')).toHaveLength(110);
  });

  it('does not change an office’s draw when another office joins the scope', () => {
    const alone = drawSample(
      candidates().filter((c) => c.officeCode === '43011101'),
      { method: 'perOffice', perOffice: 5 },
      'x',
    );
    const both = drawSample(candidates(), { method: 'perOffice', perOffice: 5 }, 'x');
    expect(both.filter((c) => c.officeCode === '43011101')).toEqual(alone);
  });

  it('draws every dossier of a stratum about equally often over many seeds', () => {
    const seen = new Map<string, number>();
    for (let s = 0; s < 2000; s++)
      for (const c of drawSample(candidates(), { method: 'perOffice', perOffice: 10 }, String(s)))
        if (c.sheetKind === 'mediation' && c.officeCode === '43011101')
          seen.set(c.caseNumber, (seen.get(c.caseNumber) ?? 0) + 1);
    // 6 of 60 each time: 200 draws per dossier expected.
    expect(seen.size).toBe(60);
    for (const n of seen.values()) expect(n).toBeGreaterThan(140);
    for (const n of seen.values()) expect(n).toBeLessThan(260);
  });
});
