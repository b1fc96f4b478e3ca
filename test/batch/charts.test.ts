/** The terminal tornado chart (src/batch/charts.ts): bars drawn by sign, figures that say which end is which. */
import { describe, expect, it } from 'vitest';
import { tornadoChart } from '../../src/batch/charts.ts';

describe('the tornado chart', () => {
  it("names each figure's end of the range, whichever side of zero its bar is drawn on", () => {
    const chart = tornadoChart('T', [
      { label: 'rises', low: -0.9, high: 0.8 },
      { label: 'falls', low: 0.04, high: -0.1 },
    ]);
    const [, rises, falls] = chart.split('\n');
    expect(rises).toMatch(/lowest -0\.90 · highest \+0\.80$/);
    expect(falls).toMatch(/lowest \+0\.04 · highest -0\.10$/);
    // "falls": the highest value's −0.10 is the longer bar, left of the axis; the lowest's +0.04 is right of it.
    const [left, right] = falls!.split('│') as [string, string];
    const filled = (s: string) => s.replace(/[^█▉▊▋▌▍▎▏]/g, '').length;
    expect(filled(left)).toBeGreaterThan(filled(right.split('lowest')[0]!));
  });
});
