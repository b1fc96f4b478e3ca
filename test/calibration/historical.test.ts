/**
 * The historical bots must reproduce the record (issue #2), figure by figure, read from the one table
 * (seeds/record.yaml): on a second seed and more games than test/analysis/backtest, no figure lies
 * outside its simulated 1–99 % range, every floor is within reach and every usual outcome kept.
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/analysis/backtest/backtest.ts';
import { loadRecord } from '../../src/analysis/record/table.ts';

const result = runBacktest({ runs: 300, seed: 'calibration' });

describe('historical calibration against seeds/record.yaml', () => {
  for (const f of loadRecord().figures) {
    it(`${f.id} (${f.facts.join(', ')}, ${f.scenario}): ${f.kind}`, () => {
      const row = result.rows.find((r) => r.id === f.id)!;
      expect(row.games).toBeGreaterThan(280);
      expect(row.status, `${f.id}: ${row.failures.join('; ')}`).not.toBe('outside-98');
      expect(row.status, `${f.id}: ${row.failures.join('; ')}`).not.toBe('fails');
    });
  }

  it('the Houthis keep their tempo through the Iraq halt (F-15 within reach while Iraq is quiet, F-03)', () => {
    const spell = result.rows.find((r) => r.id === 'houthi-spell-mid-february')!;
    const iraq = result.rows.find((r) => r.id === 'iraq-after-halt')!;
    expect(iraq.median).toBe(0);
    expect(spell.median).toBeGreaterThanOrEqual(2);
  });
});
