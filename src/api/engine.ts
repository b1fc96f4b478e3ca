/**
 * `brink/engine`: the game API (src/engine/game.ts), for programs that drive games themselves.
 * Everything here is pure: a state in, a new state out; the same scenario, seed and decisions give the
 * same game on any machine. The words for events and verdicts come from the one renderer.
 */
export { newGame, legalActions, isLegal, step, isOver, serialize, restore, clone, GameError, type NewGameOptions } from '../engine/game.ts';
export { outcome, type Outcome, type Verdict, type VerdictId, type ScoreLine } from '../engine/outcome.ts';
export { observe, type Observation, type PublicTurn } from '../engine/observe.ts';
export type { GameState, Decisions, GameEvent, TurnRecord } from '../engine/state.ts';
export { ACTIONS, actionById, type ActionDef, type Side } from '../model/actions.ts';
export { renderEvent, verdictText } from '../analysis/render.ts';
export { runRecord, RunSchema, RUN_CONTRACT, type RunJson } from '../schemas/run.ts';
