/**
 * What a posterior says about each parameter beside its prior: the weighted median and 90 % range, how
 * far the record narrowed it, and whether the point value (what every game and batch plays without
 * --uncertainty) lies inside that range. `brink calibrate --report`, `brink explain <parameter>` and the
 * backtest's header all read it from here, so they cannot disagree.
 */
import { PARAM_IDS, PARAM_SPECS, type ParamId } from '../../model/params.ts';
import { isDrawn, priorInterval90, priorQuantile, PRIORS } from '../../model/priors.ts';
import { observedQuantile } from '../quantile.ts';
import type { PosteriorFile } from './posterior-file.ts';
import type { ParamDistribution } from '../uncertainty/distribution.ts';

export interface ParamShift {
  readonly id: ParamId;
  readonly cited: boolean;
  readonly prior: readonly [number, number];
  /** Weighted posterior median and 90 % interval, in the parameter's units. */
  readonly median: number;
  readonly posterior: readonly [number, number];
  /** 1 − posterior 90 % width / prior 90 % width: how much the record narrowed the parameter. */
  readonly narrowing: number;
  /** How far the median moved, in prior 90 % widths (signed). */
  readonly shift: number;
}

/** Weighted parameter sets: a posterior file's, or the sample a batch draws from (PosteriorSample). */
type WeightedSets = {
  readonly params: readonly string[];
  readonly particles: readonly { readonly values: readonly number[]; readonly weight: number }[];
};

function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  return observedQuantile(
    order.map((i) => values[i]!),
    q,
    order.map((i) => weights[i]!),
  );
}

/** How far the record moved one parameter (the posterior's j-th) from its prior; undefined when it has no prior to draw from. */
function shiftAt(posterior: WeightedSets, j: number, weights: readonly number[]): ParamShift | undefined {
  const id = posterior.params[j] as ParamId;
  const prior = PRIORS[id as keyof typeof PRIORS];
  if (!isDrawn(prior)) return undefined;
  const values = posterior.particles.map((p) => p.values[j]!);
  const [p5, p95] = priorInterval90(prior);
  const p50 = priorQuantile(prior, 0.5);
  const lo = weightedQuantile(values, weights, 0.05);
  const hi = weightedQuantile(values, weights, 0.95);
  const median = weightedQuantile(values, weights, 0.5);
  const width = p95 - p5 || 1;
  return {
    id,
    cited: PARAM_SPECS[id].assumption === undefined,
    prior: [p5, p95],
    median,
    posterior: [lo, hi],
    narrowing: 1 - (hi - lo) / width,
    shift: (median - p50) / width,
  };
}

/** How far the record moved each parameter from its prior, most narrowed first. */
export function shifts(posterior: WeightedSets): ParamShift[] {
  const weights = posterior.particles.map((p) => p.weight);
  return posterior.params
    .map((_, j) => shiftAt(posterior, j, weights))
    .filter((s): s is ParamShift => s !== undefined)
    .sort((a, b) => b.narrowing - a.narrowing);
}

/** One parameter's shift (as shifts() gives it), or undefined when the posterior does not calibrate it. */
export function shiftOf(posterior: WeightedSets, id: ParamId): ParamShift | undefined {
  const j = posterior.params.indexOf(id);
  return j < 0
    ? undefined
    : shiftAt(
        posterior,
        j,
        posterior.particles.map((p) => p.weight),
      );
}

/** Whether a parameter's prior draws whole numbers (day counts): its values print without decimals. */
export function isWholeNumber(id: ParamId): boolean {
  const prior = PRIORS[id as keyof typeof PRIORS];
  return prior?.kind === 'uniform' && prior.integer === true;
}

/** A parameter value as the calibration reports print it: two significant digits below 1, two decimals up to 100. */
export function formatParamValue(x: number, whole = false): string {
  if (whole && Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x === 0 ? '0' : x.toPrecision(2);
}

const decimals = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/**
 * A range as "lo–hi". An end at exactly 0 takes the other end's decimals ("0.00–2.00", not "0.0–2.00"),
 * and a whole-number parameter's ends are whole ("0–2").
 */
export function formatParamRange(range: readonly [number, number], whole = false): string {
  const [lo, hi] = range.map((x) => formatParamValue(x, whole)) as [string, string];
  if (range[0] === 0 && range[1] !== 0) return `${(0).toFixed(decimals(hi))}–${hi}`;
  if (range[1] === 0 && range[0] !== 0) return `${lo}–${(0).toFixed(decimals(lo))}`;
  return `${lo}–${hi}`;
}

/**
 * Fewer parameter sets than this and a posterior's 90 % range rests on a handful of draws (5 % of 100 is
 * five sets in each tail): its ranges and narrowings say nothing about the record.
 */
export const MIN_POSTERIOR_SETS = 100;

/** The parameter sets a posterior draws from (those of weight 0 are never drawn). */
export const posteriorSets = (file: Pick<PosteriorFile, 'particles'>) => file.particles.filter((p) => p.weight > 0).length;

/** A warning line when a posterior of `n` parameter sets is too small to read, else undefined. */
export function smallPosteriorNote(n: number, what = 'this posterior holds'): string | undefined {
  if (n >= MIN_POSTERIOR_SETS) return undefined;
  return `Warning: ${what} ${n} parameter set${n === 1 ? '' : 's'}, fewer than ${MIN_POSTERIOR_SETS}: its medians and 90 % ranges rest on too few draws to mean anything (a narrow range is the small sample, not the record). For a meaningful run give --population ${MIN_POSTERIOR_SETS} or more (the shipped calibration is regenerated by npm run calibrate).`;
}

/** Where the point value lies against the posterior's 90 % range. */
export function pointAgainstPosterior(shift: Pick<ParamShift, 'id' | 'posterior'>): 'below' | 'inside' | 'above' {
  const v = PARAM_SPECS[shift.id].value;
  return v < shift.posterior[0] ? 'below' : v > shift.posterior[1] ? 'above' : 'inside';
}

export interface PointOutside {
  readonly id: ParamId;
  readonly value: number;
  readonly side: 'below' | 'above';
  readonly shift: ParamShift;
}

/** The parameters whose point value lies outside the posterior's 90 % range (those in `pinned` excepted: a run that sets them does not play the point value). */
export function pointValuesOutside(file: Pick<PosteriorFile, 'params' | 'particles'>, pinned: readonly string[] = []): PointOutside[] {
  return shifts(file)
    .filter((s) => !pinned.includes(s.id))
    .map((s) => ({ id: s.id, value: PARAM_SPECS[s.id].value, side: pointAgainstPosterior(s), shift: s }))
    .filter((p): p is PointOutside => p.side !== 'inside');
}

/** "militiaAttackRate 1.56, below 1.58–2.57": a point value against the posterior's 90 % range. */
export function pointOutsideText(p: PointOutside): string {
  const whole = isWholeNumber(p.id);
  return `${p.id} ${formatParamValue(p.value, whole)}, ${p.side} ${formatParamRange(p.shift.posterior, whole)}`;
}

/**
 * The lines `brink explain <parameter>` adds under the prior: the posterior's median and 90 % range
 * beside the prior's, and, when the point value lies outside that range, that the record argues against it.
 */
export function posteriorLines(id: ParamId, file: Pick<PosteriorFile, 'params' | 'particles'>, source: string): string[] {
  const prior = PRIORS[id as keyof typeof PRIORS];
  if (!isDrawn(prior)) return [];
  const shift = shiftOf(file, id);
  if (!shift)
    return [`calibrated posterior: ${source} does not calibrate it (made before it had a prior); posterior draws take it from its prior`];
  const whole = isWholeNumber(id);
  const side = pointAgainstPosterior(shift);
  const lines = [
    `calibrated posterior (${source}, ${file.particles.length} weighted parameter sets): median ${formatParamValue(shift.median, whole)}, 90 % ${formatParamRange(shift.posterior, whole)} (prior 90 % ${formatParamRange(shift.prior, whole)})${side === 'inside' ? '; the point value lies inside it' : ''}`,
  ];
  if (side !== 'inside')
    lines.push(
      `the record argues against the point value: ${formatParamValue(PARAM_SPECS[id].value, whole)} lies ${side} the posterior's 90 % range (${formatParamRange(shift.posterior, whole)}); games and batches play it unless --uncertainty posterior`,
    );
  const small = smallPosteriorNote(posteriorSets(file));
  if (small) lines.push(small);
  return lines;
}

/** The median and 90 % range a batch's games drew one parameter from. */
export interface DrawnRange {
  readonly median: number;
  readonly range: readonly [number, number];
}

/**
 * What the games of a batch played for a parameter under --uncertainty: its prior's median and 90 %
 * range, or the posterior's (a parameter the posterior does not name is drawn from its prior, as
 * drawParams does). Undefined at the point values, and for a parameter that is not drawn.
 */
export function drawnRange(dist: ParamDistribution, id: ParamId): DrawnRange | undefined {
  if (dist.kind === 'none') return undefined;
  if (dist.kind === 'posterior') {
    const shift = shiftOf(dist.posterior, id);
    if (shift) return { median: shift.median, range: shift.posterior };
  }
  const prior = dist.priors[id];
  if (!isDrawn(prior)) return undefined;
  return { median: priorQuantile(prior, 0.5), range: priorInterval90(prior) };
}

/** drawnRange for every parameter a distribution draws: what a report's list of assumptions shows. */
export function drawnRanges(dist: ParamDistribution): Partial<Record<ParamId, DrawnRange>> {
  const out: Partial<Record<ParamId, DrawnRange>> = {};
  for (const id of PARAM_IDS) {
    const r = drawnRange(dist, id);
    if (r) out[id] = r;
  }
  return out;
}

/** "drawn from the calibrated posterior for each game: median 2.14, 90 % 1.58–2.57". */
export function drawnRangeText(mode: 'prior' | 'posterior', id: ParamId, r: DrawnRange): string {
  const whole = isWholeNumber(id);
  return `drawn from the ${mode === 'posterior' ? 'calibrated posterior' : 'prior'} for each game: median ${formatParamValue(r.median, whole)}, 90 % ${formatParamRange(r.range, whole)}`;
}
