/**
 * brink.run/2, the JSON of one game (each order a portfolio { force, signal }; brink.run/1 held one action a side) (`brink run --json`, and `runRecord` of the library), built by runRecord below.
 * The envelope, the decisions, the turn records' key figures and the outcome are checked field by field;
 * turn records and events may carry more fields than listed (the engine's types, src/engine/state.ts and
 * src/engine/events.ts, are their full description), so consumers can rely on what is listed here.
 */
import { z } from 'zod';
import { decisionsOf, logOf } from '../engine/history.ts';
import { outcome } from '../engine/outcome.ts';
import type { GameState } from '../engine/state.ts';
import { MODEL_VERSION } from '../model/version.ts';

export const RUN_CONTRACT = 'brink.run/2';

const Count = z.number().int().min(0);
const Unit = z.number().min(0).max(1);
/** A side's order: a portfolio, one force and one signal action (model/portfolio.ts). */
const Portfolio = z.object({ force: z.string().min(1), signal: z.string().min(1) }).strict();
const Orders = z.object({ us: Portfolio, iran: Portfolio }).strict();
const VERDICTS = ['regional-war', 'drawdown', 'calm-restored', 'brinkmanship', 'simmering'] as const;

const TurnSchema = z
  .object({
    turn: Count,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    rung: z.number().int().min(0).max(10),
    /** The chance the turn's ladder became regional war (the engine's TurnRecord.warChance); absent from files before model revision 14. */
    warChance: Unit.optional(),
    actions: Orders,
    attacksOnUS: Count,
    usKilled: Count,
    usInjured: Count,
    usStrikes: Count,
    houthiAttacks: Count,
    deterrence: Unit,
    usDomesticPressure: Unit,
    iranWarFear: Unit,
  })
  .loose();

const ScoreLineSchema = z.object({ points: z.number(), cites: z.array(z.string()) }).loose();

const OutcomeSchema = z
  .object({
    final: z.boolean(),
    verdict: z.object({ id: z.enum(VERDICTS) }).loose(),
    scores: z.object({ us: z.number(), iran: z.number() }).strict(),
    breakdown: z.object({ us: z.array(ScoreLineSchema), iran: z.array(ScoreLineSchema) }).strict(),
    turningPoints: z.array(
      z.object({ date: z.string(), index: Count, event: z.object({ kind: z.string().min(1), turn: Count }).loose() }).loose(),
    ),
    totals: z.record(z.string(), Count),
    peakRung: z.number().int().min(0).max(10),
    turnsPlayed: Count,
  })
  .strict();

export const RunSchema = z
  .object({
    schema: z.literal(RUN_CONTRACT),
    /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
    model: z.string().min(1),
    scenario: z.object({ id: z.string().min(1), hash: z.string().min(1) }).strict(),
    seed: z.string().min(1),
    /** Parameter overrides on top of the scenario's (`brink run --param`); absent when there are none. */
    params: z.record(z.string(), z.number()).optional(),
    policies: z.object({ us: z.string().min(1), iran: z.string().min(1) }).strict(),
    decisions: z.array(Orders),
    turns: z.array(TurnSchema),
    events: z.array(z.object({ kind: z.string().min(1), turn: Count, day: Count }).loose()),
    outcome: OutcomeSchema,
  })
  .strict();

export type RunJson = z.infer<typeof RunSchema>;

/** The JSON of a finished game: stable (no clocks, no paths), so equal inputs give byte-equal output. */
export function runRecord(state: GameState, policies: { us: string; iran: string }) {
  return {
    schema: RUN_CONTRACT,
    model: MODEL_VERSION,
    scenario: { id: state.scenario.id, hash: state.scenario.hash },
    seed: state.seed,
    ...(Object.keys(state.overrides).length > 0 ? { params: { ...state.overrides } } : {}),
    policies,
    decisions: decisionsOf(state),
    turns: state.history.map(({ events: _events, ...turn }) => turn),
    events: logOf(state),
    outcome: outcome(state),
  };
}
