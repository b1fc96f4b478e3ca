/**
 * What a third newcomer playtest found in the debrief and the text `brink run` prints, each reproduced on
 * a game (a played one, or one whose record is set to the count the finding needs): a count of one read
 * as a plural ("1 Houthi attacks").
 */
import { describe, expect, it } from 'vitest';
import { discussionQuestions } from '../../../src/analysis/debrief/questions.ts';
import { totalsText } from '../../../src/analysis/render.ts';
import { formatHeader, formatTurn } from '../../../src/cli/format.ts';
import { newGame } from '../../../src/engine/game.ts';
import { totalsOf } from '../../../src/engine/history.ts';
import type { GameState } from '../../../src/engine/state.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { playGame } from '../../../src/policies/play.ts';
import { scenario } from '../../helpers/fixtures.ts';

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
