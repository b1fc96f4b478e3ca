/**
 * `brink/engine`: the game API (src/engine/game.ts), for programs that drive games themselves.
 * Everything here is pure: a state in, a new state out; the same scenario, seed and decisions give the
 * same game on any machine. The words for events and verdicts come from the one renderer.
 */
export {
  newGame,
  legalActions,
  legalOn,
  isLegal,
  isLegalPortfolio,
  step,
  isOver,
  serialize,
  restore,
  clone,
  GameError,
  type NewGameOptions,
} from '../engine/game.ts';
export { outcome, type Outcome, type Verdict, type VerdictId, type ScoreLine } from '../engine/outcome.ts';
export { observe, type Observation, type PublicTurn } from '../engine/observe.ts';
export type { GameState, Decisions, GameEvent, TurnRecord } from '../engine/state.ts';
export { ACTIONS, actionById, actionsOn, type ActionDef, type Side, type Track } from '../model/actions.ts';
export { ordersOf, parsePortfolio, portfolioId, portfolioIds, type Portfolio } from '../model/portfolio.ts';
export { renderEvent, verdictText } from '../analysis/render.ts';
export { runRecord, RunSchema, RUN_CONTRACT, type RunJson } from '../schemas/run.ts';
