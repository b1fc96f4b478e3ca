/**
 * The terminal game: set-up → turns (with hand-overs in hot-seat) → debrief, plus help, quit and save.
 * It holds which screen is showing and the current game state; every rule is the engine's, every bot
 * choice the policies', every debrief sentence buildDebrief's.
 *
 * Keys go through one queue (use-keys.ts): none is lost, each is handled in order, and while a turn
 * resolves (the bot may think for a while) the screen says so and the keys wait. Ctrl-C asks first.
 */
import { Box, Text, useApp } from 'ink';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { buildDebrief } from '../analysis/debrief/debrief.ts';
import { compare } from '../analysis/debrief/comparison.ts';
import type { GameState } from '../engine/state.ts';
import type { PlaySide } from '../engine/save.ts';
import { otherSide, type Side } from '../model/actions.ts';
import { getPolicy } from '../policies/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { KeyboardProvider, useInterrupt, useKeys } from './use-keys.ts';
import { lastWeekLines } from '../analysis/counts.ts';
import { DebriefScreen, debriefPages } from './screens/DebriefScreen.tsx';
import { Handover } from './screens/Handover.tsx';
import { type GameStage, HelpOverlay, QuitConfirm } from './screens/Overlays.tsx';
import { SetupScreen, type SetupChoice } from './screens/SetupScreen.tsx';
import { TurnScreen } from './screens/TurnScreen.tsx';
import {
  humanSides,
  offRecordOf,
  opponentLabel,
  opponentShortLabel,
  playTurn,
  resumedText,
  sealedSides,
  SIDE_NAMES,
  startGame,
  type PlaySetup,
} from './session.ts';
import { clip, fit, wrap } from './text.ts';
import { tone } from './theme.ts';
import { useDimensions } from './use-dimensions.ts';
import type { Portfolio } from '../model/portfolio.ts';

/** Below this size the panes cannot show an order list and its detail: the game says so instead. */
export const MIN_COLS = 60;
export const MIN_ROWS = 16;

/** Orders chosen by the human players this turn and not yet played (hot-seat: the US's, while Iran chooses). */
export type PendingOrders = Partial<Record<Side, Portfolio>>;

/** What saving did: whether the file was written, and the line to show either way. */
export interface SaveResult {
  readonly ok: boolean;
  readonly message: string;
}

/** How the game ended, for the command to print the debrief and set the exit status. */
export interface ExitReport {
  /** True when the player quit with Ctrl-C (the command exits 130). */
  readonly interrupted: boolean;
  readonly state?: GameState;
  readonly setup?: PlaySetup;
}

export interface AppProps {
  readonly scenarios: readonly Scenario[];
  readonly preset: { scenario?: Scenario; side?: PlaySide; opponent?: string; seed?: string };
  readonly defaultSeed: string;
  /**
   * A saved game to resume: its setup and state, and the hot-seat sides that had sealed an order when it
   * was saved (the orders are not saved: those sides choose again, and the resume message says so).
   */
  readonly resume?: { setup: PlaySetup; state: GameState; sealed?: readonly Side[] };
  /**
   * Saves the game (a hot-seat order given is sealed, not saved: session.ts saveOf): `ok` says whether the
   * file was written, `message` what to show either way (where it went, or why it failed).
   */
  onSave(state: GameState, setup: PlaySetup, pending: PendingOrders): SaveResult;
  /** Called once, just before the app exits. */
  onExit?(report: ExitReport): void;
  /**
   * Milliseconds to let the "resolving…" frame reach the terminal before a turn is computed (Ink writes
   * at most 30 frames a second; a bot's look-ahead blocks the event loop). Unset, the turn is played
   * at once, without a "resolving…" frame.
   */
  readonly settleMs?: number;
}

type Phase = { kind: 'setup' } | { kind: 'handover'; side: Side } | { kind: 'turn'; side: Side } | { kind: 'debrief' };

/** The first screen of a game: the debrief of a finished one, else the first human to choose (a save holds no order of the turn to come). */
function firstPhase(setup: PlaySetup, state: GameState): Phase {
  if (state.over) return { kind: 'debrief' };
  if (setup.side !== 'both') return { kind: 'turn', side: setup.side };
  return { kind: 'handover', side: humanSides(setup.side)[0]! };
}

function completePreset(p: AppProps['preset']): PlaySetup | undefined {
  if (!p.scenario || !p.side || !p.seed) return undefined;
  if (p.side !== 'both' && !p.opponent) return undefined;
  return { scenario: p.scenario, side: p.side, opponent: p.opponent ?? 'historical', seed: p.seed };
}

type Overlay = 'none' | 'help' | 'quit' | 'interrupt';

export function App(props: AppProps) {
  // The keyboard holds its keys while a turn resolves; the game sets that state.
  const [busy, setBusy] = useState(false);
  return (
    <KeyboardProvider paused={busy}>
      <Game {...props} setBusy={setBusy} />
    </KeyboardProvider>
  );
}

function Game(props: AppProps & { setBusy(b: boolean): void }) {
  const { exit } = useApp();
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [quitting, setQuitting] = useState<ExitReport | undefined>();
  const { onExit } = props;
  // Exit after the render that follows the decision, so the report carries the final state.
  useEffect(() => {
    if (!quitting) return;
    onExit?.(quitting);
    exit();
  }, [quitting, onExit, exit]);
  const { cols, rows } = useDimensions();
  const initialSetup = props.resume?.setup ?? completePreset(props.preset);
  const [setup, setSetup] = useState<PlaySetup | undefined>(initialSetup);
  const [state, setState] = useState<GameState | undefined>(
    () => props.resume?.state ?? (initialSetup ? startGame(initialSetup) : undefined),
  );
  const [pending, setPending] = useState<PendingOrders>({});
  const [phase, setPhase] = useState<Phase>(() => (initialSetup && state ? firstPhase(initialSetup, state) : { kind: 'setup' }));
  /** Orders complete for this turn, waiting to be played (the "resolving…" state). */
  const [resolving, setResolving] = useState<PendingOrders | undefined>();
  const [status, setStatus] = useState<string | undefined>(props.resume ? resumedText(props.resume.state, props.resume.sealed) : undefined);
  const [savedAt, setSavedAt] = useState<string | null>(props.resume ? saveKey(props.resume.state) : null);

  // The sides not played by the record's policy: the players', and a bot's other than the historical one.
  const offRecord = useMemo(() => (setup ? offRecordOf(setup) : []), [setup]);

  const debrief = useMemo(
    () =>
      phase.kind === 'debrief' && state && setup
        ? buildDebrief(state, setup.scenario, { humans: humanSides(setup.side), offRecord })
        : undefined,
    [phase.kind, state, setup, offRecord],
  );

  const lastWeek = useMemo(
    () =>
      phase.kind === 'debrief' && state && setup
        ? humanSides(setup.side).flatMap((side) => {
            const w = lastWeekLines(state, side, offRecord);
            return w ? [{ side, ...w }] : [];
          })
        : [],
    [phase.kind, state, setup, offRecord],
  );

  // The help lists the debrief's pages by number: as many as this game's debrief will have.
  const pages = useMemo(() => {
    if (overlay !== 'help' || !state || !setup) return undefined;
    const comparison = debrief ? debrief.comparison : compare(state, setup.scenario);
    return debriefPages(comparison ? { comparison } : {}).length;
  }, [overlay, debrief, state, setup]);

  const active = overlay === 'none' && !resolving;
  const help = () => setOverlay('help');
  const quit = () => setOverlay('quit');
  const finish = (interrupted: boolean) => setQuitting({ interrupted, ...(state ? { state } : {}), ...(setup ? { setup } : {}) });
  const save = (): boolean => {
    if (!state || !setup) return false;
    const { ok, message } = props.onSave(state, setup, pending);
    setStatus(message);
    if (ok) setSavedAt(saveKey(state));
    return ok;
  };

  // Ctrl-C asks first; a second Ctrl-C while the question is open quits at once.
  useInterrupt(() => (overlay === 'interrupt' ? finish(true) : setOverlay('interrupt')));

  // The turn is played after the "resolving…" frame is on screen; keys typed meanwhile stay queued.
  function resolve(current: GameState, s: PlaySetup, orders: PendingOrders) {
    const run = () => {
      const next = playTurn(current, s, orders).state;
      setResolving(undefined);
      setPending({});
      setState(next);
      setStatus(undefined);
      setPhase(
        next.over ? { kind: 'debrief' } : s.side === 'both' ? { kind: 'handover', side: 'us' } : { kind: 'turn', side: s.side as Side },
      );
      props.setBusy(false);
    };
    // Without a terminal to draw on (component tests) there is no frame to wait for.
    if (props.settleMs === undefined) return run();
    setResolving(orders);
    props.setBusy(true);
    setTimeout(run, props.settleMs);
  }

  function begin(choice: SetupChoice) {
    const s: PlaySetup = { scenario: choice.scenario, side: choice.side, opponent: choice.opponent, seed: choice.seed };
    const g = startGame(s);
    setSetup(s);
    setState(g);
    setPhase(firstPhase(s, g));
  }

  function choose(side: Side, order: Portfolio) {
    if (!state || !setup) return;
    const chosen = { ...pending, [side]: order };
    const waiting = humanSides(setup.side).find((h) => chosen[h] === undefined);
    setPending(chosen);
    if (waiting) {
      // A message of the turn screen (a save of the game before this order) no longer holds.
      setStatus(undefined);
      setPhase({ kind: 'handover', side: waiting });
      return;
    }
    resolve(state, setup, chosen);
  }

  const tooSmall = cols < MIN_COLS || rows < MIN_ROWS;
  // While the terminal is too small only q (and Ctrl-C) work: the message says so.
  useKeys(
    (input) => {
      if (input === 'q') quit();
    },
    { isActive: tooSmall && overlay === 'none' },
  );

  let screen: ReactNode;
  if (tooSmall) {
    screen = (
      <Box flexDirection="column">
        <Text bold color={tone('warn')}>
          {clip('Terminal too small', cols)}
        </Text>
        {/* Wrapped, not cut: on a tiny terminal this is the one screen that must be read whole. */}
        {fit(
          wrap(`${cols}×${rows}; Brink needs at least ${MIN_COLS}×${MIN_ROWS}. Enlarge the window to go on, or press q to quit.`, cols),
          Math.max(1, rows - 1),
        ).map((l, i) => (
          <Text key={i}>{l}</Text>
        ))}
      </Box>
    );
  } else if (phase.kind === 'setup' || !state || !setup) {
    screen = (
      <SetupScreen
        scenarios={props.scenarios}
        preset={props.preset}
        defaultSeed={props.defaultSeed}
        cols={cols}
        rows={rows}
        active={active}
        onDone={begin}
        onQuit={quit}
        onHelp={help}
      />
    );
  } else if (phase.kind === 'handover') {
    screen = (
      <Handover
        to={phase.side}
        turn={state.turn + 1}
        given={humanSides(setup.side).filter((h) => pending[h] !== undefined)}
        status={status}
        cols={cols}
        rows={rows}
        active={active}
        onReady={() => {
          setStatus(undefined);
          setPhase({ kind: 'turn', side: phase.side });
        }}
        onSave={save}
        onHelp={help}
        onQuit={quit}
      />
    );
  } else if (phase.kind === 'turn') {
    const versus =
      setup.side === 'both'
        ? `${SIDE_NAMES[otherSide(phase.side)]} (player)`
        : opponentLabel(setup.opponent, getPolicy(setup.opponent, otherSide(phase.side)).name);
    screen = (
      <TurnScreen
        key={`${state.turn}-${phase.side}`}
        state={state}
        side={phase.side}
        versus={versus}
        offRecord={offRecord}
        {...(setup.side === 'both' ? {} : { versusShort: opponentShortLabel(setup.opponent) })}
        briefing={setup.scenario.briefing}
        status={resolving ? undefined : status}
        busy={resolving !== undefined}
        cols={cols}
        rows={rows}
        active={active}
        onChoose={(a) => choose(phase.side, a)}
        onSave={save}
        onHelp={help}
        onQuit={quit}
      />
    );
  } else {
    screen = debrief && (
      <DebriefScreen
        debrief={debrief}
        sides={humanSides(setup.side)}
        lastWeek={lastWeek}
        cols={cols}
        rows={rows}
        status={status}
        active={active}
        onQuit={quit}
        onHelp={help}
        onSave={save}
      />
    );
  }
  // No save holds an order given for the turn to come (session.ts saveOf): the quit question names a sealed one.
  const saved = state !== undefined && savedAt === saveKey(state);
  const sealed = setup ? sealedSides(setup, pending) : [];
  const stage: GameStage = !state || !setup || phase.kind === 'setup' ? 'none' : phase.kind === 'debrief' ? 'finished' : 'playing';
  // The last frame on quitting is empty: the quit question goes from the terminal, and what the command prints
  // after the game (the debrief, where the save is) starts where it stood.
  if (quitting) return null;
  // Overlays hide the screen without unmounting it, so its pane and selection survive.
  return (
    <Box flexDirection="column" width={cols}>
      <Box flexDirection="column" display={overlay === 'none' ? 'flex' : 'none'}>
        {screen}
      </Box>
      {overlay === 'help' && (
        <HelpOverlay width={cols} height={rows} {...(pages ? { debriefPages: pages } : {})} onClose={() => setOverlay('none')} />
      )}
      {(overlay === 'quit' || overlay === 'interrupt') && (
        <QuitConfirm
          via={overlay === 'quit' ? 'q' : 'ctrl-c'}
          saved={saved}
          everSaved={savedAt !== null}
          sealed={sealed}
          stage={stage}
          width={cols}
          onSave={() => save() && finish(overlay === 'interrupt')}
          onQuit={() => finish(overlay === 'interrupt')}
          onNo={() => setOverlay('none')}
        />
      )}
    </Box>
  );
}

/** What a save holds of the game: its turns (never an order given for the turn to come). */
function saveKey(state: GameState): string {
  return `${state.turn}`;
}
