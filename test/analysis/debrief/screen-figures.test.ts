/**
 * The debrief quotes figures the player saw on the turn screens, so it must quote them as the screens
 * gave them: every attack on US forces, Iran's own fire included (analysis/counts.ts), and a turn's
 * deterrence as its value once the turn is over, which is what the next turn's screen shows.
 */
import { describe, expect, it } from 'vitest';
import { weekCountLines } from '../../../src/analysis/counts.ts';
import { causalChain } from '../../../src/analysis/debrief/chain.ts';
import { conceptsAtWork } from '../../../src/analysis/debrief/concepts.ts';
import { attacksOnUsForces, logOf } from '../../../src/engine/history.ts';
import { newGame, step } from '../../../src/engine/game.ts';
import { observe } from '../../../src/engine/observe.ts';
import type { GameState } from '../../../src/engine/state.ts';
import { ordersOf } from '../../../src/model/portfolio.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { playGame } from '../../../src/policies/play.ts';
import { loadScenario } from '../../../src/scenario/loader.ts';
import { situationInfo } from '../../../src/ui/screens/TurnScreen.tsx';

describe("the debrief's figures are the screens' figures", () => {
  it("a chain's 'seen' counts Iran's own fire, as the week's count line did", () => {
    let s = newGame(loadScenario('october-2023'), { seed: 'seen-1', params: { warShockBase: 0, warHazardPerRung: 0 } });
    s = step(s, ordersOf('us.hold', 'iran.missile-strike')).state;
    s = step(s, ordersOf('us.calibrated-strikes', 'iran.hold-course')).state;
    const week = s.history[0]!;
    const shown = Number(/^Attacks on US forces (\d+):/.exec(weekCountLines(week)[0])![1]);
    expect(shown).toBe(attacksOnUsForces(week));
    const order = logOf(s).findIndex((e) => e.kind === 'action' && e.turn === 1 && e.actor === 'us');
    const seen = causalChain(s, order).find((l) => l.startsWith('seen: '))!;
    expect(seen).toMatch(new RegExp(`^seen: ${shown} attacks on US forces \\(1 by Iran's own forces\\) the week before`));
  });

  it("credibility decay's deterrence figures are the ones the following turns' screens showed", () => {
    const bots = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') };
    let checked = 0;
    for (let i = 0; i < 40 && checked < 3; i++) {
      const scenario = loadScenario('october-2023');
      const end = playGame(scenario, { seed: `decay-${i}`, ...bots });
      const decay = [...conceptsAtWork(end, scenario.world).values()].find((c) => c.here.startsWith('Here: US deterrence stood at'));
      const m = decay && /stood at ([\d.]+) after turn (\d+) and had fallen to ([\d.]+) after turn (\d+)/.exec(decay.here);
      if (!m) continue;
      checked++;
      // The state at the start of turn k + 1 is the game after k turns: replay to it and read its screen.
      for (const [value, turn] of [
        [m[1]!, Number(m[2])],
        [m[3]!, Number(m[4])],
      ] as const) {
        let s: GameState = newGame(loadScenario('october-2023'), { seed: `decay-${i}` });
        for (let t = 0; t < turn; t++) s = step(s, end.history[t]!.actions).state;
        const screen = situationInfo(observe(s, 'us'), 60).join('\n');
        expect(screen, `decay-${i} after turn ${turn}`).toMatch(new RegExp(`^US deterrence .* ${value.replace('.', '\\.')}$`, 'm'));
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
