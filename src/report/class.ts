/**
 * The class report (`brink report --games SAVES…`): the games a class played on one scenario and one
 * seed, side by side. Same seed means same dice, so where two groups' games differ, their choices made
 * the difference. Each game is set beside the record (what actually happened, for a historical
 * scenario) and beside the Monte Carlo distribution of the same scenario (where in the spread of bot
 * games each group's result falls). Every game's account is its debrief (buildDebrief), rendered by
 * story.ts: nothing here re-derives what happened in a game.
 */
import type { BatchJson } from '../batch/contract.ts';
import type { Debrief } from '../analysis/debrief/debrief.ts';
import type { PlaySide } from '../engine/save.ts';
import type { Decisions } from '../engine/state.ts';
import { chanceText, NOT_A_CONTEST, orderLabel, scoreText } from '../analysis/render.ts';
import { metricValueText, shareText } from '../batch/charts.ts';
import type { Scenario } from '../scenario/schema.ts';
import { addDays } from '../scenario/calendar.ts';
import { OUTCOME_LABELS, SHOWN_OUTCOMES, outcomeFigure } from './html.ts';
import { dateHtml, esc, intervalHtml, limitationsSection, nameHtml, page, table } from './page.ts';
import { storyHtml } from './story.ts';
import { DIFFICULTY_LEVELS } from '../policies/difficulty.ts';
import { bandsWordsFor } from '../analysis/uncertainty/distribution.ts';
import { paramsText } from '../batch/params-arg.ts';

export interface ClassGame {
  /** The group's save file's name (without .save.json): set small under the group's title, which says what the save holds. */
  readonly name: string;
  readonly side: PlaySide;
  /** The bot the group played against (null in hot-seat). */
  readonly opponent: string | null;
  /** The orders of each turn played, in order. */
  readonly decisions: readonly Decisions[];
  readonly debrief: Debrief;
}

export interface ClassReportInput {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly games: readonly ClassGame[];
  /** The Monte Carlo batch of the same scenario the games are set beside. */
  readonly batch: BatchJson;
}

const played = (g: ClassGame) =>
  g.side === 'both' ? 'US and Iran (hot-seat)' : `${g.side === 'us' ? 'US' : 'Iran'} against the ${g.opponent ?? 'bot'} bot`;

/** The bot a group played against as the set-up names it: its level ("Hard", "Normal"), else the bot ("hawk bot"). */
const opponentText = (policy: string | null) => DIFFICULTY_LEVELS.find((l) => l.policy === policy)?.label ?? `${policy ?? 'a'} bot`;

/** A group by what its save holds: the side it played, against which level, and the seed ("Iran vs Hard · seed 7"). */
export function groupTitle(g: Pick<ClassGame, 'side' | 'opponent'>, seed: string): string {
  const who = g.side === 'both' ? 'US and Iran, hot-seat' : `${g.side === 'us' ? 'US' : 'Iran'} vs ${opponentText(g.opponent)}`;
  return `${who} · seed ${seed}`;
}

/**
 * A group as a table names it: its title in bold, and under it, smaller, its save file's name (also the
 * title's tooltip), which tells apart two groups whose saves hold the same side, level and seed.
 */
export function groupHtml(g: Pick<ClassGame, 'name' | 'side' | 'opponent'>, seed: string): string {
  return `<b title="${esc(g.name)}">${esc(groupTitle(g, seed))}</b><br><span class="fname">${nameHtml(g.name)}</span>`;
}

/** The headline figures, each read from a debrief and from the batch's summary of the same metric. */
const FIGURES: readonly { readonly label: string; readonly of: (d: Debrief) => number; readonly metric: keyof BatchJson['metrics'] }[] = [
  { label: 'US score', of: (d) => d.scores.us, metric: 'scoreUS' },
  { label: 'Iran score', of: (d) => d.scores.iran, metric: 'scoreIran' },
  { label: 'Attacks on US forces', of: (d) => d.totals.attacksOnUS, metric: 'attacksOnUS' },
  { label: 'US deaths', of: (d) => d.totals.usKilled, metric: 'usKilled' },
  { label: 'US strikes outside Yemen', of: (d) => d.totals.usStrikes, metric: 'usStrikes' },
  { label: 'Houthi attacks', of: (d) => d.totals.houthiAttacks, metric: 'houthiAttacks' },
  { label: 'Peak escalation rung', of: (d) => d.peakRung, metric: 'peakRung' },
];

/** Where a value falls in the bot games' spread, in words a class can read. */
function place(v: number, s: { p5: number; p50: number; p95: number }): string {
  if (v < s.p5) return 'lower than 95 % of bot games';
  if (v > s.p95) return 'higher than 95 % of bot games';
  if (v === s.p50) return 'at the median';
  return v < s.p50 ? 'lower half' : 'upper half';
}

function sideBySide(games: readonly ClassGame[], seed: string, turns: number): string {
  return table(
    [
      'Group',
      'Played',
      'Verdict',
      'US score',
      'Iran score',
      'Attacks on US forces',
      'US deaths',
      'US strikes',
      'Houthi attacks',
      'Peak rung',
      'Chance of war',
    ],
    games.map((g) => {
      const d = g.debrief;
      return [
        groupHtml(g, seed),
        esc(played(g)),
        // The turns played are said only where they fall short (a column of them took the width of the chance of war).
        esc(d.verdict.title) + (d.final ? '' : ` <span class="pill">unfinished: ${d.timeline.length} of ${turns} turns</span>`),
        scoreText(d.scores.us),
        scoreText(d.scores.iran),
        String(d.totals.attacksOnUS),
        String(d.totals.usKilled),
        String(d.totals.usStrikes),
        String(d.totals.houthiAttacks),
        String(d.peakRung),
        // The odds the group's orders ran, war or no war (analysis/war-odds.ts): a calm game can have run high ones.
        chanceText(d.warOdds.chance),
      ];
    }),
    3,
  );
}

/** Each turn's orders, one column per group; the orders the group gave (not its bot's) in bold. */
function choices(games: readonly ClassGame[], scenario: Scenario, seed: string): string {
  const turns = Math.max(0, ...games.map((g) => g.decisions.length));
  const cell = (g: ClassGame, t: number) => {
    const d = g.decisions[t];
    if (!d) return '<span class="note">not played</span>';
    const mark = (side: 'us' | 'iran', text: string) =>
      g.side === side || g.side === 'both' ? `<b>${text}</b>` : `${text} <span class="note">(bot)</span>`;
    return `${mark('us', `US: ${esc(orderLabel(d.us))}`)}<br>${mark('iran', `Iran: ${esc(orderLabel(d.iran))}`)}`;
  };
  const rows = Array.from({ length: turns }, (_, t) => [
    `${t + 1}<br><span class="note">${dateHtml(addDays(scenario.start, t * scenario.daysPerTurn))}</span>`,
    ...games.map((g) => cell(g, t)),
  ]);
  return table(['Turn', ...games.map((g) => groupHtml(g, seed))], rows, games.length + 1);
}

function besideBatch(games: readonly ClassGame[], batch: BatchJson, seed: string): string {
  const rows = FIGURES.map((f) => {
    const s = batch.metrics[f.metric];
    const text = (x: number) => metricValueText(f.metric, x);
    return [
      esc(f.label),
      `${text(s.p5)} · <b>${text(s.p50)}</b> · ${text(s.p95)}`,
      // A game stopped early is not set against whole bot games: its totals cover fewer weeks.
      ...games.map(
        (g) =>
          `${text(f.of(g.debrief))}<br><span class="note">${g.debrief.final ? place(f.of(g.debrief), s) : `unfinished (${g.decisions.length} of ${batch.turns} turns): not ranked`}</span>`,
      ),
    ];
  });
  const finished = games.filter((g) => g.debrief.final);
  const verdictRows = SHOWN_OUTCOMES.map((k) => {
    const o = batch.outcomes[k];
    const hit = finished.filter((g) => (k === 'usFatality' ? g.debrief.totals.usKilled > 0 : `verdict:${g.debrief.verdict.id}` === k));
    return [
      esc(OUTCOME_LABELS[k]),
      `${shareText(o.p)} <span class="note">(${intervalHtml(shareText(o.ci95[0]), shareText(o.ci95[1]))})</span>`,
      `${hit.length} of ${finished.length}${finished.length < games.length ? ' finished' : ''}`,
      hit.map((g) => groupHtml(g, seed)).join('<br>'),
    ];
  });
  return `${table(['Figure', `Bot games: 5 % · median · 95 %`, ...games.map((g) => groupHtml(g, seed))], rows)}
${table(['Outcome', `Share of the ${batch.runs} bot games`, 'Class games', 'Which'], verdictRows, 1, [3])}
${outcomeFigure(batch)}`;
}

function besideRecord(games: readonly ClassGame[], scenario: Scenario, seed: string): string {
  const withComparison = games.filter((g) => g.debrief.comparison);
  const first = withComparison[0]?.debrief.comparison;
  if (!scenario.actual || !first) {
    return '<p class="note">This scenario is a what-if: there is no record to set the games beside.</p>';
  }
  const rows = first.figures.map((f, i) => [
    esc(f.label),
    esc(f.actual),
    ...games.map((g) => esc(g.debrief.comparison?.figures[i]?.game ?? '–')),
  ]);
  const events = scenario.actual.events.map(
    (e) =>
      `<li><span class="when">${dateHtml(e.date)}</span> ${esc(e.text)} <span class="note nw">[${e.cites.map(esc).join(', ')}]</span></li>`,
  );
  return `<p>${esc(scenario.actual.summary)}</p>
<ul class="timeline">${events.join('')}</ul>
${table(['Figure', 'Record', ...games.map((g) => groupHtml(g, seed))], rows, 2)}`;
}

export function renderClassReport({ scenario, seed, games, batch }: ClassReportInput): string {
  const params = paramsText(batch.params);
  const stories = games.map(
    (g, i) =>
      `<details><summary>${esc(groupTitle(g, seed))} (${esc(g.name)}): ${esc(g.debrief.verdict.title)}, US ${scoreText(g.debrief.scores.us)} · Iran ${scoreText(g.debrief.scores.iran)}</summary>` +
      storyHtml(g.debrief, {
        id: `group-${i}`,
        heading: `${groupTitle(g, seed)}: ${played(g)} (${g.name})`,
        why: `Seed ${seed}; ${g.decisions.length} of ${scenario.turns} turns played.`,
      }) +
      '</details>',
  );
  return page(
    `Brink class report: ${scenario.title}`,
    `<h1>Brink · class games · ${esc(scenario.title)}</h1>
<p class="sub">Scenario <b>${esc(scenario.id)}</b> (${esc(scenario.hash)}) · seed <b>${esc(seed)}</b> · ${games.length} game${games.length === 1 ? '' : 's'} ·
beside ${batch.runs} bot games (US <b>${esc(batch.policies.us)}</b>, Iran <b>${esc(batch.policies.iran)}</b>, seed ${esc(batch.seed)})${params ? ` · parameters ${esc(params)}` : ''}</p>
<p class="note">Every group played with the same seed, so the same dice: where two games differ, the groups' choices made the difference.
A model of what four news reports say, not a forecast: see <a href="#limits">what this model is, and is not</a>.</p>

<h2>The games side by side</h2>
<p class="note">${esc(NOT_A_CONTEST)}</p>
${sideBySide(games, seed, scenario.turns)}

<h2>The choices, turn by turn</h2>
<p class="note">In bold, the orders a group gave; the others are its bot opponent's.</p>
${choices(games, scenario, seed)}

<h2>Beside what actually happened</h2>
${besideRecord(games, scenario, seed)}

<h2>Beside the Monte Carlo distribution</h2>
<p class="note">The same scenario played ${batch.runs} times by the bots (game i with seed "${esc(batch.seed)}:i"). For each figure: the bot games' 5th percentile, median and 95th percentile, and where each group's game falls.</p>
<p class="note">${esc(bandsWordsFor(batch.uncertainty.mode, batch.uncertainty.distribution))}${
      batch.uncertainty.mode === 'none'
        ? ''
        : " The groups' games were played at the point values: the bot games' spread also holds what we do not know about the parameters, so it is wider than the dice alone would make it."
    }</p>
${besideBatch(games, batch, seed)}

<section class="screen-only">
<h2>Each group's game</h2>
<p class="note">Each group's debrief: turning points and their causes (on screen only; print a group's from its own game).</p>
${stories.join('\n')}
</section>

${limitationsSection()}`,
  );
}
