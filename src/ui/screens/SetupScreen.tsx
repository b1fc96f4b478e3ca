/**
 * Set-up: scenario (with its briefing), side, opponent, seed. Anything given on the command line is
 * pre-filled and its step skipped; the seed is always shown and can be edited, so a class can all play
 * the same game.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { type ReactNode, useState } from 'react';
import type { PlaySide } from '../../engine/save.ts';
import type { Side } from '../../model/actions.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { opponentLabel, opponentMenu } from '../session.ts';
import { clip, fit, wrap, wrapAtSeparators } from '../text.ts';
import { tone } from '../theme.ts';
import { Menu, moveSelection } from './Menu.tsx';
import { ACTOR_NAMES } from '../../model/actors/index.ts';

export interface SetupChoice {
  readonly scenario: Scenario;
  readonly side: PlaySide;
  readonly opponent: string;
  readonly seed: string;
}

export interface SetupProps {
  readonly scenarios: readonly Scenario[];
  readonly preset: { scenario?: Scenario; side?: PlaySide; opponent?: string; seed?: string };
  readonly defaultSeed: string;
  readonly cols: number;
  readonly rows: number;
  readonly active?: boolean;
  onDone(choice: SetupChoice): void;
  onQuit(): void;
  onHelp(): void;
}

type Step = 'scenario' | 'side' | 'opponent' | 'seed';
const SIDES: readonly { id: PlaySide; label: string }[] = [
  { id: 'us', label: ACTOR_NAMES.us },
  { id: 'iran', label: ACTOR_NAMES.iran },
  { id: 'both', label: 'Both, in turn (hot-seat: two players share the keyboard)' },
];

export function SetupScreen(props: SetupProps) {
  const { scenarios, preset, cols, rows } = props;
  const [scenario, setScenario] = useState<Scenario | undefined>(preset.scenario);
  const [side, setSide] = useState<PlaySide | undefined>(preset.side);
  const [opponent, setOpponent] = useState<string | undefined>(preset.opponent);
  const [seed, setSeed] = useState(preset.seed ?? props.defaultSeed);
  /** The highlighted row, and the step it was moved on: a step reached afresh starts at its initial row. */
  const [cursor, setCursor] = useState<{ readonly step: Step; readonly index: number } | undefined>(undefined);
  /** Set when Enter met an empty seed: the screen says why nothing started. */
  const [seedNeeded, setSeedNeeded] = useState(false);
  /**
   * Whether the seed shown is the one offered (the default or --seed) or one being edited: the first
   * character typed over an offered seed replaces it, as in a selected field (typing 7 over 1 gives 7, not
   * 17); Backspace edits the offered seed instead.
   */
  const [seedEdited, setSeedEdited] = useState(false);
  const step: Step = !scenario ? 'scenario' : !side ? 'side' : side !== 'both' && !opponent ? 'opponent' : 'seed';
  // The opponents on offer, and the one first highlighted: the bot the scenario names for the other side (session.ts opponentMenu).
  const opponents = step === 'opponent' ? opponentMenu(scenario!, side as Side) : undefined;
  const count = step === 'scenario' ? scenarios.length : step === 'side' ? SIDES.length : (opponents?.choices.length ?? 0);
  /** Where each step's menu starts: the opponent on the scenario's, the others at the top. */
  const initialSelection = (at: Step) => (at === 'opponent' ? (opponents?.initial ?? 0) : 0);
  const sel = cursor?.step === step ? cursor.index : initialSelection(step);

  useKeys(
    (input, key) => {
      if (step === 'seed') {
        if (key.return) {
          if (seed.length > 0) props.onDone({ scenario: scenario!, side: side!, opponent: opponent ?? 'historical', seed });
          else setSeedNeeded(true);
          return;
        }
        if (key.escape) return back();
        if (key.backspace || key.delete) {
          setSeedEdited(true);
          return setSeed((s) => s.slice(0, -1));
        }
        const kept = seedEdited ? seed : '';
        if (input && !key.ctrl && !key.meta && /^[\x20-\x7e]+$/.test(input) && kept.length + input.length <= 40) {
          setSeedNeeded(false);
          setSeedEdited(true);
          setSeed(kept + input);
        }
        return;
      }
      if (input === 'q') return props.onQuit();
      if (input === '?') return props.onHelp();
      if (key.escape) return back();
      if (key.return) {
        if (step === 'scenario') setScenario(scenarios[sel]);
        if (step === 'side') setSide(SIDES[sel]!.id);
        if (step === 'opponent') setOpponent(opponents!.choices[sel]!.policy);
        setCursor(undefined);
        return;
      }
      setCursor((c) => ({ step, index: moveSelection(c?.step === step ? c.index : initialSelection(step), count, key, input) }));
    },
    { isActive: props.active !== false },
  );

  function back() {
    setCursor(undefined);
    if (step === 'seed' && side !== 'both' && !preset.opponent && opponent) return setOpponent(undefined);
    if ((step === 'seed' || step === 'opponent') && !preset.side && side) return setSide(undefined);
    if (!preset.scenario && scenario && step !== 'scenario') return setScenario(undefined);
  }

  const width = Math.max(20, cols - 2);
  const chosen = [
    scenario ? `Scenario: ${scenario.title}` : '',
    side ? `Side: ${SIDES.find((s) => s.id === side)!.label.split(',')[0]}` : '',
    opponent && side !== 'both' ? `Opponent: ${opponentLabel(opponent)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // What is chosen so far, wrapped between choices (never inside one, never cut): a long scenario title takes a second line.
  const chosenLines = fit(wrapAtSeparators(chosen || ' ', width, { trailing: false }), 2);
  const body = Math.max(4, rows - 5 - chosenLines.length);
  const title = (
    <Text bold color={tone('accent')}>
      {clip('Brink · a crisis game, US and Iran, October 2023 – February 2024', width)}
    </Text>
  );
  let content: ReactNode;
  if (step === 'scenario') {
    const highlighted = scenarios[sel];
    const menuRows = Math.min(scenarios.length, Math.max(2, body - 6));
    content = (
      <>
        <Text bold>Choose a scenario</Text>
        <Menu items={scenarios.map((s) => ({ key: s.id, label: `${s.title} (${s.id})` }))} selected={sel} width={width} max={menuRows} />
        <Text> </Text>
        {highlighted &&
          fit(wrap(highlighted.briefing, width), Math.max(1, body - menuRows - 2)).map((l, i) => (
            <Text key={i} color={tone('muted')}>
              {l}
            </Text>
          ))}
      </>
    );
  } else if (step === 'side') {
    content = (
      <>
        <Text bold>Play as</Text>
        <Menu items={SIDES.map((s) => ({ key: s.id, label: s.label }))} selected={sel} width={width} />
      </>
    );
  } else if (step === 'opponent') {
    content = (
      <>
        <Text bold>Opponent</Text>
        <Menu
          items={opponents!.choices.map((l) => ({ key: l.id, label: `${l.label.padEnd(7)} ${l.summary}` }))}
          selected={sel}
          width={width}
        />
        <Text> </Text>
        {/* The highlighted level's note, wrapped: a row each would cut it at 80 columns. */}
        {wrap(opponents!.choices[sel]?.note ?? '', width).map((l, i) => (
          <Text key={`n${i}`} color={tone('muted')}>
            {l}
          </Text>
        ))}
      </>
    );
  } else {
    content = (
      <>
        <Text bold>Seed</Text>
        {wrap(
          'Games with the same scenario, side, opponent and seed play out the same. Type a new one to replace it, or Backspace to edit it.',
          width,
        ).map((l, i) => (
          <Text key={`s${i}`}>{l}</Text>
        ))}
        <Text>
          Seed:{' '}
          <Text bold color={tone('accent')}>
            {seed}
          </Text>
          <Text inverse> </Text>
        </Text>
        {seedNeeded &&
          wrap('A seed is needed to start: type one (any text, such as 1), then press Enter.', width).map((l, i) => (
            <Text key={`w${i}`} color={tone('warn')}>
              {l}
            </Text>
          ))}
      </>
    );
  }
  return (
    <Box flexDirection="column" width={cols}>
      {title}
      {chosenLines.map((l, i) => (
        <Text key={`c${i}`} color={tone('muted')}>
          {l}
        </Text>
      ))}
      <Text> </Text>
      {content}
      <Text> </Text>
      <Text color={tone('muted')}>
        {clip(
          step === 'seed'
            ? seed.length > 0
              ? 'type a seed · Enter: start the game · Esc: back'
              : 'type a seed (one is needed to start) · Esc: back'
            : '↑↓ choose · Enter select · Esc back · ? help · q quit',
          width,
        )}
      </Text>
    </Box>
  );
}
