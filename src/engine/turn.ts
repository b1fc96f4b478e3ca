/**
 * One turn, as a pure function of (state, orders): a short pipeline of named phases run by one reducer,
 * in the spirit of boardgame.io's flow. Every phase works on the turn's draft (phases/draft.ts); every
 * draw comes from the state's own streams.
 *
 *   drawInjects  → Israel's choices the scenario leaves to chance (a Rafah window)
 *   applyOrders  → both sides' actions take effect at the start of the turn
 *   runSegments  → the days of the turn: scheduled tasks, attacks and casualties on the postures in force
 *   endWeek      → pressures, the week's attacks, the tally to every actor
 *   climbLadder  → the ladder, a direct exchange or a miscalculation into war
 *   gatherIntel  → each side's intelligence for the next turn
 * and `finishTurn` turns the draft into the next state, appending the turn's record to the history.
 */
import type { ParamId } from '../model/params.ts';
import { dateAfter } from './dates.ts';
import type { GameEvent } from './events.ts';
import { openDraft, type TurnDraft } from './phases/draft.ts';
import { drawInjects } from './phases/injects.ts';
import { gatherIntel } from './phases/intel.ts';
import { climbLadder } from './phases/ladder.ts';
import { applyOrders } from './phases/orders.ts';
import { runSegments } from './phases/segments.ts';
import { endWeek } from './phases/week-end.ts';
import { saveStreams } from './rng.ts';
import type { Decisions, GameState, TurnRecord, World } from './state.ts';

export type Phase = (draft: TurnDraft, orders: Decisions) => void;

/**
 * A named phase, what it does, and the parameters its own code reads. Reads that go through data are
 * not listed here but found from the data itself (brink explain, src/analysis/explain/provenance.ts):
 * an ordered action's effects, a posture's activity and deliberation lag, a machine's deliberation.
 * test/engine/param-reads.test.ts records every read a game makes and checks both directions.
 */
export interface PhaseDef {
  readonly name: string;
  readonly run: Phase;
  readonly says: string;
  readonly reads: readonly ParamId[];
}

export const PHASES: readonly PhaseDef[] = [
  { name: 'drawInjects', run: drawInjects, says: 'the chance events the scenario leaves open (a Rafah window)', reads: [] },
  {
    name: 'applyOrders',
    run: applyOrders,
    says: 'the orders taking effect (strikes, guidance and its lag, war risk of strikes on Iran)',
    reads: [
      'commandersInReach',
      'militiaCapabilityFloor',
      'lullProvocation',
      'relapsePerGrievance',
      'warHazardIrgcStrike',
      'warHazardIranStrike',
      'iranWarFearPerRung',
      'directiveLagMinDays',
      'directiveLagMaxDays',
      'envoyLagMinDays',
      'envoyLagMaxDays',
    ],
  },
  {
    name: 'runSegments',
    run: runSegments,
    says: 'the days of a turn (attacks, casualties, deliberations)',
    reads: ['fatalityPerAttack', 'deathsWhenFatal', 'injuryPerAttack', 'injuredWhenInjury'],
  },
  {
    name: 'endWeek',
    run: endWeek,
    says: 'the end of the week (deterrence decays, pressures at home and in Tehran, axis gains, shipping)',
    reads: [
      'deterrenceHalfLife',
      'usDomesticDecay',
      'usDomesticPerDeath',
      'usDomesticPerWeek',
      'iranWarFearDecay',
      'iranWarFearPerDeath',
      'axisGainsPerWeek',
      'shippingSmoothing',
      'shippingFullScale',
    ],
  },
  {
    name: 'climbLadder',
    run: climbLadder,
    says: 'the ladder and the war hazard',
    reads: ['warShockBase', 'warHazardPerRung', 'warDurationHazard', 'warFromDirectExchange'],
  },
  {
    name: 'gatherIntel',
    run: gatherIntel,
    says: 'intelligence (fog of war)',
    reads: ['intelAccuracy', 'intelActiveBonus', 'intelQuietPenalty', 'intelStrikeBonus'],
  },
];

/**
 * The world's next value, frozen. Its fields are numbers, flags and objects the turn replaces whole and
 * freezes when it makes them (the guidance, the side rungs), and the draft's world is the turn's own
 * copy (openDraft), written by no one once the turn is finished: freezing it in place is all the
 * immutability it needs. (immer's produce did the same here at about a tenth of a game's CPU time, for
 * a flat object of a dozen fields; it is kept where it earns its place, copying the few nested branches
 * a determinized world redraws: determinize.ts.)
 */
function nextWorld(draft: World): World {
  return Object.freeze(draft);
}

export function finishTurn(d: TurnDraft, orders: Decisions): GameState {
  const base = d.base;
  const w = d.world;
  const t = d.tally;
  const rng = saveStreams(d.streams);
  // Both objects are written out field by field (not spread): every record and every state then has
  // one shape, which keeps the engine's property reads monomorphic.
  const record: TurnRecord = {
    turn: d.turn,
    date: dateAfter(base.scenario.start, d.startDay),
    rung: d.rung,
    warChance: d.warChance,
    attacksOnUS: t.attacksOnUS,
    attacksOnUSIraq: t.attacksOnUSIraq,
    attacksOnUSSyria: t.attacksOnUSSyria,
    attacksOnUSJordan: t.attacksOnUSJordan,
    fatalAttacks: t.fatalAttacks,
    usKilled: t.usKilled,
    usInjured: t.usInjured,
    usStrikes: t.usStrikes,
    usStrikesYemen: t.usStrikesYemen,
    houthiAttacks: t.houthiAttacks,
    hezbollahFireDays: t.hezbollahFireDays,
    leadersKilled: t.leadersKilled,
    iranDirectAttacks: t.iranDirectAttacks,
    strikesOnIran: t.strikesOnIran,
    deterrence: w.deterrence,
    usDomesticPressure: w.usDomesticPressure,
    iranWarFear: w.iranWarFear,
    axisGains: w.axisGains,
    shippingDisruption: w.shippingDisruption,
    withdrawalMomentum: d.actors.iraqiGovernment.context.withdrawalMomentum,
    actions: { us: { force: orders.us.force, signal: orders.us.signal }, iran: { force: orders.iran.force, signal: orders.iran.signal } },
    events: d.events,
    intel: base.intel,
  };
  const turn = d.turn + 1;
  const over = d.war
    ? { reason: 'regional-war' as const, turn }
    : turn >= base.scenario.turns
      ? { reason: 'horizon' as const, turn }
      : null;
  // One new array with the record in it, rather than copying and then pushing: a copy of a new game's empty
  // history starts as an array of small integers and turned into an array of objects on the push, which threw
  // away the compiled finishTurn once in every worker (V8 deopt "not a Smi").
  const history = [...base.history, record];
  return {
    format: base.format,
    scenario: base.scenario,
    seed: base.seed,
    overrides: base.overrides,
    ...(base.shocks ? { shocks: base.shocks } : {}),
    ...(base.noFatalBefore === undefined ? {} : { noFatalBefore: base.noFatalBefore }),
    params: base.params,
    turn,
    rng,
    actors: d.actors,
    world: nextWorld(w),
    schedule: d.schedule,
    seq: d.seq,
    rafahWindows: d.rafahWindows,
    history,
    intel: d.intel,
    over,
  };
}

export function runTurn(state: GameState, orders: Decisions): { state: GameState; events: readonly GameEvent[] } {
  const draft = openDraft(state);
  for (const phase of PHASES) phase.run(draft, orders);
  return { state: finishTurn(draft, orders), events: draft.events };
}
