/**
 * The terminal game's orchestration, free of React: who plays which side, which bot fills the other,
 * and how a turn's choices reach the engine. No rule lives here: legal actions, observations and the
 * outcome come from the engine, bot choices from src/policies.
 */
import { newGame, step } from '../engine/game.ts';
import type { GameEvent, GameState } from '../engine/state.ts';
import { buildSave, type PlaySide, type SaveFile } from '../engine/save.ts';
import { otherSide, SIDE_ADJECTIVE, type Side } from '../model/actions.ts';
import type { Portfolio } from '../model/portfolio.ts';
import { chooseAction, getPolicy, offRecordSides, policyIds } from '../policies/index.ts';
import { DIFFICULTY_LEVELS } from '../policies/difficulty.ts';
import { defaultPolicy, type Scenario } from '../scenario/schema.ts';
import { ACTOR_NAMES } from '../model/actors/index.ts';

/** Difficulty names offered in the set-up, and the bot each stands for (defined in src/policies/difficulty.ts). */
export const OPPONENT_LEVELS = DIFFICULTY_LEVELS;

/** A row of the set-up's opponent menu: a difficulty level, or the bot a scenario names that is none. */
export interface OpponentChoice {
  readonly id: string;
  readonly label: string;
  /** The policy ID it plays. */
  readonly policy: string;
  readonly summary: string;
  readonly note: string;
}

/**
 * The set-up's opponent menu against a human playing `human` in `scenario`, and the row it starts on: the
 * bot the scenario names for the other side (its `defaults`; Normal, the historical bot, where it names
 * none: the standard game, README, Play). A named bot that is no level is offered first, as the scenario's.
 */
export function opponentMenu(scenario: Scenario, human: Side): { choices: readonly OpponentChoice[]; initial: number } {
  const them = otherSide(human);
  const policy = defaultPolicy(scenario, them);
  const levels = OPPONENT_LEVELS.findIndex((l) => l.policy === policy);
  if (levels >= 0) return { choices: OPPONENT_LEVELS, initial: levels };
  const bot = getPolicy(policy, them);
  const summary = "this scenario's opponent";
  return {
    choices: [{ id: policy, label: bot.name, policy, summary, note: `${summary}: ${bot.description}` }, ...OPPONENT_LEVELS],
    initial: 0,
  };
}

/** Every name `--opponent` takes, each once: the difficulty levels, then the bots (easy and hard are both). */
export function opponentIds(): string[] {
  return [...new Set([...OPPONENT_LEVELS.map((l) => l.id), ...policyIds()])];
}

/** A difficulty name or a policy id → the policy id (undefined when neither). */
export function resolveOpponent(name: string): string | undefined {
  const level = OPPONENT_LEVELS.find((l) => l.id === name);
  if (level) return level.policy;
  return policyIds().includes(name) ? name : undefined;
}

/** A bot's name as the set-up offers it: its difficulty level where it is one (historical → normal), else its id. */
export function opponentName(policy: string): string {
  return OPPONENT_LEVELS.find((l) => l.policy === policy)?.id ?? policy;
}

/**
 * A bot as the player reads it, the same on every screen: its level's label with the bot it plays
 * ("Normal (historical bot)"), or the bot alone where it is no level, by its name where one is given
 * ("Hawk bot").
 */
export function opponentLabel(policy: string, botName?: string): string {
  const level = OPPONENT_LEVELS.find((l) => l.policy === policy);
  // "Normal (historical bot)" says which bot Normal is; "Hard (hard bot)" would only say Hard twice.
  if (level) return level.policy === level.id ? level.label : `${level.label} (${level.policy} bot)`;
  return `${botName ?? policy} bot`;
}

/** A bot's short name, for a line with no room for opponentLabel's: its level's label ("Normal"), or undefined where it is no level. */
export function opponentShortLabel(policy: string): string | undefined {
  return OPPONENT_LEVELS.find((l) => l.policy === policy)?.label;
}

export interface PlaySetup {
  readonly scenario: Scenario;
  readonly side: PlaySide;
  /** Policy id of the bot (ignored in hot-seat). */
  readonly opponent: string;
  readonly seed: string;
}

export function humanSides(side: PlaySide): Side[] {
  return side === 'both' ? ['us', 'iran'] : [side];
}

/** A person at a side, where a header or a side's commander names who played it. */
export const PLAYER = 'player';

/**
 * Who commanded each side of a game played at the terminal (or saved from one): "player" for a human
 * side, else the bot's policy ID (a hot-seat game has no bot: `opponent` null).
 */
export function commandersOf(setup: { readonly side: PlaySide; readonly opponent: string | null }): Record<Side, string> {
  const humans = humanSides(setup.side);
  const of = (side: Side) => (humans.includes(side) ? PLAYER : (setup.opponent ?? PLAYER));
  return { us: of('us'), iran: of('iran') };
}

/** The sides of a terminal game played off the record (analysis/render.ts OffRecord): the humans', and a bot's other than the record's. */
export function offRecordOf(setup: { readonly side: PlaySide; readonly opponent: string | null }): Side[] {
  return offRecordSides(commandersOf(setup));
}

export function startGame(setup: PlaySetup): GameState {
  return newGame(setup.scenario, { seed: setup.seed });
}

/** Plays one turn: the humans' choices as given, the bot's from its policy on its own observation. */
export function playTurn(
  state: GameState,
  setup: Pick<PlaySetup, 'side' | 'opponent'>,
  human: Partial<Record<Side, Portfolio>>,
): { state: GameState; events: readonly GameEvent[] } {
  const choice = (side: Side): Portfolio => {
    const mine = human[side];
    if (humanSides(setup.side).includes(side)) {
      if (mine === undefined) throw new Error(`no choice for ${side}`);
      return mine;
    }
    return chooseAction(state, side, getPolicy(setup.opponent, side));
  };
  return step(state, { us: choice('us'), iran: choice('iran') });
}

/**
 * Hot-seat: the orders sealed when a game was saved (engine/save.ts SaveFile.sealed), in words: "the
 * sealed US order"; undefined when there were none. Saving and resuming both say them so.
 */
export function sealedOrders(sealed: readonly Side[]): string | undefined {
  if (sealed.length === 0) return undefined;
  const whose = sealed.map((s) => SIDE_ADJECTIVE[s]).join(' and ');
  return `the sealed ${whose} order${sealed.length > 1 ? 's' : ''}`;
}

/**
 * What the game says on resuming a save, in a line: the turn it goes on from, and that an order sealed
 * before the save was not saved (the side chooses again); or, for a game already over, that its debrief follows.
 */
export function resumedText(state: Pick<GameState, 'turn' | 'over'>, sealed: readonly Side[] = []): string {
  if (state.over) return 'This game is finished: its debrief is shown.';
  const orders = sealedOrders(sealed);
  return `Resumed at turn ${state.turn + 1}${orders ? `: ${orders} was not saved, so it stays secret` : ''}.`;
}

/**
 * The save of a game as it stands. A hot-seat order already given for the next turn is marked sealed,
 * never written: the file is plain JSON the other player can open (engine/save.ts SaveFile.sealed).
 */
export function saveOf(state: GameState, setup: Pick<PlaySetup, 'side' | 'opponent'>, pending: Partial<Record<Side, Portfolio>>): SaveFile {
  return buildSave(state, { side: setup.side, opponent: setup.opponent, sealed: sealedSides(setup, pending) });
}

/** Hot-seat: the sides whose order for the turn to come is given and sealed while the other player chooses. */
export function sealedSides(setup: Pick<PlaySetup, 'side'>, pending: Partial<Record<Side, Portfolio>>): Side[] {
  return setup.side === 'both' ? humanSides(setup.side).filter((s) => pending[s] !== undefined) : [];
}

/** A side's name, as every actor's is named (model/actors ACTOR_NAMES). */
export const SIDE_NAMES: Readonly<Record<Side, string>> = { us: ACTOR_NAMES.us, iran: ACTOR_NAMES.iran };
