/**
 * A week can read "Iraqi militias keep to the halt all the same" (after US strikes in the lull) and then
 * Iran's order to surge: the second line must say the halt ends, or the two read as a contradiction.
 */
import { describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/analysis/render.ts';
import { logOf } from '../../src/engine/history.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { scenario } from '../helpers/fixtures.ts';

describe('the Iraqi militias leaving a halt', () => {
  it("say the halt ends when Iran's order to surge reaches them while they stand down", () => {
    const lines: string[] = [];
    for (let seed = 0; seed < 40 && lines.length < 3; seed++) {
      const state = playGame(scenario('tower-22'), {
        seed: `halt-${seed}`,
        us: getPolicy('hawk', 'us'),
        iran: getPolicy('random', 'iran'),
      });
      for (const e of logOf(state))
        if (e.kind === 'posture' && e.actor === 'iraqiMilitias' && e.from === 'standingDown' && e.to === 'surging')
          lines.push(renderEvent(e));
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/end the halt.*step up attacks/);
  });
});
