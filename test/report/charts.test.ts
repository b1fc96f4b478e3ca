/**
 * The report's charts, as HTML: what a fan chart's description says of its median line.
 */
import { describe, expect, it } from 'vitest';
import { fanChart, medianNote } from '../../src/report/charts.ts';

const line = (...medians: number[]) => medians.map((p50, turn) => ({ turn, p50 }));

describe("a fan chart's note on the median", () => {
  it('says a flat line is flat, whatever its height, and names no turn as its highest', () => {
    for (const v of [6, 1, 0]) {
      const note = medianNote(line(v, v, v, v));
      expect(note).toMatch(/flat/);
      expect(note).toContain(`${v} in every turn`);
      expect(note).not.toMatch(/highest/);
    }
  });

  it('names every turn that shares the highest value, and only those', () => {
    expect(medianNote(line(4, 4, 1, 0))).toMatch(/highest in turns 1 and 2 \(4\)/);
    expect(medianNote(line(3, 1, 3, 3))).toMatch(/highest in turns 1, 3 and 4 \(3\)/);
    expect(medianNote(line(0, 2, 1, 0))).toMatch(/highest in turn 2 \(2\)/);
    // A line that never rises above 0 but is not flat has no highest turn to name.
    expect(medianNote(line(0, 0, 0, 0))).not.toMatch(/highest/);
    expect(medianNote([])).toBe('');
  });

  it("is the chart's description", () => {
    const points = line(6, 6, 6, 6).map((p) => ({ ...p, mean: 6, p5: 5, p95: 7 }));
    const html = fanChart({ id: 'f', title: 'Days of fire', unit: 'days', points, dates: [], daysPerTurn: 7 });
    expect(/<span class="fdesc" id="f-d">([^<]*)<\/span>/.exec(html)![1]).toContain(medianNote(points));
  });
});
