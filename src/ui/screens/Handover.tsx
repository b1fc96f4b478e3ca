/**
 * Hot-seat: a blank screen between the two players, so neither sees the other's briefing or order. It
 * says whose orders are in (sealed) and that both levers, force and signal, are still to choose.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import type { Side } from '../../model/actions.ts';
import { SIDE_NAMES } from '../session.ts';
import { tone } from '../theme.ts';

export function Handover({
  to,
  turn,
  given = [],
  active,
  onReady,
  onQuit,
}: {
  to: Side;
  turn: number;
  /** Sides whose whole order (force and signal) is in for this turn. */
  given?: readonly Side[];
  active?: boolean;
  onReady(): void;
  onQuit(): void;
}) {
  useKeys(
    (input, key) => {
      if (key.return || input === ' ') onReady();
      else if (input === 'q') onQuit();
    },
    { isActive: active !== false },
  );
  const other = SIDE_NAMES[to === 'us' ? 'iran' : 'us'];
  return (
    <Box flexDirection="column" paddingTop={4} paddingLeft={4}>
      <Text bold color={tone(to)}>{`Turn ${turn}: ${SIDE_NAMES[to]} to play`}</Text>
      <Text> </Text>
      <Text>{`Pass the keyboard to the ${SIDE_NAMES[to]} player. ${other}, look away:`}</Text>
      <Text>the next screen shows that side's secret intelligence and orders.</Text>
      <Text> </Text>
      {given.map((g) => (
        <Text key={g} color={tone('muted')}>{`${SIDE_NAMES[g]}: force and signal orders given (sealed).`}</Text>
      ))}
      <Text>{`${SIDE_NAMES[to]}: force and signal orders pending.`}</Text>
      <Text> </Text>
      <Text bold>Press Enter when ready.</Text>
    </Box>
  );
}
