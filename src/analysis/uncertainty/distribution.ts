/**
 * What a batch draws each game's parameters from: nothing (the point values), the priors, or a
 * posterior file of weighted parameter sets made by `brink calibrate`.
 *
 * Game i of a batch with seed S draws from its own seedrandom stream, `brink:S:i:params`: never from
 * the game's world streams (so the dice of game i are the same in every mode, and paired comparisons
 * stay paired), and never from a stream shared between games (so a game's parameters do not depend on
 * which worker plays it or in what order: identical results for any --workers).
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { PARAM_IDS, PARAM_SPECS, type ParamId } from '../../model/params.ts';
import { isDrawn, priorQuantile, PRIORS, type Prior } from '../../model/priors.ts';

export const UNCERTAINTY_MODES = ['none', 'prior', 'posterior'] as const;
export type UncertaintyMode = (typeof UNCERTAINTY_MODES)[number];

/** One weighted parameter set of a posterior: values in the order of the posterior's `params`. */
export interface Particle {
  readonly values: readonly number[];
  readonly weight: number;
}

/** The part of a posterior file a sampler needs (the file holds more: settings, seed, diagnostics). */
export interface PosteriorSample {
  readonly params: readonly ParamId[];
  readonly particles: readonly Particle[];
}

export type ParamDistribution =
  | { readonly kind: 'none' }
  | { readonly kind: 'prior'; readonly priors: Readonly<Partial<Record<ParamId, Prior>>> }
  | { readonly kind: 'posterior'; readonly posterior: PosteriorSample; readonly priors: Readonly<Partial<Record<ParamId, Prior>>> };

export const NO_UNCERTAINTY: ParamDistribution = { kind: 'none' };

export function priorDistribution(priors: Readonly<Partial<Record<ParamId, Prior>>> = PRIORS): ParamDistribution {
  return { kind: 'prior', priors };
}

export function posteriorDistribution(
  posterior: PosteriorSample,
  priors: Readonly<Partial<Record<ParamId, Prior>>> = PRIORS,
): ParamDistribution {
  return { kind: 'posterior', posterior, priors };
}

/** The parameters that are drawn on their own, in a fixed order (PARAM_IDS order): one uniform each. */
export function drawnParams(priors: Readonly<Partial<Record<ParamId, Prior>>> = PRIORS): ParamId[] {
  return PARAM_IDS.filter((id) => isDrawn(priors[id]));
}

/**
 * Values for every drawn parameter from one quantile each (q[i] for ids[i]), plus the remainders that
 * follow from them. Shared by the sampler and by the sensitivity designs, which work on the unit cube.
 */
export function paramsFromQuantiles(
  ids: readonly ParamId[],
  q: readonly number[],
  priors: Readonly<Partial<Record<ParamId, Prior>>> = PRIORS,
): Record<string, number> {
  const out: Record<string, number> = {};
  ids.forEach((id, i) => {
    const prior = priors[id];
    if (!isDrawn(prior)) throw new RangeError(`parameter '${id}' has no prior to draw from`);
    out[id] = priorQuantile(prior, q[i]!);
  });
  return withRemainders(out, priors);
}

/** Adds every remainder parameter (1 − the sum of its parts), reading parts from `values` or their point. */
export function withRemainders(
  values: Record<string, number>,
  priors: Readonly<Partial<Record<ParamId, Prior>>> = PRIORS,
): Record<string, number> {
  for (const id of PARAM_IDS) {
    const prior = priors[id];
    if (prior?.kind !== 'remainder') continue;
    let rest = 1;
    for (const part of prior.of) rest -= values[part] ?? PARAM_SPECS[part].value;
    values[id] = Math.min(PARAM_SPECS[id].max, Math.max(PARAM_SPECS[id].min, rest));
  }
  return values;
}

/** The stream game `index` of a batch seeded `batchSeed` draws its parameters from. */
export function paramStream(batchSeed: string, index: number): () => number {
  return seedrandom.alea(`brink:${batchSeed}:${index}:params`);
}

/**
 * The parameter overrides of game `index`: {} for `none`. `pins` (the batch's --param values) replace
 * whatever was drawn for those parameters, so pinning a parameter removes its uncertainty.
 */
export function drawParams(
  dist: ParamDistribution,
  batchSeed: string,
  index: number,
  pins: Readonly<Record<string, number>> = {},
): Record<string, number> {
  if (dist.kind === 'none') return { ...pins };
  const next = paramStream(batchSeed, index);
  let values: Record<string, number>;
  if (dist.kind === 'prior') {
    const ids = drawnParams(dist.priors);
    values = paramsFromQuantiles(
      ids,
      ids.map(() => next()),
      dist.priors,
    );
  } else {
    const { params, particles } = dist.posterior;
    const particle = pickWeighted(particles, next());
    values = {};
    params.forEach((id, i) => {
      values[id] = particle.values[i]!;
    });
    // A parameter the posterior does not name (added to the model after calibration) keeps its prior.
    for (const id of drawnParams(dist.priors)) {
      const prior = dist.priors[id];
      if (values[id] === undefined && isDrawn(prior)) values[id] = priorQuantile(prior, next());
    }
    withRemainders(values, dist.priors);
  }
  return { ...values, ...pins };
}

/** The particle at cumulative weight u × total: one uniform per draw. */
export function pickWeighted<T extends { readonly weight: number }>(items: readonly T[], u: number): T {
  if (items.length === 0) throw new RangeError('cannot draw from an empty set of particles');
  let total = 0;
  for (const it of items) total += it.weight;
  let acc = 0;
  const target = u * total;
  for (const it of items) {
    acc += it.weight;
    if (target < acc) return it;
  }
  return items[items.length - 1]!;
}

/**
 * A short identity for the distribution a batch drew from: the same priors (or the same posterior
 * particles) give the same hash on every machine, any change gives another. `none` is 'none'.
 */
export function distributionHash(dist: ParamDistribution): string {
  if (dist.kind === 'none') return 'none';
  const priors = PARAM_IDS.map((id) => [id, dist.priors[id] ?? null]);
  const body = dist.kind === 'prior' ? { priors } : { priors, params: dist.posterior.params, particles: dist.posterior.particles };
  return `${dist.kind}:${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}`;
}

/** What a batch's JSON says about its bands: which distribution, and whether they hold more than dice. */
export function uncertaintyJson(dist: ParamDistribution): {
  mode: UncertaintyMode;
  distribution: string;
  bands: 'dice' | 'dice+parameters';
} {
  return { mode: dist.kind, distribution: distributionHash(dist), bands: dist.kind === 'none' ? 'dice' : 'dice+parameters' };
}

/** Which parameters a figure was played under, in two or three words set next to it: "point values", "posterior draws". */
export function parametersLabel(mode: UncertaintyMode): string {
  return mode === 'none' ? 'point values' : `${mode} draws`;
}

/**
 * One sentence for the record checks (brink backtest, brink explain): which parameters the figures were
 * played under, and the flag that plays them under the other. `command` is the one printing it, `other`
 * the one whose default is the other mode, so a reader who saw both knows why they differ. At the point
 * values it says that the calibrated posterior, fitted to the record, is the better-supported run, and
 * names the point values the record argues against (`against`: "militiaAttackRate 1.56, below 1.58–2.57").
 */
export function playedUnderNote(
  mode: UncertaintyMode,
  distribution: string,
  other: { command: string; mode: UncertaintyMode },
  against: readonly string[] = [],
): string {
  const same = (wanted: UncertaintyMode) => (other.mode === wanted ? ` (${other.command}'s default)` : '');
  if (mode === 'none') {
    const n = against.length;
    const why =
      n === 0
        ? ''
        : ` (the record argues against ${n === 1 ? 'a point value' : `${n} point values`}, outside the posterior's 90 % range: ${against.join('; ')})`;
    return `Played at the point values: every parameter held at one value, so the bands are dice only. The calibrated posterior is the better-supported run${why}: for it${same('posterior')}, add --uncertainty posterior.`;
  }
  return `Played under ${parametersLabel(mode)}: each game draws its parameters from the ${mode === 'posterior' ? 'calibrated posterior' : 'priors'} (${distribution}), so the bands are dice plus what we do not know. For the point values${same('none')}, add --uncertainty none.`;
}

/** One line for a summary: what the bands below include. */
export function bandsNote(dist: ParamDistribution): string {
  return bandsNoteFor(dist.kind, dist.kind === 'none' ? 'none' : distributionHash(dist));
}

/** The same line from what a result file records: its mode and the distribution's identity (hash). */
export function bandsNoteFor(mode: ParamDistribution['kind'], distribution: string): string {
  switch (mode) {
    case 'none':
      return 'Bands: dice only. Every parameter is held at one value, its point value or the one --param sets; what we do not know about them is not included (add --uncertainty prior or posterior).';
    case 'prior':
      return `Bands: dice plus parameter uncertainty. Each game draws its parameters from their priors (${distribution}); score weights are not drawn. Without --uncertainty every parameter stays at its point value (bands: dice only).`;
    case 'posterior':
      return `Bands: dice plus parameter uncertainty. Each game draws its parameters from the calibrated posterior (${distribution}); score weights are not drawn. Without --uncertainty every parameter stays at its point value (bands: dice only).`;
  }
}

/**
 * What bandsNoteFor says, for a reader who runs no command (the HTML report, a class): in words, without
 * the flags that set the mode.
 */
export function bandsWordsFor(mode: ParamDistribution['kind'], distribution: string): string {
  switch (mode) {
    case 'none':
      return 'Bands: dice only. Every parameter is held at its point value (or the value these games set for it); what we do not know about the parameters is not included.';
    case 'prior':
      return `Bands: dice plus what we do not know about the parameters. Each game draws its parameters from their priors (${distribution}); score weights are not drawn.`;
    case 'posterior':
      return `Bands: dice plus what we do not know about the parameters. Each game draws its parameters from the calibrated posterior (${distribution}); score weights are not drawn.`;
  }
}

/** The same line for paired figures (brink compare, npm run strategy): both arms draw alike. */
export function pairedBandsNote(dist: ParamDistribution): string {
  return pairedBandsNoteFor(dist.kind, dist.kind === 'none' ? 'none' : distributionHash(dist));
}

/** pairedBandsNote from what a result file records (brink merge of a compare's parts). */
export function pairedBandsNoteFor(mode: ParamDistribution['kind'], distribution: string): string {
  return `${bandsNoteFor(mode, distribution)}${mode === 'none' ? '' : ' Both arms of game i draw the same parameters, so the differences stay paired.'}`;
}

/** The priors with some parameters held at a value: "pin its range to a point". */
export function pinPriors(priors: Readonly<Partial<Record<ParamId, Prior>>>, ids: readonly ParamId[]): Partial<Record<ParamId, Prior>> {
  const out: Partial<Record<ParamId, Prior>> = { ...priors };
  for (const id of ids) out[id] = { kind: 'point', reason: 'pinned to its point value', cites: [] };
  return out;
}
