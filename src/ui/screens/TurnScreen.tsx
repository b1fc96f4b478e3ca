/**
 * One side's turn: three panes (briefing, situation, orders) that fit 80×24, the evidence behind an
 * action on request, and a confirm step with undo. The order is a portfolio: two lists, force and
 * signal, each starting on the side's choice of the turn before (docs/strategy.md §1.7). Everything shown
 * comes from observe(state, side) and the legal actions of each lever; the component only lays it out and
 * forwards the chosen portfolio.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { type ReactNode, useMemo, useState } from 'react';
import { intelLine, intelReading, intelSubject, orderLabel, postureLabel, renderEvent, seenOrderText } from '../../analysis/render.ts';
import { turnLog } from '../../analysis/turn-log.ts';
import { ACTOR_NAMES } from '../../model/actors/index.ts';
import { legalOn } from '../../engine/game.ts';
import { observe, type Observation } from '../../engine/observe.ts';
import type { GameState } from '../../engine/state.ts';
import type { ActionDef, Side, Track } from '../../model/actions.ts';
import { EMPTY_FORCE, EMPTY_SIGNAL, portfolioRung, type Portfolio } from '../../model/portfolio.ts';
import { loadEvidence } from '../../model/evidence.ts';
import { RUNGS, rungName } from '../../model/ladder.ts';
import { quantityName } from '../../model/quantities.ts';
import { weekCountLines } from '../counts.ts';
import { goalLines, OTHER, scoreView, type ScoreView } from '../goals.ts';
import { scrollBy, windowOf } from '../scroll.ts';
import { SIDE_NAMES } from '../session.ts';
import { bar, clip, fit, fitWhole, sparkline, textRow, wrap, wrapAtSeparators } from '../text.ts';
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
  const chosenForce = forces[selForce];
  const chosenSignal = signals[selSignal];
  const selected = focus === 'force' ? chosenForce : chosenSignal;
  const score = useMemo(() => scoreView(state, side), [state, side]);
  const width = Math.max(30, cols - 1);
  const bodyRows = Math.max(6, rows - 5);
  const goals = useMemo(() => goalLines(score, width), [score, width]);
  const log = useMemo(() => logLines(state, side, width), [state, side, width]);

  useKeys(
    (input, key) => {
      if (confirming) {
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
      if (pane === 'goals') {
        const next = scrollBy(goalsOffset, key, input, goals.length, bodyRows);
        if (next !== undefined) return setGoalsOffset(next);
      }
      if (pane === 'log') {
        const next = scrollBy(logOffset, key, input, log.length, bodyRows);
        if (next !== undefined) return setLogOffset(next);
      }
      if (pane !== 'orders') {
        if (key.return) setPane('orders');
        return;
      }
      if (input === 'e') return setEvidence((e) => !e);
      if (key.escape && evidence) return setEvidence(false);
      if (key.return && chosenForce && chosenSignal) return setConfirming(true);
      if (input === ' ') return setFocus((f) => (f === 'force' ? 'signal' : 'force'));
      if (focus === 'force') setSelForce((s) => moveSelection(s, forces.length, key, input));
      else setSelSignal((s) => moveSelection(s, signals.length, key, input));
    },
    { isActive: props.active !== false },
  );

  const header = `${SIDE_NAMES[side]} · turn ${Math.min(obs.turn + 1, obs.turns)}/${obs.turns} · ${obs.date} · vs ${props.versus} · score ${score.total}`;
  let body: ReactNode;
  if (confirming && chosenForce && chosenSignal) body = <Confirm force={chosenForce} signal={chosenSignal} width={width} />;
  else if (pane === 'briefing') body = <Briefing obs={obs} briefing={props.briefing} goals={score} width={width} height={bodyRows} />;
  else if (pane === 'goals') body = <Scrolled lines={goals} offset={goalsOffset} width={width} height={bodyRows} />;
  else if (pane === 'log') body = <Scrolled lines={log} offset={logOffset} width={width} height={bodyRows} />;
  else if (pane === 'situation') body = <Situation obs={obs} width={width} height={bodyRows} />;
  else if (evidence && selected) body = <Evidence action={selected} width={width} height={bodyRows} />;
  else
    body = (
      <Orders forces={forces} signals={signals} selForce={selForce} selSignal={selSignal} focus={focus} width={width} height={bodyRows} />
    );
  const keys = props.busy
    ? 'Resolving the turn…'
    : confirming
      ? 'Enter/y confirm · Esc/n back (undo)'
      : pane === 'orders'
        ? '↑↓ choose · Space force/signal · Enter send · e evidence · Tab panes · ? help'
        : pane === 'goals' || pane === 'log'
          ? '↑↓ PgUp PgDn scroll · Tab/1-5 panes · Enter orders · s save · ? help · q quit'
          : 'Tab/1-5 panes · l log · Enter orders · s save · ? help · q quit';
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={tone(side)}>
        {clip(header, width)}
      </Text>
      <Text>
        {PANES.map((p, i) => (
          <Text
            key={p}
            bold={p === pane}
            inverse={p === pane}
            color={p === pane ? undefined : tone('muted')}
          >{` ${i + 1} ${PANE_TITLES[p]} `}</Text>
        ))}
        <Text> </Text>
        <Text color={rungTone(obs.rung)}>{clip(`rung ${obs.rung}: ${rungName(obs.rung)}`, Math.max(0, width - 54))}</Text>
      </Text>
      <Box flexDirection="column" height={bodyRows}>
        {body}
      </Box>
      <Text color={tone('warn')}>{clip(props.status ?? ' ', width)}</Text>
      <Text color={tone('muted')}>{clip(keys, width)}</Text>
    </Box>
  );
}

function Briefing({
  obs,
  briefing,
  goals,
  width,
  height,
}: {
  obs: Observation;
  briefing: string;
  goals: ScoreView;
  width: number;
  height: number;
}) {
  const lines: string[] = [];
  if (obs.history.length === 0) {
    lines.push(...wrap(briefing, width));
    lines.push(
      '',
      ...wrap(
        `Your goals: ${goals.objectives
          .filter((o) => o.id !== OTHER)
          .map((o) => o.title)
          .join('; ')}. Score ${goals.total} of 100 now; press 4 for how it is counted.`,
        width,
      ),
    );
  } else {
    const last = obs.history[obs.history.length - 1]!;
    lines.push(`Last week (from ${last.date}): your order was "${orderLabel(last.ownOrder)}".`);
    const seen = seenOrderText(last.opponentOrder);
    lines.push(
      seen ? `The other side's order: ${seen}.` : "The other side's order: not visible to you (what it did shows in the counts below).",
    );
    lines.push(...weekCountLines(last));
    for (const e of obs.events.filter((ev) => ev.kind !== 'action')) lines.push(`• ${renderEvent(e)}`);
  }
  const intel = obs.intel.map((i) => `• ${intelLine(i)}`);
  const intelBlock = intel.length > 0 ? [' ', 'Intelligence (estimates; they can be wrong):', ...intel.flatMap((l) => wrap(l, width))] : [];
  const room = Math.max(1, height - intelBlock.length);
  return (
    <>
      {fitWhole(
        lines.map((l) => wrap(l, width)),
        room,
        (n) => `… ${n} more: press l for the log`,
      ).map((l, i) => (
        <Text key={`b${i}`}>{textRow(l)}</Text>
      ))}
      {intelBlock.map((l, i) => (
        <Text key={`i${i}`} color={i === 1 ? tone('accent') : undefined}>
          {clip(l, width)}
        </Text>
      ))}
    </>
  );
}

/**
 * The log of past turns, newest first: the intelligence read before each turn, both orders as this side
 * saw them, and the turn's visible events (analysis/turn-log.ts; every sentence from render.ts).
 */
function logLines(state: GameState, side: Side, width: number): { text: string; bold?: boolean }[] {
  const turns = turnLog(state, side);
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

function Situation({ obs, width, height }: { obs: Observation; width: number; height: number }) {
  // As wide as the longest rung, so that the column beside it keeps every column it can.
  const ladderWidth = Math.max(...RUNGS.map((r) => 4 + r.name.length));
  const right = Math.max(20, width - ladderWidth - 2);
  const ladder = [...RUNGS]
    .reverse()
    .slice(0, height)
    .map((r) => {
      const here = r.level === obs.rung;
      const mark = here ? '▶' : r.level === obs.peakRung ? '^' : ' ';
      return { level: r.level, text: clip(`${mark}${String(r.level).padStart(2)} ${r.name}`, ladderWidth), here };
    });
  const last = obs.history[obs.history.length - 1];
  const sum = (k: 'attacksOnUS' | 'usKilled' | 'usInjured' | 'houthiAttacks' | 'usStrikes') => obs.history.reduce((s, t) => s + t[k], 0);
  const p = obs.pressures;
  const pressureLines: [string, number][] = [
    [quantityName('usDomesticPressure'), p.usDomesticPressure],
    [quantityName('shippingDisruption'), p.shippingDisruption],
    [quantityName('withdrawalMomentum'), p.withdrawalMomentum],
  ];
  if (p.deterrence !== undefined) pressureLines.unshift([quantityName('deterrence'), p.deterrence]);
  if (p.iranWarFear !== undefined) pressureLines.unshift([quantityName('iranWarFear'), p.iranWarFear]);
  if (p.axisGains !== undefined) pressureLines.push([quantityName('axisGains'), p.axisGains]);
  const week = last ? weekCountLines(last) : undefined;
  const info: string[] = [
    ...(week ? ['Last week:', ...week] : ['No turn played yet.']),
    `Attacks on US by week: ${sparkline(obs.history.map((t) => t.attacksOnUS)) || '—'}`,
    `Houthi attacks by week: ${sparkline(obs.history.map((t) => t.houthiAttacks)) || '—'}`,
    `So far: ${sum('attacksOnUS')} attacks on US · ${sum('usKilled')} killed · ${sum('usInjured')} injured`,
    '',
    ...pressureLines.map(([label, v]) => `${label.padEnd(20)} ${bar(v, 10)} ${v.toFixed(2)}`),
  ];
  if (obs.partners) {
    // The militias as the envoys report them (an estimate, with its confidence); the others as known.
    const reads = obs.intel
      .filter((i) => i.subject.about === 'posture' && i.subject.actor !== 'us')
      .map((i) => `${intelSubject(i)}: ${intelReading(i)} (${i.confidence})`);
    info.push('', ...reads, ...obs.partners.map((pt) => `${ACTOR_NAMES[pt.actor]}: ${postureLabel(pt.actor, pt.posture)}`));
  }
  info.push('', `Your posture: ${obs.posture.meta.label}`);
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
        {situationLines(info, right, height).map((l, i) => (
          // An empty Text takes no row in Ink: a blank separator is a space.
          <Text key={i}>{textRow(clip(l, right))}</Text>
        ))}
      </Box>
    </Box>
  );
}

/** The situation's lines at this width; where they do not fit, the blank separators go before anything is cut. */
export function situationLines(info: readonly string[], width: number, height: number): string[] {
  const wrapped = info.flatMap((l) => (l.length > width ? wrapAtSeparators(l, width) : [l]));
  return fit(wrapped.length > height ? wrapped.filter((l) => l !== '') : wrapped, height);
}

interface OrdersProps {
  readonly forces: readonly ActionDef[];
  readonly signals: readonly ActionDef[];
  readonly selForce: number;
  readonly selSignal: number;
  readonly focus: Track;
  readonly width: number;
  readonly height: number;
}

/** The two lists side by side, the focused one marked `›`, the other's choice `•`; the focused action's detail below. */
function Orders({ forces, signals, selForce, selSignal, focus, width, height }: OrdersProps) {
  const a = focus === 'force' ? forces[selForce] : signals[selSignal];
  const force = forces[selForce];
  const signal = signals[selSignal];
  const rung = force && signal ? portfolioRung({ force: force.id, signal: signal.id }) : 0;
  const detail = a
    ? [
        ...wrap(a.description, width),
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
        text: clip(`${on ? (focused ? '›' : '•') : ' '} [${act.rung}] ${act.label}${act.offRecord ? ' *' : ''}`, col),
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
      <Text color={tone('muted')}>{clip(`your order acts at rung ${rung}: ${rungName(rung)}`, width)}</Text>
      {fit(detail, Math.max(1, height - listRows - 2)).map((l, i) => (
        <Text key={`d${i}`}>{l}</Text>
      ))}
    </>
  );
}

function Evidence({ action, width, height }: { action: ActionDef; width: number; height: number }) {
  const facts = loadEvidence().facts;
  const lines: string[] = [`Evidence for "${action.label}" (e or Esc to close)`];
  for (const id of action.cites) {
    const f = facts.get(id);
    lines.push(f ? `${id} · ${f.title}` : `${id} · (not in the evidence base)`);
    if (f) lines.push(...wrap(f.text, width - 2).map((l) => `  ${l}`));
  }
  return (
    <>
      {fit(lines, height).map((l, i) => (
        <Text key={i} bold={i === 0}>
          {clip(l, width)}
        </Text>
      ))}
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
      <Text>{clip(`Together: rung ${rung}, ${rungName(rung)}`, width)}</Text>
      <Text> </Text>
      <Text>{clip('Enter or y: send the order · Esc or n: go back and choose again', width)}</Text>
    </>
  );
}
