/** Keyboard help (`?`) and the quit question (`q`). */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { tone } from '../theme.ts';

const HELP: readonly [string, string][] = [
  ['↑ ↓ (or k j)', 'move in a list'],
  ['Enter', 'select; on a turn, choose the highlighted order'],
  ['Tab ← →, 1 2 3', 'switch pane: briefing, situation, orders'],
  ['e', 'read the evidence (facts) behind an order'],
  ['y / Esc n', 'confirm an order / go back and choose again'],
  ['s', 'save the game (brink play --load FILE resumes it)'],
  ['?', 'this help'],
  ['q', 'quit (asks first)'],
  ['debrief', '← → or 1-5 change page'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  useKeys(() => onClose());
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold color={tone('accent')}>Keys</Text>
      {HELP.map(([k, v]) => <Text key={k}>{`${k.padEnd(16)} ${v}`}</Text>)}
      <Text> </Text>
      <Text color={tone('muted')}>Any key closes this help.</Text>
    </Box>
  );
}

export function QuitConfirm({ saved, onYes, onNo }: { saved: boolean; onYes(): void; onNo(): void }) {
  useKeys((input, key) => {
    if (input === 'y' || input === 'Y') onYes();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Quit Brink?</Text>
      <Text>{saved ? 'The game is saved up to now.' : 'Progress since the last save will be lost (press n, then s to save).'}</Text>
      <Text>y: quit · n or Esc: keep playing</Text>
    </Box>
  );
}
