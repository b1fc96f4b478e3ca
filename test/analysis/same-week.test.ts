/**
 * A week's lines do not contradict each other or the week's counts (the newcomer playtest): a truce line
 * says what the truce changes (the groups' tempo from that day, not the week's count).
 */
import { describe, expect, it } from 'vitest';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { scenario } from '../helpers/fixtures.ts';

const bots = (id: string, seed: string, us: string, iran: string) =>
  playGame(scenario(id), { seed, us: getPolicy(us, 'us'), iran: getPolicy(iran, 'iran') });

describe('the week the Gaza truce begins', () => {
  // october-2023, seed 12: the truce begins three days into turn 6, and the Houthis' attacks rise from 2 to 4.
  const g = bots('october-2023', '12', 'historical', 'historical');
  const week = g.history[5]!;

  it('says the truce slows the fronts from that day, not that the week was quieter', () => {
    expect(week.events.some((e) => e.kind === 'inject' && e.inject === 'truce-start')).toBe(true);
    expect([g.history[4]!.houthiAttacks, week.houthiAttacks]).toEqual([2, 4]);
    const lines = turnLog(g, 'us')[5]!.events;
    expect(lines).toContain('The Houthis slow their tempo against shipping for the Gaza truce');
    expect(lines).toContain('Hezbollah slows its fire across the border for the Gaza truce');
    for (const l of lines) expect(l).not.toMatch(/ease off|quieten/);
  });
});
