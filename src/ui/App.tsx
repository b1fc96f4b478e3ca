/**
 * The terminal game: set-up → turns (with hand-overs in hot-seat) → debrief, plus help, quit and save.
 * It holds which screen is showing and the current game state; every rule is the engine's, every bot
 * choice the policies', every debrief sentence buildDebrief's.
 */
import { Box, useApp } from 'ink';
import { type ReactNode, useMemo, useState } from 'react';
import { buildDebrief } from '../analysis/debrief/debrief.ts';
import type { GameState } from '../engine/state.ts';
import type { PlaySide } from '../engine/save.ts';
import type { Side } from '../model/actions.ts';
import { getPolicy } from '../policies/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DebriefScreen } from './screens/DebriefScreen.tsx';
import { Handover } from './screens/Handover.tsx';
import { HelpOverlay, QuitConfirm } from './screens/Overlays.tsx';
import { SetupScreen, type SetupChoice } from './screens/SetupScreen.tsx';
import { TurnScreen } from './screens/TurnScreen.tsx';
import { humanSides, playTurn, SIDE_NAMES, startGame, type PlaySetup } from './session.ts';
import { useDimensions } from './use-dimensions.ts';
import { KeyRouterProvider, useKeyRouter } from './use-keys.ts';

export interface AppProps {
  readonly scenarios: readonly Scenario[];
  readonly preset: { scenario?: Scenario; side?: PlaySide; opponent?: string; seed?: string };
  readonly defaultSeed: string;
  /** A saved game to resume (its setup and state). */
  readonly resume?: { setup: PlaySetup; state: GameState };
  /** Saves the game; returns the message to show (where it went, or why it failed). */
  onSave(state: GameState, setup: PlaySetup): string;
}

type Phase =
  | { kind: 'setup' }
  | { kind: 'handover'; side: Side }
  | { kind: 'turn'; side: Side }
  | { kind: 'debrief' };

function firstPhase(setup: PlaySetup, state: GameState): Phase {
  if (state.over) return { kind: 'debrief' };
  return setup.side === 'both' ? { kind: 'handover', side: 'us' } : { kind: 'turn', side: setup.side };
}

function completePreset(p: AppProps['preset']): PlaySetup | undefined {
  if (!p.scenario || !p.side || !p.seed) return undefined;
  if (p.side !== 'both' && !p.opponent) return undefined;
  return { scenario: p.scenario, side: p.side, opponent: p.opponent ?? 'historical', seed: p.seed };
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const { cols, rows } = useDimensions();
  const keys = useKeyRouter();
  const initialSetup = props.resume?.setup ?? completePreset(props.preset);
  const [setup, setSetup] = useState<PlaySetup | undefined>(initialSetup);
  const [state, setState] = useState<GameState | undefined>(() => props.resume?.state ?? (initialSetup ? startGame(initialSetup) : undefined));
  const [phase, setPhase] = useState<Phase>(() => (initialSetup && state ? firstPhase(initialSetup, props.resume?.state ?? state) : { kind: 'setup' }));
  const [pending, setPending] = useState<Partial<Record<Side, string>>>({});
  const [overlay, setOverlay] = useState<'none' | 'help' | 'quit'>('none');
  const [status, setStatus] = useState<string | undefined>(props.resume ? `Resumed at turn ${props.resume.state.turn + 1}.` : undefined);
  const [savedAt, setSavedAt] = useState<number | null>(props.resume ? props.resume.state.turn : null);

  const debrief = useMemo(() => (phase.kind === 'debrief' && state && setup ? buildDebrief(state, setup.scenario) : undefined), [phase.kind, state, setup]);

  const active = overlay === 'none';
  const help = () => setOverlay('help');
  const quit = () => setOverlay('quit');
  const save = () => {
    if (!state || !setup) return;
    setStatus(props.onSave(state, setup));
    setSavedAt(state.turn);
  };

  function begin(choice: SetupChoice) {
    const s: PlaySetup = { scenario: choice.scenario, side: choice.side, opponent: choice.opponent, seed: choice.seed };
    const g = startGame(s);
    setSetup(s);
    setState(g);
    setPhase(firstPhase(s, g));
  }

  function choose(side: Side, actionId: string) {
    if (!state || !setup) return;
    const chosen = { ...pending, [side]: actionId };
    const humans = humanSides(setup.side);
    const waiting = humans.find((h) => chosen[h] === undefined);
    if (waiting) {
      setPending(chosen);
      setPhase({ kind: 'handover', side: waiting });
      return;
    }
    const next = playTurn(state, setup, chosen).state;
    setPending({});
    setState(next);
    setStatus(undefined);
    setPhase(next.over ? { kind: 'debrief' } : setup.side === 'both' ? { kind: 'handover', side: 'us' } : { kind: 'turn', side: setup.side as Side });
  }

  let screen: ReactNode;
  if (phase.kind === 'setup' || !state || !setup) {
    screen = (
      <SetupScreen scenarios={props.scenarios} preset={props.preset} defaultSeed={props.defaultSeed} cols={cols} rows={rows} active={active}
        onDone={begin} onQuit={quit} onHelp={help} />
    );
  } else if (phase.kind === 'handover') {
    screen = <Handover to={phase.side} turn={state.turn + 1} active={active} onReady={() => setPhase({ kind: 'turn', side: phase.side })} onQuit={quit} />;
  } else if (phase.kind === 'turn') {
    const versus = setup.side === 'both' ? `${SIDE_NAMES[phase.side === 'us' ? 'iran' : 'us']} (player)` : `${getPolicy(setup.opponent, phase.side === 'us' ? 'iran' : 'us').name} bot`;
    screen = (
      <TurnScreen key={`${state.turn}-${phase.side}`} state={state} side={phase.side} versus={versus} briefing={setup.scenario.briefing}
        status={status} cols={cols} rows={rows} active={active}
        onChoose={(a) => choose(phase.side, a)} onSave={save} onHelp={help} onQuit={quit} />
    );
  } else {
    screen = debrief && (
      <DebriefScreen debrief={debrief} sides={humanSides(setup.side)} cols={cols} rows={rows} status={status} active={active} onQuit={quit} onHelp={help} />
    );
  }
  // Overlays hide the screen without unmounting it, so its pane and selection survive.
  return (
    <KeyRouterProvider value={keys}>
      <Box flexDirection="column" width={cols}>
        <Box flexDirection="column" display={overlay === 'none' ? 'flex' : 'none'}>{screen}</Box>
        {overlay === 'help' && <HelpOverlay onClose={() => setOverlay('none')} />}
        {overlay === 'quit' && <QuitConfirm saved={state !== undefined && savedAt === state.turn} onYes={() => exit()} onNo={() => setOverlay('none')} />}
      </Box>
    </KeyRouterProvider>
  );
}
