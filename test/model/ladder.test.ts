/** The ladder's bands, as every screen colours a rung: by the ladder's own names, not by numbers in a component. */
import { describe, expect, it } from 'vitest';
import { CALIBRATED_STRIKES, DIRECT_CLASH, MAX_RUNG, MIN_RUNG, RUNGS, rungBand } from '../../src/model/ladder.ts';
import { rungTone } from '../../src/ui/theme.ts';

describe('the bands of the ladder', () => {
  it('are calm below calibrated strikes, tense from them, dangerous from the direct clash to war', () => {
    expect(RUNGS[CALIBRATED_STRIKES]!.id).toBe('calibrated-strikes');
    expect(RUNGS[DIRECT_CLASH]!.name).toMatch(/Direct clash/);
    for (let r = MIN_RUNG; r <= MAX_RUNG; r++)
      expect(rungBand(r)).toBe(r >= DIRECT_CLASH ? 'dangerous' : r >= CALIBRATED_STRIKES ? 'tense' : 'calm');
    expect([rungBand(CALIBRATED_STRIKES - 1), rungBand(CALIBRATED_STRIKES), rungBand(DIRECT_CLASH)]).toEqual([
      'calm',
      'tense',
      'dangerous',
    ]);
  });

  it('colour the rung on screen: red, yellow, green (none under NO_COLOR)', () => {
    const saved = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      expect([rungTone(MIN_RUNG), rungTone(CALIBRATED_STRIKES), rungTone(MAX_RUNG)]).toEqual(['green', 'yellow', 'red']);
      process.env.NO_COLOR = '1';
      expect(rungTone(MAX_RUNG)).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});
