/**
 * A side's log of past turns and its beliefs beside the truth (analysis/turn-log.ts): the log shows the
 * other side's order only where it was public, the events the side could see, and the very intelligence
 * the side was handed before each turn; the believed-vs-true rows mark a read right exactly when it was.
 */
import { describe, expect, it } from 'vitest';
import { beliefSummary, buildDebrief, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { intelLine, intelReading, renderEvent, renderWeekEvent, shownEvents } from '../../src/analysis/render.ts';
import { formatTurn } from '../../src/cli/format.ts';
import { beliefRecord, beliefsVsTruth, turnLog } from '../../src/analysis/turn-log.ts';
import { isVisibleTo, type InjectKind } from '../../src/engine/events.ts';
import { observe } from '../../src/engine/observe.ts';
import type { GameState, TurnRecord } from '../../src/engine/state.ts';
import { ACTORS } from '../../src/model/actors/index.ts';
import { isPublicAction } from '../../src/model/actions.ts';
import { leversOf, lowerFirst } from '../../src/model/portfolio.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

function statesOf(seed: string): GameState[] {
  const states: GameState[] = [];
  const final = playGame(loadScenario('october-2023'), {
    seed,
    us: getPolicy('random', 'us'),
    iran: getPolicy('random', 'iran'),
    onTurn: (s) => states.push(s),
  });
  return [...states.filter((s) => s !== final), final];
}

describe('the log of past turns', () => {
  const states = statesOf('7');
  const final = states.at(-1)!;

  it('holds, for each turn, the intelligence the side saw on its screen before choosing', () => {
    for (const side of ['us', 'iran'] as const) {
      const log = turnLog(final, side);
      expect(log).toHaveLength(final.history.length);
      // The state before turn k is the one whose history has k turns.
      for (const before of states.filter((s) => s.history.length < final.history.length)) {
        expect(log[before.history.length]!.intel).toEqual(observe(before, side).intel.map(intelLine));
      }
    }
  });

  it("shows the other side's order only where it was public, and only the events the side could see", () => {
    let hidden = 0;
    for (const side of ['us', 'iran'] as const) {
      const them = side === 'us' ? 'iran' : 'us';
      turnLog(final, side).forEach((entry, i) => {
        const t = final.history[i]!;
        // Lever by lever: a public action is named, a private one is not (and the entry says so). Named as
        // every order is (portfolioLabel): a signal after a force shown is lower-cased.
        const shown = leversOf(t.actions[them]).filter(isPublicAction);
        for (const other of leversOf(t.actions[them])) {
          if (isPublicAction(other)) expect(entry.other).toContain(other === shown[0] ? other.label : lowerFirst(other.label));
          else if (other.track === 'force') {
            hidden++;
            expect(entry.other).not.toContain(other.label);
            expect(entry.other).toContain('not visible to you');
            // The note on what was hidden stands outside the quoted order.
            expect(entry.other).not.toMatch(/\(the rest of its order was not visible to you\)"/);
            if (/the rest of its order/.test(entry.other))
              expect(entry.other).toMatch(/" \(the rest of its order was not visible to you\)$/);
          }
        }
        expect(entry.events).toEqual(shownEvents(t.events.filter((e) => isVisibleTo(e, side))).map((e) => renderWeekEvent(e, t)));
      });
    }
    expect(hidden).toBeGreaterThan(0);
  });
});

describe('intelligence reads are written alike', () => {
  it("a guidance level is capitalised as a posture's label is, in the read and in the truth beside it", () => {
    let guidance = 0;
    for (const seed of ['1', '2', '3']) {
      const final = statesOf(seed).at(-1)!;
      for (const side of ['us', 'iran'] as const)
        for (const t of beliefsVsTruth(final, side))
          for (const b of t.items) {
            if (b.subject.startsWith("Iran's guidance to")) guidance++;
            expect(b.believed, b.subject).toMatch(/^[A-Z]/);
            expect(b.truth, b.subject).toMatch(/^[A-Z]/);
          }
    }
    expect(guidance).toBeGreaterThan(0);
    expect(intelReading({ subject: { about: 'guidance', front: 'iraq' }, assessed: 'sustain' } as never)).toBe('Sustain');
  });
});

describe('what you believed vs what was true', () => {
  it('marks each read right exactly when it matched the truth, over many games, and the debrief counts them', () => {
    let wrong = 0;
    for (const seed of ['1', '2', '3', '4', '5']) {
      const final = statesOf(seed).at(-1)!;
      for (const side of ['us', 'iran'] as const) {
        const turns = beliefsVsTruth(final, side);
        for (const t of turns) {
          const report = final.history[t.turn]!.intel[side]!;
          t.items.forEach((b, i) => {
            expect(b.right).toBe(report.items[i]!.assessed === report.truth[i]);
            expect(b.believed).toBe(intelReading(report.items[i]!));
            if (!b.right) {
              wrong++;
              expect(b.truth).not.toBe(b.believed);
            }
          });
        }
        const rec = beliefRecord(turns);
        const total = rec.high.total + rec.moderate.total + rec.low.total;
        expect(total).toBe(turns.reduce((n, t) => n + t.items.length, 0));
        const d = buildDebrief(final, loadScenario('october-2023'));
        expect(d.beliefs[side]).toEqual(turns);
        expect(formatDebrief(d)).toContain(beliefSummary(turns));
      }
    }
    expect(wrong).toBeGreaterThan(0);
  });
});

describe('what a side sees of the militias after US strikes in a lull', () => {
  it('tower-22 seed 11: the US sees the militias take up attacks again, and no vow to keep to the halt that week', () => {
    const g = playGame(loadScenario('tower-22'), { seed: '11', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const week = turnLog(g, 'us')[1]!.events;
    expect(week.join('\n')).toMatch(/Iraqi militias \(KH, Nujaba\) take up attacks again/);
    expect(week.join('\n')).not.toMatch(/keep to the halt/);
    // The cause before its reactions: the strikes, then the vow, then the resumption.
    const strike = week.findIndex((l) => l.startsWith('The US carries out'));
    const vow = week.findIndex((l) => /vow painful revenge/.test(l));
    const resume = week.findIndex((l) => /take up attacks again/.test(l));
    expect(strike).toBeGreaterThanOrEqual(0);
    expect(strike).toBeLessThan(vow);
    expect(vow).toBeLessThan(resume);
  });

  it('over many games, each side is told the militias keep to the halt only in a week they did, and sees every resumption', () => {
    let held = 0;
    let resumed = 0;
    for (let i = 0; i < 40; i++) {
      const g = playGame(loadScenario('tower-22'), {
        seed: `halt-${i}`,
        us: getPolicy('random', 'us'),
        iran: getPolicy('historical', 'iran'),
      });
      for (const side of ['us', 'iran'] as const) {
        turnLog(g, side).forEach((entry, k) => {
          const relapsed = g.history[k]!.events.some((e) => e.kind === 'posture' && e.on === 'RELAPSE_DRAW' && e.from !== e.to);
          const text = entry.events.join('\n');
          if (/keep to the halt/.test(text)) {
            held++;
            expect(relapsed, text).toBe(false);
          }
          if (relapsed) {
            resumed++;
            expect(text).toMatch(/take up attacks again/);
          }
        });
      }
    }
    expect(held).toBeGreaterThan(0);
    expect(resumed).toBeGreaterThan(0);
  });
});

describe('the Rafah assault in the log', () => {
  it('reads once as a decision and once as the act, the act before the reactions to it', () => {
    const rafah = loadScenario('rafah');
    const certain = { ...rafah, injects: rafah.injects.map((i) => (i.kind === 'rafah-window' ? { ...i, chancePerTurn: 1 } : i)) };
    for (const seed of ['1', '2', '3']) {
      const g = playGame(certain, { seed, us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
      for (const side of ['us', 'iran'] as const) {
        const week = turnLog(g, side).find((t) => t.events.some((l) => /Rafah/.test(l)))!.events;
        expect(
          week.filter((l) => /^Israel decides to assault Rafah/.test(l)),
          week.join('\n'),
        ).toHaveLength(1);
        expect(
          week.filter((l) => /^Israel assaults Rafah/.test(l)),
          week.join('\n'),
        ).toHaveLength(1);
        expect(
          week.filter((l) => /^Israel .*Rafah/.test(l)),
          week.join('\n'),
        ).toHaveLength(2);
        const act = week.findIndex((l) => /^Israel assaults Rafah/.test(l));
        expect(week.findIndex((l) => /^Israel decides/.test(l))).toBeLessThan(act);
        week.forEach((l, i) => {
          if (/after the Rafah assault|to the Rafah assault/.test(l)) expect(i, l).toBeGreaterThan(act);
        });
      }
    }
  });
});

describe('sentences as a reader reads them', () => {
  it('a sentence that starts with an actor needing "the" starts with "The" (the US, the Houthis, the Iraqi government)', () => {
    let checked = 0;
    for (const seed of ['1', '2', '3', '4']) {
      const g = playGame(loadScenario('tower-22'), { seed, us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
      for (const side of ['us', 'iran'] as const)
        for (const t of turnLog(g, side))
          for (const line of t.events) {
            expect(line).not.toMatch(/^(United States|Houthis|Iraqi government) /);
            if (/^The (United States|Houthis|Iraqi government) /.test(line)) checked++;
          }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the Discuss page gives a weekly rate with one precision: the Houthi tempo as its record figure gives it', () => {
    let both = 0;
    for (let i = 0; i < 20; i++) {
      const s = loadScenario('red-sea');
      const g = playGame(s, { seed: String(i), us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
      const q = buildDebrief(g, s).questions.join('\n');
      const kept = /The Houthis kept up ([\d.]+) attacks a week/.exec(q)?.[1];
      const figure = /Houthi attacks on shipping per week[^:]*: ([\d.]+) in this game/.exec(q)?.[1];
      if (kept && figure) {
        both++;
        expect(kept).toBe(figure);
      }
    }
    expect(both).toBeGreaterThan(0);
  });
});

describe('a truce week', () => {
  // october-2023's truce begins in turn 6 and ends in turn 7: Israel's machine records both (model/actors/israel.ts).
  const g = playGame(loadScenario('october-2023'), { seed: '1', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
  const weekOf = (inject: InjectKind) => g.history.find((t) => t.events.some((e) => e.kind === 'inject' && e.inject === inject))!;
  const israelOn = (t: TurnRecord, on: string) => t.events.find((e) => e.kind === 'posture' && e.actor === 'israel' && e.on === on);

  for (const [inject, on, says, inLine, reaction] of [
    [
      'truce-start',
      'TRUCE_START',
      'agrees a pause in Gaza',
      'A truce begins in Gaza',
      /Hezbollah slows its fire across the border for the Gaza truce/,
    ],
    ['truce-end', 'TRUCE_END', 'resumes the Gaza campaign', 'The Gaza truce ends', /Hezbollah resumes/],
  ] as const)
    it(`tells the ${inject === 'truce-start' ? 'start' : 'end'} of the truce once, keeps the others' reactions, and keeps Israel's move on the log`, () => {
      const t = weekOf(inject);
      // The log holds Israel's move, with the meta `brink explain` and the debrief read.
      const move = israelOn(t, on);
      expect(move?.kind).toBe('posture');
      if (move?.kind !== 'posture') return;
      expect(ACTORS.israel.transitionMeta(move.from, move.on, move.index)?.says).toBe(says);
      expect(renderEvent(move)).toBe(`Israel ${says}`);
      for (const side of ['us', 'iran'] as const) {
        const lines = turnLog(g, side)[t.turn]!.events;
        expect(lines.filter((l) => l.startsWith(inLine))).toHaveLength(1);
        expect(lines.join('\n')).not.toContain(`Israel ${says}`);
        expect(lines.join('\n')).toMatch(reaction);
      }
      const run = formatTurn(t, t.events);
      expect(run).toContain(`• ${inLine}`);
      expect(run).not.toContain(`Israel ${says}`);
      expect(run).toMatch(reaction);
    });

  it('leaves a move by Israel on a day without its inject on the week (the rule is the inject, not the actor)', () => {
    const t = weekOf('truce-start');
    const move = israelOn(t, 'TRUCE_START')!;
    const withoutInject = t.events.filter((e) => e.kind !== 'inject');
    expect(shownEvents(withoutInject)).toContain(move);
    expect(shownEvents(t.events)).not.toContain(move);
  });
});
