/**
 * The classroom report for a batch: one self-contained HTML file (page.ts: inline CSS, no scripts, no
 * network) that reads on a projector, a phone and paper. It renders the Monte Carlo layer's own JSON
 * contracts (brink.batch/1 and brink.compare/1, src/batch/contract.ts), so it shows exactly the
 * numbers `brink batch --json` and `brink compare --json` print: how each game ended with 95 %
 * intervals, two single games told in full (the median one and a notable one, stories.ts), per-turn
 * fan charts, the paired B − A differences of a comparison when given, what the model is and is not,
 * and the provenance of the assumptions that drive the result.
 */
import type { SensitivityJson } from '../analysis/sensitivity/contract.ts';
import { bandsWordsFor } from '../analysis/uncertainty/distribution.ts';
import type { BatchJson, CompareJson } from '../batch/contract.ts';
import { paramFlags, paramsText } from '../batch/params-arg.ts';
import { METRIC_NAMES, SCORE_NAMES, SERIES_NAMES, type SeriesName } from '../batch/record.ts';
import { PARAM_SPECS, isParamId, type ParamId } from '../model/params.ts';
import { factById } from '../model/evidence.ts';
import { rungName } from '../model/ladder.ts';
import type { Scenario } from '../scenario/schema.ts';
import { addDays } from '../scenario/calendar.ts';
import { meanText, metricValueText, pairedMeanTexts, shareText } from '../batch/charts.ts';
import { differenceBars, fanChart, figure, shareBars } from './charts.ts';
import { commandHtml, dateHtml, esc, intervalHtml, limitationsSection, page, table } from './page.ts';
import { sensitivitySection } from './sensitivity.ts';
import {
  compareIntervalsNote,
  fewPairsNote,
  METRIC_LABELS,
  NO_PAIR_DIFFERED,
  noPairDiffered,
  OUTCOME_LABELS,
  SHOWN_OUTCOMES,
} from '../batch/labels.ts';
import type { ChosenGame, Stories } from './stories.ts';
import { storyHtml } from './story.ts';
import { NOT_A_CONTEST } from '../analysis/render.ts';
import { drawnRangeText, type DrawnRange } from '../analysis/calibration/shifts.ts';
import { isDrawn, PRIORS } from '../model/priors.ts';

export { esc } from './page.ts';

export { METRIC_LABELS, OUTCOME_LABELS, SHOWN_OUTCOMES } from '../batch/labels.ts';

/**
 * Each series' title and the unit of its y axis (all are counts, or the ladder's rung); for a quantity
 * with a most it can be in a turn, that most, given the days in a turn: its axis ends there (countTicks).
 */
const SERIES_LABELS: Readonly<
  Record<SeriesName, { readonly title: string; readonly unit: string; readonly bound?: (daysPerTurn: number) => number }>
> = {
  attacksOnUS: { title: 'Attacks on US forces', unit: 'attacks per turn' },
  attacksOnUSIraq: { title: 'Attacks on US forces in Iraq', unit: 'attacks per turn' },
  attacksOnUSSyria: { title: 'Attacks on US forces in Syria', unit: 'attacks per turn' },
  attacksOnUSJordan: { title: 'Attacks on US forces in Jordan', unit: 'attacks per turn' },
  usKilled: { title: 'US deaths, running total', unit: 'deaths since the start' },
  usInjured: { title: 'US injured', unit: 'injured per turn' },
  usStrikes: { title: 'US strikes outside Yemen', unit: 'strikes per turn' },
  houthiAttacks: { title: 'Houthi attacks', unit: 'attacks per turn' },
  // A day of fire is counted once however much fire it saw: a turn holds at most its days.
  hezbollahFireDays: { title: 'Days of Hezbollah fire', unit: 'days of fire per turn', bound: (days) => days },
  rung: { title: 'Escalation rung at turn end', unit: 'ladder rung' },
};

/** Series drawn cumulative rather than per turn (deaths are rare: the running total reads better). */
const CUMULATIVE: ReadonlySet<SeriesName> = new Set(['usKilled']);

/**
 * The assumptions that drive the headline results, with why: the attack tempo and its lethality set
 * the death risk; compliance and the deterrence terms set how fast a halt takes and holds; the war
 * hazard terms set the regional-war probability; the US threshold sets when the US strikes.
 */
export const DRIVERS: readonly ParamId[] = [
  'militiaAttackRate',
  'fatalityPerAttack',
  'complianceBase',
  'complianceEnvoyBonus',
  'deterrenceHalfLife',
  'deterrenceEffect',
  'provocationEffect',
  'warShockBase',
  'warHazardPerRung',
  'warDurationHazard',
  'usStrikeThreshold',
  'iranAnswersHomelandStrike',
];

/** Signed percentage points, for differences of probabilities: "+4.0 pp". */
const pp = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

type Arm = CompareJson['a'];

/** What an arm is, in full: scenario, bots and parameter overrides. */
function armText(arm: Arm): string {
  const params = paramsText(arm.params);
  return `${arm.scenario.id} · US ${arm.policies.us} · Iran ${arm.policies.iran}${params ? ` · ${params}` : ''}`;
}

/** A short name for an arm: only what sets it apart from the other arm (the whole arm if nothing does). */
export function armLabel(arm: Arm, other: Arm): string {
  const parts: string[] = [];
  if (arm.scenario.id !== other.scenario.id || arm.scenario.hash !== other.scenario.hash) parts.push(arm.scenario.id);
  if (arm.policies.us !== other.policies.us) parts.push(`US ${arm.policies.us}`);
  if (arm.policies.iran !== other.policies.iran) parts.push(`Iran ${arm.policies.iran}`);
  const keys = [...new Set([...Object.keys(arm.params), ...Object.keys(other.params)])].sort();
  for (const k of keys) {
    if (arm.params[k] === other.params[k]) continue;
    parts.push(arm.params[k] === undefined ? `${k} default` : `${k}=${arm.params[k]}`);
  }
  return parts.length ? parts.join(', ') : armText(arm);
}

function compareSection(c: CompareJson, batch: BatchJson): string {
  const la = armLabel(c.a, c.b);
  const lb = armLabel(c.b, c.a);
  const noPair = `<span class="note">${esc(NO_PAIR_DIFFERED)}</span>`;
  const outcomeRows = SHOWN_OUTCOMES.map((k) => {
    const o = c.outcomes[k];
    return [
      `${esc(OUTCOME_LABELS[k])} <code>${esc(k)}</code>`,
      shareText(o.a.p),
      shareText(o.b.p),
      pp(o.diff.mean),
      // Newcombe's interval is not [0, 0] when no pair differed: it is centred on 0, and the words say why.
      `${pp(o.diff.ci95[0])} to ${pp(o.diff.ci95[1])}${noPairDiffered(o.diff, c.runs) ? `<br>${noPair}` : ''}`,
    ];
  });
  const metricKeys = [...METRIC_NAMES, ...SCORE_NAMES];
  const metricRows = metricKeys.map((k) => {
    const m = c.metrics[k];
    const t = pairedMeanTexts(m);
    return [
      `${esc(METRIC_LABELS[k])} <code>${esc(k)}</code>`,
      t.a,
      t.b,
      t.diff,
      noPairDiffered(m.diff, c.runs) ? noPair : `${t.interval[0]} to ${t.interval[1]}`,
    ];
  });
  const few = fewPairsNote(c.runs);
  const method = compareIntervalsNote([...SHOWN_OUTCOMES.map((k) => c.outcomes[k].diff), ...metricKeys.map((k) => c.metrics[k].diff)]);
  // All outcomes share one axis in percentage points; the metrics do not, so they go in a table.
  const extent = niceExtent(
    Math.max(
      ...SHOWN_OUTCOMES.map((k) => {
        const d = c.outcomes[k].diff;
        return Math.max(Math.abs(d.mean), Math.abs(d.ci95[0]), Math.abs(d.ci95[1]));
      }),
    ),
  );
  const bars = differenceBars(
    'compare-outcomes',
    SHOWN_OUTCOMES.map((k) => {
      const d = c.outcomes[k].diff;
      return { label: OUTCOME_LABELS[k], value: d.mean, interval: d.ci95, text: pp(d.mean) };
    }),
    extent,
    (v) => (v === 0 ? '0' : pp(v)),
  );
  return `
<h2 class="page">Compare: ${esc(lb)} minus ${esc(la)}</h2>
<p class="sub">A: ${esc(armText(c.a))}<br>B: ${esc(armText(c.b))}<br>${c.runs} pairs of games · seed ${esc(c.seed)} (game i of both arms plays with seed "${esc(c.seed)}:i")</p>
${ownRunNote(c, batch)}
${c.complete === false ? `<p class="assume">Incomplete comparison: ${c.runs} of the ${c.requested ?? '?'} pairs asked for finished; the figures below are those pairs'.</p>` : ''}
<p class="note">${esc(bandsWordsFor(c.uncertainty.mode, c.uncertainty.distribution))}${
    c.uncertainty.mode === 'none' ? '' : ' Both arms of game i draw the same parameters, so the differences stay paired.'
  }</p>
<p class="note">${esc(method)}${few ? ` ${esc(few)}` : ''}</p>
${figure({
  id: 'compare-outcomes',
  title: 'Compare: outcome differences, B − A',
  description: `Difference in the share of games, in percentage points, on the same random draws; whiskers: 95 % interval${
    SHOWN_OUTCOMES.every((k) => c.outcomes[k].diff.interval === 'newcombe') ? " (Newcombe's, for shares of paired games)" : ''
  }. A whisker crossing zero means the data cannot tell the two apart.`,
  picture: bars,
  head: ['Outcome', 'A', 'B', 'B − A', '95 % interval'],
  rows: outcomeRows,
})}
${table(['Metric (mean per game)', 'A', 'B', 'B − A', '95 % interval'], metricRows)}`;
}

/**
 * A comparison read from its own file need not be the batch's games: with another seed or number of
 * games, its arm A differs from the figures above by the dice alone, and a reader comparing the two
 * should know why.
 */
function ownRunNote(c: CompareJson, batch: BatchJson): string {
  if (c.seed === batch.seed && c.runs === batch.runs) return '';
  return `<p class="note">${esc(
    `This comparison is a run of its own (${c.runs} pairs, seed ${c.seed}; the games above: ${batch.runs}, seed ${batch.seed}), so where an arm plays the same bots as the games above, its figures differ from theirs by the dice alone.`,
  )}</p>`;
}

/** The half-width of a difference axis: 1, 2, 2.5 or 5 × 10^k percentage points, at least 1 pp. */
function niceExtent(x: number): number {
  const v = Math.max(x, 0.01);
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

function provenance(
  batch: BatchJson,
  scenario: Scenario | undefined,
  compare: CompareJson | undefined,
  drawn: Partial<Record<ParamId, DrawnRange>> | undefined,
): string {
  const mode = batch.uncertainty.mode;
  const items: string[] = [];
  const fromScenario: Readonly<Record<string, number>> = scenario?.params ?? {};
  const fromFlags = batch.params;
  const armParams = compare ? [...Object.keys(compare.a.params), ...Object.keys(compare.b.params)] : [];
  const ids = [...new Set<string>([...DRIVERS, ...Object.keys(fromScenario), ...Object.keys(fromFlags), ...armParams])].filter(isParamId);
  for (const id of ids) {
    const s = PARAM_SPECS[id];
    const value = fromFlags[id] ?? fromScenario[id] ?? s.value;
    const how = fromFlags[id] !== undefined ? ' (set for these games)' : fromScenario[id] !== undefined ? ' (set by this scenario)' : '';
    // Under --uncertainty a drawn parameter (one no --param pinned) is not played at the value above: say what the games drew.
    const drewIt = mode !== 'none' && fromFlags[id] === undefined && isDrawn(PRIORS[id as keyof typeof PRIORS]);
    const range = drawn?.[id];
    const played = !drewIt
      ? ''
      : `<dd>These games did not play ${esc(String(value))}: ${esc(range ? drawnRangeText(mode, id, range) : `each drew it from ${batch.uncertainty.distribution}, which is not at hand to summarise`)}.</dd>`;
    const cites = s.cites.map((f) => `${f} ${factById(f)?.title ?? ''}`.trim());
    const arms =
      compare && (compare.a.params[id] !== undefined || compare.b.params[id] !== undefined)
        ? `<dd>In the comparison: A ${esc(String(compare.a.params[id] ?? 'default'))}, B ${esc(String(compare.b.params[id] ?? 'default'))}</dd>`
        : '';
    items.push(
      `<dt>${esc(id)} = ${esc(String(value))} ${esc(s.unit)}${how}</dt>` +
        `<dd>${esc(s.description)}</dd>` +
        played +
        arms +
        (cites.length ? `<dd>Evidence: ${esc(cites.join('; '))}</dd>` : '') +
        (s.assumption ? `<dd class="assume">Assumption: ${esc(s.assumption)}</dd>` : ''),
    );
  }
  for (const inj of scenario?.injects ?? []) {
    if (!inj.assumption) continue;
    items.push(
      `<dt>Scenario inject ${esc(inj.id)} (${dateHtml(inj.from)} to ${dateHtml(inj.to)})</dt><dd>${esc(inj.note)}</dd><dd class="assume">Assumption: ${esc(inj.assumption)}</dd>`,
    );
  }
  return `<dl class="prov">${items.join('')}</dl>`;
}

export interface ReportInput {
  readonly batch: BatchJson;
  /** The scenario document the batch played (its title, dates, parameter overrides and injects). */
  readonly scenario?: Scenario;
  readonly compare?: CompareJson;
  /** Single games told in full (stories.ts chooses them). */
  readonly stories?: Stories;
  /** A brink.sensitivity/1 result: which parameters' uncertainty drives the outcomes (sensitivity.ts). */
  readonly sensitivity?: SensitivityJson;
  /** Under --uncertainty: what the games drew each parameter from (drawnRange), when that distribution is at hand. */
  readonly drawn?: Partial<Record<ParamId, DrawnRange>>;
}

/** The date each turn starts ("" when the scenario document is not at hand). */
export function turnDates(start: string | undefined, turns: number, daysPerTurn: number): string[] {
  return Array.from({ length: turns }, (_, t) => (start ? addDays(start, t * daysPerTurn) : ''));
}

/** How each game ended: the share of games per outcome, with the 95 % interval, as a figure with its table. */
export function outcomeFigure(batch: BatchJson): string {
  const rows = SHOWN_OUTCOMES.map((k) => {
    const o = batch.outcomes[k];
    return { label: OUTCOME_LABELS[k], value: o.p, interval: o.ci95, text: shareText(o.p) };
  });
  return figure({
    id: 'outcomes',
    title: 'How often each outcome happened',
    description: `Share of the ${batch.runs} games. The first five are the verdicts (each game gets one, so they add up to 100 %); the last counts games with any US death. Whiskers: 95 % interval (Wilson) for the probability under this model; with few games, read the whiskers, not just the bars.`,
    picture: shareBars('outcomes', rows),
    head: ['Outcome', 'Share', '95 % interval', 'Games'],
    rows: SHOWN_OUTCOMES.map((k) => {
      const o = batch.outcomes[k];
      return [esc(OUTCOME_LABELS[k]), shareText(o.p), intervalHtml(shareText(o.ci95[0]), shareText(o.ci95[1])), String(o.count)];
    }),
  });
}

function storiesSection(batch: BatchJson, stories: Stories | undefined): string {
  if (!stories) return '';
  // The game's own parameters: the batch's --param, and under --uncertainty what this game drew.
  const replay = (g: ChosenGame) =>
    `brink run --scenario ${batch.scenario.id} --seed '${g.seed}' --us-policy ${batch.policies.us} --iran-policy ${batch.policies.iran}` +
    paramFlags(g.params);
  const told = [
    stories.median &&
      storyHtml(stories.median.debrief, {
        id: 'story-median',
        heading: `The median game (game ${stories.median.index})`,
        why: stories.median.why,
        replay: replay(stories.median),
        drawn: stories.median.drawn,
      }),
    stories.notable &&
      storyHtml(stories.notable.debrief, {
        id: 'story-notable',
        heading: `A notable game (game ${stories.notable.index})`,
        why: stories.notable.why,
        replay: replay(stories.notable),
        drawn: stories.notable.drawn,
      }),
  ].filter(Boolean);
  return `<h2>Two games, told in full</h2>
<p class="note">A batch is many games; these are two of them, with the turning points the debrief finds and what caused each. The same game, replayed, gives the same story. ${esc(NOT_A_CONTEST)}</p>
${stories.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}
${told.join('\n')}`;
}

/**
 * Where the ladder peaked, from the batch's percentiles. "In half the games at or below rung 7" read as if
 * the other half went higher when every game stopped at 7; the spread says what the median alone does not.
 */
export function peakSentence(peak: { readonly p5: number; readonly p50: number; readonly p95: number }): string {
  const rung = (r: number) => `rung ${r} (${rungName(r)})`;
  if (peak.p5 === peak.p95) return `In at least 90 % of the games the ladder peaked at ${rung(peak.p50)}.`;
  return `The ladder peaked at ${rung(peak.p50)} in the median game, and between ${rung(peak.p5)} and ${rung(peak.p95)} in the middle 90 % of games.`;
}

export function renderReport({ batch, scenario, compare, stories, sensitivity, drawn }: ReportInput): string {
  const title = scenario?.title ?? batch.scenario.id;
  const start = scenario?.start ?? '';
  const dates = turnDates(start, batch.turns, batch.daysPerTurn);
  const metricRows = [...METRIC_NAMES, ...SCORE_NAMES].map((k) => {
    const m = batch.metrics[k];
    const band = (x: number) => metricValueText(k, x);
    return [`${esc(METRIC_LABELS[k])} <code>${esc(k)}</code>`, meanText(m.mean), band(m.p5), band(m.p50), band(m.p95)];
  });
  const fans = SERIES_NAMES.map((k) => {
    const s = batch.series[k];
    return fanChart({
      id: `fan-${k}`,
      title: SERIES_LABELS[k].title,
      unit: SERIES_LABELS[k].unit,
      ...(SERIES_LABELS[k].bound ? { bound: SERIES_LABELS[k].bound(batch.daysPerTurn) } : {}),
      points: CUMULATIVE.has(k) ? s.cumulative : s.perTurn,
      dates,
      daysPerTurn: batch.daysPerTurn,
    });
  });
  const end = start ? addDays(start, batch.turns * batch.daysPerTurn - 1) : '';
  const peak = batch.metrics.peakRung;
  const params = paramsText(batch.params);
  return page(
    `Brink report: ${title}`,
    `<h1>Brink · ${esc(title)}</h1>
<p class="sub">Scenario <b>${esc(batch.scenario.id)}</b> (${esc(batch.scenario.hash)})${start ? `, ${dateHtml(start)} to ${dateHtml(end)}` : ''} ·
${batch.runs} games · seed ${esc(batch.seed)} · US bot <b>${esc(batch.policies.us)}</b> · Iran bot <b>${esc(batch.policies.iran)}</b>${params ? ` · ${esc(params)}` : ''}</p>
<p class="note">${esc(bandsWordsFor(batch.uncertainty.mode, batch.uncertainty.distribution))}</p>
${batch.complete ? '' : `<p class="assume">Incomplete batch: ${batch.runs} of the ${batch.requested} games asked for finished; the figures below are those games'.</p>`}
<p class="note">A model of what four news reports say, not a forecast: see <a href="#limits">what this model is, and is not</a>.
Game i played with seed "${esc(batch.seed)}:i". To replay any one${
      batch.uncertainty.mode === 'none'
        ? ''
        : ', with each parameter it drew set in place of the three dots (a batch saved to a file keeps them)'
    }:</p>
${commandHtml(`brink run --scenario ${batch.scenario.id} --seed '${batch.seed}:i' --us-policy ${batch.policies.us} --iran-policy ${batch.policies.iran}${paramFlags(batch.params)}${batch.uncertainty.mode === 'none' ? '' : ' --param …'}`)}
<p>${esc(peakSentence(peak))}</p>

<h2>How the games ended</h2>
${outcomeFigure(batch)}
${storiesSection(batch, stories)}

<h2>Turn by turn</h2>
<p class="legend note"><span><i class="sw" style="background:#9cc3e6"></i>5–95 % of games</span><span><i class="sw" style="background:#123e6b"></i>median</span><span><i class="sw" style="background:#b5522b"></i>mean (dashed)</span></p>
<div class="fans">${fans.join('\n')}</div>

<h2>Totals over the game</h2>
${table(['Metric', 'Mean', '5 %', 'Median', '95 %'], metricRows)}
${compare ? compareSection(compare, batch) : ''}
${sensitivity ? sensitivitySection(sensitivity) : ''}

${limitationsSection()}

<h2>Where the numbers come from</h2>
<p class="note">The assumptions that drive these results, with their evidence. Anything marked "Assumption" is a judgement where the sources are silent: challenge it, change its value, and play the games again. ${commandHtml('brink explain ID', true)} gives the full chain.</p>
${provenance(batch, scenario, compare, drawn)}`,
  );
}
