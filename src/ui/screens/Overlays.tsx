/**
 * Keyboard help and legend (`?`), the quit question (`q`) and the interrupt question (Ctrl-C). The
 * legend explains every mark the screens use and every 0–1 bar, with the bars' names and meanings taken
 * from src/model/quantities.ts (the one place each quantity is named).
 */
import { Box, Text } from 'ink';
import { useState } from 'react';
import { QUANTITIES } from '../../model/quantities.ts';
import { RECORD_READ } from '../../analysis/render.ts';
import { WAR_CHANCE_MEANING } from '../../analysis/war-odds.ts';
import type { Side } from '../../model/actions.ts';
import { sealedOrders } from '../session.ts';
import { useKeys } from '../use-keys.ts';
import { scrollBy, windowOf } from '../scroll.ts';
import { clip, SPARK_NONE, textRow, wrap, wrapAtSeparators } from '../text.ts';
import { tone } from '../theme.ts';

const KEYS: readonly [string, string][] = [
  ['↑ ↓ (or k j)', 'move in a list (Space: the other order list); scroll'],
  ['PgUp PgDn Home End', "scroll a page; Home End: a list's first, last entry"],
  ['Enter', 'select; on a turn, send the force and signal chosen'],
  ['Tab ← →, 1 2 3 4 5', 'switch pane: briefing, situation, orders, goals, log'],
  ['l', 'the log of past turns (as 5)'],
  ['e', 'read the evidence (facts) behind an order'],
  ['y / Esc n', 'confirm an order / go back and choose again'],
  ['s', 'save the game, finished or not'],
  ['?', 'this help'],
  ['q, Ctrl-C', 'quit (asks first); a second Ctrl-C quits at once'],
];

/** The debrief's keys, with its real page count where a game is chosen (a historical scenario's debrief has the record's page too). */
const debriefKeys = (pages: number | undefined) => `← → Tab Enter, 1-${pages ?? 'n'}: pages (4 beliefs vs truth); ↑↓ scroll`;

const MARKS: readonly [string, string][] = [
  ['▶ 5', "the ladder: the rung the crisis stands on now (0 calm … 10 regional war), in your side's words if your order put it there"],
  ['^ 7', 'the ladder: the highest rung reached so far in this game'],
  ['[3]', "an order's rung: how far up the ladder it takes the crisis"],
  ['*', 'an order the record does not show this side taking (off the record)'],
  ['›', 'the highlighted row'],
  ['› •', "orders: the list you move in (›), the other list's choice (•)"],
  [`${SPARK_NONE}▁▃█`, `a count per week, scaled to the game's busiest week (${SPARK_NONE}: none that week)`],
  ['█████·····', 'a value from 0 (empty) to 1 (full), printed beside it:'],
];

/**
 * The last line of the situation pane, "Record's read: …", in words: the posture the record's policy
 * (analysis/render.ts recordReadingText) reads into the player's own position, which is no order of theirs.
 */
const RECORD_READ_HELP =
  `The situation pane (2) ends on "${RECORD_READ}: …". It is how the record reads your own side's position as it stands: ` +
  'the posture the historical bot, the one Normal plays, would act from here, as the documents describe this side. ' +
  'It is a reading, not your stance and not an order: what your side does is the orders you send, and the debrief ' +
  'never tells the reading as your deed.';

/** The help text as lines: keys, marks, then each bar from the quantities' one definition, the record's read, the score. */
export function helpLines(width: number, debriefPages?: number): { text: string; bold?: boolean }[] {
  const row = (k: string, v: string, kw: number) =>
    wrap(v, Math.max(10, width - kw - 1)).map((t, i) => ({ text: `${(i === 0 ? k : '').padEnd(kw)} ${t}` }));
  const out: { text: string; bold?: boolean }[] = [{ text: 'Keys', bold: true }];
  for (const [k, v] of [...KEYS, ['debrief', debriefKeys(debriefPages)] as const]) out.push(...row(k, v, 18));
  out.push({ text: '' }, { text: 'Marks', bold: true });
  for (const [k, v] of MARKS) out.push(...row(k, v, 11));
  for (const q of Object.values(QUANTITIES)) out.push(...row('', `${q.name}: ${q.meaning} (seen by ${q.seenBy})`, 11));
  out.push({ text: '' }, { text: RECORD_READ, bold: true });
  out.push(...row('', RECORD_READ_HELP, 0).map((l) => ({ text: l.text.trimStart() })));
  out.push({ text: '' }, { text: 'Chance of war', bold: true });
  out.push(...row('', WAR_CHANCE_MEANING, 0).map((l) => ({ text: l.text.trimStart() })));
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

export function HelpOverlay({
  width = 80,
  height = 24,
  debriefPages,
  onClose,
}: {
  width?: number;
  height?: number;
  /** The debrief's page count, where a game is chosen (DebriefScreen debriefPages). */
  debriefPages?: number;
  onClose(): void;
}) {
  const inner = Math.max(20, width - 4);
  const lines = helpLines(inner, debriefPages);
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

/** How the player asked to quit: `q` (asks once) or Ctrl-C (a second Ctrl-C quits at once). */
export type QuitVia = 'q' | 'ctrl-c';

export interface QuitState {
  readonly via: QuitVia;
  readonly stage: GameStage;
  /** Whether the game as it stands is saved. */
  readonly saved: boolean;
  /** Whether this game was ever saved (or resumed from a save): what an unsaved game loses. */
  readonly everSaved: boolean;
  /** Hot-seat: the sides whose order for this turn is given and sealed, which no save holds (engine/save.ts SaveFile.sealed). */
  readonly sealed?: readonly Side[];
}

/**
 * The quit question in words, for `q` and Ctrl-C alike: what quitting loses, and the choices, with
 * "s: save, then quit" offered only where there is something unsaved.
 */
export function quitQuestion({ via, stage, saved, everSaved, sealed = [] }: QuitState): {
  title: string;
  loss: string;
  choices: string;
  offersSave: boolean;
  again?: string;
} {
  const offersSave = stage !== 'none' && !saved;
  const loss =
    stage === 'none'
      ? 'No game has started.'
      : saved
        ? stage === 'finished'
          ? 'The game is saved.'
          : sealed.length > 0
            ? `The game is saved, but not ${sealedOrders(sealed)}.`
            : 'The game is saved up to now.'
        : stage === 'finished'
          ? 'The finished game is not saved.'
          : everSaved
            ? 'Progress since the last save will be lost.'
            : 'This game has not been saved.';
  const choices = [offersSave ? 's: save, then quit' : '', offersSave ? 'y: quit without saving' : 'y: quit', `n or Esc: ${backTo[stage]}`]
    .filter(Boolean)
    .join(' · ');
  return {
    title: via === 'q' ? 'Quit Brink?' : 'Ctrl-C: quit Brink?',
    loss,
    choices,
    offersSave,
    ...(via === 'ctrl-c' ? { again: 'Ctrl-C again: quit at once.' } : {}),
  };
}

/** The quit question (`q` or Ctrl-C): save then quit, quit, or go back; a second Ctrl-C is handled by the game. */
export function QuitConfirm({
  onSave,
  onQuit,
  onNo,
  width = 80,
  ...state
}: QuitState & {
  width?: number;
  onSave(): void;
  onQuit(): void;
  onNo(): void;
}) {
  const q = quitQuestion(state);
  useKeys((input, key) => {
    if ((input === 's' || input === 'S') && q.offersSave) onSave();
    else if (input === 'y' || input === 'Y') onQuit();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
  const inner = Math.max(20, width - 4);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, inner + 4)}>
      <Text bold>{q.title}</Text>
      {[q.loss, ...wrapAtSeparators(q.choices, inner), ...(q.again ? [q.again] : [])].map((l, i) => (
        <Text key={i}>{clip(l, inner)}</Text>
      ))}
    </Box>
  );
}
