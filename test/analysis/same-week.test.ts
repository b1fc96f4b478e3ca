/**
 * A week's lines do not contradict each other or the week's counts (the newcomer playtest): a truce line
 * says what the truce changes (the groups' tempo from that day, not the week's count), guidance that
 * arrives in a truce says it waits for the truce's end, and a halt the world saw kept after strikes is
 * seen to end when Iran lifts it the same week.
 */
import { describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/analysis/render.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { isVisibleTo } from '../../src/engine/events.ts';
import { logOf } from '../../src/engine/history.ts';
import { ACTORS } from '../../src/model/actors/index.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { scenario } from '../helpers/fixtures.ts';
import { scripted } from '../helpers/scripted.ts';

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

describe('guidance that reaches a group in the truce', () => {
  // red-sea, seed 8: Iran unleashes the militias in turn 2, in the truce; the call reaches the Syrian
  // groups in turn 3, a day before the truce ends.
  const g = scripted('red-sea', '8', [
    { iran: 'iran.escalate-fronts+iran.arm-houthis' },
    { iran: 'iran.unleash+iran.arm-houthis' },
    { iran: 'iran.hold-course' },
  ]);
  // The lines of the Syrian groups and their guidance, and the truce's end.
  const syria = (t: number) =>
    turnLog(g, 'iran')[t]!.events.filter((l) => /^(Syrian militias|Iran's guidance for Syria|The Gaza truce ends)/.test(l));

  it('waits for its end, and the end says the call then takes hold', () => {
    expect(syria(1)).toEqual(['Syrian militias slow their tempo against US forces for the Gaza truce']);
    expect(syria(2).slice(0, 4)).toEqual([
      "Iran's guidance for Syria (surge) reaches Syrian militias",
      "Syrian militias keep to the truce: Iran's new guidance waits for its end",
      'The Gaza truce ends',
      "Syrian militias step up attacks on US forces as the truce ends, on Iran's call",
    ]);
  });

  it('for the Iraqi groups too, in every game of a batch where a call to step up reached them in a truce', () => {
    let seen = 0;
    for (let seed = 0; seed < 30; seed++) {
      const log = logOf(bots('red-sea', String(seed), 'random', 'random'));
      log.forEach((e, i) => {
        if (e.kind !== 'directive' || e.actor !== 'iraqiMilitias' || e.level !== 'surge') return;
        const before = [...log.slice(0, i)].reverse().find((p) => p.kind === 'posture' && p.actor === 'iraqiMilitias');
        if (before?.kind !== 'posture' || ACTORS.iraqiMilitias.meta(before.to).inTruce !== true) return;
        seen++;
        // The next line of theirs says the call waits.
        const next = log.slice(i + 1).find((p) => p.kind === 'posture' && p.actor === 'iraqiMilitias');
        expect(next && renderEvent(next)).toBe("Iraqi militias (KH, Nujaba) keep to the truce: Iran's call to step up waits for its end");
      });
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('a halt the world saw', () => {
  it('is seen to end: the US reads the militias resume in the week they kept to it after strikes (october-2023, seed 2, turn 8)', () => {
    const g = bots('october-2023', '2', 'random', 'random');
    const lines = turnLog(g, 'us')[7]!.events;
    const kept = lines.indexOf('Iraqi militias (KH, Nujaba) keep to the halt all the same');
    expect(kept).toBeGreaterThanOrEqual(0);
    expect(g.history[7]!.attacksOnUSIraq).toBe(8);
    expect(lines.indexOf('Iraqi militias (KH, Nujaba) resume harassment as Iran lifts the halt')).toBeGreaterThan(kept);
  });

  it('over many games, every end of a militia stand-down is seen by the US as the stand-down was', () => {
    let ends = 0;
    for (let seed = 0; seed < 30; seed++) {
      for (const e of logOf(bots('october-2023', String(seed), 'random', 'random'))) {
        if (e.kind !== 'posture' || (e.actor !== 'iraqiMilitias' && e.actor !== 'syrianMilitias')) continue;
        const m = ACTORS[e.actor];
        if (m.meta(e.from).halted !== true || m.meta(e.to).halted === true) continue;
        ends++;
        expect(isVisibleTo(e, 'us'), renderEvent(e)).toBe(true);
      }
    }
    expect(ends).toBeGreaterThan(0);
  });
});
