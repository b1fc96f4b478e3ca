/**
 * What a third newcomer playtest found in the debrief and the text `brink run` prints, each reproduced on
 * a game (a played one, or one whose record is set to the count the finding needs): a count of one read
 * as a plural ("1 Houthi attacks"); the criticism at home a first order met, read from the end of its own
 * turn instead of the scenario's opening; "game 0" for the days to Iraq's last attack in a game with none.
 */
import { describe, expect, it } from 'vitest';
import { conceptsAtWork } from '../../../src/analysis/debrief/concepts.ts';
import { buildDebrief, formatDebrief } from '../../../src/analysis/debrief/debrief.ts';
import { discussionQuestions } from '../../../src/analysis/debrief/questions.ts';
import { totalsText } from '../../../src/analysis/render.ts';
import { formatHeader, formatTurn } from '../../../src/cli/format.ts';
import { newGame } from '../../../src/engine/game.ts';
import { totalsOf } from '../../../src/engine/history.ts';
import type { GameState } from '../../../src/engine/state.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { playGame } from '../../../src/policies/play.ts';
import { scenario } from '../../helpers/fixtures.ts';
import { scripted } from '../../helpers/scripted.ts';

const bots = (id: string, seed: string) =>
  playGame(scenario(id), { seed, us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });

describe('a count of one reads singular', () => {
  const game = bots('red-sea', '3');

  it('in the totals: "1 US strike outside Yemen, 1 Houthi attack"', () => {
    const t = { ...totalsOf(game), usStrikes: 1, houthiAttacks: 1 };
    const text = totalsText(t);
    expect(text).toContain('1 US strike outside Yemen');
    expect(text).toMatch(/, 1 Houthi attack$/);
    expect(totalsText({ ...t, usStrikes: 2, houthiAttacks: 0 })).toMatch(/2 US strikes outside Yemen, 0 Houthi attacks$/);
  });

  it('in the Red Sea question: "kept up 1 attack a week"', () => {
    // One Houthi attack in every week of a 7-day-turn game: a rate of exactly one a week.
    const history = game.history.map((h) => ({ ...h, houthiAttacks: 1 }));
    const state: GameState = { ...game, history };
    const q = discussionQuestions(state).find((x) => x.startsWith('The Houthis kept up'));
    expect(q).toBeDefined();
    expect(q).toContain('The Houthis kept up 1 attack a week');
  });

  it("in `brink run`'s header and week: 1 turn, 1 day", () => {
    const t = { ...game.history[0]!, hezbollahFireDays: 1 };
    expect(formatTurn(t, [])).toContain('Hezbollah–Israel fire on 1 day ·');
    const one = { ...newGame(scenario('tower-22'), { seed: '1' }) };
    const header = formatHeader(
      { ...one, scenario: { ...one.scenario, turns: 1, daysPerTurn: 1 } },
      { us: 'historical', iran: 'historical' },
    );
    expect(header).toContain('· 1 turn of 1 day from');
  });
});

describe("audience costs: the criticism at home the first order met is the scenario's opening pressure", () => {
  it('tower-22 opens on 0.36: a campaign in turn 1 met 0.36, the highest, not the 0.33 its own turn ended on', () => {
    const game = scripted('tower-22', '1', [
      { us: 'us.major-campaign' },
      { us: 'us.hold' },
      { us: 'us.major-campaign' },
      { us: 'us.hold' },
    ]);
    expect(scenario('tower-22').world.usDomesticPressure).toBe(0.36);
    expect(game.history[0]!.usDomesticPressure).toBeLessThan(0.35);
    const here = conceptsAtWork(game, scenario('tower-22').world).get('audience-costs')!.here;
    expect(here).toContain('criticism at home stood at 0.3 or more on its 0–1 scale (0.36 at its highest) in turns 1 and 3');
    const d = buildDebrief(game, scenario('tower-22'), { humans: ['us'] });
    expect(d.concepts.find((c) => c.id === 'audience-costs')!.explanation).toContain('(0.36 at its highest)');
  });

  it('rafah opens on 0.30: a campaign in turn 1 met criticism that high, though the turn ended below it', () => {
    const game = scripted('rafah', '1', [{ us: 'us.major-campaign' }]);
    expect(game.history[0]!.usDomesticPressure).toBeLessThan(0.3);
    const at = conceptsAtWork(game, scenario('rafah').world).get('audience-costs');
    expect(at?.turns).toEqual([0]);
    expect(at?.here).toContain('criticism at home stood at 0.3 or more on its 0–1 scale (0.30 at its highest) in turn 1');
  });
});

describe("the days to Iraq's last attack, in a game with none", () => {
  const figure = (d: ReturnType<typeof buildDebrief>) => d.comparison!.figures.find((f) => f.id === 'iraq-quiet-after-deaths')!;

  it('read "no attack", not a day count of 0, in the comparison and the text debrief', () => {
    // tower-22, seed quiet-28: the US holds and Iran reins its groups in every week; no attack in Iraq.
    const quiet = scripted('tower-22', 'quiet-28', Array(4).fill({ us: 'us.hold', iran: 'iran.rein-in' }));
    expect(quiet.history.every((h) => h.attacksOnUSIraq === 0)).toBe(true);
    const d = buildDebrief(quiet, scenario('tower-22'), { humans: ['us', 'iran'] });
    expect(figure(d).game).toBe('no attack');
    expect(figure(d).matches).toBe(false);
    const line = formatDebrief(d)
      .split('\n')
      .find((l) => l.includes("Iraq's last attack"))!;
    expect(line).toContain('game no attack · record 7 days');
    expect(line).not.toContain('game 0');
  });

  it('a game stopped before the window ends reads "no attack by" its last day', () => {
    const quiet = scripted('tower-22', 'quiet-28', Array(2).fill({ us: 'us.hold', iran: 'iran.rein-in' }));
    const d = buildDebrief(quiet, scenario('tower-22'), { humans: ['us', 'iran'] });
    expect(figure(d).game).toBe(`no attack by ${d.comparison!.reach!.through}`);
  });

  it('a game with an attack in Iraq still gives its days', () => {
    const game = scripted('tower-22', '1', Array(4).fill({ iran: 'iran.unleash' }));
    const last = game.history.map((h) => h.attacksOnUSIraq > 0).lastIndexOf(true);
    expect(last).toBeGreaterThanOrEqual(0);
    expect(figure(buildDebrief(game, scenario('tower-22'))).game).toBe(String((last + 1) * 7));
  });
});
