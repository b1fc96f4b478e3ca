/**
 * The report's "what drives the uncertainty" section, drawn from a brink.sensitivity/1 file (written by
 * `brink sensitivity --json`, read by `brink report --sensitivity FILE`): the Morris screen of every
 * prior-bearing parameter (the top ones as bars, all in the table), then the total Sobol index of the
 * top ones for each outcome, with its 95 % bootstrap interval. Bars of parameters whose value is an
 * assumption are hatched and say so; cited ones are solid. This is the list a class should challenge
 * first. No game is played here: a sensitivity run takes minutes, a report seconds.
 */
import {
  assumptionsToChallenge,
  estimatorNoiseCases,
  flatOutcomes,
  flatOutcomesFinding,
  gamesText,
  screenedButSilentNote,
  type SensitivityJson,
} from '../analysis/sensitivity/contract.ts';
import { SENSITIVITY_OUTCOMES, type SensitivityOutcome } from '../analysis/uncertainty/measures.ts';
import { isParamId, PARAM_SPECS } from '../model/params.ts';
import { describePrior, priorOf } from '../model/priors.ts';
import { MODEL_VERSION } from '../model/version.ts';
import { figure, scaleBars } from './charts.ts';
import { commandHtml, esc } from './page.ts';

export const SENSITIVITY_LABELS: Readonly<Record<SensitivityOutcome, string>> = {
  attacksOnUS: 'Attacks on US forces',
  usKilled: 'US deaths',
  scoreUS: 'US score',
  scoreIran: 'Iran score',
  regionalWarRate: 'Regional-war rate',
};

/** How many screened parameters the chart shows (the table has them all). */
const SCREEN_SHOWN = 12;

const basis = (cited: boolean) => (cited ? 'cited' : 'assumption');

/** The range the parameter was varied over (its prior), in words. */
function rangeText(id: string): string {
  if (!isParamId(id)) return 'unknown to this model';
  const prior = priorOf(id);
  return prior ? describePrior(prior, PARAM_SPECS[id].value) : 'held at its value';
}

/** The axis top for the Morris chart: 1, 2, 2.5 or 5 × 10^k, at least the largest μ*. */
function niceMax(x: number): number {
  const v = Math.max(x, 1e-6);
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

/**
 * The top of a Sobol chart's axis: 1 (a share of variance is at most 1), or past it to take in every
 * index and whisker that runs past 1 (estimator noise), in quarters, up to SOBOL_AXIS_MOST; a whisker
 * past that is cut at the edge and ends in an arrow, and the note says so.
 */
export function sobolAxisTop(rows: readonly { readonly total: number; readonly totalCi: readonly [number, number] }[]): number {
  const most = Math.max(1, ...rows.flatMap((r) => [r.total, r.totalCi[1]]));
  return Math.min(SOBOL_AXIS_MOST, Math.ceil(most * 4 - 1e-9) / 4);
}
const SOBOL_AXIS_MOST = 2;

/** The ticks of a Sobol axis: 0, 0.5 and 1, and its top where that is past 1. */
const sobolTicks = (top: number) => (top > 1 ? [0, 0.5, 1, top] : [0, 0.5, 1]);

/**
 * How the list of assumptions to challenge is ranked, said beside it: a reader set it against the
 * screening chart just above, which ranks every parameter another way, and could not see why they differ.
 */
export const CHALLENGE_RULE =
  "The list takes the assumptions among the parameters the Sobol charts above measure and ranks them by the largest share of any outcome's variance each carries (its total index), leaving out those with no total index above 0, which say nothing; the screening chart above ranks every parameter, cited or not, by its mean effect, so the two orders can differ.";

/** Where the top parameters include assumptions, but none has an index that says anything. */
export const NOTHING_TO_CHALLENGE =
  'No assumption among the top parameters has a Sobol index above 0 in this run, so none can be named to challenge first: a longer sensitivity run, with more parameter sets and more games a set, may name them.';

export function sensitivitySection(s: SensitivityJson): string {
  const set = s.settings;
  const shown = s.screen.slice(0, SCREEN_SHOWN);
  const max = niceMax(shown[0]?.rank ?? 1);
  const screen = figure({
    id: 'sens-screen',
    title: 'Which parameters move the outcomes (Morris screening)',
    description: `Morris μ*: the average size of an outcome's change when one parameter moves across its range, in standard deviations of that outcome, the largest over the ${SENSITIVITY_OUTCOMES.length} outcomes. The ${shown.length} highest of ${s.screen.length} parameters; hatched bars are assumptions, solid bars cited from the record. The table lists every parameter, per outcome.`,
    picture: scaleBars(
      'sens-screen',
      shown.map((r) => ({
        label: `${r.id} (${basis(r.cited)})`,
        value: Math.min(r.rank, max),
        text: r.rank.toFixed(2),
        hatched: !r.cited,
      })),
      max,
      [0, max / 2, max],
      (v) => String(Number(v.toPrecision(3))),
    ),
    head: ['Parameter', 'Basis', 'Range varied', ...SENSITIVITY_OUTCOMES.map((o) => `μ* ${esc(SENSITIVITY_LABELS[o])}`), 'Largest'],
    rows: s.screen.map((r) => [
      `<code>${esc(r.id)}</code>`,
      basis(r.cited),
      esc(rangeText(r.id)),
      ...SENSITIVITY_OUTCOMES.map((o) => r.muStar[o].toFixed(2)),
      r.rank.toFixed(2),
    ]),
  });
  const flat = new Set(flatOutcomes(s));
  const sobol = SENSITIVITY_OUTCOMES.map((o) => {
    const rows = s.sobol[o];
    const title = `What drives the spread of: ${SENSITIVITY_LABELS[o]} (total Sobol index)`;
    const cases = estimatorNoiseCases(rows);
    const top = sobolAxisTop(rows);
    const cut = rows.filter((r) => r.totalCi[0] < 0 || r.totalCi[1] > top || r.total < 0 || r.total > top).map((r) => r.id);
    const axis = [
      top > 1 ? `The axis runs to ${top} to show the whiskers past 1, the most a share of variance can be (the dashed line).` : '',
      cut.length > 0 ? `Cut at the edge of the axis, and ending in an arrow there: ${cut.join(', ')} (the table has the figures).` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return figure({
      id: `sens-sobol-${o}`,
      title,
      description: `${flat.has(o) ? 'Did not vary over these parameter sets: its indices of 0 say nothing (see the note above). ' : ''}${cases.length > 0 ? `Estimator noise (see the note above the charts): ${cases.join('; ')}. ` : ''}The share of the variance of "${SENSITIVITY_LABELS[o]}" across parameter sets that each of the top ${rows.length} parameters accounts for, alone or with others; whiskers: 95 % bootstrap interval (it includes the games' own noise). Hatched: an assumption.${axis ? ` ${axis}` : ''}`,
      picture: scaleBars(
        `sens-sobol-${o}`,
        rows.map((r) => ({
          label: `${r.id} (${basis(r.cited)})`,
          value: r.total,
          interval: r.totalCi,
          text: r.total.toFixed(2),
          hatched: !r.cited,
        })),
        top,
        sobolTicks(top),
        String,
        top > 1 ? 1 : undefined,
      ),
      head: ['Parameter', 'Basis', 'Total', '95 % interval', 'First order', '95 % interval'],
      rows: rows.map((r) => [
        `<code>${esc(r.id)}</code>`,
        basis(r.cited),
        r.total.toFixed(2),
        `${r.totalCi[0].toFixed(2)} – ${r.totalCi[1].toFixed(2)}`,
        r.first.toFixed(2),
        `${r.firstCi[0].toFixed(2)} – ${r.firstCi[1].toFixed(2)}`,
      ]),
    });
  });
  // The assumptions to challenge first (CHALLENGE_RULE), said after the charts they are read from.
  const challenge = assumptionsToChallenge(s).map((id) => `<code>${esc(id)}</code>`);
  const assumed = SENSITIVITY_OUTCOMES.some((o) => s.sobol[o].some((r) => !r.cited));
  const conclusion =
    challenge.length > 0
      ? `${esc(CHALLENGE_RULE)} Challenge these assumptions first: ${challenge.join(', ')}.`
      : assumed
        ? esc(NOTHING_TO_CHALLENGE)
        : 'None of the top parameters is an assumption.';
  const other =
    s.model !== MODEL_VERSION
      ? `<p class="assume">This analysis was made by model ${esc(s.model)}; this report's model is ${esc(MODEL_VERSION)}. The rules or parameters have changed since: the sensitivity analysis must be run again for figures of this model.</p>`
      : '';
  const silent = screenedButSilentNote(s, (o) => SENSITIVITY_LABELS[o]);
  // Said once, above the charts, in words: each chart names its own cases.
  const noisy = SENSITIVITY_OUTCOMES.some((o) => estimatorNoiseCases(s.sobol[o]).length > 0);
  const noise = noisy
    ? `<p class="note">Estimator noise, not a finding: with ${set.sobolN} parameter sets and ${gamesText(set.games)}, some estimates below fall where a share of variance cannot (below 0, above 1, a first-order index above its total, or an interval past 1); each chart names them. An index whose interval crosses 0 or 1 is not resolved. A longer sensitivity run, with more parameter sets and more games a set, narrows the intervals (with four times the sets, to about half).</p>`
    : '';
  return `<h2 id="sensitivity">What drives the uncertainty</h2>
<p class="sub">From ${commandHtml('brink sensitivity', true)}: scenario ${esc(set.scenario)} · US ${esc(set.us)} · Iran ${esc(set.iran)} · seed ${esc(set.seed)} ·
${set.trajectories} Morris trajectories, Sobol on the top ${set.top} with N = ${set.sobolN}, ${set.games} games per parameter set (${s.runs.games} games in all).</p>
${other}
${
  flat.size > 0
    ? `<p class="assume">${esc(
        `${flatOutcomesFinding(
          [...flat].map((o) => SENSITIVITY_LABELS[o]),
          set.games,
        )}: a longer run, with more games a set or more parameter sets, may show ${flat.size === 1 ? 'it' : 'them'} vary.`,
      )}</p>`
    : ''
}
<p class="note">Each parameter was varied over its range (${commandHtml('brink explain ID', true)} gives the range and why); score weights are preferences and never vary.
This is which of the things no source settles would move the results most.</p>
<p class="legend note"><span><i class="sw" style="background:#2c5d8f"></i>cited from the record</span><span><i class="sw hatch"></i>assumption</span></p>
${screen}
${silent ? `<p class="assume">${esc(silent)}</p>` : ''}
${noise}
<div class="sens">${sobol.join('\n')}</div>
<p class="note">${conclusion}</p>`;
}
