/**
 * Hot-seat: a blank screen between the two players, so neither sees the other's briefing or order. It
 * says whose orders are in (sealed) and that both levers, force and signal, are still to choose. The game
 * can be saved here (a sealed order is not written to the file: on loading, that side chooses again) and
 * the help read; neither shows a secret.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { otherSide, type Side } from '../../model/actions.ts';
import { SIDE_NAMES } from '../session.ts';
import { joinHints, statusLines, wrap } from '../text.ts';
import { tone } from '../theme.ts';

export function Handover({
  to,
  turn,
  given = [],
  status,
  cols = 80,
  rows = 24,
  active,
  onReady,
  onSave,
  onHelp,
  onQuit,
}: {
  to: Side;
  turn: number;
  /** Sides whose whole order (force and signal) is in for this turn. */
  given?: readonly Side[];
  /** The last message (a save's result). */
  status?: string | undefined;
  cols?: number;
  rows?: number;
  active?: boolean;
  onReady(): void;
  /** `s`; without it the screen does not offer saving. */
  onSave?(): void;
  /** `?`; without it the screen does not offer help. */
  onHelp?(): void;
  onQuit(): void;
}) {
  useKeys(
    (input, key) => {
      if (key.return || input === ' ') onReady();
      else if (input === 's' && onSave) onSave();
      else if (input === '?' && onHelp) onHelp();
      else if (input === 'q') onQuit();
    },
    { isActive: active !== false },
  );
  const other = SIDE_NAMES[otherSide(to)];
  const width = Math.max(20, cols - 5);
  const message = [
    ...wrap(`Pass the keyboard to the ${SIDE_NAMES[to]} player. ${other}, look away:`, width),
    ...wrap("the next screen shows that side's secret intelligence and orders.", width),
  ];
  const statusRows = statusLines(status, width);
  const hints = joinHints(
    [['Enter: ready', 9], ...(onSave ? [['s save', 5] as const] : []), ...(onHelp ? [['? help', 4] as const] : []), ['q quit', 5]],
    width,
  );
  // Title, blank, message, blank, orders, blank, "Press Enter", blank, status, keys.
  const content = 6 + message.length + given.length + 1 + statusRows.length;
  return (
    <Box flexDirection="column" paddingTop={Math.max(0, Math.min(4, rows - 1 - content))} paddingLeft={4}>
      <Text bold color={tone(to)}>{`Turn ${turn}: ${SIDE_NAMES[to]} to play`}</Text>
      <Text> </Text>
      {message.map((l, i) => (
        <Text key={`m${i}`}>{l}</Text>
      ))}
      <Text> </Text>
      {given.map((g) => (
        <Text key={g} color={tone('muted')}>{`${SIDE_NAMES[g]}: force and signal orders given (sealed).`}</Text>
      ))}
      <Text>{`${SIDE_NAMES[to]}: force and signal orders pending.`}</Text>
      <Text> </Text>
      <Text bold>Press Enter when ready.</Text>
      <Text> </Text>
      {statusRows.map((l, i) => (
        <Text key={`s${i}`} color={tone('warn')}>
          {l}
        </Text>
      ))}
      <Text color={tone('muted')}>{hints}</Text>
    </Box>
  );
}
