/**
 * One side's turn: three panes (briefing, situation, orders) that fit 80×24, the evidence behind an
 * action on request, and a confirm step with undo. The order is a portfolio: two lists, force and
 * signal, each starting on the side's choice of the turn before (docs/strategy.md §1.7). What the side
 * sees of the world comes from observe(state, side) and the legal actions of each lever; the one exception
 * is the Goals pane, the side's own score as things stand (goals.ts scoreView: the debrief's score lines,
 * which may read what the side would not observe, such as its proxies' capability), shown by design so a
 * player can steer by it. The component only lays it out and forwards the chosen portfolio.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { type ReactNode, useMemo, useState } from 'react';
import {
  intelLine,
  intelReading,
  crisisRungName,
  intelSubject,
  openingNotCounted,
  orderLabel,
  orderNote,
  postureLabel,
  recordReadingText,
  scoreText,
  seenOrderText,
  unreadIntelLine,
  weekEventLines,
  type OffRecord,
} from '../../analysis/render.ts';
import { turnLog } from '../../analysis/turn-log.ts';
import { ACTOR_NAMES } from '../../model/actors/index.ts';
import { legalOn } from '../../engine/game.ts';
import { attacksOnUsForces } from '../../engine/history.ts';
import { SCORE_RANGE } from '../../engine/outcome.ts';
import { observe, type Observation } from '../../engine/observe.ts';
import type { GameState } from '../../engine/state.ts';
import type { ActionDef, Side, Track } from '../../model/actions.ts';
import { EMPTY_FORCE, EMPTY_SIGNAL, portfolioRung, type Portfolio } from '../../model/portfolio.ts';
import { loadEvidence } from '../../model/evidence.ts';
import { orderRungName, RUNGS } from '../../model/ladder.ts';
import { quantityName } from '../../model/quantities.ts';
import { soFarText, weekCountLines } from '../../analysis/counts.ts';
import { seenWeekWarChanceText } from '../../analysis/war-odds.ts';
import { goalLines, OTHER, scoreView, type ScoreView } from '../goals.ts';
import { hiddenMark, rowsShown, scrollBy, windowOf } from '../scroll.ts';
import { SIDE_NAMES } from '../session.ts';
import {
  clip,
  clipInside,
  firstFit,
  fit,
  gaugeLine,
  hang,
  joinHints,
  sparkline,
  statusLines,
  textRow,
  wrap,
  wrapAtSeparators,
} from '../text.ts';
import { rungTone, tone } from '../theme.ts';
import { moveSelection } from './Menu.tsx';

export type Pane = 'briefing' | 'situation' | 'orders' | 'goals' | 'log';
const PANES: readonly Pane[] = ['briefing', 'situation', 'orders', 'goals', 'log'];
const PANE_TITLES: Record<Pane, string> = { briefing: 'Briefing', situation: 'Situation', orders: 'Orders', goals: 'Goals', log: 'Log' };

export interface TurnProps {
  readonly state: GameState;
  readonly side: Side;
  /** Opponent's name for the header ("Historical bot", or the other player in hot-seat). */
  readonly versus: string;
  /** A shorter name for the opponent ("Normal"), for a header with no room for `versus` beside the date. */
  readonly versusShort?: string;
  /** The sides played off the record (analysis/render.ts OffRecord): their machine's moves get no line. */
  readonly offRecord?: OffRecord;
  /** The scenario's briefing paragraph, shown before the first turn. */
  readonly briefing: string;
  readonly status?: string;
  readonly cols: number;
  readonly rows: number;
  /** Whether this screen takes keys (false while an overlay is open). */
  readonly active?: boolean;
  /** True while the turn resolves (the orders are in; the bot may be thinking). */
  readonly busy?: boolean;
  onChoose(order: Portfolio): void;
  onSave(): void;
  onHelp(): void;
  onQuit(): void;
}

/** The row of action `id` in a list, or the first row when it is not there. */
const rowOf = (list: readonly ActionDef[], id: string) =>
  Math.max(
    0,
    list.findIndex((a) => a.id === id),
  );

export function TurnScreen(props: TurnProps) {
  const { state, side, cols, rows } = props;
  const obs = useMemo(() => observe(state, side), [state, side]);
  const forces = useMemo(() => legalOn(state, side, 'force'), [state, side]);
  const signals = useMemo(() => legalOn(state, side, 'signal'), [state, side]);
  // Each list starts on last turn's choice (the empty one on the first turn): a side that keeps one
  // lever as it was changes only the other.
  const previous = obs.history[obs.history.length - 1]?.ownOrder ?? { force: EMPTY_FORCE[side], signal: EMPTY_SIGNAL[side] };
  const [pane, setPane] = useState<Pane>('briefing');
  const [focus, setFocus] = useState<Track>('force');
  const [selForce, setSelForce] = useState(() => rowOf(forces, previous.force));
  const [selSignal, setSelSignal] = useState(() => rowOf(signals, previous.signal));
  const [evidence, setEvidence] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [goalsOffset, setGoalsOffset] = useState(0);
  const [logOffset, setLogOffset] = useState(0);
  const [evidenceOffset, setEvidenceOffset] = useState(0);
  const [situationOffset, setSituationOffset] = useState(0);
  const [briefingOffset, setBriefingOffset] = useState(0);
  const chosenForce = forces[selForce];
  const chosenSignal = signals[selSignal];
  const selected = focus === 'force' ? chosenForce : chosenSignal;
  const score = useMemo(() => scoreView(state, side), [state, side]);
  const width = Math.max(30, cols - 1);
  // The status wraps (a save's file name is read whole); the panes give up the rows it takes.
  const status = statusLines(props.status, width);
  const bodyRows = Math.max(6, rows - 4 - status.length);
  const goals = useMemo(() => goalLines(score, width, obs.opening), [score, width, obs.opening]);
  // A player's own side is off the record at least (render.ts OffRecord).
  const offRecord = useMemo(() => props.offRecord ?? [side], [props.offRecord, side]);
  const log = useMemo(() => logLines(state, side, offRecord, width), [state, side, offRecord, width]);
  const situation = useMemo(
    () => situationLines(situationInfo(obs, situationColumns(width).right), width, bodyRows, openingAside(obs)),
    [obs, width, bodyRows],
  );
  const situationRows = rowsShown(situation.length, bodyRows);
  const briefingText = useMemo(
    () => briefingLines(obs, props.briefing, score, offRecord, width),
    [obs, props.briefing, score, offRecord, width],
  );
  const briefingRows = rowsShown(briefingText.length, bodyRows);
  // The evidence's title stays; its facts scroll under it.
  const evidenceText = useMemo(() => (selected ? evidenceLines(selected, width) : []), [selected, width]);
  const evidenceRows = rowsShown(evidenceText.length, bodyRows - 1);

  useKeys(
    (input, key) => {
      if (confirming) {
        // The help is one key away here too; the order waits, confirmed or not, behind it.
        if (input === '?') return props.onHelp();
        if (key.return || input === 'y') {
          setConfirming(false);
          if (chosenForce && chosenSignal) props.onChoose({ force: chosenForce.id, signal: chosenSignal.id });
        } else if (key.escape || input === 'n' || input === 'u' || key.backspace) setConfirming(false);
        return;
      }
      if (input === '?') return props.onHelp();
      if (input === 'q') return props.onQuit();
      if (input === 's') return props.onSave();
      if (input === '1' || input === 'b') return setPane('briefing');
      if (input === '2' || input === 'd') return setPane('situation');
      if (input === '3' || input === 'o') return setPane('orders');
      if (input === '4' || input === 'g') return setPane('goals');
      if (input === '5' || input === 'l') return setPane('log');
      if (key.tab || key.rightArrow || key.leftArrow) {
        const d = key.leftArrow || key.shift ? -1 : 1;
        setEvidence(false);
        return setPane((p) => PANES[(PANES.indexOf(p) + d + PANES.length) % PANES.length]!);
      }
      // The reading panes scroll: each with its offset, its lines and the rows it shows them in.
      const reading = {
        goals: [goalsOffset, setGoalsOffset, goals.length, bodyRows],
        log: [logOffset, setLogOffset, log.length, bodyRows],
        situation: [situationOffset, setSituationOffset, situation.length, situationRows],
        briefing: [briefingOffset, setBriefingOffset, briefingText.length, briefingRows],
      } as const;
      if (pane !== 'orders') {
        const [offset, setOffset, total, height] = reading[pane];
        const next = scrollBy(offset, key, input, total, height);
        if (next !== undefined) return setOffset(next);
      }
      if (pane !== 'orders') {
        if (key.return) setPane('orders');
        return;
      }
      if (input === 'e') {
        setEvidenceOffset(0);
        return setEvidence((e) => !e);
      }
      if (key.escape && evidence) return setEvidence(false);
      // While the evidence is open the reading keys scroll it (close it, e or Esc, to choose again).
      if (evidence && selected) {
        const next = scrollBy(evidenceOffset, key, input, evidenceText.length, evidenceRows);
        if (next !== undefined) return setEvidenceOffset(next);
      }
      if (key.return && chosenForce && chosenSignal) return setConfirming(true);
      if (input === ' ') return setFocus((f) => (f === 'force' ? 'signal' : 'force'));
      if (focus === 'force') setSelForce((s) => moveSelection(s, forces.length, key, input));
      else setSelSignal((s) => moveSelection(s, signals.length, key, input));
    },
    { isActive: props.active !== false },
  );

  // The score always shows: where the line is short the opponent's short name stands in for its full one,
  // then the date goes (the short name again where the full one does not fit without it: the level the
  // player chose outranks the date), then the opponent (the date back if it then fits), then the side.
  // The variant is chosen for the widest turn and score the game can show, so that the header does not
  // change its words from one turn to the next ("vs Normal", then "vs Normal (historical bot)").
  const variants = (turn: string, scoreLabel: string) =>
    [
      [SIDE_NAMES[side], turn, obs.date, `vs ${props.versus}`, scoreLabel],
      ...(props.versusShort ? [[SIDE_NAMES[side], turn, obs.date, `vs ${props.versusShort}`, scoreLabel]] : []),
      [SIDE_NAMES[side], turn, `vs ${props.versus}`, scoreLabel],
      ...(props.versusShort ? [[SIDE_NAMES[side], turn, `vs ${props.versusShort}`, scoreLabel]] : []),
      [SIDE_NAMES[side], turn, obs.date, scoreLabel],
      [SIDE_NAMES[side], turn, scoreLabel],
      [turn, scoreLabel],
    ].map((parts) => parts.join(' · '));
  const widest = variants(`turn ${obs.turns}/${obs.turns}`, `score ${scoreText(SCORE_RANGE.max)}`);
  const chosen = widest.findIndex((v) => v.length <= width);
  const shown = variants(`turn ${Math.min(obs.turn + 1, obs.turns)}/${obs.turns}`, `score ${scoreText(score.total)}`);
  const header = chosen < 0 ? firstFit(shown, width) : shown[chosen]!;
  const tabs = tabLine(pane, obs.rung, width, crisisRungName(obs));
  let body: ReactNode;
  if (confirming && chosenForce && chosenSignal) body = <Confirm force={chosenForce} signal={chosenSignal} width={width} />;
  else if (pane === 'briefing') body = <Briefing lines={briefingText} offset={briefingOffset} width={width} height={bodyRows} />;
  else if (pane === 'goals') body = <Scrolled lines={goals} offset={goalsOffset} width={width} height={bodyRows} />;
  else if (pane === 'log') body = <Scrolled lines={log} offset={logOffset} width={width} height={bodyRows} />;
  else if (pane === 'situation') body = <Situation obs={obs} lines={situation} offset={situationOffset} width={width} height={bodyRows} />;
  else if (evidence && selected)
    body = <Evidence action={selected} lines={evidenceText} offset={evidenceOffset} width={width} height={bodyRows} />;
  else
    body = (
      <Orders
        side={side}
        forces={forces}
        signals={signals}
        commandersLeft={obs.commandersLeft}
        selForce={selForce}
        selSignal={selSignal}
        focus={focus}
        width={width}
        height={bodyRows}
      />
    );
  // Each hint with how much it is needed: a narrow footer drops the least needed whole, never "? help".
  const scrolls =
    pane === 'goals' ||
    pane === 'log' ||
    (pane === 'situation' && situationRows < bodyRows) ||
    (pane === 'briefing' && briefingRows < bodyRows);
  // While the turn resolves the footer says so, once, in place of the keys (which wait their turn).
  const keys = props.busy
    ? clip('Resolving the turn… (keys you press now are kept)', width)
    : confirming
      ? joinHints(
          [
            ['Enter/y confirm', 9],
            ['Esc/n back (undo)', 8],
            ['? help', 7],
          ],
          width,
        )
      : joinHints(
          pane === 'orders' && evidence
            ? [
                ['↑↓ PgUp PgDn scroll', 5],
                ['e or Esc: close', 6],
                ['Tab panes', 1],
                ['? help', 9],
              ]
            : pane === 'orders'
              ? [
                  ['↑↓ choose', 5],
                  ['Space force/signal', 4],
                  ['Enter send', 5],
                  ['e evidence', 2],
                  ['Tab panes', 1],
                  ['? help', 9],
                ]
              : scrolls
                ? [
                    ['↑↓ PgUp PgDn scroll', 5],
                    ['Tab/1-5 panes', 1],
                    ['Enter orders', 4],
                    ['s save', 3],
                    ['? help', 9],
                    ['q quit', 2],
                  ]
                : [
                    ['Tab/1-5 panes', 2],
                    ['l log', 1],
                    ['Enter orders', 4],
                    ['s save', 3],
                    ['? help', 9],
                    ['q quit', 3],
                  ],
          width,
        );
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={tone(side)}>
        {header}
      </Text>
      <Text>
        {tabs.tabs.map((t, i) => (
          <Text key={i} bold={t.on} inverse={t.on} color={t.on || t.gap ? undefined : tone('muted')}>
            {t.text}
          </Text>
        ))}
        <Text> </Text>
        <Text color={rungTone(obs.rung)}>{tabs.rung}</Text>
      </Text>
      <Box flexDirection="column" height={bodyRows}>
        {body}
      </Box>
      {status.map((l, i) => (
        <Text key={`s${i}`} color={tone('warn')}>
          {l}
        </Text>
      ))}
      <Text color={tone('muted')}>{keys}</Text>
    </Box>
  );
}

/** One piece of the tab row: a pane's tab (`on` for the current one) or the gap between two. */
interface TabPiece {
  readonly text: string;
  readonly on: boolean;
  readonly gap: boolean;
}

/** The columns the rung's label keeps beside the tabs: where padded tabs leave fewer, they give up their padding. */
const RUNG_ROOM = 20;

/**
 * The row of pane tabs and the rung the crisis stands on (named by crisisRungName). The tabs' layout
 * depends on the width alone, so the row does not shift from turn to turn as the rung's name changes:
 * padded tabs while they leave the rung RUNG_ROOM columns, else titles without padding, else numbers and
 * the current pane's title. The rung's label takes the rest of the row, cut where it is longer.
 */
export function tabLine(current: Pane, rung: number, width: number, name: string): { tabs: TabPiece[]; rung: string } {
  const length = (tabs: readonly TabPiece[]) => tabs.reduce((n, t) => n + t.text.length, 0);
  // A layout is kept while its widest form (over which pane is current) leaves the rung its room.
  const fits = (layout: (p: Pane) => TabPiece[]) => width - Math.max(...PANES.map((p) => length(layout(p)))) - 1 >= RUNG_ROOM;
  const layout = TAB_LAYOUTS.find(fits) ?? TAB_LAYOUTS[TAB_LAYOUTS.length - 1]!;
  const tabs = layout(current);
  return { tabs, rung: clip(`rung ${rung}: ${name}`, Math.max(0, width - length(tabs) - 1)) };
}

const tabOf = (p: Pane, current: Pane, text: string): TabPiece => ({ text, on: p === current, gap: false });
const GAP: TabPiece = { text: ' ', on: false, gap: true };

/** The tab row's layouts, widest first: padded titles; titles with one space between (the current tab padded); numbers and the current title. */
const TAB_LAYOUTS: readonly ((current: Pane) => TabPiece[])[] = [
  (current) => PANES.map((p, i) => tabOf(p, current, ` ${i + 1} ${PANE_TITLES[p]} `)),
  (current) =>
    PANES.flatMap((p, i) => {
      const on = p === current;
      const t = tabOf(p, current, on ? ` ${i + 1} ${PANE_TITLES[p]} ` : `${i + 1} ${PANE_TITLES[p]}`);
      const next = PANES[i + 1];
      return next === undefined || on || next === current ? [t] : [t, GAP];
    }),
  (current) => PANES.map((p, i) => tabOf(p, current, p === current ? ` ${i + 1} ${PANE_TITLES[p]} ` : ` ${i + 1} `)),
];

/** A line of the briefing pane; `accent` marks the intelligence heading. */
interface BriefingLine {
  readonly text: string;
  readonly accent?: boolean;
}

/**
 * The briefing pane's lines: before the first turn the scenario's paragraph and the goals; then last
 * week's orders, counts and events; and the intelligence read for the coming turn, then the scenario's
 * paragraph again. The pane scrolls, so
 * at the minimum size every line can be reached.
 */
export function briefingLines(obs: Observation, briefing: string, goals: ScoreView, offRecord: OffRecord, width: number): BriefingLine[] {
  const lines: string[] = [];
  if (obs.history.length === 0) {
    lines.push(...wrap(briefing, width));
    lines.push(
      '',
      ...wrap(
        `Your goals: ${goals.objectives
          .filter((o) => o.id !== OTHER)
          .map((o) => o.title)
          .join('; ')}. Score ${scoreText(goals.total)} of 100 now; press 4 for how it is counted.`,
        width,
      ),
    );
  } else {
    const last = obs.history[obs.history.length - 1]!;
    const seen = seenOrderText(last.opponentOrder);
    const items = [
      `Last week (from ${last.date}): your order was "${orderLabel(last.ownOrder)}".`,
      seen ? `The other side's order: ${seen}.` : "The other side's order: not visible to you (what it did shows in the counts below).",
      ...weekCountLines(last),
      seenWeekWarChanceText(obs.history, obs.history.length - 1, obs.side, obs.params.warFromDirectExchange),
      // The count lines just above give the attacks on US forces: the events do not count them again.
      ...weekEventLines(obs.events, last, { attacksCounted: true, offRecord }).map((e) => `• ${e}`),
    ];
    // A bullet's wrapped lines hang under its words (text.ts hang).
    for (const l of items) lines.push(...hang('', l, width));
  }
  const out: BriefingLine[] = lines.map((text) => ({ text }));
  const unread = unreadIntelLine(obs.side, obs.intel, obs.history.length > 0);
  if (obs.intel.length > 0 || unread) {
    out.push({ text: ' ' }, { text: 'Intelligence (estimates; they can be wrong):', accent: true });
    for (const i of obs.intel) for (const text of hang('', `• ${intelLine(i)}`, width)) out.push({ text });
    if (unread) for (const text of wrap(unread, width)) out.push({ text });
  }
  // The scenario's paragraph opens the first turn; later it stays at the end, for a player to reread.
  if (obs.history.length > 0) {
    out.push({ text: ' ' }, { text: 'The scenario:', accent: true });
    for (const text of wrap(briefing, width)) out.push({ text });
  }
  return out;
}

function Briefing({ lines, offset, width, height }: { lines: readonly BriefingLine[]; offset: number; width: number; height: number }) {
  const { shown, above, below } = windowOf(lines, offset, rowsShown(lines.length, height));
  const hidden = hiddenMark(above, below);
  return (
    <>
      {shown.map((l, i) => (
        <Text key={i} color={l.accent ? tone('accent') : undefined}>
          {textRow(clip(l.text, width))}
        </Text>
      ))}
      {hidden && <Text color={tone('accent')}>{clip(hidden, width)}</Text>}
    </>
  );
}

/**
 * The log of past turns, newest first: the intelligence read before each turn, both orders as this side
 * saw them, the week's chance of war, and the turn's visible events (analysis/turn-log.ts; every sentence from render.ts).
 */
export function logLines(state: GameState, side: Side, offRecord: OffRecord, width: number): { text: string; bold?: boolean }[] {
  const turns = turnLog(state, side, { offRecord });
  if (turns.length === 0) return [{ text: 'No turn played yet: the log fills as the game goes on.' }];
  const out: { text: string; bold?: boolean }[] = [];
  const item = (text: string, indent = '  ') =>
    wrap(text, width - indent.length - 2).map((l, i) => ({ text: `${indent}${i === 0 ? '' : '  '}${l}` }));
  for (const t of [...turns].reverse()) {
    out.push({ text: `Turn ${t.turn + 1} · ${t.date}`, bold: true });
    if (t.intel.length > 0) {
      out.push({ text: '  Intelligence you had:' });
      for (const l of t.intel) out.push(...item(`• ${l}`, '    '));
    }
    out.push(...item(t.own), ...item(t.other));
    // Each week's chance of war, as the briefing said it that week.
    out.push(...item(t.warChance));
    for (const e of t.events) out.push(...item(`• ${e}`));
  }
  return out;
}

function Scrolled({
  lines,
  offset,
  width,
  height,
}: {
  lines: readonly { text: string; bold?: boolean }[];
  offset: number;
  width: number;
  height: number;
}) {
  const { shown } = windowOf(lines, offset, height);
  return (
    <>
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold === true}>
          {textRow(clip(l.text, width))}
        </Text>
      ))}
    </>
  );
}

/** The situation pane's two columns: the ladder as wide as its longest rung in either side's words, the rest beside it. */
export function situationColumns(width: number): { ladder: number; right: number } {
  const ladder = Math.max(...RUNGS.flatMap((r) => [r.name, ...Object.values(r.bySide ?? {})].map((name) => 4 + name.length)));
  return { ladder, right: Math.max(20, width - ladder - 2) };
}

/** What the situation pane says beside the ladder, each line at most `right` columns or wrapped later. */
export function situationInfo(obs: Observation, right: number): string[] {
  const last = obs.history[obs.history.length - 1];
  const p = obs.pressures;
  const pressureLines: [string, number][] = [
    [quantityName('usDomesticPressure'), p.usDomesticPressure],
    [quantityName('shippingDisruption'), p.shippingDisruption],
    [quantityName('withdrawalMomentum'), p.withdrawalMomentum],
  ];
  if (p.deterrence !== undefined) pressureLines.unshift([quantityName('deterrence'), p.deterrence]);
  if (p.iranWarFear !== undefined) pressureLines.unshift([quantityName('iranWarFear'), p.iranWarFear]);
  if (p.axisGains !== undefined) pressureLines.push([quantityName('axisGains'), p.axisGains]);
  const labelWidth = Math.max(...pressureLines.map(([label]) => label.length));
  const week = last ? weekCountLines(last) : undefined;
  const info: string[] = [
    ...(week ? ['Last week:', ...week] : ['No turn played yet.']),
    `Attacks on US by week: ${sparkline(obs.history.map(attacksOnUsForces)) || '—'}`,
    `Houthi attacks by week: ${sparkline(obs.history.map((t) => t.houthiAttacks)) || '—'}`,
    soFarText(obs.history),
    ...openingAside(obs),
    '',
    ...pressureLines.map(([label, v]) => gaugeLine(label, v, right, labelWidth)),
  ];
  if (obs.partners) {
    // The militias as the envoys report them (an estimate, with its confidence); the others as known.
    const reads = obs.intel
      .filter((i) => i.subject.about === 'posture' && i.subject.actor !== 'us')
      .map((i) => `${intelSubject(i)}: ${intelReading(i)} (${i.confidence})`);
    info.push('', ...reads, ...obs.partners.map((pt) => `${ACTOR_NAMES[pt.actor]}: ${postureLabel(pt.actor, pt.posture)}`));
  }
  // The side is a player's: its machine's posture is what the record would read into its position, not its own.
  info.push('', recordReadingText(obs.side, obs.posture.value));
  return info;
}

/**
 * Under the totals, where the scenario opened on deaths: that they are not in them (the counts start with
 * the first order). An aside: where the pane is short it goes, after the blank rows (situationLines).
 */
export function openingAside(obs: Pick<Observation, 'opening'>): string[] {
  const note = openingNotCounted(obs.opening);
  return note ? [`(${note})`] : [];
}

/**
 * The ladder, and beside it the situation's lines from `offset`; when some are hidden, the column's last
 * row says how many and how to scroll to them.
 */
function Situation({
  obs,
  lines,
  offset,
  width,
  height,
}: {
  obs: Observation;
  lines: readonly string[];
  offset: number;
  width: number;
  height: number;
}) {
  const { ladder: ladderWidth, right } = situationColumns(width);
  const ladder = [...RUNGS]
    .reverse()
    .slice(0, height)
    .map((r) => {
      const here = r.level === obs.rung;
      const mark = here ? '▶' : r.level === obs.peakRung ? '^' : ' ';
      // In the words of the side to move, as its orders name their rungs (orderRungName): Iran reads rung 5 as
      // its stepped-up proxy attacks, not as the US's calibrated strikes. The rung the crisis stands on is named
      // as the header names it (crisisRungName): by this side's act only where its own order put it there.
      const name = here ? crisisRungName(obs) : orderRungName(r.level, obs.side);
      return { level: r.level, text: clip(`${mark}${String(r.level).padStart(2)} ${name}`, ladderWidth), here };
    });
  const { shown, above, below } = windowOf(lines, offset, rowsShown(lines.length, height));
  const hidden = hiddenMark(above, below);
  return (
    <Box flexDirection="row">
      <Box flexDirection="column" width={ladderWidth + 2}>
        {ladder.map((r) => (
          <Text key={r.level} bold={r.here} color={r.here ? rungTone(r.level) : tone('muted')}>
            {r.text}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" width={right}>
        {shown.map((l, i) => (
          // An empty Text takes no row in Ink: a blank separator is a space.
          <Text key={i}>{textRow(clip(l, right))}</Text>
        ))}
        {hidden && <Text color={tone('accent')}>{clip(hidden, right)}</Text>}
      </Box>
    </Box>
  );
}

/**
 * The situation's lines at this width (the pane scrolls): lines wider than the column wrap between
 * figures; where they do not fit the pane's height, the blank separators go first, then, only if the pane
 * is still short, the `asides` (openingAside), so that what the pane is for stays on the first screen.
 * Where even that does not fit, the pane scrolls and every line but the blanks is kept.
 */
export function situationLines(info: readonly string[], width: number, height: number, asides: readonly string[] = []): string[] {
  const { right } = situationColumns(width);
  const wrapOne = (l: string) => (l.length > right ? wrapAtSeparators(l, right) : [l]);
  const wrapped = info.flatMap(wrapOne);
  if (wrapped.length <= height) return wrapped;
  const solid = info.filter((l) => l !== '');
  const full = solid.flatMap(wrapOne);
  if (full.length <= height) return full;
  const short = solid.filter((l) => !asides.includes(l)).flatMap(wrapOne);
  return short.length <= height ? short : full;
}

interface OrdersProps {
  /** The side giving the order: its rung is named in that side's words. */
  readonly side: Side;
  readonly forces: readonly ActionDef[];
  readonly signals: readonly ActionDef[];
  /** What the side should know about an order now (orderNote): commanders still in reach. */
  readonly commandersLeft: number | undefined;
  readonly selForce: number;
  readonly selSignal: number;
  readonly focus: Track;
  readonly width: number;
  readonly height: number;
}

/** The two lists side by side, the focused one marked `›`, the other's choice `•`; the focused action's detail below. */
function Orders({ side, forces, signals, commandersLeft, selForce, selSignal, focus, width, height }: OrdersProps) {
  const a = focus === 'force' ? forces[selForce] : signals[selSignal];
  const force = forces[selForce];
  const signal = signals[selSignal];
  const rung = force && signal ? portfolioRung({ force: force.id, signal: signal.id }) : 0;
  const note = a ? orderNote(a, commandersLeft) : undefined;
  const detail = a
    ? [
        ...wrap(a.description, width),
        ...(note ? wrap(note, width) : []),
        `Evidence: ${a.cites.join(', ')} (press e to read)`,
        ...(a.offRecord ? wrap(`Off the record: ${a.offRecord}`, width) : []),
      ]
    : [];
  const col = Math.floor((width - 1) / 2);
  const listRows = Math.max(3, Math.min(Math.max(forces.length, signals.length), height - detail.length - 2));
  const column = (title: string, list: readonly ActionDef[], sel: number, focused: boolean) => {
    const start = Math.max(0, Math.min(sel - Math.floor(listRows / 2), list.length - listRows));
    const rows = list.slice(start, start + listRows).map((act, i) => {
      const on = start + i === sel;
      return {
        key: act.id,
        on,
        text: clipInside(`${on ? (focused ? '›' : '•') : ' '} [${act.rung}] `, act.label, act.offRecord ? ' *' : '', col),
      };
    });
    return (
      <Box flexDirection="column" width={col + 1}>
        <Text bold={focused} color={focused ? tone('accent') : tone('muted')}>
          {clip(title, col)}
        </Text>
        {rows.map((r) => (
          <Text key={r.key} bold={r.on && focused} color={r.on && focused ? tone('accent') : undefined}>
            {r.text}
          </Text>
        ))}
      </Box>
    );
  };
  return (
    <>
      <Box flexDirection="row" height={listRows + 1}>
        {column('Force (Space: switch list)', forces, selForce, focus === 'force')}
        {column('Signal beside it', signals, selSignal, focus === 'signal')}
      </Box>
      <Text color={tone('muted')}>{clip(`your order acts at rung ${rung}: ${orderRungName(rung, side)}`, width)}</Text>
      {fit(detail, Math.max(1, height - listRows - 2)).map((l, i) => (
        <Text key={`d${i}`}>{l}</Text>
      ))}
    </>
  );
}

/** The facts an action cites, each with its title and its text wrapped under it. */
function evidenceLines(action: ActionDef, width: number): string[] {
  const facts = loadEvidence().facts;
  const lines: string[] = [];
  for (const id of action.cites) {
    const f = facts.get(id);
    lines.push(f ? `${id} · ${f.title}` : `${id} · (not in the evidence base)`);
    if (f) lines.push(...wrap(f.text, width - 2).map((l) => `  ${l}`));
  }
  return lines;
}

/** The evidence for an action: its title, then its facts from `offset`; a last row says what is hidden. */
function Evidence({
  action,
  lines,
  offset,
  width,
  height,
}: {
  action: ActionDef;
  lines: readonly string[];
  offset: number;
  width: number;
  height: number;
}) {
  const { shown, above, below } = windowOf(lines, offset, rowsShown(lines.length, height - 1));
  const hidden = hiddenMark(above, below);
  return (
    <>
      <Text bold>{clip(`Evidence for "${action.label}" (e or Esc to close)`, width)}</Text>
      {shown.map((l, i) => (
        <Text key={i}>{textRow(clip(l, width))}</Text>
      ))}
      {hidden && <Text color={tone('accent')}>{clip(hidden, width)}</Text>}
    </>
  );
}

function Confirm({ force, signal, width }: { force: ActionDef; signal: ActionDef; width: number }) {
  const rung = portfolioRung({ force: force.id, signal: signal.id });
  return (
    <>
      <Text bold>Confirm your order</Text>
      <Text> </Text>
      <Text color={rungTone(rung)}>{clip(`Force: ${force.label} · rung ${force.rung}`, width)}</Text>
      {wrap(force.description, width).map((l, i) => (
        <Text key={`f${i}`}>{l}</Text>
      ))}
      <Text color={rungTone(rung)}>{clip(`Signal: ${signal.label} · rung ${signal.rung}`, width)}</Text>
      {wrap(signal.description, width).map((l, i) => (
        <Text key={`s${i}`}>{l}</Text>
      ))}
      <Text>{clip(`Together: rung ${rung}, ${orderRungName(rung, force.side)}`, width)}</Text>
      <Text> </Text>
      <Text>{clip('Enter or y: send the order · Esc or n: go back and choose again', width)}</Text>
    </>
  );
}
