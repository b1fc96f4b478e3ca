/**
 * How a game ends: a named verdict, a score per side built from the objectives of DOMAIN.md §6 (each
 * line citing its objective), and the turning points: the events that moved the game most, each with
 * its cause (the actor, the rules, the draw).
 */
import type { Side } from '../model/actions.ts';
import { clamp } from '../model/math.ts';
import { rungName } from '../model/ladder.ts';
import { addDays } from '../scenario/schema.ts';
import type { DrawRecord, GameEvent, GameState, Tally } from './state.ts';

export type VerdictId = 'regional-war' | 'drawdown' | 'calm-restored' | 'brinkmanship' | 'simmering';

export interface Verdict {
  readonly id: VerdictId;
  readonly title: string;
  readonly explanation: string;
}

export interface ScoreLine {
  readonly label: string;
  readonly points: number;
  readonly cites: readonly string[];
}

export interface TurningPoint {
  readonly turn: number;
  readonly date: string;
  readonly kind: GameEvent['kind'];
  readonly text: string;
  readonly actor: GameEvent['actor'];
  readonly rules: readonly string[];
  readonly draw?: DrawRecord;
  readonly weight: number;
}

export interface Outcome {
  /** False while the game is still running: the verdict is then "as things stand". */
  readonly final: boolean;
  readonly verdict: Verdict;
  readonly scores: Readonly<Record<Side, number>>;
  readonly breakdown: Readonly<Record<Side, readonly ScoreLine[]>>;
  readonly turningPoints: readonly TurningPoint[];
  readonly totals: Tally;
  readonly peakRung: number;
  readonly turnsPlayed: number;
}

const QUIET_WINDOW = 2;

export function verdictOf(state: GameState): Verdict {
  const w = state.world;
  if (w.regionalWar) {
    return { id: 'regional-war', title: 'Regional war', explanation: 'US and Iranian forces ended up fighting each other directly: the outcome both capitals ranked worst.' };
  }
  const momentum = state.actors.iraqiGovernment.context.withdrawalMomentum;
  if (momentum >= 0.75) {
    return { id: 'drawdown', title: 'Drawdown in reach', explanation: 'Iraq stayed quiet long enough for talks on a US drawdown to advance: Iran\'s long-held aim is within reach.' };
  }
  // Calm as the record knew it after 2 Feb (F-03, F-04): Iraq and Jordan silent, Syria down to
  // occasional harassment, at most one attack a week.
  const recent = state.history.slice(-QUIET_WINDOW);
  const iraqJordan = recent.reduce((n, t) => n + t.attacksOnUSIraq + t.attacksOnUSJordan, 0);
  const syria = recent.reduce((n, t) => n + t.attacksOnUSSyria, 0);
  if (recent.length > 0 && iraqJordan === 0 && syria <= recent.length) {
    return {
      id: 'calm-restored', title: 'Calm restored',
      explanation: `No attacks in Iraq or Jordan in the last ${QUIET_WINDOW} turns and at most one a week in Syria, as after 2 Feb 2024 (F-03), and no war: deterrence holds, for now.`,
    };
  }
  if (w.peakRung >= 8) {
    return { id: 'brinkmanship', title: 'Brinkmanship survived', explanation: `The ladder reached "${rungName(w.peakRung)}" without tipping into war; attacks continue.` };
  }
  return { id: 'simmering', title: 'Simmering conflict', explanation: 'No war, but the militias are still hitting US forces: the crisis is unresolved.' };
}

export function scoreLines(state: GameState): Record<Side, ScoreLine[]> {
  const p = state.params;
  const t = state.world.totals;
  const war = state.world.regionalWar;
  const turns = Math.max(1, state.history.length);
  const avgShipping = state.history.reduce((s, h) => s + h.shippingDisruption, 0) / turns;
  const capability = (state.actors.iraqiMilitias.context.capability + state.actors.syrianMilitias.context.capability) / 2;
  const us: ScoreLine[] = [
    { label: 'Starting score', points: 100, cites: ['O-USA-01'] },
    { label: `${t.usKilled} US deaths`, points: -p.scoreUsPerDeath * t.usKilled, cites: ['O-USA-02'] },
    { label: `${t.attacksOnUS} attacks on US forces`, points: -p.scoreUsPerAttack * t.attacksOnUS, cites: ['O-USA-02'] },
    { label: war ? 'Regional war' : 'No regional war', points: war ? -p.scoreWar : 0, cites: ['O-USA-01'] },
    { label: 'Red Sea shipping disrupted', points: -p.scoreUsShipping * avgShipping, cites: ['O-USA-05'] },
    { label: 'Deterrence at the end', points: p.scoreUsDeterrence * state.world.deterrence, cites: ['O-USA-03'] },
  ];
  const iran: ScoreLine[] = [
    { label: 'Starting score', points: p.scoreIranBase, cites: ['O-IRN-01', 'O-IRN-03'] },
    { label: war ? 'Regional war' : 'No direct war', points: war ? -p.scoreWar : 0, cites: ['O-IRN-02'] },
    { label: t.strikesOnIran > 0 ? 'Iranian soil struck' : 'Iranian soil untouched', points: t.strikesOnIran > 0 ? -p.scoreIranHomeland : 0, cites: ['O-IRN-02'] },
    { label: 'Momentum of the US-exit talks', points: p.scoreIranWithdrawal * state.actors.iraqiGovernment.context.withdrawalMomentum, cites: ['O-IRN-01'] },
    { label: 'Gains of the axis', points: p.scoreIranGains * state.world.axisGains, cites: ['O-IRN-03'] },
    { label: 'Militia capability destroyed', points: -p.scoreIranProxyLoss * (1 - capability), cites: ['O-IRN-05'] },
    { label: `${t.leadersKilled} militia commanders killed`, points: -p.scoreIranLeaderLoss * t.leadersKilled, cites: ['O-MIL-04'] },
  ];
  return { us, iran };
}

const sum = (lines: readonly ScoreLine[]) => clamp(lines.reduce((s, l) => s + l.points, 0), 0, 100);

export function turningPoints(state: GameState, limit = 6): TurningPoint[] {
  const ranked = state.log
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.weight >= 10)
    .sort((a, b) => b.e.weight - a.e.weight || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i);
  return ranked.map(({ e }) => ({
    turn: e.turn, date: addDays(state.scenario.start, e.day), kind: e.kind, text: e.text, actor: e.actor, rules: e.rules,
    weight: e.weight, ...(e.draw ? { draw: e.draw } : {}),
  }));
}

/** Each side's score to one decimal, from its score lines (what `outcome` reports). */
export function scoresOf(lines: Readonly<Record<Side, readonly ScoreLine[]>>): Record<Side, number> {
  return { us: Math.round(sum(lines.us) * 10) / 10, iran: Math.round(sum(lines.iran) * 10) / 10 };
}

export function outcome(state: GameState): Outcome {
  const lines = scoreLines(state);
  return {
    final: state.over !== null,
    verdict: verdictOf(state),
    scores: scoresOf(lines),
    breakdown: lines,
    turningPoints: turningPoints(state),
    totals: state.world.totals,
    peakRung: state.world.peakRung,
    turnsPlayed: state.turn,
  };
}
