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
import { Immer } from 'immer';
import { dateAfter } from './dates.ts';
import type { GameEvent } from './events.ts';
import { openDraft, type TurnDraft } from './phases/draft.ts';
import { drawInjects } from './phases/injects.ts';
import { gatherIntel } from './phases/intel.ts';
import { climbLadder } from './phases/ladder.ts';
import { applyOrders } from './phases/orders.ts';
import { runSegments } from './phases/segments.ts';
import { endWeek } from './phases/week-end.ts';
import type { AleaState } from './rng.ts';
import { STREAMS, type WorldStreamName } from './rng.ts';
import type { Decisions, GameState, TurnRecord, World } from './state.ts';

export type Phase = (draft: TurnDraft, orders: Decisions) => void;

export const PHASES: readonly { readonly name: string; readonly run: Phase }[] = [
  { name: 'drawInjects', run: drawInjects },
  { name: 'applyOrders', run: applyOrders },
  { name: 'runSegments', run: runSegments },
  { name: 'endWeek', run: endWeek },
  { name: 'climbLadder', run: climbLadder },
  { name: 'gatherIntel', run: gatherIntel },
];

// The world holds only plain objects with enumerable string keys, so immer may walk them with
// Object.keys instead of its strict (symbol- and descriptor-aware) iteration.
const immer = new Immer({ autoFreeze: true, useStrictIteration: false });

/**
 * The world's next value: immer copies only what the turn changed and freezes it. (The rest of the
 * state is replaced whole: the actors' snapshots are already immutable, the streams' states are new
 * objects, and the history is appended to; going through immer's proxies there would only cost time.)
 */
function nextWorld(base: World, draft: World): World {
  return immer.produce(base, (w) => {
    const out = w as Record<keyof World, unknown>;
    for (const k of Object.keys(base) as (keyof World)[]) if (draft[k] !== base[k]) out[k] = draft[k];
  });
}

function finishTurn(d: TurnDraft, orders: Decisions): GameState {
  const base = d.base;
  const w = d.world;
  const rng = {} as Record<WorldStreamName, AleaState>;
  for (const name of STREAMS) rng[name] = d.streams[name].state();
  const record: TurnRecord = {
    turn: d.turn, date: dateAfter(base.scenario.start, d.startDay), rung: d.rung, ...d.tally,
    deterrence: w.deterrence, usDomesticPressure: w.usDomesticPressure, iranWarFear: w.iranWarFear, axisGains: w.axisGains,
    shippingDisruption: w.shippingDisruption, withdrawalMomentum: d.actors.iraqiGovernment.context.withdrawalMomentum,
    actions: { us: orders.us, iran: orders.iran }, events: d.events,
  };
  const turn = d.turn + 1;
  const over = d.war ? { reason: 'regional-war' as const, turn } : turn >= base.scenario.turns ? { reason: 'horizon' as const, turn } : null;
  return {
    ...base,
    turn,
    rng,
    actors: d.actors,
    world: nextWorld(base.world, w),
    schedule: d.schedule,
    seq: d.seq,
    rafahWindows: d.rafahWindows,
    history: [...base.history, record],
    intel: d.intel,
    over,
  };
}

export function runTurn(state: GameState, orders: Decisions): { state: GameState; events: readonly GameEvent[] } {
  const draft = openDraft(state);
  for (const phase of PHASES) phase.run(draft, orders);
  return { state: finishTurn(draft, orders), events: draft.events };
}
