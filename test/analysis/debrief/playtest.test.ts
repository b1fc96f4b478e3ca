/**
 * The newcomer playtest's findings, each reproduced on a scripted game: the debrief's questions, concept
 * blurbs and "rule:" annotations must be true of the game they describe (students answer them about their
 * own game). Games are scripted as the terminal game plays them: a human side's orders as given, the other
 * side's from its bot.
 */
import { factById } from '../../../src/model/evidence.ts';
import { describe, expect, it } from 'vitest';
import { causalChain, triggerOf } from '../../../src/analysis/debrief/chain.ts';
import { reachText } from '../../../src/analysis/debrief/comparison.ts';
import { conceptsAtWork, threatsWithRestraint } from '../../../src/analysis/debrief/concepts.ts';
import { heldRules, ruleHeld } from '../../../src/analysis/debrief/conditions.ts';
import { buildDebrief, formatDebrief } from '../../../src/analysis/debrief/debrief.ts';
import { logOf } from '../../../src/engine/history.ts';
import type { GameState } from '../../../src/engine/state.ts';
import { actionById } from '../../../src/model/actions.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { playGame } from '../../../src/policies/play.ts';
import { scenario } from '../../helpers/fixtures.ts';
import { scripted } from '../../helpers/scripted.ts';
import { formatFigureValue } from '../../../src/analysis/record/statistics.ts';
import { recordRungs } from '../../../src/analysis/war-odds.ts';

const bots = (id: string, seed: string, us = 'historical', iran = 'historical', params?: Record<string, number>) =>
  playGame(scenario(id), { seed, us: getPolicy(us, 'us'), iran: getPolicy(iran, 'iran'), ...(params ? { params } : {}) });

// The playtest's Iran game: tower-22, seed 7, four turns, then quit.
const IRAN_ORDERS = [
  { iran: 'iran.rein-in+iran.back-talks' },
  { iran: 'iran.quiet-message+iran.public-threats' },
  { iran: 'iran.escalate-fronts+iran.arm-houthis' },
  { iran: 'iran.unleash+iran.public-threats' },
];

/** The playtest's US game: october-2023, seed 42, four orders, then quit; no US death, Iran never reined in. */
function playtestUsGame(): GameState {
  return scripted('october-2023', '42', [
    { us: 'us.hold+us.warn' },
    { us: 'us.calibrated-strikes' },
    { us: 'us.hold' },
    { us: 'us.major-campaign' },
  ]);
}

describe('cheap talk counts only threats beside restraint in the same turn', () => {
  const state = scripted('tower-22', '7', IRAN_ORDERS);
  const d = buildDebrief(state, scenario('tower-22'), { humans: ['iran'] });

  it('counts turn 2 (threats with a quiet message), not turn 4 (threats with the militias unleashed)', () => {
    // The game as scripted: threats in turns 2 and 4, restraint only beside the first.
    expect(state.history.filter((r) => r.actions.iran.signal === 'iran.public-threats').map((r) => r.turn)).toEqual([1, 3]);
    expect(threatsWithRestraint(state)).toEqual([1]);
    const q = d.questions.find((x) => x.startsWith('Iran threatened in public'));
    expect(q).toBe(
      'Iran threatened in public in 1 turn while its private orders in that turn were for restraint. Which signal should Washington have believed, and how could it tell?',
    );
  });

  it('lists the concept for that turn only, never for a turn without a threat', () => {
    const talk = d.concepts.find((c) => c.id === 'cheap-talk')!;
    expect(talk.turns).toEqual([1]);
    expect(talk.explanation).toContain(
      'Here: Tehran threatened in public in turn 2 while its private orders in the same turn were for restraint.',
    );
    expect(formatDebrief(d)).toContain(`  Cheap talk versus private action (turn 2): ${talk.explanation}`);
  });

  it('asks nothing and names no cheap talk where every threat came with force', () => {
    const loud = scripted('tower-22', '7', [
      { iran: 'iran.unleash+iran.public-threats' },
      { iran: 'iran.hold-course+iran.public-threats' },
      { iran: 'iran.rein-in+iran.back-talks' },
    ]);
    const quiet = buildDebrief(loud, scenario('tower-22'), { humans: ['iran'] });
    expect(quiet.questions.some((q) => q.startsWith('Iran threatened in public'))).toBe(false);
    expect(quiet.concepts.map((c) => c.id)).not.toContain('cheap-talk');
  });
});

describe('the campaign question follows the direction the attacks took', () => {
  const campaignWeeks = (state: GameState) => {
    const c = state.history.find((r) => r.actions.us.force === 'us.major-campaign')!;
    const next = state.history.slice(c.turn + 1, c.turn + 3);
    return { before: c.attacksOnUS, mean: next.reduce((s, r) => s + r.attacksOnUS, 0) / next.length, weeks: next.length };
  };

  // The hot-seat game of the playtest (tower-22, seed class-3b), where attacks rose after the campaign, and
  // an october-2023 game where Iran stood its groups down after it and they fell.
  const cases = [
    {
      name: 'asks whether the strikes provoked when attacks rose after them (hot-seat tower-22, seed class-3b)',
      scenario: 'tower-22',
      seed: 'class-3b',
      iran: ['iran.rein-in', 'iran.rein-in', 'iran.rein-in'],
      direction: 'rose',
      says: ['provoke rather than deter'],
      never: /punishment|brake/,
    },
    {
      name: 'asks what brought them down when they fell',
      scenario: 'october-2023',
      seed: '3',
      iran: ['iran.hold-course', 'iran.stand-down-all', 'iran.stand-down-all'],
      direction: 'fell',
      says: ["How much of that was US punishment, and how much Iran's own brake?"],
      never: /provoke/,
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const us = ['us.major-campaign', 'us.hold', 'us.hold'];
      const state = scripted(
        c.scenario,
        c.seed,
        c.iran.map((iran, i) => ({ us: us[i]!, iran })),
      );
      const { before, mean, weeks } = campaignWeeks(state);
      expect(c.direction === 'rose' ? mean > before : mean < before).toBe(true);
      const q = buildDebrief(state, scenario(c.scenario), { humans: ['us', 'iran'] }).questions.find((x) =>
        x.startsWith('After the US chose "Large strike campaign"'),
      )!;
      // Written as every weekly rate on the Discuss page is (formatFigureValue: whole, or two decimals).
      expect(q).toContain(`attacks ${c.direction} from ${before} that week to ${formatFigureValue(mean)} a week`);
      // The weeks the mean is taken over are named: not the rest of the game, the turns after the campaign's.
      expect(weeks).toBe(2);
      expect(q).toContain(`to ${formatFigureValue(mean)} a week over the 2 weeks after.`);
      for (const text of c.says) expect(q).toContain(text);
      expect(q).not.toMatch(c.never);
    });
  }
});

describe('concepts are shown only where the game holds them, with a "Here:" of this game', () => {
  const us = playtestUsGame();
  const d = buildDebrief(us, scenario('october-2023'), { humans: ['us'] });

  it('names no slippage where Iran never ordered restraint, and no audience costs without deaths or pressure', () => {
    expect(us.history.some((r) => actionById(r.actions.iran.force)?.stance === 'restraint')).toBe(false);
    expect(us.history.reduce((s, r) => s + r.usKilled, 0)).toBe(0);
    const ids = d.concepts.map((c) => c.id);
    expect(ids).not.toContain('principal-agent');
    expect(ids).not.toContain('audience-costs');
    expect(d.questions.some((q) => q.includes('Iran never ordered restraint'))).toBe(true);
  });

  it("describes this game's strikes in its punishment blurb", () => {
    const strikes = logOf(us)
      .filter((e) => e.kind === 'strike' && e.target !== 'houthis')
      .reduce((s, e) => s + (e.kind === 'strike' ? e.count : 0), 0);
    const c = d.concepts.find((x) => x.id === 'deterrence-by-punishment')!;
    expect(c.turns).toEqual([1, 3]);
    expect(c.explanation).toContain(`Here: the US struck the militias in turns 2 and 4 (${strikes} strikes)`);
  });

  it('over many games, each concept shown has its ground in the game and one "Here:" line', () => {
    for (const id of ['october-2023', 'tower-22', 'red-sea', 'rafah']) {
      for (const [usBot, iranBot] of [
        ['historical', 'historical'],
        ['always:us.major-campaign', 'always:iran.unleash'],
        ['dove', 'historical'],
        ['tit-for-tat', 'always:iran.escalate-fronts'],
      ] as const) {
        for (const seed of ['0', '1', '2']) {
          const state = bots(id, seed, usBot, iranBot, { fatalityPerAttack: 0.03 });
          const deb = buildDebrief(state, scenario(id));
          const log = logOf(state);
          const where = `${id} ${usBot}/${iranBot} seed ${seed}`;
          const deaths = state.scenario.opening.usKilled + state.history.reduce((s, r) => s + r.usKilled, 0);
          for (const c of deb.concepts) {
            expect(c.explanation.match(/Here: /g), `${where} ${c.id}`).toHaveLength(1);
            expect(c.turns.length, `${where} ${c.id}`).toBeGreaterThan(0);
            if (c.id === 'principal-agent')
              expect(
                log.some((e) => e.kind === 'directive' && (e.level === 'halt' || e.level === 'reduce')),
                where,
              ).toBe(true);
            if (c.id === 'miscalculation')
              expect(
                log.some((e) => e.kind === 'fatal' || e.kind === 'war'),
                where,
              ).toBe(true);
            if (c.id === 'cheap-talk') expect(threatsWithRestraint(state), where).toEqual(c.turns);
            if (c.id === 'deterrence-by-punishment')
              expect(
                state.history.some((r) => r.usStrikes > 0),
                where,
              ).toBe(true);
            if (c.id === 'audience-costs' && c.explanation.includes('US death')) {
              expect(deaths, where).toBeGreaterThan(0);
              // Said as a sentence: after the deaths, Washington was expected to answer them.
              expect(c.explanation, where).toMatch(
                /Here: after (a US death (in turn \d+|before the game opened)|\d+ US deaths(, the first in turn \d+|, before the game opened and during it| before the game opened)), Washington was expected in public to answer (it|them)[,;.]/,
              );
            }
          }
          // A question that says Iran never restrained is never beside a blurb that says it ordered a halt.
          if (deb.questions.some((q) => q.includes('Iran never ordered restraint')))
            for (const c of deb.concepts) expect(c.explanation, where).not.toMatch(/ordered a halt|hold back/);
        }
      }
    }
  });
});

describe("a human order is the player's choice, and a bot's rule is named only where its trigger held", () => {
  it("annotates the US player's campaign before any death as the player's own, with no fatality rule", () => {
    const us = playtestUsGame();
    const d = buildDebrief(us, scenario('october-2023'), { humans: ['us'] });
    // The order is told with the posture it moved, if it moved one (render.ts foldOrders).
    const tp = d.turningPoints.find((t) => t.turn === 3 && t.text.startsWith('The United States orders: Large strike campaign'))!;
    expect(tp.chain).toContain("choice: the US player's own, not a rule of the model");
    expect(tp.chain.some((c) => c.startsWith('rule:'))).toBe(false);
    // Nowhere in this game, with no death, is the fatality rule named.
    for (const t of d.turningPoints) for (const c of t.chain) expect(c).not.toContain('R-USA-02');
    // The same game read as a bot's: the campaign's record (P-06, R-USA-02) still did not apply.
    const index = logOf(us).findIndex((e) => e.kind === 'action' && e.action === 'us.major-campaign');
    expect(causalChain(us, index).find((c) => c.startsWith('rule:'))).toBeUndefined();
  });

  it("never gives the Iranian player's Lebanon-and-Yemen order the Rafah pledge, with no Rafah assault", () => {
    const state = scripted('tower-22', '7', IRAN_ORDERS);
    const log = logOf(state);
    expect(log.some((e) => e.kind === 'inject' && e.inject === 'rafah-assault')).toBe(false);
    const index = log.findIndex((e) => e.kind === 'action' && e.action === 'iran.escalate-fronts');
    const chain = causalChain(state, index, ['iran']);
    expect(chain).toContain("choice: the Iranian player's own, not a rule of the model");
    for (let i = 0; i < log.length; i++) for (const c of causalChain(state, i, ['iran'])) expect(c).not.toContain('R-IRN-12');
  });

  it('names the Rafah pledge for a bot only once Israel has assaulted Rafah', () => {
    let named = 0;
    for (const seed of ['0', '1', '2']) {
      const state = bots('rafah', seed, 'historical', 'always:iran.escalate-fronts');
      const log = logOf(state);
      const assault = log.findIndex((e) => e.kind === 'inject' && e.inject === 'rafah-assault');
      expect(assault, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      log.forEach((e, i) => {
        const cites = causalChain(state, i).some((c) => c.startsWith('rule:') && c.includes('R-IRN-12'));
        if (cites) named++;
        if (i < assault) expect(cites, `seed ${seed} ${e.kind} ${i}`).toBe(false);
        expect(ruleHeld(state, i, 'R-IRN-12')).toBe(i >= assault);
      });
    }
    expect(named).toBeGreaterThan(0);
  });

  it('keeps a fatality rule where the deaths came, before the game or in it', () => {
    // tower-22 opens on three US deaths: the historical campaign of turn 1 follows R-USA-02.
    const state = bots('tower-22', '7');
    const index = logOf(state).findIndex((e) => e.kind === 'action' && e.action === 'us.major-campaign');
    expect(heldRules(state, index)).toContain('R-USA-02');
    expect(causalChain(state, index).find((c) => c.startsWith('rule:'))).toContain('R-USA-02 ');
  });
});

describe('what set off a war is an escalatory act', () => {
  it("names the campaign, not the rein-in, for the HTML report's game 13 (tower-22, seed 1:13)", () => {
    const state = bots('tower-22', '1:13');
    const log = logOf(state);
    const war = log.findIndex((e) => e.kind === 'war');
    expect(war).toBeGreaterThanOrEqual(0);
    const trigger = triggerOf(state, war)!;
    expect(trigger.kind === 'action' && trigger.action).toBe('us.major-campaign');
    const tp = buildDebrief(state, scenario('tower-22')).turningPoints.find((t) => t.text.includes('regional war'))!;
    expect(tp.chain).toContain('set off by: The United States orders: Large strike campaign');
    expect(tp.chain.some((c) => c.includes('Rein the militias in'))).toBe(false);
  });

  it("labels the objective the US's entry into war cites as an objective, not a rule (game 13)", () => {
    const state = bots('tower-22', '1:13');
    const tp = buildDebrief(state, scenario('tower-22')).turningPoints.find((t) => t.text === 'The United States is at war with Iran')!;
    expect(tp.chain).toContain(`objective: O-USA-01 ${factById('O-USA-01')!.title}`);
    expect(tp.chain.some((c) => /\brule: [^·]*\bO-/.test(c))).toBe(false);
  });

  it('over many wars, the trigger is never an order of restraint, talks or words; none is named where the turn had no escalatory act', () => {
    let wars = 0;
    let unprovoked = 0;
    for (let i = 0; i < 30; i++) {
      // Wars from a high hazard per rung (in the turn of a campaign), and from the residual shock between two
      // sides that only hold back (no escalatory act in the turn at all).
      const state =
        i % 2 === 0
          ? bots('tower-22', `war${i}`, 'historical', 'historical', { warHazardPerRung: 0.3 })
          : bots('tower-22', `war${i}`, 'always:us.hold', 'always:iran.rein-in', { warShockBase: 0.3 });
      const log = logOf(state);
      const war = log.findIndex((e) => e.kind === 'war');
      if (war < 0) continue;
      wars++;
      const trigger = triggerOf(state, war);
      const escalatory = log.filter(
        (e, j) =>
          j < war &&
          e.turn === log[war]!.turn &&
          e.kind === 'action' &&
          ['force', 'direct', 'pressure', 'support'].includes(actionById(e.action)!.stance),
      );
      if (escalatory.length > 0) expect(trigger?.kind).toBe('action');
      if (trigger?.kind === 'action') expect(['force', 'direct', 'pressure', 'support']).toContain(actionById(trigger.action)!.stance);
      else if (trigger) expect(trigger.kind).toBe('fatal');
      if (escalatory.length === 0 && !log.some((e, j) => j < war && e.turn === log[war]!.turn && e.kind === 'fatal')) {
        unprovoked++;
        expect(trigger).toBeUndefined();
        expect(
          buildDebrief(state, scenario('tower-22'))
            .turningPoints.find((t) => t.turn === log[war]!.turn && t.text.includes('regional war'))
            ?.chain.some((c) => c.startsWith('set off by:')),
        ).toBe(false);
      }
    }
    expect(wars).toBeGreaterThan(3);
    expect(unprovoked).toBeGreaterThan(0);
  });
});

describe('a game that stopped early is compared with the record over what it played', () => {
  it('marks the figures of a quit game partial, does not judge them, and says the game stands', () => {
    const quit = scripted('october-2023', '42', [{ us: 'us.hold+us.warn' }, { us: 'us.calibrated-strikes' }, { us: 'us.hold' }]);
    expect(quit.over).toBeNull();
    const d = buildDebrief(quit, scenario('october-2023'), { humans: ['us'] });
    const reach = d.comparison!.reach!;
    expect(reach).toMatchObject({ turnsPlayed: 3, turns: quit.scenario.turns, why: 'unfinished', through: '2023-11-06' });
    const attacks = d.comparison!.figures.find((f) => f.id === 'attacks-by-2-feb')!;
    const played = quit.history.reduce((s, r) => s + r.attacksOnUS, 0);
    expect(attacks).toMatchObject({ partial: true, game: `${played} by 2023-11-06` });
    expect(attacks.matches).toBeUndefined();
    // No question sets the weeks played against the whole record, and the game "stands", not "ended".
    for (const q of d.questions) {
      expect(q).not.toMatch(/in this game against/);
      expect(q).not.toMatch(/The game ended at/);
    }
    expect(d.questions.some((q) => q.startsWith('The game stands at'))).toBe(true);
    expect(formatDebrief(d)).toContain(reachText(reach));
  });

  it('compares a game ended by war up to the day of the war, and judges the war itself', () => {
    const state = bots('tower-22', '1:13');
    const war = logOf(state).find((e) => e.kind === 'war')!;
    const d = buildDebrief(state, scenario('tower-22'));
    expect(d.comparison!.reach).toMatchObject({ why: 'war', turnsPlayed: state.history.length });
    expect(d.comparison!.reach!.through).toBe(
      new Date(Date.parse(`${state.scenario.start}T00:00:00Z`) + war.day * 86_400_000).toISOString().slice(0, 10),
    );
    const warFigure = d.comparison!.figures.find((f) => f.id.startsWith('no-war') || f.label.startsWith('Regional war'))!;
    expect(warFigure).toMatchObject({ game: '1', matches: false });
    expect(warFigure.partial).toBeUndefined();
    // The figures past the war are shown as partial, and none of them is asked about as a gap.
    for (const f of d.comparison!.figures.filter((x) => x.partial)) {
      expect(f.matches).toBeUndefined();
      expect(d.questions.some((q) => q.startsWith(`${f.label}:`))).toBe(false);
    }
    expect(d.questions.some((q) => q.startsWith('The game ended at'))).toBe(d.questions.some((q) => q.startsWith('The game ')));
  });

  it('a game played to the end has no reach and every measured figure judged', () => {
    const state = bots('october-2023', '4');
    expect(state.world.regionalWar).toBe(false);
    const d = buildDebrief(state, scenario('october-2023'));
    expect(d.comparison!.reach).toBeUndefined();
    for (const f of d.comparison!.figures) {
      expect(f.partial).toBeUndefined();
      expect(f.matches).toBeDefined();
    }
  });
});

it('the concepts at work are computed once per game and agree with the turning points', () => {
  const state = bots('october-2023', '3', 'historical', 'historical', { fatalityPerAttack: 0.2 });
  const at = conceptsAtWork(state, scenario('october-2023').world);
  const d = buildDebrief(state, scenario('october-2023'));
  for (const tp of d.turningPoints)
    for (const c of tp.concepts) expect(d.concepts.find((x) => x.id === c)!.turns, `${tp.text} ${c}`).toContain(tp.turn);
  expect(d.concepts.map((c) => c.id)).toEqual([...at.keys()]);
});

describe('a fall of the ladder is not pinned on the act logged just before it', () => {
  // A class report's timeline read "Large campaign → Harassment, set off by: Iran orders: Threaten in public".
  it('names no trigger, and says how high each side went that week, over many games with a fall', () => {
    let falls = 0;
    for (const [id, us] of [
      ['tower-22', 'hawk'],
      ['october-2023', 'random'],
      ['red-sea', 'tit-for-tat'],
    ] as const) {
      for (let i = 0; i < 12; i++) {
        const state = bots(id, `fall-${i}`, us);
        logOf(state).forEach((e, k) => {
          if (e.kind !== 'ladder') return;
          const chain = causalChain(state, k);
          if (e.to > e.from) return;
          falls++;
          expect(triggerOf(state, k)).toBeUndefined();
          expect(chain.some((l) => l.startsWith('set off by'))).toBe(false);
          const r = recordRungs(state.history[e.turn]!);
          expect(Math.max(r.us, r.iran)).toBeLessThanOrEqual(e.to);
          expect(chain).toContain(
            `fell: nothing this week went as high as the week before (the US order reached rung ${r.us}, Iran's rung ${r.iran}${Math.max(r.us, r.iran) < e.to ? `; the proxies' attacks set rung ${e.to}` : ''})`,
          );
        });
      }
    }
    expect(falls).toBeGreaterThan(3);
  });
});
