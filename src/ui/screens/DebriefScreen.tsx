/**
 * The end: verdict and scores, turning points with their causes, a timeline of the ladder and the
 * attacks, what your intelligence said beside what was true, what actually happened (historical
 * scenarios) and questions, one page at a time. All the
 * content comes from buildDebrief (src/analysis/debrief); this screen lays it out.
 */
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.ts';
import { useState } from 'react';
import {
  beliefSummary,
  beliefsHeading,
  decisionLine,
  turningPointCauses,
  turningPointConcepts,
  turnLabel,
  type Debrief,
} from '../../analysis/debrief/debrief.ts';
import { reachText } from '../../analysis/debrief/comparison.ts';
import { chanceText, scoresLines, scoreText, totalsText, verdictDanger } from '../../analysis/render.ts';
import { warOddsLine } from '../../analysis/war-odds.ts';
import { scoreGroups } from '../../analysis/score-groups.ts';
import { breakdownLines } from '../goals.ts';
import type { Side } from '../../model/actions.ts';
import { scrollBy, windowOf } from '../scroll.ts';
import { SIDE_NAMES } from '../session.ts';
import { clip, hang, joinHints, rungBar, statusLines, textRow, wrap } from '../text.ts';
import { rungTone, tone } from '../theme.ts';

/** The verdict's colour says how near war the game ended, never who won (the scores are not a contest). */
function verdictColor(id: Debrief['verdict']['id']): string | undefined {
  const danger = verdictDanger(id);
  return danger === 'war' ? tone('danger') : danger === 'brink' ? tone('warn') : undefined;
}

type Page = 'verdict' | 'turning' | 'timeline' | 'beliefs' | 'record' | 'questions';
const TITLES: Record<Page, string> = {
  verdict: 'Verdict',
  turning: 'Turning points',
  timeline: 'Timeline',
  beliefs: 'Beliefs',
  record: 'The record',
  questions: 'Discuss',
};

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
  /**
   * The final week as each human side saw it (analysis/counts.ts lastWeekLines): the game ends on that turn, so
   * no briefing ever shows it. Shown on the verdict page, under the verdict.
   */
  readonly lastWeek?: readonly { readonly side: Side; readonly date: string; readonly lines: readonly string[] }[];
  /** Saves the finished game (`s`); absent where there is nothing to save. */
  onSave?(): void;
}

/** The debrief's pages: the record's page only where the debrief compares the game with it (historical scenarios). */
export function debriefPages(d: Pick<Debrief, 'comparison'>): Page[] {
  return ['verdict', 'turning', 'timeline', 'beliefs', ...(d.comparison ? ['record' as const] : []), 'questions'];
}

export function DebriefScreen(props: DebriefProps) {
  const { debrief: d, cols, rows } = props;
  const pages = debriefPages(d);
  const [page, setPage] = useState(0);
  const [offset, setOffset] = useState(0);
  const width = Math.max(30, cols - 1);
  // The status wraps (a save's file name is read whole); the page gives up the rows it takes.
  const status = statusLines(props.status, width);
  const height = Math.max(3, rows - 4 - status.length);
  const current = pages[page]!;
  const lines = pageLines(d, current, props.sides, width, props.lastWeek ?? []);
  const turn = (to: number) => {
    setPage((to + pages.length) % pages.length);
    setOffset(0);
  };
  useKeys(
    (input, key) => {
      if (input === 'q') return props.onQuit();
      if (input === '?') return props.onHelp();
      if (input === 's' && props.onSave) return props.onSave();
      const n = Number(input);
      if (n >= 1 && n <= pages.length) return turn(n - 1);
      // Shift-Tab goes back, as it does through the panes of a turn.
      if (key.leftArrow || (key.tab && key.shift)) return turn(page - 1);
      if (key.rightArrow || key.tab || key.return) return turn(page + 1);
      const next = scrollBy(offset, key, input, lines.length, height);
      if (next !== undefined) setOffset(next);
    },
    { isActive: props.active !== false },
  );
  const { shown, above, below } = windowOf(lines, offset, height);
  // Every tab's title when they fit; on a narrow terminal, numbers and the current page's title.
  const tabs = { full: pages.reduce((n, p, i) => n + ` ${i + 1} ${TITLES[p]} `.length, 0) <= width };
  // Where the footer is short, whole hints go, the least needed first; "? help" lists them all.
  const keys = joinHints(
    [
      ...(above + below > 0 ? [[`${above + 1}–${above + shown.length} of ${lines.length}`, 6] as const, ['↑↓ PgUp PgDn', 3] as const] : []),
      [`← → Enter 1-${pages.length} pages`, 5],
      ...(props.onSave ? [['s save', 4] as const] : []),
      ['? help', 9],
      ['q quit', 4],
    ],
    width,
  );
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={tone('accent')}>
        {clip(`Debrief · ${d.scenario.title} · seed ${d.scenario.seed}`, width)}
      </Text>
      <Text>
        {pages.map((p, i) => (
          <Text key={p} inverse={i === page} bold={i === page} color={i === page ? undefined : tone('muted')}>
            {tabs.full || i === page ? ` ${i + 1} ${TITLES[p]} ` : ` ${i + 1} `}
          </Text>
        ))}
      </Text>
      <Box flexDirection="column" height={height}>
        {shown.map((l: Line, i) => (
          <Text key={i} bold={l.bold} color={l.color}>
            {textRow(clip(l.text, width))}
          </Text>
        ))}
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

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly color?: string | undefined;
}

const plain = (text: string): Line => ({ text });

function pageLines(d: Debrief, page: Page, sides: readonly Side[], width: number, lastWeek: NonNullable<DebriefProps['lastWeek']>): Line[] {
  const para = (text: string, indent = ''): Line[] => wrap(text, width - indent.length).map((t) => plain(indent + t));
  /** `head` then `text` wrapped, the wrapped lines hanging under the text's words (text.ts hang). */
  const hung = (head: string, text: string): Line[] => hang(head, text, width).map(plain);
  switch (page) {
    case 'verdict': {
      const order: Side[] = [...sides, ...(['us', 'iran'] as const).filter((s) => !sides.includes(s))];
      const out: Line[] = [
        {
          text: `Verdict: ${d.verdict.title}${d.final ? '' : ' (as things stand)'}`,
          bold: true,
          color: verdictColor(d.verdict.id),
        },
      ];
      out.push(...para(d.verdict.explanation));
      const [scores, notContest] = scoresLines(d.scores, d.peakRung);
      out.push(...para(scores));
      for (const w of lastWeek) {
        const whose = lastWeek.length > 1 ? `, as ${SIDE_NAMES[w.side]} saw it` : '';
        out.push(plain(''), { text: `The last week (from ${w.date})${whose}:`, bold: true });
        for (const l of w.lines) out.push(...hung('  ', l));
      }
      if (lastWeek.length > 0) out.push(plain(''));
      for (const s of order) {
        out.push({ text: `${SIDE_NAMES[s]}: ${scoreText(d.scores[s])}${sides.includes(s) ? ' (you)' : ''}`, bold: true });
        // As the Goals pane breaks it down during the game: one function for both.
        out.push(...breakdownLines(scoreGroups(d.breakdown[s]), width, (l) => l.label));
      }
      // What the two scores are, under both breakdowns (the first screen keeps the verdict, the scores and yours).
      out.push(...para(notContest));
      // After the score lines, which it weighs against each other (the text debrief's own line).
      out.push(plain(''), ...para(decisionLine(d)));
      return out;
    }
    case 'turning': {
      if (d.turningPoints.length === 0) return [plain('No single event moved this game much.')];
      const out: Line[] = [];
      for (const tp of d.turningPoints) {
        out.push(...hung(`${tp.date} (turn ${tp.turn + 1}) `, tp.text).map((l) => ({ ...l, bold: true })));
        // Every cause the text debrief prints (turningPointCauses), each wrapped under its own words.
        for (const c of turningPointCauses(tp)) out.push(...hung('   ', c));
        const concepts = turningPointConcepts(tp);
        if (concepts) out.push(...hung('   ', concepts).map((l) => ({ ...l, color: tone('muted') })));
      }
      return out;
    }
    case 'timeline': {
      const out: Line[] = [{ text: `${'date'.padEnd(11)} ${'ladder (rung)'.padEnd(24)} attacks houthi killed  war %`, bold: true }];
      for (const r of d.timeline) {
        out.push({
          text: `${r.date.padEnd(11)} ${`${rungBar(r.rung)} ${r.rung}`.padEnd(24)} ${String(r.attacksOnUS).padStart(7)} ${String(r.houthiAttacks).padStart(6)} ${String(r.usKilled).padStart(6)} ${chanceText(r.warChance).padStart(6)}`,
          color: rungTone(r.rung),
        });
      }
      out.push(plain(''), ...para(`Totals: ${totalsText(d.totals)}`), ...para(warOddsLine(d.warOdds)));
      return out;
    }
    case 'beliefs': {
      const out: Line[] = [];
      for (const s of sides) {
        out.push({ text: beliefsHeading(s), bold: true });
        const summary = beliefSummary(d.beliefs[s]);
        if (!summary) {
          out.push(plain('No intelligence report reached you before a turn.'));
          continue;
        }
        out.push(...para(`Your intelligence: ${summary}.`));
        for (const t of d.beliefs[s]) {
          out.push({ text: `${t.date} (turn ${t.turn + 1})`, color: tone('muted') });
          for (const b of t.items) {
            const head = b.right ? '  right  ' : '  WRONG  ';
            const text = b.right
              ? `${b.subject}: ${b.believed} (${b.confidence})`
              : `${b.subject}: you read ${b.believed} (${b.confidence}); it was ${b.truth}`;
            out.push(...hung(head, text).map((l) => ({ ...l, color: b.right ? undefined : tone('warn') })));
          }
        }
      }
      return out;
    }
    case 'record': {
      const c = d.comparison!;
      const out: Line[] = [{ text: 'What actually happened', bold: true }, ...para(c.summary)];
      // The record's dated events first (as in the text debrief), then this game's figures beside the record's.
      for (const e of c.events) out.push(...hung(`${e.date} `, `${e.text} [${e.cites.join(', ')}]`));
      if (c.reach) out.push(...para(reachText(c.reach)));
      if (c.figures.length > 0) {
        // Columns as wide as their widest cell; the record's column wraps under itself.
        const gw = Math.max('this game'.length, ...c.figures.map((f) => f.game.length));
        const lw = Math.min(34, Math.max('figure'.length, ...c.figures.map((f) => f.label.length)));
        const indent = ' '.repeat(lw + gw + 2);
        out.push({ text: `${'figure'.padEnd(lw)} ${'this game'.padEnd(gw)} record`, bold: true });
        for (const f of c.figures) {
          // Both the figure's name and the record wrap within their columns: nothing is cut off.
          const rec = wrap(f.actual, Math.max(10, width - indent.length));
          // A figure's name that wraps continues two columns in, under its first word's line.
          const label = wrap(f.label, lw, lw - 2).map((l, i) => (i === 0 ? l : `  ${l}`));
          for (let i = 0; i < Math.max(rec.length, label.length); i++) {
            out.push(plain(`${(label[i] ?? '').padEnd(lw)} ${(i === 0 ? f.game : '').padEnd(gw)} ${rec[i] ?? ''}`.trimEnd()));
          }
        }
      }
      return out;
    }
    case 'questions': {
      const out: Line[] = [{ text: 'Questions for discussion', bold: true }];
      d.questions.forEach((q, i) => out.push(...hung('', `${i + 1}. ${q}`)));
      if (d.concepts.length > 0) {
        out.push(plain(''), { text: 'Concepts at work', bold: true });
        for (const c of d.concepts) out.push(...para(`${c.name} (${turnLabel(c.turns)}): ${c.explanation}`));
      }
      return out;
    }
  }
}
