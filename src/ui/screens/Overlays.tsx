/**
 * Keyboard help and legend (`?`), the quit question (`q`) and the interrupt question (Ctrl-C). The
 * legend explains every mark the screens use and every 0–1 bar, with the bars' names and meanings taken
 * from src/model/quantities.ts (the one place each quantity is named).
 */
import { Box, Text } from 'ink';
import { useState } from 'react';
import { QUANTITIES } from '../../model/quantities.ts';
import { useKeys } from '../use-keys.ts';
import { scrollBy, windowOf } from '../scroll.ts';
import { clip, textRow, wrap } from '../text.ts';
import { tone } from '../theme.ts';

const KEYS: readonly [string, string][] = [
  ['↑ ↓ (or k j)', 'move in a list (Space: the other order list); scroll a page'],
  ['PgUp PgDn Home End', 'scroll a long page (the debrief, this help)'],
  ['Enter', 'select; on a turn, send the force and signal chosen'],
  ['Tab ← →, 1 2 3 4 5', 'switch pane: briefing, situation, orders, goals, l log'],
  ['e', 'read the evidence (facts) behind an order'],
  ['y / Esc n', 'confirm an order / go back and choose again'],
  ['s', 'save the game, finished or not'],
  ['?', 'this help'],
  ['q, Ctrl-C', 'quit (asks first); a second Ctrl-C quits at once'],
  ['debrief', '← → 1-6 pages (4 beliefs vs truth); ↑↓ PgUp PgDn scroll'],
];

const MARKS: readonly [string, string][] = [
  ['▶ 5', 'the ladder: the rung the crisis stands on now (0 calm … 10 regional war)'],
  ['^ 7', 'the ladder: the highest rung reached so far in this game'],
  ['[3]', "an order's rung: how far up the ladder it takes the crisis"],
  ['*', 'an order the record does not show this side taking (off the record)'],
  ['›', 'the highlighted row'],
  ['› •', "orders: the list you move in (›), the other list's choice (•)"],
  ['▁▃█', "a count per week, scaled to the game's busiest week"],
  ['█████·····', 'a value from 0 (empty) to 1 (full), printed beside it:'],
];

/** The help text as lines: keys, marks, then each bar from the quantities' one definition. */
export function helpLines(width: number): { text: string; bold?: boolean }[] {
  const row = (k: string, v: string, kw: number) =>
    wrap(v, Math.max(10, width - kw - 1)).map((t, i) => ({ text: `${(i === 0 ? k : '').padEnd(kw)} ${t}` }));
  const out: { text: string; bold?: boolean }[] = [{ text: 'Keys', bold: true }];
  for (const [k, v] of KEYS) out.push(...row(k, v, 18));
  out.push({ text: '' }, { text: 'Marks', bold: true });
  for (const [k, v] of MARKS) out.push(...row(k, v, 11));
  for (const q of Object.values(QUANTITIES)) out.push(...row('', `${q.name}: ${q.meaning} (seen by ${q.seenBy})`, 11));
  out.push({ text: '' }, { text: 'Score', bold: true });
  out.push(
    ...row(
      '',
      "Each side scores 0–100 by its objectives (the O- IDs). The Goals pane (4) shows your score as it stands and each objective's share; the debrief gives the final one.",
      0,
    ).map((l) => ({ text: l.text.trimStart() })),
  );
  return out;
}

export function HelpOverlay({ width = 80, height = 24, onClose }: { width?: number; height?: number; onClose(): void }) {
  const inner = Math.max(20, width - 4);
  const lines = helpLines(inner);
  const rows = Math.max(3, height - 5);
  const [offset, setOffset] = useState(0);
  useKeys((input, key) => {
    const next = scrollBy(offset, key, input, lines.length, rows);
    if (next === undefined) onClose();
    else setOffset(next);
  });
  const { shown, above, below } = windowOf(lines, offset, rows);
  const more = above + below > 0 ? ` (except ↑ ↓ PgUp PgDn: they scroll, ${above + 1}–${above + shown.length} of ${lines.length})` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, inner + 4)}>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold === true} color={l.bold ? tone('accent') : undefined}>
          {textRow(clip(l.text, inner))}
        </Text>
      ))}
      <Text color={tone('muted')}>{clip(`Any key closes this help${more}.`, inner)}</Text>
    </Box>
  );
}

/** What the quit questions are about: no game yet (the set-up), a game under way, or a finished one. */
export type GameStage = 'none' | 'playing' | 'finished';

/** Where "n" goes back to, in the words of the screen behind the question. */
const backTo: Record<GameStage, string> = { none: 'back to the set-up', playing: 'keep playing', finished: 'back to the final report' };

/** Whether the game would be lost, and, where the screen behind can save (`canSave`), how to save it first. */
function lossLine(stage: GameStage, saved: boolean, canSave: boolean): string {
  if (stage === 'none') return 'No game has started.';
  if (stage === 'finished') {
    if (saved) return 'The game is saved.';
    return canSave ? 'The finished game is not saved (press n, then s to save it).' : 'The finished game is not saved.';
  }
  if (saved) return 'The game is saved up to now.';
  return canSave ? 'Progress since the last save will be lost (press n, then s to save).' : 'Progress since the last save will be lost.';
}

export function QuitConfirm({
  saved,
  stage,
  canSave,
  onYes,
  onNo,
}: {
  saved: boolean;
  stage: GameStage;
  /** Whether the screen behind saves with `s` (the hint says so only then). */
  canSave: boolean;
  onYes(): void;
  onNo(): void;
}) {
  useKeys((input, key) => {
    if (input === 'y' || input === 'Y') onYes();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Quit Brink?</Text>
      <Text>{lossLine(stage, saved, canSave)}</Text>
      <Text>{`y: quit · n or Esc: ${backTo[stage]}`}</Text>
    </Box>
  );
}

/** After Ctrl-C: quit (saving first if asked) or go back; a second Ctrl-C is handled by the game. */
export function InterruptConfirm({
  saved,
  stage,
  onSave,
  onQuit,
  onNo,
}: {
  saved: boolean;
  stage: GameStage;
  onSave(): void;
  onQuit(): void;
  onNo(): void;
}) {
  // This question saves by itself (`s`), so it can wherever there is a game.
  const canSave = stage !== 'none';
  useKeys((input, key) => {
    if (input === 's' && canSave) onSave();
    else if (input === 'y' || input === 'Y') onQuit();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
  const loss =
    stage === 'none'
      ? 'No game has started.'
      : saved
        ? lossLine(stage, true, false)
        : `The ${stage === 'finished' ? 'finished ' : ''}game is not saved.`;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Ctrl-C: quit Brink?</Text>
      <Text>{loss}</Text>
      <Text>
        {canSave ? 's: save, then quit · ' : ''}y: quit{canSave && !saved ? ' without saving' : ''} · n or Esc: {backTo[stage]}
      </Text>
      <Text>Ctrl-C again: quit at once.</Text>
    </Box>
  );
}
