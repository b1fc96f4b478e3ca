import { describe, expect, it } from 'vitest';
import { verdictText } from '../../src/analysis/render.ts';
import { QUIET_WINDOW, verdictOf } from '../../src/engine/outcome.ts';
import type { GameState, TurnRecord } from '../../src/engine/state.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { buildDebrief, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { isLull, logOf, totalsOf } from '../../src/engine/history.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenario } from '../helpers/fixtures.ts';

const bots = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') };

/** The same finished game with its last two weeks' attacks replaced. */
function withLastWeeks(g: GameState, weeks: readonly Partial<TurnRecord>[]): GameState {
  const history = g.history
    .slice(0, -weeks.length)
    .concat(weeks.map((w, i) => ({ ...g.history[g.history.length - weeks.length + i]!, ...w })));
  return { ...g, history };
}

describe('verdicts', () => {
  const g = playGame(scenario('tower-22'), { seed: 'verdict', ...bots });
  it('starts from a game that ended in peace, far from a drawdown', () => {
    expect(g.world.regionalWar).toBe(false);
    expect(g.actors.iraqiGovernment.context.withdrawalMomentum).toBeLessThan(0.75);
  });

  const quiet = { attacksOnUS: 0, attacksOnUSIraq: 0, attacksOnUSJordan: 0, attacksOnUSSyria: 0 };

  it('calm restored: Iraq and Jordan silent, Syria at most one a week (as after 2 Feb, F-03)', () => {
    fcheck(withLastWeeks(g, [quiet, quiet]), 'calm-restored');
    fcheck(
      withLastWeeks(g, [
        { ...quiet, attacksOnUSSyria: 1, attacksOnUS: 1 },
        { ...quiet, attacksOnUSSyria: 1, attacksOnUS: 1 },
      ]),
      'calm-restored',
    );
  });

  it("calm restored's sentence states the rule as it counts: Syria's attacks over the window, one a week on average", () => {
    // Two in one week and none in the next is calm by the rule, so the sentence may not say "at most one a week".
    const state = withLastWeeks(g, [
      { ...quiet, attacksOnUSSyria: 2, attacksOnUS: 2 },
      { ...quiet, attacksOnUSSyria: 0, attacksOnUS: 0 },
    ]);
    const verdict = verdictOf(state);
    expect(verdict.id).toBe('calm-restored');
    const text = verdictText(verdict, state).explanation;
    expect(text).not.toMatch(/at most one a week/);
    expect(text).toContain(`no more than ${QUIET_WINDOW} in Syria over them (one a week on average`);
  });

  it('simmering: any attack in Iraq or Jordan, or Syria above one a week', () => {
    fcheck(withLastWeeks(g, [quiet, { ...quiet, attacksOnUSIraq: 1, attacksOnUS: 1 }]), 'simmering');
    fcheck(withLastWeeks(g, [quiet, { ...quiet, attacksOnUSJordan: 1, attacksOnUS: 1 }]), 'simmering');
    fcheck(withLastWeeks(g, [quiet, { ...quiet, attacksOnUSSyria: 3, attacksOnUS: 3 }]), 'simmering');
  });

  it('the historical bots on tower-22 mostly end as the record did: calm restored', () => {
    const games = Array.from({ length: 300 }, (_, i) => playGame(scenario('tower-22'), { seed: `v${i}`, ...bots }));
    const calm = games.filter((x) => verdictOf(x).id === 'calm-restored').length / games.length;
    // The lull held in the record (F-04); rogue cells, late holdouts and the war hazard leave some games short of it.
    expect(calm).toBeGreaterThan(0.75);
  });
});

function fcheck(state: GameState, id: string): void {
  expect(verdictOf(state).id).toBe(id);
}

describe('a game stopped before a calm can be called', () => {
  const quietFirstWeek = (sc: Scenario) => {
    for (let i = 0; i < 40; i++) {
      const g = newGame(sc, { seed: `stopped${i}` });
      const one = step(g, { us: chooseAction(g, 'us', bots.us), iran: chooseAction(g, 'iran', bots.iran) }).state;
      if (isLull(one.history[0]!) && one.history[0]!.attacksOnUSSyria <= 1) return one;
    }
    throw new Error('no quiet first week in 40 seeds');
  };

  it('one quiet turn of four is not "calm restored": the verdict says so, as things stand', () => {
    const one = quietFirstWeek(scenario('tower-22'));
    expect(one.over).toBeNull();
    const verdict = verdictOf(one);
    expect(verdict.id).not.toBe('calm-restored');
    expect(verdict.quietSoFar).toBe(1);
    const text = formatDebrief(buildDebrief(one, scenario('tower-22')));
    expect(text).not.toContain('Calm restored');
    expect(text).toMatch(
      /Verdict \(as things stand\): \w[^.]*\. .*as things stand, Iraq and Jordan have been quiet for the one turn played, and a calm needs 2 quiet turns/,
    );
    expect(text).not.toContain('the militias hit US forces');
    // The same quiet a second time is a calm.
    const two: GameState = { ...one, history: [one.history[0]!, one.history[0]!] };
    expect(verdictOf(two).id).toBe('calm-restored');
  });

  it('a scenario shorter than the window is judged on all of it', () => {
    const short = { ...scenario('tower-22'), turns: 1 };
    const one = quietFirstWeek(short);
    expect(one.over).not.toBeNull();
    expect(verdictOf(one).id).toBe('calm-restored');
  });
});

describe('a regional war is told as it came', () => {
  const warText = (g: GameState) => verdictText(verdictOf(g), g).explanation;

  it("the report's game 13 (tower-22, seed 1:13): a miscalculation with no direct fire is not called direct fighting", () => {
    const g = playGame(scenario('tower-22'), { seed: '1:13', ...bots });
    const war = logOf(g).find((e) => e.kind === 'war');
    expect(war?.kind === 'war' && war.cause).toBe('miscalculation');
    expect(totalsOf(g).iranDirectAttacks + totalsOf(g).strikesOnIran).toBe(0);
    const text = warText(g);
    expect(text).not.toMatch(/fighting each other directly|traded fire/);
    expect(text).toContain(
      'Neither capital chose it: a miscalculation at "Large campaign" spiralled into war before US and Iranian forces had fired on each other directly',
    );
  });

  it('over many wars, the sentence claims direct fire only where the war event or the tallies hold it', () => {
    const causes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const g = playGame(scenario('october-2023'), {
        seed: `war${i}`,
        us: getPolicy('random', 'us'),
        iran: getPolicy(i % 2 ? 'random' : 'historical', 'iran'),
      });
      const war = logOf(g).find((e) => e.kind === 'war');
      if (war?.kind !== 'war') continue;
      causes.add(war.cause);
      const t = totalsOf(g);
      const text = warText(g);
      expect(text.includes('traded fire directly'), text).toBe(war.cause === 'direct-exchange');
      if (war.cause === 'miscalculation') {
        if (t.strikesOnIran > 0) expect(text).toContain(`${t.strikesOnIran} US strike`);
        expect(text.includes('before US and Iranian forces had fired'), text).toBe(t.strikesOnIran + t.iranDirectAttacks === 0);
        if (t.iranDirectAttacks > 0) expect(text).toContain(`${t.iranDirectAttacks} attack`);
      }
    }
    expect([...causes].sort()).toEqual(['direct-exchange', 'miscalculation']);
  });
});
