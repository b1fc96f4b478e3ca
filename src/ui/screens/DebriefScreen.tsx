/**
 * The end: verdict and scores, turning points with their causes, a timeline of the ladder and the
 * attacks, what actually happened (historical scenarios) and questions, one page at a time. All the
 * content comes from buildDebrief (src/debrief); this screen lays it out.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { useState } from 'react';
import type { Debrief } from '../../analysis/debrief/debrief.ts';
import type { Side } from '../../model/actions.ts';
import { rungName } from '../../model/ladder.ts';
import { clip, fit, wrap } from '../text.ts';
import { rungTone, tone } from '../theme.ts';

type Page = 'verdict' | 'turning' | 'timeline' | 'record' | 'questions';
const TITLES: Record<Page, string> = { verdict: 'Verdict', turning: 'Turning points', timeline: 'Timeline', record: 'The record', questions: 'Discuss' };

export interface DebriefProps {
  readonly debrief: Debrief;
  /** The sides the human played (their score comes first). */
  readonly sides: readonly Side[];
  readonly cols: number;
  readonly rows: number;
  readonly status?: string;
  readonly active?: boolean;
  onQuit(): void;
  onHelp(): void;
}

export function DebriefScreen(props: DebriefProps) {
  const { debrief: d, cols, rows } = props;
  const pages: Page[] = ['verdict', 'turning', 'timeline', ...(d.comparison ? ['record' as const] : []), 'questions'];
  const [page, setPage] = useState(0);
  useKeys((input, key) => {
    if (input === 'q') return props.onQuit();
    if (input === '?') return props.onHelp();
    const n = Number(input);
    if (n >= 1 && n <= pages.length) return setPage(n - 1);
    if (key.rightArrow || key.tab || key.return || input === ' ') setPage((p) => (p + 1) % pages.length);
    if (key.leftArrow) setPage((p) => (p - 1 + pages.length) % pages.length);
  }, { isActive: props.active !== false });
  const width = Math.max(30, cols - 1);
  const height = Math.max(6, rows - 5);
  const current = pages[page]!;
  const lines = pageLines(d, current, props.sides, width);
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={tone('accent')}>{clip(`Debrief · ${d.scenario.title} · seed ${d.scenario.seed}`, width)}</Text>
      <Text>
        {pages.map((p, i) => (
          <Text key={p} inverse={i === page} bold={i === page} color={i === page ? undefined : tone('muted')}>{` ${i + 1} ${TITLES[p]} `}</Text>
        ))}
      </Text>
      <Box flexDirection="column" height={height}>
        {fit<Line>(lines, height).map((l: Line, i) => <Text key={i} bold={l.bold} color={l.color}>{clip(l.text, width)}</Text>)}
      </Box>
      <Text color={tone('warn')}>{clip(props.status ?? ' ', width)}</Text>
      <Text color={tone('muted')}>{clip('← → or 1-5 pages · ? help · q quit', width)}</Text>
    </Box>
  );
}

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly color?: string | undefined;
}

const plain = (text: string): Line => ({ text });

function pageLines(d: Debrief, page: Page, sides: readonly Side[], width: number): Line[] {
  const para = (text: string, indent = ''): Line[] => wrap(text, width - indent.length).map((t) => plain(indent + t));
  switch (page) {
    case 'verdict': {
      const order: Side[] = [...sides, ...(['us', 'iran'] as const).filter((s) => !sides.includes(s))];
      const out: Line[] = [{ text: `Verdict: ${d.verdict.title}${d.final ? '' : ' (as things stand)'}`, bold: true, color: tone(d.verdict.id === 'regional-war' ? 'danger' : 'ok') }];
      out.push(...para(d.verdict.explanation));
      out.push(plain(`Scores: US ${d.scores.us} · Iran ${d.scores.iran} · peak rung ${d.peakRung} ${rungName(d.peakRung)}`));
      for (const s of order) {
        out.push({ text: `${s === 'us' ? 'United States' : 'Iran'}: ${d.scores[s]}${sides.includes(s) ? ' (you)' : ''}`, bold: true });
        for (const l of d.breakdown[s]) out.push(plain(`  ${l.points >= 0 ? '+' : ''}${l.points.toFixed(1).padStart(6)}  ${l.label} [${l.cites.join(', ')}]`));
      }
      return out;
    }
    case 'turning': {
      if (d.turningPoints.length === 0) return [plain('No single event moved this game much.')];
      const out: Line[] = [];
      for (const tp of d.turningPoints) {
        out.push({ text: `${tp.date} (turn ${tp.turn + 1}) ${tp.text}`, bold: true });
        for (const c of tp.chain.slice(0, 2)) out.push(...para(`← ${c}`, '   '));
        if (tp.concepts.length > 0) out.push({ text: `   concepts: ${tp.concepts.join(', ')}`, color: tone('muted') });
      }
      return out;
    }
    case 'timeline': {
      const out: Line[] = [{ text: `${'date'.padEnd(11)} ${'ladder (rung)'.padEnd(24)} attacks houthi killed`, bold: true }];
      for (const r of d.timeline) {
        out.push({ text: `${r.date.padEnd(11)} ${`${'█'.repeat(r.rung + 1)} ${r.rung}`.padEnd(24)} ${String(r.attacksOnUS).padStart(7)} ${String(r.houthiAttacks).padStart(6)} ${String(r.usKilled).padStart(6)}`, color: rungTone(r.rung) });
      }
      const t = d.totals;
      out.push(plain(''), plain(`Totals: ${t.attacksOnUS} attacks on US forces, ${t.usKilled} US killed, ${t.usStrikes} US strikes, ${t.houthiAttacks} Houthi attacks`));
      return out;
    }
    case 'record': {
      const c = d.comparison!;
      const out: Line[] = [{ text: 'What actually happened', bold: true }, ...para(c.summary)];
      if (c.figures.length > 0) {
        out.push({ text: `${'figure'.padEnd(34)} ${'this game'.padEnd(12)} record`, bold: true });
        for (const f of c.figures) out.push(plain(`${clip(f.label, 34).padEnd(34)} ${f.game.padEnd(12)} ${f.actual}`));
      }
      for (const e of c.events) out.push(plain(`${e.date} ${e.text} [${e.cites.join(', ')}]`));
      return out;
    }
    case 'questions': {
      const out: Line[] = [{ text: 'Questions for discussion', bold: true }];
      d.questions.forEach((q, i) => out.push(...para(`${i + 1}. ${q}`)));
      if (d.concepts.length > 0) {
        out.push(plain(''), { text: 'Concepts at work', bold: true });
        for (const c of d.concepts) out.push(...para(`${c.name} (turns ${c.turns.map((t) => t + 1).join(', ')}): ${c.explanation}`));
      }
      return out;
    }
  }
}
