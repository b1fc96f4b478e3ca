/**
 * Discussion questions drawn from this game's events. Each candidate fires only when its event
 * happened, and carries the game's own numbers (turns, counts, chances), so two different games give
 * two different sets. Ranked by how much the event mattered; the debrief keeps 3–5.
 */
import { actionById } from '../../model/actions.ts';
import { rungName } from '../../model/ladder.ts';
import { quantityName } from '../../model/quantities.ts';
import { attacksOnUsForces, logOf, peakRungOf, totalsOf } from '../../engine/history.ts';
import type { GameState } from '../../engine/state.ts';
import { chanceText, haltLiftedText, plural, renderEvent, scorePointsText, times, toldAsDeed, type OffRecord } from '../render.ts';
import { formatFigureValue } from '../record/statistics.ts';
import type { Comparison } from './comparison.ts';
import type { Decider } from './decider.ts';
import { iranRestrained, threatsWithRestraint } from './concepts.ts';
import { warOdds } from '../war-odds.ts';

/**
 * Odds of war over a game worth a question when no war came. The record's own policy runs about 1–2 % over
 * october-2023's 16 weeks, a hawkish US 12–17 % (`brink run --scenario october-2023 --seed 1 --us-policy hawk`):
 * 5 % sits between, a judgement of what a class should stop on, not a figure from the sources.
 */
export const NOTABLE_WAR_ODDS = 0.05;

interface Candidate {
  readonly priority: number;
  readonly text: string;
}

export function discussionQuestions(state: GameState, comparison?: Comparison, decider?: Decider, offRecord: OffRecord = []): string[] {
  const out: Candidate[] = [];
  const t = totalsOf(state);
  const h = state.history;
  const log = logOf(state);
  // Whether Tehran ever ordered restraint in this game: questions about its brake only where it braked.
  const iranBraked = iranRestrained(state);
  const dpt = state.scenario.daysPerTurn;
  const fatalP = state.params.fatalityPerAttack;

  const war = log.find((e) => e.kind === 'war');
  if (war) {
    const how = war.draw ? `by miscalculation (a ${chanceText(war.draw.p)} chance)` : 'in a direct exchange of fire';
    out.push({
      priority: 100,
      text: `War came in turn ${war.turn + 1} ${how}. What was the last decision that could have avoided it, and who should have made it?`,
    });
  }

  // No war, but the orders ran real odds of one: calm is no proof that they were safe (war-odds.ts).
  const odds = warOdds(h, state.world.regionalWar);
  if (!war && odds.riskiest && odds.chance >= NOTABLE_WAR_ODDS) {
    const w = odds.riskiest;
    const rung = h[w.turn]!.rung;
    out.push({
      priority: 85,
      text:
        `No war came, but the orders ran a ${chanceText(odds.chance)} chance of one over the game, the most in turn ${w.turn + 1} ` +
        `(${chanceText(w.chance)}, with the ladder at rung ${rung}, ${rungName(rung)}). What did that risk buy, and did the side that ran it know the odds?`,
    });
  }

  const decided = decider ? deciderQuestion(decider) : undefined;
  if (decided) out.push({ priority: 95, text: decided });

  const fatal = log.filter((e) => e.kind === 'fatal');
  if (fatal.length > 0) {
    const first = fatal[0]!;
    out.push({
      priority: 90,
      text: `In turn ${first.turn + 1}, a ${chanceText(first.draw?.p ?? fatalP)} chance per attack killed US troops after ${plural(
        h.slice(0, first.turn + 1).reduce((s, r) => s + r.attacksOnUS, 0),
        'militia attack',
      )}. Was that bad luck, or the predictable price of the attack tempo Iran allowed?`,
    });
  } else if (t.attacksOnUS >= 20) {
    const pNone = (1 - fatalP) ** t.attacksOnUS;
    out.push({
      priority: 70,
      text:
        `${plural(t.attacksOnUS, 'militia attack')} and no US deaths: with a ${chanceText(fatalP)} chance each, that luck had a ${chanceText(pNone)} chance. ` +
        'Who was gambling here, and did they know it?',
    });
  }

  // The militias' attacks (not Iran's own fire): what a campaign against them and Iran's brake act on. The
  // questions say "militia attacks" where the timeline's column counts every attack on US forces.
  const campaignTurn = h.find((r) => (actionById(r.actions.us.force)?.rung ?? 0) >= 7);
  const before = campaignTurn?.attacksOnUS ?? 0;
  const after = campaignTurn ? h.slice(campaignTurn.turn + 1, campaignTurn.turn + 3) : [];
  // A campaign into a quiet front, followed by quiet, has no before-and-after to ask about.
  if (campaignTurn && !(before === 0 && after.every((r) => r.attacksOnUS === 0))) {
    const afterMean = after.length > 0 ? after.reduce((s, r) => s + r.attacksOnUS, 0) / after.length : undefined;
    const label = actionById(campaignTurn.actions.us.force)?.label ?? campaignTurn.actions.us.force;
    out.push({ priority: 80, text: campaignQuestion(label, campaignTurn.turn, before, afterMean, iranBraked, after.length) });
  }

  // Tehran's brake lifted because Washington let its dead go unanswered (the lift cites the brake's rule,
  // R-IRN-01, beside the pressure it returns to, R-IRN-11): the US's own choice.
  const unanswered = log.find(
    (e) => e.kind === 'posture' && e.actor === 'iran' && e.rules.includes('R-IRN-01') && e.rules.includes('R-IRN-11'),
  );
  if (unanswered) {
    const after = h.slice(unanswered.turn, unanswered.turn + 3);
    const perWeek = after.reduce((s, r) => s + r.attacksOnUS, 0) / Math.max(1, (after.length * dpt) / 7);
    out.push({
      priority: 88,
      text:
        `In turn ${unanswered.turn + 1} Tehran lifted the brake it had applied after US troops died: Washington had neither vowed an answer nor struck back. ` +
        `Militia attacks then ran ${formatFigureValue(perWeek)} a week. Was holding fire after the deaths restraint, or did it look like weakness? (R-IRN-01, F-13)`,
    });
  }

  const resist = log.filter((e) => e.kind === 'compliance');
  if (resist.length > 0) {
    const first = resist[0]!;
    const last = resist[resist.length - 1]!;
    const days = last.day - first.day;
    out.push({
      priority: 75,
      text:
        `Iraqi militia leaders weighed Iran's halt ${times(resist.length)}${days > 0 ? ` over ${plural(days, 'day')}` : ''}. ` +
        'If Iran can order a halt but not enforce it at once, what does "Iran-backed" mean for US targeting?',
    });
  }

  // Credibility decay: deterrence built then lost while attacks resumed.
  let peak = 0;
  let peakTurn = -1;
  for (const r of h) {
    if (r.deterrence > peak) {
      peak = r.deterrence;
      peakTurn = r.turn;
    }
  }
  const lastRec = h[h.length - 1];
  if (lastRec && peak >= 0.2 && lastRec.deterrence < peak * 0.6 && peakTurn < lastRec.turn) {
    out.push({
      priority: 60,
      text:
        // End-of-turn values: what the screen showed at the start of the turn after.
        `Deterrence peaked at ${peak.toFixed(2)} after turn ${peakTurn + 1} and had fallen to ${lastRec.deterrence.toFixed(2)} by the end of the game. ` +
        'How often must a threat be renewed to stay credible, and at what risk each time?',
    });
  }

  // Cheap talk: turns whose public threat came with a private order for restraint in that same turn.
  const threatsWhileRestraining = threatsWithRestraint(state).length;
  if (threatsWhileRestraining > 0) {
    out.push({
      priority: 55,
      text:
        `Iran threatened in public in ${plural(threatsWhileRestraining, 'turn')} while its private orders in ${threatsWhileRestraining === 1 ? 'that turn were' : 'those turns were'} for restraint. ` +
        'Which signal should Washington have believed, and how could it tell?',
    });
  }

  const weeks = (h.length * dpt) / 7;
  if (weeks > 0 && t.houthiAttacks > 0) {
    const hw = t.houthiAttacks / weeks;
    const strikesYemen = t.usStrikesYemen;
    out.push({
      priority: 40,
      text:
        `The Houthis kept up ${plural(formatFigureValue(hw), 'attack')} a week${strikesYemen > 0 ? ` despite ${plural(strikesYemen, 'US strike')} in Yemen` : ''}. ` +
        // Only a game in which Tehran braked can ask why its brake stopped short of the Red Sea.
        (iranBraked
          ? 'Why does the brake Iran applied in Iraq not reach the Red Sea?'
          : 'Iran never ordered restraint in this game: how much of the Red Sea campaign was Tehran’s to stop?'),
    });
  }

  if (t.strikesOnIran > 0) {
    out.push({
      priority: 85,
      text: `The US struck inside Iran ${times(t.strikesOnIran)}, a rung it never climbed in 2024 (R-USA-03). What did that buy, and what did it risk?`,
    });
  }

  if (comparison) {
    // The first figure this game did not reproduce; where it reproduced every one, what made it so.
    const measured = comparison.figures.filter((f) => f.matches !== undefined);
    const gap = measured.find((f) => f.matches === false);
    if (gap) {
      out.push({
        priority: 50,
        text: `${gap.label}: ${gap.game} in this game against ${gap.actual} in the record. What in the choices made, or in the model, explains the gap?`,
      });
    } else if (measured.length > 0) {
      const fig = measured[0]!;
      out.push({
        priority: 45,
        text: `${fig.label}: ${fig.game} in this game, as in the record (${fig.actual}). Which choices kept this game on the record's path, and which one could have left it?`,
      });
    }
  }

  const peakRung = peakRungOf(state);
  if (peakRung >= 8 && !war) {
    out.push({
      priority: 65,
      text: `The ladder reached "${rungName(peakRung)}" without war. Was that skill or luck? What would have tipped it?`,
    });
  }

  // Always available, with this game's numbers: the final trade-off.
  const o = lastRec;
  out.push({
    priority: 10,
    text:
      `The game ${state.over ? 'ended' : 'stands'} at "${rungName(o?.rung ?? state.world.rung)}" with ${plural(attacksOnUsForces(t), 'attack')} on US forces and ${plural(t.usKilled, 'US death')}. ` +
      'Which objective did each side give up to get what it got?',
  });

  // Among the events told as deeds: an off-record side's posture is the record's reading, not an event to replay.
  const heaviest = log
    .filter((e) => toldAsDeed(e, offRecord))
    .reduce<(typeof log)[number] | undefined>((best, e) => (!best || e.weight > best.weight ? e : best), undefined);
  if (heaviest) {
    out.push({
      priority: 5,
      text: `The event that moved this game most came in turn ${heaviest.turn + 1}: "${renderEvent(heaviest)}". If you could replay that turn, what would you choose, and what would you expect to change?`,
    });
  }

  out.sort((a, b) => b.priority - a.priority);
  return out.slice(0, 5).map((c) => c.text);
}

/**
 * The before-and-after of a US campaign, asked the way the attacks went: a fall asks what brought it
 * (punishment or Iran's brake, D-18), a rise whether the strikes provoked rather than deterred (R-SYS-05),
 * no change why neither moved the tempo.
 */
function campaignQuestion(
  label: string,
  turn: number,
  before: number,
  afterMean: number | undefined,
  iranBraked: boolean,
  weeksAfter: number,
): string {
  if (afterMean === undefined)
    return `The US chose "${label}" in the last turn. What would you expect it to do to the militias' attacks, and why?`;
  // The mean is over the turns after the campaign's (at most two): say so, or a reader takes it for the rest of the game.
  const after = `${formatFigureValue(afterMean)} a week ${weeksAfter === 1 ? 'in the week after' : `over the ${weeksAfter} weeks after`}`;
  const chose = `After the US chose "${label}" in turn ${turn + 1}`;
  if (afterMean < before)
    return (
      `${chose}, militia attacks fell from ${before} that week to ${after}. ` +
      (iranBraked
        ? "How much of that was US punishment, and how much Iran's own brake? (D-18)"
        : 'Iran never ordered restraint in this game: what, then, brought them down? (D-18)')
    );
  if (afterMean > before)
    return (
      `${chose}, militia attacks rose from ${before} that week to ${after}. ` +
      'Did the strikes provoke rather than deter, and what would holding back have cost? (R-SYS-05)'
    );
  return `${chose}, militia attacks stayed at ${after}. Why did the campaign change nothing, and what would have? (R-SYS-05)`;
}

// Points as the score screens write them.
const pts = scorePointsText;

/** A question about what decided the game, from what the sides did (a war has its own question above). */
function deciderQuestion(d: Decider): string | undefined {
  const turn = `turn ${d.turn + 1}`;
  switch (d.id) {
    case 'miscalculation':
      return undefined;
    case 'unravelling': {
      const cost = `${plural(d.count ?? 0, 'attack')} and ${plural(d.killed ?? 0, 'US death')} followed`;
      if (d.by === 'us')
        return `The calm broke in ${turn} when militias took up arms again after US strikes in the lull; ${cost}. The strikes were meant to deter: why did they provoke instead, and what would holding fire have cost? (R-USA-04)`;
      if (d.by === 'iran')
        return `The calm broke in ${turn} ${haltLiftedText(d)}; ${cost}. What did Iran expect to gain, and was it worth a calm both sides had built? (R-SYS-07)`;
      return `The calm broke in ${turn} with neither a US strike nor an Iranian order behind it; ${cost}. How far can either capital keep a calm it does not control? (R-SYS-07)`;
    }
    case 'provocation':
      return `The US used force beyond what deters in ${plural(d.count ?? 0, 'turn')}, from ${turn} (US ${pts(d.points.us)} points for escalation). Which of those strikes deterred and which provoked, and how could the US have told at the time? (R-SYS-05)`;
    case 'deterrence':
      return `${quantityName('deterrence')} peaked in ${turn} and was worth US ${pts(d.points.us)} points at the end. How much of it rested on Iran holding its partners back, and would the same force have worked without that? (D-18)`;
    case 'pressure':
      return (
        `Iran gained ${pts(d.points.iran)} points from pressure kept below the war threshold ` +
        `(${pts(d.split?.pressure ?? 0)} from pressure on US forces, ${pts(d.split?.fronts ?? 0)} from the Lebanon and Yemen fronts kept simmering). ` +
        'What could the US have done to make that pressure cost Iran more without risking war? (R-IRN-11)'
      );
  }
}
